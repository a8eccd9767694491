import { sql, type Tx } from '@kern/db';
import type { AccessContext, AccessDecision, PolicyDocument, Relation } from './contract';
import { AccessDenied, auditEntryFor, type AccessServices, type Grant } from './authorize';
import { sectionResource, type DataCategory } from './contract';
import { decide } from './decide';
import { requirePurpose } from './http-context';
import { breakGlassPurposes } from './policy-invariants';

/**
 * Why a section is not shown in full. Derived from the decision alone (actor, purpose, relations,
 * consents), never from the data, so the reason cannot tell what is withheld:
 * - other-law-no-consent: another law's data; the member's consent would let you see it;
 * - other-law: another law's data, signal only;
 * - no-relation: you have no relation with this member under this purpose;
 * - not-in-policy: the policy shows this to no one in your role and purpose.
 */
export type WithholdReason = 'other-law-no-consent' | 'other-law' | 'no-relation' | 'not-in-policy';

export interface SectionDecision {
  category: DataCategory;
  state: 'full' | 'signal' | 'withheld';
  breakGlass: boolean;
  /** The legal basis the section is shared on: a law article, or the consent with its id. */
  legalBasis?: string | undefined;
  ruleId?: string | undefined;
  consentId?: string | undefined;
  reason?: WithholdReason | undefined;
}

export interface HouseholdDecisions {
  /** The grant to open the household at all (its members' identifying data). */
  gate: Grant;
  /** Per member BSN, one decision per category, in the order asked. */
  members: Map<string, SectionDecision[]>;
  /** Members whose consents the actor may list and record (policy resource `consent`), so a page need not try the others. */
  consentManageable: Set<string>;
}

export type MemberRelation = 'case' | 'team-case' | 'coordinator' | 'break-glass';

/**
 * The actor's relations with the members under the purpose (involvements, live break-the-glass
 * grants) and, when asked, the members' consents in effect for this purpose to one of the actor's
 * roles: one statement.
 */
async function findFacts(
  tx: Tx,
  q: { bsns: string[]; purpose: string; actorId: string; teamIds: string[]; at: Date; recipients: string[]; withConsents: boolean },
): Promise<{ relations: Map<string, Set<MemberRelation>>; consents: Map<string, string> }> {
  const r = await sql<{ subject_bsn: string; relation: MemberRelation | 'consent'; category: string | null; consent_id: string | null }>`
    select inv.subject_bsn, case when inv.kind = 'coordinator' then 'coordinator' when inv.account_id = ${q.actorId}::uuid then 'case' else 'team-case' end as relation,
        null::text as category, null::text as consent_id
      from involvements inv
      where inv.subject_bsn = any(${q.bsns}::char(9)[]) and inv.closed_at is null and inv.purpose = ${q.purpose}
        and (inv.account_id = ${q.actorId}::uuid or inv.team_id = any(${q.teamIds}::uuid[]))
    union all
    select g.subject_bsn, 'break-glass', null, null from break_glass_grants g
      where g.subject_bsn = any(${q.bsns}::char(9)[]) and g.account_id = ${q.actorId}::uuid and g.purpose = ${q.purpose} and g.expires_at > ${q.at.toISOString()}::timestamptz
    union all
    select c.subject_bsn, 'consent', unnest(c.data_categories), c.id::text from consents c
      where ${q.withConsents} and c.subject_bsn = any(${q.bsns}::char(9)[]) and c.action = 'given' and c.purpose = ${q.purpose}
        and c.recipient = any(${q.recipients}::text[]) and not exists (select 1 from consents w where w.withdraws = c.id)`.execute(tx);
  const relations = new Map<string, Set<MemberRelation>>();
  const consents = new Map<string, string>();
  for (const row of r.rows) {
    if (row.relation === 'consent') {
      const key = `${row.subject_bsn}:${row.category ?? ''}`;
      // Several consents may cover a category; name the smallest id, so the legal basis is stable.
      const known = consents.get(key);
      if (!known || (row.consent_id ?? '') < known) consents.set(key, row.consent_id ?? '');
      continue;
    }
    const set = relations.get(row.subject_bsn) ?? new Set<MemberRelation>();
    set.add(row.relation);
    relations.set(row.subject_bsn, set);
  }
  return { relations, consents };
}

/** Placeholder for "granted by a consent"; the member's own consent id replaces it. */
const CONSENT = 'consent';

const score = (d: AccessDecision): number => (!d.allowed ? 0 : (d.view === 'full' ? 3 : 1) + (d.relation === 'break-glass' ? 0 : 1));
/** Law before consent before break-the-glass, when they give the same view. */
const preference: Relation[] = ['case', 'team-case', 'coordinator', 'household', 'consent', 'break-glass'];

function decideSection(policy: PolicyDocument, ctx: AccessContext, category: DataCategory, relations: Set<Relation>): SectionDecision {
  const request = { actor: ctx.actor, purpose: ctx.purpose, resource: sectionResource(category), action: 'read' as const };
  let best: AccessDecision | undefined;
  for (const relation of preference) {
    if (!relations.has(relation)) continue;
    const d = decide(policy, { ...request, relations: [relation] });
    if (d.allowed && d.relation === relation && score(d) > (best ? score(best) : 0)) best = d;
  }
  if (!best) {
    return { category, state: 'withheld', breakGlass: false, reason: relations.size === 0 ? 'no-relation' : 'not-in-policy' };
  }
  const viaConsent = best.relation === 'consent';
  const decision: SectionDecision = {
    category,
    state: best.view === 'signal' ? 'signal' : 'full',
    breakGlass: best.relation === 'break-glass',
    legalBasis: best.legalBasis,
    ruleId: best.ruleId,
    ...(viaConsent ? { consentId: CONSENT } : {}),
  };
  if (decision.state === 'signal') {
    const withConsent = decide(policy, { ...request, relations: ['consent'] });
    decision.reason = withConsent.allowed && withConsent.relation === 'consent' && withConsent.view === 'full' ? 'other-law-no-consent' : 'other-law';
  }
  return decision;
}

/** What the household decisions are made from: the relations and consents found, per member. */
export interface HouseholdFacts {
  subjectBsn: string;
  bsns: string[];
  categories: readonly DataCategory[];
  relations: Map<string, Set<MemberRelation>>;
  /** "<bsn>:<category>" -> the consent in effect. */
  consents: Map<string, string>;
}

/**
 * The household decisions as a pure function of the policy and the facts: the gate (may the
 * actor open this household at all) and per member and category the section decision. Exported
 * so the default policy can be table-tested without a database.
 */
export function decideHouseholdFrom(
  document: PolicyDocument,
  ctx: AccessContext,
  f: HouseholdFacts,
): { gate: AccessDecision; members: Map<string, SectionDecision[]> } {
  const gate = decide(document, { actor: ctx.actor, purpose: ctx.purpose, resource: 'household', action: 'read', relations: [...(f.relations.get(f.subjectBsn) ?? [])] });
  const members = new Map<string, SectionDecision[]>();
  if (!gate.allowed || gate.relation === 'none') return { gate, members };
  // Working with one member (not under the glass) makes the actor someone who works with the household.
  const inHousehold = f.bsns.some((b) => [...(f.relations.get(b) ?? [])].some((r) => r !== 'break-glass'));
  // Members mostly share their relations: decide each distinct case once.
  const memo = new Map<string, SectionDecision>();
  for (const bsn of f.bsns) {
    const own = new Set<Relation>(f.relations.get(bsn) ?? []);
    if (inHousehold) own.add('household');
    members.set(
      bsn,
      f.categories.map((category) => {
        const consentId = f.consents.get(`${bsn}:${category}`);
        const relations = new Set(own);
        if (consentId) relations.add('consent');
        const key = `${category}|${[...relations].sort().join(',')}`;
        let decided = memo.get(key);
        if (!decided) {
          decided = decideSection(document, ctx, category, relations);
          memo.set(key, decided);
        }
        // A section shared on consent names the member's own consent in its legal basis.
        return decided.consentId === CONSENT && consentId ? { ...decided, consentId, legalBasis: `${decided.legalBasis ?? ''} ${consentId}` } : decided;
      }),
    );
  }
  return { gate, members };
}

/**
 * The access decisions for a household view, in one go: may the actor open the household of
 * `subjectBsn` at all (else AccessDenied, audited by runAsTenant), and for each member and data
 * category: full, signal or withheld, with the legal basis (law article or consent id). Relations
 * and consents are read fresh on every call, so a withdrawn consent hides a section at once.
 * Writes nothing: the caller audits one record per member it shows (auditEntryFor).
 */
export async function decideHousehold(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  q: { subjectBsn: string; memberBsns: string[]; categories: readonly DataCategory[] },
): Promise<HouseholdDecisions> {
  const purpose = requirePurpose(ctx);
  const { document } = await services.policies.get(tx, ctx.actor.municipalityCode);
  const bsns = [...new Set([q.subjectBsn, ...q.memberBsns])];
  const { relations, consents } = await findFacts(tx, {
    bsns, purpose, actorId: ctx.actor.id, teamIds: ctx.actor.teamIds, at: services.clock.now(), recipients: ctx.actor.roles, withConsents: q.categories.length > 0,
  });
  const facts: HouseholdFacts = { subjectBsn: q.subjectBsn, bsns, categories: q.categories, relations, consents };
  const { gate } = decideHouseholdFrom(document, ctx, { ...facts, bsns: [], categories: [] });
  if (!gate.allowed || gate.relation === 'none' || !gate.ruleId) {
    const breakGlassPossible = document.breakGlass.roles.some((r) => ctx.actor.roles.includes(r)) && breakGlassPurposes(document, ctx.actor.roles).has(purpose);
    throw new AccessDenied(auditEntryFor(ctx, { resource: 'household', action: 'read', subjectBsn: q.subjectBsn, detail: 'household view' }, gate), breakGlassPossible);
  }
  const { members } = decideHouseholdFrom(document, ctx, facts);
  const consentManageable = new Set(
    bsns.filter((b) => {
      const d = decide(document, { actor: ctx.actor, purpose, resource: 'consent', action: 'create', relations: [...(relations.get(b) ?? [])] });
      return d.allowed && d.relation !== 'none';
    }),
  );
  return {
    gate: { view: gate.view ?? 'full', legalBasis: gate.legalBasis ?? '', breakGlass: gate.relation === 'break-glass', ruleId: gate.ruleId },
    members,
    consentManageable,
  };
}
