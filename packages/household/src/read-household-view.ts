import { decideHousehold, grantSections, recordDecidedAccess, requirePurpose, runAsTenant, type AccessContext, type AccessServices, type SectionDecision } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { invalidInput, isValidBsn, notFound } from '@kern/kit';
import type { Household } from '@kern/registry/contract';
import type { HouseholdView, Section, SourcedItem, TimelineEvent } from './contract';
import type { SectionSource } from './section-source';

export interface HouseholdServices extends AccessServices {
  /** Who lives with a resident, from the register (the BRP via @kern/registry); throws an error with code 'not-found' for none. */
  householdOf: (bsn: string, municipalityCode: string) => Promise<Household>;
  /**
   * The sources of the view, in the order their sections show, each in the module that owns its
   * data; registered at start-up (apps/server/src/household-sections.ts).
   */
  householdSources: readonly SectionSource[];
}

const byTeam = (a: { team: string; contact: string }, b: { team: string; contact: string }) => a.team.localeCompare(b.team) || a.contact.localeCompare(b.contact);

function render(source: SectionSource, decision: SectionDecision, items: SourcedItem[]): Section {
  const base = { kind: source.kind, category: decision.category };
  if (decision.state === 'withheld') return { ...base, state: 'withheld', reason: decision.reason ?? 'not-in-policy' };
  if (decision.state === 'signal') {
    // Only that something runs and where to ask: no count, no dates, no titles.
    const at = new Map<string, { team: string; contact: string }>();
    for (const i of items) if (i.status === 'open' && i.at) at.set(`${i.at.team}\n${i.at.contact}`, i.at);
    return {
      ...base, state: 'signal', basis: decision.legalBasis ?? '', breakGlass: decision.breakGlass, reason: decision.reason ?? 'other-law',
      running: items.some((i) => i.status === 'open'), at: [...at.values()].sort(byTeam),
    };
  }
  return {
    ...base, state: 'full', basis: decision.legalBasis ?? '', breakGlass: decision.breakGlass,
    items: items.map(({ memberBsn: _m, category: _c, events: _e, ...item }) => item),
  };
}

function requireHouseholdInput(ctx: AccessContext, bsn: string): void {
  if (!isValidBsn(bsn)) throw invalidInput({ nl: 'Dit is geen geldig BSN (de elfproef klopt niet).', en: 'This is not a valid BSN (the 11-test fails).' }, [{ name: 'bsn', reason: '11-test fails' }]);
  requirePurpose(ctx);
}

async function loadFromBrp(services: HouseholdServices, ctx: AccessContext, bsn: string): Promise<Household> {
  try {
    return await services.householdOf(bsn, ctx.actor.municipalityCode);
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'not-found') {
      throw notFound({ nl: 'Deze persoon staat niet ingeschreven in uw gemeente.', en: 'This person is not registered in your municipality.' });
    }
    throw e;
  }
}

/**
 * The household view as the HTTP route serves it: the access decision first (a refusal is
 * audited), then the BRP outside any database transaction (a network call must not hold a
 * connection or, on the embedded engine, the whole database), then the decisions again, the
 * sections and the audit records in one transaction (readHouseholdView).
 */
export async function viewHousehold(services: HouseholdServices, ctx: AccessContext, bsn: string): Promise<HouseholdView> {
  requireHouseholdInput(ctx, bsn);
  await runAsTenant(services, ctx, (tx) => decideHousehold(services, tx, ctx, { subjectBsn: bsn, memberBsns: [], categories: [] }));
  const household = await loadFromBrp(services, ctx, bsn);
  return runAsTenant(services, ctx, (tx) => readHouseholdView(services, tx, ctx, bsn, household));
}

/**
 * The integral household view: the members (BRP) and, per member and data category, each
 * source's section in full, as a signal or withheld, as the policy decides for this actor and
 * purpose (decideHousehold). Sources are asked only for what may be shown. Every member shown
 * gets one audit record, in this transaction, naming the legal basis of each section shared.
 * The timeline holds only events of sections shown in full.
 */
export async function readHouseholdView(services: HouseholdServices, tx: Tx, ctx: AccessContext, bsn: string, preloaded?: Household): Promise<HouseholdView> {
  requireHouseholdInput(ctx, bsn);
  const sources = services.householdSources;
  const categories = [...new Set(sources.flatMap((s) => s.categories))];
  let household = preloaded;
  if (!household) {
    // Decide before asking the BRP, so a refusal never depends on what the register holds.
    await decideHousehold(services, tx, ctx, { subjectBsn: bsn, memberBsns: [], categories: [] });
    household = await loadFromBrp(services, ctx, bsn);
  }
  const memberBsns = household.members.flatMap((m) => (m.bsn ? [m.bsn] : []));
  const decisions = await decideHousehold(services, tx, ctx, { subjectBsn: bsn, memberBsns, categories });

  const loaded: { source: SectionSource; items: SourcedItem[] }[] = [];
  for (const source of sources) {
    loaded.push(await (async () => {
      const grant = grantSections(tx, ctx, decisions, { memberBsns, categories: source.categories, today: isoDay(services.clock.now()) });
      const items = grant.members.size > 0 ? await source.load(grant) : [];
      // The source was granted only what may be shown; hold it to that anyway.
      return { source, items: items.filter((i) => grant.members.get(i.memberBsn)?.includes(i.category)) };
    })());
  }

  const timeline: (TimelineEvent & { order: number })[] = [];
  const members = household.members.map(({ resident: _full, ...member }, memberIndex) => {
    const memberDecisions = member.bsn ? (decisions.members.get(member.bsn) ?? []) : [];
    const sections: Section[] = [];
    for (const { source, items } of loaded) {
      for (const category of source.categories) {
        const decision = memberDecisions.find((d) => d.category === category);
        if (!decision) continue;
        const mine = items.filter((i) => i.memberBsn === member.bsn && i.category === category);
        const section = render(source, decision, mine);
        sections.push(section);
        if (section.state === 'full' && member.bsn) {
          for (const i of mine) for (const e of i.events) timeline.push({ ...e, memberBsn: member.bsn, kind: source.kind, category, order: memberIndex });
        }
      }
    }
    return { ...member, sections, consentManageable: member.bsn !== undefined && decisions.consentManageable.has(member.bsn) };
  });

  // One audit record per member shown, with the legal basis of every section shared with the actor.
  const entries = members.flatMap((m) => {
    if (!m.bsn) return [];
    const own = decisions.members.get(m.bsn) ?? [];
    const shared = own.filter((d) => d.state !== 'withheld');
    const list = (state: SectionDecision['state']) => own.filter((d) => d.state === state).map((d) => d.category).join(',') || '-';
    const breakGlass = decisions.gate.breakGlass || shared.some((d) => d.breakGlass);
    return [{
      check: { resource: 'household', action: 'read', subjectBsn: m.bsn, detail: `household view of the ${m.relation === 'self' ? 'subject' : `subject's ${m.relation}`}; full: ${list('full')}; signal: ${list('signal')}; withheld: ${list('withheld')}` },
      decision: {
        allowed: true,
        reason: `rule ${decisions.gate.ruleId}`,
        legalBasis: [`members: ${decisions.gate.legalBasis}`, ...shared.map((d) => `section-${d.category} (${d.state}): ${d.legalBasis ?? ''}`)].join('; '),
        relation: breakGlass ? 'break-glass' : 'case',
      },
    } as const];
  });
  await recordDecidedAccess(services, tx, ctx, entries);

  timeline.sort((a, b) => b.date.localeCompare(a.date) || a.order - b.order || categories.indexOf(a.category) - categories.indexOf(b.category) || a.event.localeCompare(b.event) || a.label.localeCompare(b.label));
  return {
    subjectBsn: household.subjectBsn,
    ...(household.address ? { address: household.address } : {}),
    access: { basis: decisions.gate.legalBasis, breakGlass: decisions.gate.breakGlass },
    members,
    timeline: timeline.map(({ order: _o, ...e }) => e),
  };
}
