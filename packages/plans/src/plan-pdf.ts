import type { AccessContext, AccessServices } from '@kern/access';
import { zrmDomains } from '@kern/assessments';
import type { Tx } from '@kern/db';
import { rgb, TextDocument } from '@kern/documents';
import { notFound } from '@kern/kit';
import { loadPlanFor } from './load-plan';
import { buildPlanView } from './plan-view';
import type { Plan, PlanVersion } from './contract';

type Lang = 'nl' | 'en';

const words = {
  nl: {
    title: 'Ons plan', for: 'Voor', version: 'Versie', agreed: (d: string, who: string) => `Afgesproken op ${d} door ${who}.`,
    draft: 'Dit is een voorstel. Het geldt pas als u ermee instemt.', superseded: 'Dit is een oudere versie. Er is een nieuwere afspraak.',
    goals: 'Wat we willen bereiken', actions: 'Wie doet wat, en wanneer', agreements: 'Afspraken', reviews: 'Wanneer we samen terugkijken',
    coordinator: 'Uw contactpersoon', none: 'Nog niets opgeschreven.', household: 'het hele huishouden', before: 'vóór',
    owner: { citizen: 'U zelf', network: 'Iemand uit uw omgeving', professional: 'Hulpverlener', provider: 'Zorgaanbieder' },
    goalStatus: { open: '', achieved: ' (bereikt)', dropped: ' (niet meer nodig)' }, actionStatus: { open: '', done: ' (gedaan)', cancelled: ' (vervallen)' },
    footer: 'Wilt u iets veranderen? Zeg het uw contactpersoon. Dan maken we samen een nieuwe versie.',
  },
  en: {
    title: 'Our plan', for: 'For', version: 'Version', agreed: (d: string, who: string) => `Agreed on ${d} by ${who}.`,
    draft: 'This is a proposal. It only counts once you agree to it.', superseded: 'This is an older version. There is a newer agreement.',
    goals: 'What we want to achieve', actions: 'Who does what, and when', agreements: 'Agreements', reviews: 'When we look back together',
    coordinator: 'Your contact person', none: 'Nothing written down yet.', household: 'the whole household', before: 'before',
    owner: { citizen: 'You', network: 'Someone close to you', professional: 'Professional', provider: 'Care provider' },
    goalStatus: { open: '', achieved: ' (achieved)', dropped: ' (no longer needed)' }, actionStatus: { open: '', done: ' (done)', cancelled: ' (cancelled)' },
    footer: 'Want to change something? Tell your contact person. Then we make a new version together.',
  },
} as const;

const dateText = (iso: string, lang: Lang): string =>
  new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The plan as the citizen reads it: plain words, large type, names instead of numbers. */
export async function planPdf(plan: Plan, version: PlanVersion, lang: Lang = 'nl'): Promise<Uint8Array> {
  const w = words[lang];
  const out = await TextDocument.create({
    title: `${w.title} - ${w.version} ${version.version}`,
    language: lang === 'nl' ? 'nl-NL' : 'en-GB',
    layout: { width: 595, height: 842, color: rgb(0.1, 0.1, 0.1) },
  });
  const nameOf = (bsn: string | null) => (bsn === null ? w.household : (plan.members.find((m) => m.bsn === bsn)?.name ?? w.household));

  out.text(w.title, { size: 22, bold: true, gap: 6 });
  out.text(`${w.for}: ${plan.members.map((m) => m.name).join(', ')}`, { size: 13 });
  out.text(`${w.version} ${version.version}`, { size: 13 });
  const agreement = version.agreements[0];
  out.text(version.state === 'draft' ? w.draft : version.state === 'superseded' ? w.superseded : agreement ? w.agreed(dateText(agreement.agreedAt, lang), agreement.partyName) : '', { size: 12, gap: 10 });

  out.text(w.goals, { size: 15, bold: true, gap: 4 });
  if (version.content.goals.length === 0) out.text(w.none);
  for (const g of version.content.goals) {
    const domain = zrmDomains.find((d) => d.key === g.domain)?.name[lang] ?? g.domain;
    out.text(`${domain} - ${nameOf(g.memberBsn)}${w.goalStatus[g.status as keyof typeof w.goalStatus] ?? ''}`, { bold: true, indent: 8 });
    out.text(g.text, { indent: 8, gap: 6 });
  }
  out.space();
  out.text(w.actions, { size: 15, bold: true, gap: 4 });
  if (version.content.actions.length === 0) out.text(w.none);
  for (const a of version.content.actions) {
    out.text(`${a.text}${w.actionStatus[a.status as keyof typeof w.actionStatus] ?? ''}`, { indent: 8 });
    out.text(`${w.owner[a.owner.kind]}: ${a.owner.name} - ${w.before} ${dateText(a.dueDate, lang)}`, { indent: 20, size: 10, gap: 6 });
  }
  out.space();
  out.text(w.agreements, { size: 15, bold: true, gap: 4 });
  if (version.content.agreements.length === 0) out.text(w.none);
  for (const a of version.content.agreements) out.text(`- ${a.text}`, { indent: 8 });
  out.space();
  out.text(w.reviews, { size: 15, bold: true, gap: 4 });
  if (version.content.reviewDates.length === 0) out.text(w.none);
  for (const d of version.content.reviewDates) out.text(`- ${dateText(d, lang)}`, { indent: 8 });
  out.space();
  out.text(w.coordinator, { size: 15, bold: true, gap: 4 });
  out.text(plan.coordinator.name, { indent: 8, gap: 12 });
  out.text(w.footer, { size: 11 });
  return out.save();
}

/** The PDF of one version (default: the version in force, else the draft), audited as an export. */
export async function renderPlanPdf(services: AccessServices, tx: Tx, ctx: AccessContext, planId: string, options: { version?: number | undefined; lang?: Lang | undefined } = {}): Promise<Uint8Array> {
  const { row } = await loadPlanFor(services, tx, ctx, planId, { resource: 'plan', action: 'export', detail: `plan PDF${options.version ? ` version ${options.version}` : ''}` });
  const plan = await buildPlanView(tx, row);
  const wanted = options.version ?? plan.agreedVersion ?? plan.draftVersion ?? 1;
  const version = plan.versions.find((v) => v.version === wanted);
  if (!version) throw notFound({ nl: `Versie ${wanted} van dit plan bestaat niet.`, en: `Version ${wanted} of this plan does not exist.` });
  return planPdf(plan, version, options.lang ?? 'nl');
}
