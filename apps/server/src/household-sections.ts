import { assessmentsSectionSource } from '@kern/assessments';
import { casesSectionSource } from '@kern/cases';
import { debtSectionSource } from '@kern/debt';
import { signalsSectionSource, type HouseholdServices, type SectionSource } from '@kern/household';
import { offeringsSectionSource } from '@kern/offerings';
import { planSectionSource } from '@kern/plans';
import { provisionsSectionSource } from '@kern/provisions';
import { loadHousehold, type BrpClient } from '@kern/registry';

/**
 * Every section of the household view, in the order it is shown. Each lives in the module that
 * owns its data and reads under the grant the view hands it; a module joins the view with one
 * line here, so @kern/household itself depends on no domain module.
 */
export const householdSections: readonly SectionSource[] = [
  casesSectionSource,
  provisionsSectionSource,
  planSectionSource,
  assessmentsSectionSource,
  offeringsSectionSource,
  debtSectionSource,
  signalsSectionSource,
];

/** The household view's wiring: the register it asks who lives together, and its sections. */
export function householdServices(brp: BrpClient): Pick<HouseholdServices, 'householdOf' | 'householdSources'> {
  return {
    householdOf: (bsn, municipalityCode) => loadHousehold(brp, bsn, municipalityCode),
    householdSources: householdSections,
  };
}
