import type { StatutoryTermId, SuspensionGround } from '../contract';
import type { TermLength } from './counting';

/**
 * The statutory terms as data. Code reads the rules from here; a new term is a new entry, not a
 * new branch. Texts: wetten.overheid.nl (Wmo 2015 BWBR0035362, Wgs BWBR0031331, Awb BWBR0005537).
 */

export { statutoryTermIds, statutoryTermIdSchema, suspensionGrounds, suspensionGroundSchema, suspensionGroundLabels, type StatutoryTermId, type SuspensionGround } from '../contract';

const awbGrounds: readonly SuspensionGround[] = ['awb-4:15-aanvulling', 'awb-4:15-instemming', 'awb-4:15-vertraging-aanvrager', 'awb-4:15-overmacht'];

export interface StatutoryTerm {
  id: StatutoryTermId;
  law: 'Wmo 2015' | 'Awb' | 'Wgs' | 'Fw' | 'Gemeente';
  article: string;
  /** The event on whose day the term starts; that day itself does not count. */
  startEvent: { nl: string; en: string };
  description: { nl: string; en: string };
  /** The statutory length; for a term the municipality sets, the statutory maximum and default. */
  length: TermLength;
  /**
   * `atw`: calendar length, end adjusted by Atw art. 1 and 2;
   * `working-days`: counted in working days of the statutory calendar;
   * `maximum-duration`: how long something may last at most; Atw art. 4(1)(a) excludes terms over
   *   three months, so the end is the plain calendar date.
   */
  counting: 'atw' | 'working-days' | 'maximum-duration';
  /** Set by municipal regulation within `length` (Wgs art. 4a); `computeDeadline` takes the weeks. */
  setByMunicipality: boolean;
  suspension: { allowed: false } | { allowed: true; grounds: readonly SuspensionGround[] };
}

export const statutoryTerms: Readonly<Record<StatutoryTermId, StatutoryTerm>> = {
  'wmo-onderzoek': {
    id: 'wmo-onderzoek',
    law: 'Wmo 2015',
    article: 'art. 2.3.2 lid 1',
    startEvent: { nl: 'de melding', en: 'the melding (request for support)' },
    description: {
      nl: 'Het onderzoek naar de hulpvraag is binnen zes weken na de melding afgerond. Een persoonlijk plan (binnen 7 dagen, lid 2) zet de klok niet stil.',
      en: 'The assessment of the request is completed within six weeks of the melding. A personal plan (within 7 days, para. 2) does not stop the clock.',
    },
    length: { count: 6, unit: 'weeks' },
    counting: 'atw',
    setByMunicipality: false,
    suspension: { allowed: true, grounds: ['agreed-with-client'] },
  },
  'wmo-beschikking': {
    id: 'wmo-beschikking',
    law: 'Wmo 2015',
    article: 'art. 2.3.5 lid 2',
    startEvent: { nl: 'de ontvangst van de aanvraag', en: 'receipt of the application' },
    description: { nl: 'Beschikking op de aanvraag binnen twee weken na ontvangst.', en: 'Decision on the application within two weeks of receipt.' },
    length: { count: 2, unit: 'weeks' },
    counting: 'atw',
    setByMunicipality: false,
    suspension: { allowed: true, grounds: awbGrounds },
  },
  'jeugdwet-beschikking': {
    id: 'jeugdwet-beschikking',
    law: 'Awb',
    article: 'art. 4:13 lid 2',
    startEvent: { nl: 'de ontvangst van de aanvraag', en: 'receipt of the application' },
    description: {
      nl: 'De Jeugdwet kent geen eigen beslistermijn: beschikking binnen acht weken na ontvangst van de aanvraag (Awb 4:13).',
      en: 'The Jeugdwet sets no term of its own: decision within eight weeks of receipt of the application (Awb 4:13).',
    },
    length: { count: 8, unit: 'weeks' },
    counting: 'atw',
    setByMunicipality: false,
    suspension: { allowed: true, grounds: awbGrounds },
  },
  'wgs-eerste-gesprek': {
    id: 'wgs-eerste-gesprek',
    law: 'Wgs',
    article: 'art. 4 lid 1',
    startEvent: { nl: 'het hulpverzoek of het aanvaarde aanbod na een signaal', en: 'the request for help or the accepted offer after a signal' },
    description: { nl: 'Eerste gesprek binnen vier weken na het hulpverzoek.', en: 'First conversation within four weeks of the request for help.' },
    length: { count: 4, unit: 'weeks' },
    counting: 'atw',
    setByMunicipality: false,
    suspension: { allowed: false },
  },
  'wgs-eerste-gesprek-urgent': {
    id: 'wgs-eerste-gesprek-urgent',
    law: 'Wgs',
    article: 'art. 4 lid 2',
    startEvent: { nl: 'het hulpverzoek of signaal', en: 'the request for help or signal' },
    description: {
      nl: 'Bij dreigende huisuitzetting, afsluiting van gas, elektriciteit, warmte of drinkwater, of opzegging van de zorgverzekering: eerste gesprek binnen drie werkdagen.',
      en: 'On threatened eviction, cut-off of gas, electricity, heat or drinking water, or termination of health insurance: first conversation within three working days.',
    },
    length: { count: 3, unit: 'working-days' },
    counting: 'working-days',
    setByMunicipality: false,
    suspension: { allowed: false },
  },
  'wgs-beschikking': {
    id: 'wgs-beschikking',
    law: 'Wgs',
    article: 'art. 4a',
    startEvent: { nl: 'het eerste gesprek', en: 'the first conversation' },
    description: {
      nl: 'Beschikking over toegang tot schuldhulpverlening (met plan van aanpak of afwijzing) binnen de gemeentelijke termijn, ten hoogste acht weken na het eerste gesprek.',
      en: 'Decision on access to debt help (with a plan or a refusal) within the municipal term, at most eight weeks after the first conversation.',
    },
    length: { count: 8, unit: 'weeks' },
    counting: 'atw',
    setByMunicipality: true,
    suspension: { allowed: true, grounds: awbGrounds },
  },
  'wgs-moratorium': {
    id: 'wgs-moratorium',
    law: 'Fw',
    article: 'art. 287b (Wgs art. 5)',
    startEvent: { nl: 'de ingang van het moratorium', en: 'the start of the moratorium' },
    description: {
      nl: 'Afkoelingsperiode of breed moratorium: ten hoogste zes maanden.',
      en: 'Cooling-off period or broad moratorium: at most six months.',
    },
    length: { count: 6, unit: 'months' },
    counting: 'maximum-duration',
    setByMunicipality: false,
    suspension: { allowed: false },
  },
  // Not statutory: a service norm of the municipal debt fund (NIHS model). It is counted like a
  // statutory term (Atw art. 1 and 2) so that the resident and the creditors can rely on the same
  // reading of "within four weeks" as for the Wgs terms.
  'fonds-overname': {
    id: 'fonds-overname',
    law: 'Gemeente',
    article: 'dienstverleningsnorm schuldenfonds',
    startEvent: { nl: 'het besluit tot overname door het schuldenfonds', en: 'the decision that the debt fund takes over' },
    description: {
      nl: 'Het gemeentelijk schuldenfonds neemt alle schulden over binnen vier weken na het besluit (dienstverleningsnorm, geen wettelijke termijn).',
      en: 'The municipal debt fund takes over all debts within four weeks of the decision (a service norm, not a statutory term).',
    },
    length: { count: 4, unit: 'weeks' },
    counting: 'atw',
    setByMunicipality: false,
    suspension: { allowed: false },
  },
  'awb-bezwaar': {
    id: 'awb-bezwaar',
    law: 'Awb',
    article: 'art. 6:7 en 6:8',
    startEvent: { nl: 'de bekendmaking van het besluit', en: 'the announcement of the decision' },
    description: {
      nl: 'De termijn voor het indienen van een bezwaarschrift is zes weken; hij begint met ingang van de dag na de bekendmaking van het besluit.',
      en: 'The term for lodging an objection is six weeks, starting on the day after the decision was announced.',
    },
    length: { count: 6, unit: 'weeks' },
    counting: 'atw',
    setByMunicipality: false,
    suspension: { allowed: false },
  },
  // Awb 7:10 lid 1: the decision on an objection is due six weeks (twelve with an advisory
  // committee, art. 7:13) counted from the day after the objection term ended, not from receipt.
  // Lid 3 allows six weeks more once; lid 4 more with the objector's consent: suspension grounds.
  'awb-beslissing-bezwaar': {
    id: 'awb-beslissing-bezwaar',
    law: 'Awb',
    article: 'art. 7:10 lid 1',
    startEvent: { nl: 'het einde van de bezwaartermijn (of de ontvangst van een te laat bezwaar)', en: 'the end of the objection term (or receipt of a late objection)' },
    description: {
      nl: 'De gemeente beslist op het bezwaar binnen zes weken, gerekend vanaf de dag na het einde van de bezwaartermijn.',
      en: 'The municipality decides on the objection within six weeks, counted from the day after the objection term ended.',
    },
    length: { count: 6, unit: 'weeks' },
    counting: 'atw',
    setByMunicipality: false,
    suspension: { allowed: true, grounds: ['awb-4:15-instemming', 'awb-4:15-vertraging-aanvrager'] },
  },
  'awb-beslissing-bezwaar-commissie': {
    id: 'awb-beslissing-bezwaar-commissie',
    law: 'Awb',
    article: 'art. 7:10 lid 1 (met adviescommissie, art. 7:13)',
    startEvent: { nl: 'het einde van de bezwaartermijn (of de ontvangst van een te laat bezwaar)', en: 'the end of the objection term (or receipt of a late objection)' },
    description: {
      nl: 'Met een bezwaarcommissie beslist de gemeente op het bezwaar binnen twaalf weken, gerekend vanaf de dag na het einde van de bezwaartermijn.',
      en: 'With an advisory committee the municipality decides on the objection within twelve weeks, counted from the day after the objection term ended.',
    },
    length: { count: 12, unit: 'weeks' },
    counting: 'atw',
    setByMunicipality: false,
    suspension: { allowed: true, grounds: ['awb-4:15-instemming', 'awb-4:15-vertraging-aanvrager'] },
  },
};

/** The most weeks a municipality may set for the Wgs decision (art. 4a). */
export const MAX_WGS_DECISION_WEEKS = 8;
