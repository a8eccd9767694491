import { formatDutchDate, invalidInput, type IsoDate } from '@kern/kit';
import { equatingDecreeSchema, type EquatingDecree } from '../contract/termijnen.schema';

export type { EquatingDecree } from '../contract/termijnen.schema';

const NO_CITATION =
  'Bron: DOMAIN.md (Kern), "How statutory terms are counted". DOMAIN.md noemt de dagen, niet de officiële titel, de datum van bekendmaking of de vindplaats in de Staatscourant; die zijn daarom leeg gelaten en niet verzonnen. De periode is afgeleid uit de genoemde dagen (het besluit geldt "ongeveer drie jaar").';

/**
 * The days equated with holidays by Royal decree (Algemene termijnenwet art. 3 lid 3), as shipped
 * with Kern: the decree in force and its predecessor, with the days DOMAIN.md lists. DOMAIN.md
 * gives no official title, publication date or Staatscourant reference, so the titles below only
 * describe the decree, the date and reference are null, and `sourceNote` says so; an operator adds
 * the next decree (with its citation) with `kern termijn besluit toevoegen` or the admin page.
 */
export const builtInDecrees: readonly EquatingDecree[] = [
  {
    id: 'atw-gelijkgestelde-dagen-2023-2025',
    title: 'Besluit gelijkgestelde dagen Algemene termijnenwet 2023-2025, de voorganger van het besluit in werking (officiële titel niet bekend)',
    publishedOn: null,
    publication: null,
    sourceNote: NO_CITATION,
    coversFrom: '2023-01-01',
    coversUntil: '2025-12-31',
    days: ['2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30'],
  },
  {
    id: 'atw-gelijkgestelde-dagen-2026-2028',
    title: 'Besluit gelijkgestelde dagen Algemene termijnenwet 2026-2028, in werking (officiële titel niet bekend)',
    publishedOn: null,
    publication: null,
    sourceNote: NO_CITATION,
    coversFrom: '2026-01-01',
    coversUntil: '2028-12-31',
    days: ['2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26'],
  },
];

/**
 * How a decree is named in an explanation: its title, with publication date and reference where
 * known, and "vindplaats onbekend" where not, so that no reader takes a description for a citation.
 */
export function decreeCitation(d: EquatingDecree): string {
  const parts = [d.title];
  if (d.publishedOn) parts.push(`bekendgemaakt ${formatDutchDate(d.publishedOn)}`);
  parts.push(d.publication ?? 'vindplaats onbekend');
  return parts.join(', ');
}

/**
 * Checks a decree and that it fits with those already known: a new id, and a period that does not
 * overlap another decree's (the next decree starts where the last one ends). Throws invalid-input
 * with the field that is wrong.
 */
export function checkDecree(raw: unknown, known: readonly EquatingDecree[]): EquatingDecree {
  const parsed = equatingDecreeSchema.safeParse(raw);
  if (!parsed.success) {
    throw invalidInput(
      { nl: 'Het besluit is ongeldig en is niet opgeslagen; zie de fouten per veld.', en: 'The decree is invalid and was not stored; see the errors per field.' },
      parsed.error.issues.map((i) => ({ name: i.path.join('.') || 'decree', reason: i.message })),
    );
  }
  const decree = parsed.data;
  if (known.some((k) => k.id === decree.id)) {
    throw invalidInput({ nl: `Er is al een besluit met id ${decree.id}.`, en: `A decree with id ${decree.id} already exists.` }, [{ name: 'id', reason: 'bestaat al' }]);
  }
  const overlapping = known.find((k) => decree.coversFrom <= k.coversUntil && k.coversFrom <= decree.coversUntil);
  if (overlapping) {
    throw invalidInput(
      {
        nl: `De periode overlapt met het besluit "${overlapping.title}" (${formatDutchDate(overlapping.coversFrom)} t/m ${formatDutchDate(overlapping.coversUntil)}).`,
        en: `The period overlaps the decree "${overlapping.title}" (${overlapping.coversFrom} to ${overlapping.coversUntil}).`,
      },
      [{ name: 'coversFrom', reason: `overlapt met ${overlapping.id}` }],
    );
  }
  return decree;
}

/** The last day any known decree covers; after it, further days may still be equated. */
export function lastCoveredDay(decrees: readonly EquatingDecree[]): IsoDate | undefined {
  return decrees.reduce<IsoDate | undefined>((last, d) => (last === undefined || d.coversUntil > last ? d.coversUntil : last), undefined);
}
