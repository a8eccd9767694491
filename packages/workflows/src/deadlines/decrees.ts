import { formatDutchDate, invalidInput, type IsoDate } from '@kern/kit';
import { equatingDecreeSchema, type EquatingDecree } from '../contract/termijnen.schema';

export type { EquatingDecree } from '../contract/termijnen.schema';

/**
 * The days equated with holidays by Royal decree (Algemene termijnenwet art. 3 lid 3), as shipped
 * with Kern: the decree in force and its predecessor, with the days DOMAIN.md lists. The decree's
 * own date and its Staatscourant reference are not recorded there, so they are null here rather
 * than guessed; an operator can add them (or the next decree) with `kern termijn besluit toevoegen`.
 */
export const builtInDecrees: readonly EquatingDecree[] = [
  {
    id: 'atw-gelijkgestelde-dagen-2023-2025',
    title: 'Koninklijk besluit gelijkgestelde dagen Algemene termijnenwet, 2023 tot en met 2025 (voorganger van het besluit in werking)',
    decreedOn: null,
    publication: null,
    coversFrom: '2023-01-01',
    coversUntil: '2025-12-31',
    days: ['2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30'],
  },
  {
    id: 'atw-gelijkgestelde-dagen-2026-2028',
    title: 'Koninklijk besluit gelijkgestelde dagen Algemene termijnenwet, 2026 tot en met 2028 (in werking)',
    decreedOn: null,
    publication: null,
    coversFrom: '2026-01-01',
    coversUntil: '2028-12-31',
    days: ['2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26'],
  },
];

/** How a decree is named in an explanation: its title, with date and publication where known. */
export function decreeCitation(d: EquatingDecree): string {
  const parts = [d.title];
  if (d.decreedOn) parts.push(`van ${formatDutchDate(d.decreedOn)}`);
  if (d.publication) parts.push(d.publication);
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
