/**
 * The server names a wrong field in problem+json `invalidParams` with a short English reason:
 * zod's own message for a schema failure, or a module's word for a rule ("after today"). People
 * read it in their own language: a zod message is read back into its issue and said by the same
 * issueMessage the forms use; a module's reason is looked up below. A reason we do not know is
 * never shown raw to a Dutch reader.
 */
import { issueMessage, type IssueLike, type UserMessage } from '@kern/kit/contract';
import type { Lang } from './i18n';

/** Reasons the modules give today, with what a person should do about them. */
const REASONS: Record<string, UserMessage> = {
  required: { nl: 'Vul dit veld in.', en: 'Fill in this field.' },
  empty: { nl: 'Vul dit veld in.', en: 'Fill in this field.' },
  'after today': { nl: 'Kies een datum van vandaag of eerder.', en: 'Choose today or an earlier date.' },
  'in the future': { nl: 'Kies een datum van vandaag of eerder.', en: 'Choose today or an earlier date.' },
  'before validFrom': { nl: 'Kies een einddatum op of na de begindatum.', en: 'Choose an end date on or after the start date.' },
  'not a calendar date YYYY-MM-DD': { nl: 'Kies een datum in de vorm JJJJ-MM-DD.', en: 'Enter a date in the form YYYY-MM-DD.' },
  'outside the contract period': { nl: 'Kies een datum binnen de looptijd van het contract.', en: 'Choose a date within the contract period.' },
  'not valid in the period': { nl: 'Dit geldt niet in de gekozen periode; kies een andere periode.', en: 'This is not valid in the chosen period; choose another period.' },
  negative: { nl: 'Vul een bedrag van 0 of meer in.', en: 'Enter an amount of 0 or more.' },
  'not an integer': { nl: 'Vul een heel getal in.', en: 'Enter a whole number.' },
  'whole eurocents, not negative': { nl: 'Vul een bedrag in hele centen in, niet negatief.', en: 'Enter an amount in whole cents, not negative.' },
  'more than the claim': { nl: 'Vul een bedrag in dat niet hoger is dan de vordering.', en: 'Enter an amount no higher than the claim.' },
  'eight digits': { nl: 'Vul acht cijfers in.', en: 'Enter eight digits.' },
  'four digits, e.g. 0599': { nl: 'Vul vier cijfers in, zoals 0599.', en: 'Enter four digits, such as 0599.' },
  'unknown team': { nl: 'Kies een team uit de lijst.', en: 'Choose a team from the list.' },
  'unknown case type': { nl: 'Kies een zaaktype uit de lijst.', en: 'Choose a case type from the list.' },
  'unknown purpose': { nl: 'Kies een doel uit de lijst.', en: 'Choose a purpose from the list.' },
  'unknown in the BRP': { nl: 'Dit BSN is niet bekend in de BRP; controleer de cijfers.', en: 'This BSN is not known in the BRP; check the digits.' },
  'not a member': { nl: 'Deze persoon hoort niet bij dit huishouden.', en: 'This person is not a member of this household.' },
  'same person': { nl: 'Kies twee verschillende personen.', en: 'Choose two different people.' },
  'no running term': { nl: 'Deze termijn loopt niet (meer).', en: 'This term is not running (any more).' },
  'too many files': { nl: 'Stuur minder bestanden tegelijk.', en: 'Send fewer files at once.' },
  'not a PDF, JPEG or PNG by its content': { nl: 'Kies een PDF-, JPEG- of PNG-bestand.', en: 'Choose a PDF, JPEG or PNG file.' },
  'describe your question in a few words': { nl: 'Beschrijf uw vraag in een paar woorden.', en: 'Describe your question in a few words.' },
  'choose what your question is about': { nl: 'Kies waar uw vraag over gaat.', en: 'Choose what your question is about.' },
};

/** Reads zod 4's English message (the server's reason) back into the issue it describes. */
export function issueFromReason(reason: string): IssueLike | null {
  const type = /^Invalid input: expected (\w+), received (\w+)/.exec(reason);
  if (type) return { code: 'invalid_type', expected: type[1], message: reason };
  const size = /^Too (small|big): expected (\w+) to (?:have|be) (>=|>|<=|<)(-?\d+(?:\.\d+)?)/.exec(reason);
  if (size) {
    const [, way, origin, op, n] = size;
    const inclusive = op === '>=' || op === '<=';
    return way === 'small'
      ? { code: 'too_small', origin, inclusive, minimum: Number(n) }
      : { code: 'too_big', origin, inclusive, maximum: Number(n) };
  }
  if (/^Invalid option/.test(reason) || /^Invalid input: expected "/.test(reason)) return { code: 'invalid_value' };
  if (/^Invalid email/.test(reason)) return { code: 'invalid_format', format: 'email' };
  if (/^Invalid (string|UUID|ISO|URL|input)/.test(reason)) return { code: 'invalid_format' };
  if (/^Unrecognized key/.test(reason)) return { code: 'unrecognized_keys' };
  if (/^Invalid number: must be a multiple/.test(reason)) return { code: 'not_multiple_of' };
  // A schema's own message (a refine or regex message such as "a calendar date YYYY-MM-DD").
  const custom = issueMessage({ code: 'custom', message: reason });
  return custom.en === issueMessage({ code: 'custom' }).en ? null : { code: 'custom', message: reason };
}

/** The server's reason for one field, in the reader's language; null when we cannot say it better. */
export function reasonMessage(reason: string, lang: Lang): string | null {
  const known = REASONS[reason];
  if (known) return known[lang];
  const issue = issueFromReason(reason);
  return issue ? issueMessage(issue)[lang] : null;
}

/** What to show for a reason: our sentence, else (for an English reader only) the server's own words. */
export function reasonText(reason: string, lang: Lang): string {
  return reasonMessage(reason, lang) ?? (lang === 'en' ? reason : issueMessage({ code: 'custom' }).nl);
}
