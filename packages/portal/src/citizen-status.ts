import type { CaseRow, DeadlineRow } from '@kern/cases';
import type { CorePhase, Werkwijze } from '@kern/workflows';
import type { CitizenStatusWords } from './contract';

/**
 * Where a case stands in the citizen's words. The portal never shows the werkwijze's step names
 * ("Toewijzen aan zorgaanbieder (backoffice)"): each core phase has a sentence for now and one for
 * what comes next; a werkwijze may give its own sentences per phase (`citizenStatus`), which then
 * win for its ordinary case types. Objection cases keep the objection texts (the Awb's steps).
 */
type Words = { nl: string; en: string };
type PhaseWords = Record<CorePhase, { now: Words; next: Words }>;

const request: PhaseWords = {
  melding: {
    now: { nl: 'We hebben uw vraag ontvangen.', en: 'We have received your question.' },
    next: { nl: 'We nemen contact met u op voor een gesprek over uw vraag.', en: 'We will contact you for a conversation about your question.' },
  },
  onderzoek: {
    now: { nl: 'We onderzoeken uw vraag.', en: 'We are looking into your question.' },
    next: { nl: 'Na het onderzoek kunt u de ondersteuning aanvragen die u nodig heeft; daarna besluiten wij.', en: 'After the assessment you can apply for the support you need; then we decide.' },
  },
  besluit: {
    now: { nl: 'We nemen een besluit over uw aanvraag.', en: 'We are deciding on your application.' },
    next: { nl: 'U krijgt ons besluit als brief, ook hier in Mijn gemeente.', en: 'You will receive our decision as a letter, also here in Mijn gemeente.' },
  },
  uitvoering: {
    now: { nl: 'U krijgt de ondersteuning waartoe wij hebben besloten.', en: 'You receive the support we decided on.' },
    next: { nl: 'Later bespreken we met u of de ondersteuning helpt.', en: 'Later we will discuss with you whether the support helps.' },
  },
  evaluatie: {
    now: { nl: 'We bespreken met u of de ondersteuning helpt.', en: 'We are discussing with you whether the support helps.' },
    next: { nl: 'Daarna ronden we de zaak af of zoeken we samen verder.', en: 'Then we close the case or look further together.' },
  },
  afsluiting: {
    now: { nl: 'Deze zaak is afgerond.', en: 'This case is closed.' },
    next: { nl: 'U hoeft niets te doen. Heeft u een nieuwe vraag? Stel die hier in Mijn gemeente.', en: 'You need not do anything. A new question? Ask it here in Mijn gemeente.' },
  },
};

const objection: PhaseWords = {
  melding: {
    now: { nl: 'We hebben uw bezwaar ontvangen.', en: 'We have received your objection.' },
    next: { nl: 'We nemen contact met u op om uw bezwaar te bespreken; u mag uw bezwaar ook mondeling toelichten (horen).', en: 'We will contact you to discuss your objection; you may also explain it in person (hearing).' },
  },
  onderzoek: {
    now: { nl: 'We bekijken het besluit opnieuw en horen u over uw bezwaar.', en: 'We are reconsidering the decision and hearing you on your objection.' },
    next: { nl: 'Daarna beslissen wij op uw bezwaar.', en: 'Then we decide on your objection.' },
  },
  besluit: {
    now: { nl: 'We beslissen op uw bezwaar.', en: 'We are deciding on your objection.' },
    next: { nl: 'U krijgt onze beslissing op uw bezwaar als brief.', en: 'You will receive our decision on your objection as a letter.' },
  },
  uitvoering: request.uitvoering,
  evaluatie: request.evaluatie,
  afsluiting: {
    now: { nl: 'Wij hebben op uw bezwaar beslist, of u heeft het ingetrokken.', en: 'We have decided on your objection, or you withdrew it.' },
    next: { nl: 'Bent u het niet eens met de beslissing op uw bezwaar? In de brief staat hoe u in beroep gaat bij de rechtbank.', en: 'Disagree with the decision on your objection? The letter says how to appeal to the court.' },
  },
};

const phaseOf = (p: string): CorePhase => (p in request ? (p as CorePhase) : 'melding');

export function citizenStatusOf(c: CaseRow, w: Werkwijze | undefined, deadlines: readonly DeadlineRow[], teamName: string | null): CitizenStatusWords {
  const caseType = w?.caseTypes.find((t) => t.id === c.caseTypeId);
  const isObjection = caseType?.objection === true;
  const phase = phaseOf(c.phase);
  const own = isObjection ? undefined : w?.citizenStatus?.[phase];
  const base = (isObjection ? objection : request)[phase];
  const said = (key: string): string | undefined => {
    const value = c.fields[key];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const decision = said('besluitKenmerk');
  const asked = isObjection
    ? `${caseType?.name ?? 'Bezwaar'}${decision ? ` ${decision}` : ''}`
    : (said('hulpvraag') ?? said('vraag') ?? caseType?.name ?? c.caseTypeId);
  const open = c.status === 'open' ? deadlines.filter((d) => d.metDate === null).map((d) => d.dueDate).sort() : [];
  return {
    asked,
    now: own ? { nl: own.now, en: own.now } : base.now,
    next: own ? { nl: own.next, en: own.next } : base.next,
    nextBy: open[0] ?? null,
    contact: teamName,
  };
}
