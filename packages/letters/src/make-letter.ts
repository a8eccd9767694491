import { createHash } from 'node:crypto';
import type { AccessContext, AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { renderTextPdf } from '@kern/documents';
import { newId } from '@kern/kit';
import { hasPortalAccount } from '@kern/portal';
import { frequencies, unitLabels, type Decision } from '@kern/provisions';
import type { BrpClient, Resident } from '@kern/registry';
import { municipalityName } from '@kern/tenancy';
import type { LetterType } from './contract';
import { findCurrentTemplate, insertLetter } from './letters.repository';
import { fillTemplate, type LetterValues } from './template';

export interface LettersServices extends AccessServices {
  brp: BrpClient;
}

const longDate = (iso: string): string =>
  new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const euro = (cents: number): string => (cents / 100).toLocaleString('nl-NL', { style: 'currency', currency: 'EUR' });

/** One granted provision in words: category, form, volume, period. */
export function provisionText(p: Decision['provisions'][number]): string {
  const parts = [`Productcategorie ${p.category}${p.productCode ? ` (product ${p.productCode})` : ''}`, p.form === 'pgb' ? 'als persoonsgebonden budget (pgb)' : 'als zorg in natura'];
  if (p.volume !== null && p.unit !== null) {
    const unit = unitLabels[p.unit as keyof typeof unitLabels]?.nl ?? p.unit;
    const freq = p.frequency ? (frequencies[p.frequency as keyof typeof frequencies]?.nl ?? '') : '';
    parts.push(`${p.volume} ${unit}${freq ? ` ${freq}` : ''}`);
  }
  if (p.budgetCents !== null) parts.push(`budget ${euro(p.budgetCents)}`);
  if (p.pgbAmountCents !== null) parts.push(`pgb-bedrag ${euro(p.pgbAmountCents)}`);
  parts.push(p.validTo ? `van ${longDate(p.validFrom)} tot en met ${longDate(p.validTo)}` : `vanaf ${longDate(p.validFrom)}`);
  return `- ${parts.join(', ')}.`;
}

export function letterTypeOf(decision: Pick<Decision, 'outcome'>): LetterType {
  return decision.outcome === 'refused' ? 'beschikking-afwijzing' : 'beschikking-toekenning';
}

/** The values a beschikking letter is filled with, from the recorded decision and the BRP. */
export function decisionLetterValues(decision: Decision, resident: Resident | null, municipality: string): LetterValues {
  const a = resident?.address;
  return {
    naam: resident?.name.fullName ?? 'Geachte inwoner',
    adres: a ? `${a.street} ${a.houseNumber}${a.houseLetter ?? ''}${a.houseNumberAddition ? `-${a.houseNumberAddition}` : ''}` : '',
    postcodeWoonplaats: a ? `${a.postcode} ${a.city}` : '',
    besluitdatum: longDate(decision.decidedOn),
    kenmerk: decision.reference,
    wet: decision.law === 'wmo' ? 'Wmo 2015' : 'Jeugdwet',
    voorzieningen: decision.provisions.length > 0 ? decision.provisions.map(provisionText).join('\n') : '- Geen.',
    motivering: decision.reasons,
    // The objection term was computed when the decision was recorded, on the statutory calendar
    // (Awb 6:7 and 6:8 with the Algemene termijnenwet, @kern/workflows): never counted again here.
    bezwaarTot: longDate(decision.objectionUntil),
    gemeente: municipality,
  };
}

/**
 * Makes the beschikking letter of a decision just recorded, in the decision's transaction: the
 * template in force for the municipality and letter type, filled from the decision and the BRP,
 * written as a PDF (language nl-NL, title set) and stored with the case. The decision's own access
 * decision (resource `decision`, create) covers it. Delivered in the portal, or marked for print
 * when the citizen does not use Mijn gemeente.
 */
export async function makeDecisionLetter(services: LettersServices, tx: Tx, ctx: AccessContext, decision: Decision): Promise<{ id: string; delivery: 'portal' | 'print' }> {
  const municipalityCode = ctx.actor.municipalityCode;
  const letterType = letterTypeOf(decision);
  const template = await findCurrentTemplate(tx, municipalityCode, letterType);
  if (!template) throw new Error(`no letter template for ${letterType}`);
  const resident = await services.brp.getPersonByBsn(decision.subjectBsn, { municipalityCode });
  const values = decisionLetterValues(decision, resident, (await municipalityName(tx, municipalityCode)) ?? municipalityCode);
  const { title, lines } = fillTemplate(template, values);
  const pdf = await renderTextPdf(title, [title, '', ...lines], 'nl-NL');
  const delivery = (await hasPortalAccount(tx, decision.subjectBsn)) ? 'portal' : 'print';
  const id = newId();
  await insertLetter(tx, {
    id, municipalityCode, caseId: decision.caseId, decisionId: decision.id, subjectBsn: decision.subjectBsn, letterType, templateId: template.id,
    title, language: 'nl-NL', delivery, sizeBytes: pdf.byteLength, sha256: createHash('sha256').update(pdf).digest('hex'), content: pdf,
    createdAt: services.clock.now().toISOString(), createdBy: ctx.actor.id,
  });
  return { id, delivery };
}
