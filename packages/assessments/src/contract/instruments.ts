import { instrumentSchema, type Instrument } from './assessments.schema';

/**
 * The instruments Kern ships, as data (DOMAIN.md, "Instruments"): names and scale labels only.
 * The per-level definitions of the Zelfredzaamheid-Matrix are GGD Amsterdam's licensed text; a
 * municipality with a licence loads them (import-level-texts.ts). Each definition is validated by
 * the same schema an imported instrument would be.
 */
const zrmScale = {
  min: 1,
  max: 5,
  labels: [
    { value: 1, label: { nl: 'acuut', en: 'acute' } },
    { value: 2, label: { nl: 'niet zelfredzaam', en: 'not self-reliant' } },
    { value: 3, label: { nl: 'beperkt zelfredzaam', en: 'limited self-reliance' } },
    { value: 4, label: { nl: 'voldoende zelfredzaam', en: 'sufficiently self-reliant' } },
    { value: 5, label: { nl: 'volledig zelfredzaam', en: 'fully self-reliant' } },
  ],
};

const d = (key: string, nl: string, en: string) => ({ key, name: { nl, en } });

/** The 13 ZRM 2017 domains; plans use them as the life domains of goals. */
export const zrmDomains = [
  d('financien', 'Financiën', 'Finances'),
  d('werk-opleiding', 'Werk & Opleiding', 'Work & education'),
  d('tijdsbesteding', 'Tijdsbesteding', 'Time use'),
  d('huisvesting', 'Huisvesting', 'Housing'),
  d('huiselijke-relaties', 'Huiselijke relaties', 'Domestic relations'),
  d('geestelijke-gezondheid', 'Geestelijke gezondheid', 'Mental health'),
  d('lichamelijke-gezondheid', 'Lichamelijke gezondheid', 'Physical health'),
  d('middelengebruik', 'Middelengebruik', 'Substance use'),
  d('basale-adl', 'Basale ADL', 'Basic ADL'),
  d('instrumentele-adl', 'Instrumentele ADL', 'Instrumental ADL'),
  d('sociaal-netwerk', 'Sociaal netwerk', 'Social network'),
  d('maatschappelijke-participatie', 'Maatschappelijke participatie', 'Community participation'),
  d('justitie', 'Justitie', 'Justice'),
] as const;
export const zrmDomainKeys = zrmDomains.map((x) => x.key);
export type ZrmDomainKey = (typeof zrmDomains)[number]['key'];

const raw: unknown[] = [
  {
    id: 'zrm-volwassenen',
    name: { nl: 'Zelfredzaamheid-Matrix (ZRM 2017)', en: 'Self-Sufficiency Matrix (ZRM 2017)' },
    subject: 'person',
    source: 'GGD Amsterdam, ZRM 2017; per-level texts under licence',
    licensedLevelTexts: true,
    scale: zrmScale,
    domains: zrmDomains,
  },
  {
    // DOMAIN.md fixes the count (5) and the scale, not the names: these are the household-level
    // domains Kern uses until a municipality loads the licensed household supplement's texts.
    id: 'zrm-huishouden',
    name: { nl: 'Zelfredzaamheid-Matrix huishouden', en: 'Self-Sufficiency Matrix household' },
    subject: 'household',
    source: 'GGD Amsterdam, ZRM 2017 household version; per-level texts under licence',
    licensedLevelTexts: true,
    scale: zrmScale,
    domains: [
      d('financien-huishouden', 'Financiën van het huishouden', 'Household finances'),
      d('huisvesting-huishouden', 'Huisvesting van het huishouden', 'Household housing'),
      d('huiselijke-relaties-huishouden', 'Relaties in het huishouden', 'Relations within the household'),
      d('opvoeding-verzorging', 'Opvoeding en verzorging', 'Parenting and care'),
      d('netwerk-huishouden', 'Netwerk van het huishouden', 'Household network'),
    ],
  },
  {
    id: 'participatieladder',
    name: { nl: 'Participatieladder', en: 'Participation ladder' },
    subject: 'person',
    source: 'Participatieladder (Divosa / Movisie)',
    licensedLevelTexts: false,
    scale: {
      min: 1,
      max: 6,
      labels: [
        { value: 1, label: { nl: 'geïsoleerd', en: 'isolated' } },
        { value: 2, label: { nl: 'sociale contacten buitenshuis', en: 'social contacts outside the home' } },
        { value: 3, label: { nl: 'deelname aan georganiseerde activiteiten', en: 'taking part in organised activities' } },
        { value: 4, label: { nl: 'onbetaald werk', en: 'unpaid work' } },
        { value: 5, label: { nl: 'betaald werk met ondersteuning', en: 'paid work with support' } },
        { value: 6, label: { nl: 'betaald werk zonder ondersteuning', en: 'paid work without support' } },
      ],
    },
    domains: [d('participatie', 'Trede op de ladder', 'Step on the ladder')],
  },
  {
    id: 'positieve-gezondheid',
    name: { nl: 'Positieve Gezondheid', en: 'Positive Health' },
    subject: 'person',
    source: 'Institute for Positive Health (iPH), the six dimensions scored 0-10',
    licensedLevelTexts: false,
    scale: {
      min: 0,
      max: 10,
      labels: [
        { value: 0, label: { nl: 'heel slecht', en: 'very poor' } },
        { value: 10, label: { nl: 'heel goed', en: 'very good' } },
      ],
    },
    domains: [
      d('lichaamsfuncties', 'Lichaamsfuncties', 'Bodily functions'),
      d('mentaal-welbevinden', 'Mentaal welbevinden', 'Mental well-being'),
      d('zingeving', 'Zingeving', 'Meaningfulness'),
      d('kwaliteit-van-leven', 'Kwaliteit van leven', 'Quality of life'),
      d('meedoen', 'Meedoen', 'Participation'),
      d('dagelijks-functioneren', 'Dagelijks functioneren', 'Daily functioning'),
    ],
  },
];

export const instruments: readonly Instrument[] = raw.map((i) => instrumentSchema.parse(i));

export function findInstrument(id: string): Instrument | undefined {
  return instruments.find((i) => i.id === id);
}
