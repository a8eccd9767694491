import { overlaps, tr002, tr101, tr135, type Finding } from '../inbound/header-rules';
import type { XNode } from '../xml-lite';
import type { Request315, Request317 } from './request-parse';

/** Header (TR135) and whole-message content findings (XSLT-level rules, 0001) of a 315 or 317. */
export function requestMessageFindings(r: Request315 | Request317, dagtekening: string, today: string): { header: Finding[]; content: Finding[] } {
  const content: Finding[] = [];
  if (r.kind === '315') {
    content.push(...tr002(r.client, dagtekening), ...tr101(r.products.map((p) => p.node)));
    // TR383: ReferentieAanbieder is unique for every AangevraagdProduct within the message.
    const refs = r.products.map((p) => p.referentieAanbieder);
    if (new Set(refs).size !== refs.length) content.push({ rule: 'TR383', code: '0001' });
    // TR386: the same product only more than once when the periods do not overlap.
    if (sameProductOverlaps(r.products.map((p) => ({ categorie: p.categorie, code: p.code, from: p.ingangsdatum, to: p.einddatum })))) content.push({ rule: 'TR386', code: '0001' });
  } else {
    content.push(...tr101([...r.unchanged, ...r.toChange, ...r.added].map((p) => p.node)));
    // TR352: at least one OngewijzigdProduct or TeWijzigenProduct; TR353: at least one TeWijzigenProduct or NieuwProduct.
    if (r.unchanged.length + r.toChange.length === 0) content.push({ rule: 'TR352', code: '0001' });
    if (r.toChange.length + r.added.length === 0) content.push({ rule: 'TR353', code: '0001' });
    // TR410: a product only more than once among the NieuwProducten when the periods do not overlap.
    if (sameProductOverlaps(r.added.map((p) => ({ categorie: p.categorie, code: p.code, from: p.gewensteIngangsdatum, to: p.einddatum })))) content.push({ rule: 'TR410', code: '0001' });
  }
  return { header: tr135(dagtekening, today), content };
}

/**
 * Whether a product occurs twice with overlapping periods. Without a product code the category is
 * compared; without a category the product overlaps with any other (as TR361 spells out).
 */
function sameProductOverlaps(ps: { categorie: string | null; code: string | null; from: string; to: string | null }[]): boolean {
  for (let i = 0; i < ps.length; i++) {
    for (let j = i + 1; j < ps.length; j++) {
      const a = ps[i];
      const b = ps[j];
      if (!a || !b) continue;
      const same = a.categorie === null || b.categorie === null || (a.categorie === b.categorie && (a.code === null || b.code === null || a.code === b.code));
      if (same && overlaps(a.from, a.to, b.from, b.to)) return true;
    }
  }
  return false;
}

/** A current allocation (actuele toewijzing) of the client at the provider, per OP087 / TR349. */
export interface CurrentAllocation {
  toewijzingNummer: string;
  startDate: string;
  endDate: string | null;
}

/** What the request rules need to know beyond the message. */
export interface RequestFacts {
  /** TR347: ReferentieAanbieder already used by this provider within this standard. */
  referenceUsed(ref: string): Promise<boolean>;
  /** TR374: a request of this provider for this client that has not been answered with a refusal or an allocation. */
  openRequest(): Promise<boolean>;
  /** TR349-TR351: the client's current allocations at this provider. */
  currentAllocations(): Promise<CurrentAllocation[]>;
}

/** Findings per message class of a 315: on the Client (TR374) and per AangevraagdProduct (TR347). */
export async function judge315(r: Request315, facts: RequestFacts): Promise<Map<XNode, Finding[]>> {
  const out = new Map<XNode, Finding[]>();
  if (await facts.openRequest()) out.set(r.client, [{ rule: 'TR374', code: '9374' }]);
  for (const p of r.products) {
    if (await facts.referenceUsed(p.referentieAanbieder)) out.set(p.node, [{ rule: 'TR347', code: '9347' }]);
  }
  return out;
}

/** Findings per message class of a 317: on the Verzoek (TR347, TR374, TR349) and per product (TR350, TR351, TR357, TR373). */
export async function judge317(r: Request317, dagtekening: string, facts: RequestFacts): Promise<Map<XNode, Finding[]>> {
  const out = new Map<XNode, Finding[]>();
  const add = (n: XNode, f: Finding) => out.set(n, [...(out.get(n) ?? []), f]);
  if (await facts.referenceUsed(r.referentieAanbieder)) add(r.verzoek, { rule: 'TR347', code: '9347' });
  if (await facts.openRequest()) add(r.verzoek, { rule: 'TR374', code: '9374' });
  const current = await facts.currentAllocations();
  const byNumber = new Map(current.map((a) => [a.toewijzingNummer, a]));
  const named = new Set([...r.unchanged, ...r.toChange].map((p) => p.toewijzingNummer));
  if (current.some((a) => !named.has(a.toewijzingNummer))) add(r.verzoek, { rule: 'TR349', code: '9349' });
  for (const p of r.unchanged) {
    if (!byNumber.has(p.toewijzingNummer)) add(p.node, { rule: 'TR350', code: '9350' });
  }
  for (const p of r.toChange) {
    const a = byNumber.get(p.toewijzingNummer);
    if (!a) {
      add(p.node, { rule: 'TR351', code: '9351' });
      continue;
    }
    // TR357: a change that does not lie in the future is a change for the whole period.
    if (p.gewensteIngangsdatum <= dagtekening && p.gewensteIngangsdatum !== a.startDate) add(p.node, { rule: 'TR357', code: '9357' });
    // TR373: a changed budget or total-in-period (frequency 6) is a change for the whole period.
    else if ((p.budget !== null || p.omvang?.frequentie === '6') && p.gewensteIngangsdatum !== a.startDate) add(p.node, { rule: 'TR373', code: '9373' });
  }
  return out;
}
