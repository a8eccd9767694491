import type { SectionSource } from '../section-source';
import { assessmentsSource } from './assessments.source';
import { casesSource } from './cases.source';
import { debtSource } from './debt.source';
import { offeringsSource } from './offerings.source';
import { planSource } from './plan.source';
import { provisionsSource } from './provisions.source';
import { signalsSource } from './signals.source';

/**
 * Every source of the household view, in the order its sections are shown. A module joins the
 * view by adding one line here (its source in its own package, exporting a SectionSource).
 */
export const sectionSources: SectionSource[] = [
  casesSource,
  provisionsSource,
  planSource,
  assessmentsSource,
  offeringsSource,
  debtSource,
  signalsSource,
];
