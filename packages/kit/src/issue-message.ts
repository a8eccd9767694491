import type { UserMessage } from './errors';

/**
 * What is wrong with one input, said so that a person can put it right, in Dutch and English.
 * The server names fields with it in its 400 answer and the web app shows it beside the field,
 * so a contract schema gives the same words on both sides. Browser-safe (no zod runtime needed).
 */

/** Enough of a zod 4 issue (final or raw) to say in words what is wrong. */
export interface IssueLike {
  code: string;
  message?: string | undefined;
  input?: unknown;
  expected?: string | undefined;
  origin?: string | undefined;
  minimum?: number | bigint | undefined;
  maximum?: number | bigint | undefined;
  inclusive?: boolean | undefined;
  format?: string | undefined;
}

/** The messages schemas give in `.refine(…, message)` / `.regex(…, message)` that mean something a person can fix. */
export const DATE_MESSAGE = 'a calendar date YYYY-MM-DD';
export const BSN_DIGITS_MESSAGE = 'a BSN is nine digits';
export const BSN_CHECK_MESSAGE = 'not a valid BSN (11-test)';

const text = {
  required: { nl: 'Vul dit veld in.', en: 'Fill in this field.' },
  date: { nl: 'Kies een datum in de vorm JJJJ-MM-DD.', en: 'Enter a date in the form YYYY-MM-DD.' },
  bsn: { nl: 'Vul een BSN van negen cijfers in.', en: 'Enter a BSN of nine digits.' },
  bsnCheck: { nl: 'Dit BSN bestaat niet; controleer de negen cijfers.', en: 'This BSN does not exist; check the nine digits.' },
  number: { nl: 'Vul een getal in.', en: 'Enter a number.' },
  integer: { nl: 'Vul een heel getal in.', en: 'Enter a whole number.' },
  minChars: { nl: 'Gebruik ten minste {n} tekens.', en: 'Use at least {n} characters.' },
  maxChars: { nl: 'Gebruik ten hoogste {n} tekens.', en: 'Use at most {n} characters.' },
  minNumber: { nl: 'Vul een getal van ten minste {n} in.', en: 'Enter a number of at least {n}.' },
  aboveNumber: { nl: 'Vul een getal groter dan {n} in.', en: 'Enter a number greater than {n}.' },
  maxNumber: { nl: 'Vul een getal van ten hoogste {n} in.', en: 'Enter a number of at most {n}.' },
  belowNumber: { nl: 'Vul een getal kleiner dan {n} in.', en: 'Enter a number less than {n}.' },
  minItems: { nl: 'Kies er ten minste {n}.', en: 'Choose at least {n}.' },
  maxItems: { nl: 'Kies er ten hoogste {n}.', en: 'Choose at most {n}.' },
  choice: { nl: 'Kies een van de mogelijkheden.', en: 'Choose one of the options.' },
  email: { nl: 'Vul een e-mailadres in, zoals naam@voorbeeld.nl.', en: 'Enter an email address, such as name@example.com.' },
  format: { nl: 'Dit veld heeft niet de goede vorm; controleer wat u hebt ingevuld.', en: 'This field is not in the right form; check what you entered.' },
  unknownField: { nl: 'Dit veld hoort niet bij dit formulier.', en: 'This field does not belong to this form.' },
  invalid: { nl: 'Dit veld is niet goed ingevuld.', en: 'This field is not filled in correctly.' },
} satisfies Record<string, UserMessage>;

type Key = keyof typeof text;

function say(key: Key, n?: number | bigint): UserMessage {
  const fill = (s: string) => (n === undefined ? s : s.replace('{n}', String(n)));
  return { nl: fill(text[key].nl), en: fill(text[key].en) };
}

const known: Record<string, Key> = { [DATE_MESSAGE]: 'date', [BSN_DIGITS_MESSAGE]: 'bsn', [BSN_CHECK_MESSAGE]: 'bsnCheck' };

/** True when nothing (or only spaces) was given: zod reports that as a type or size issue, people as an empty field. */
function isEmpty(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

export function issueMessage(issue: IssueLike): UserMessage {
  // An empty field is "fill it in" whatever rule it then fails (a date, a BSN, a minimum length).
  if ('input' in issue && isEmpty(issue.input) && issue.code !== 'unrecognized_keys') return say('required');
  const custom = issue.message ? known[issue.message] : undefined;
  if (custom) return say(custom);
  switch (issue.code) {
    case 'invalid_type':
      // Without the input (a final issue), zod's own message still says what it received.
      if (/received (undefined|null)/.test(issue.message ?? '')) return say('required');
      if (issue.expected === 'int') return say('integer');
      if (issue.expected === 'number') return say('number');
      return say('invalid');
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? say('required') : say('minChars', issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') return say('minItems', issue.minimum);
      return issue.inclusive === false ? say('aboveNumber', issue.minimum) : say('minNumber', issue.minimum);
    case 'too_big':
      if (issue.origin === 'string') return say('maxChars', issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return say('maxItems', issue.maximum);
      return issue.inclusive === false ? say('belowNumber', issue.maximum) : say('maxNumber', issue.maximum);
    case 'invalid_value':
      return say('choice');
    case 'invalid_format':
      return issue.format === 'email' ? say('email') : issue.format === 'date' ? say('date') : say('format');
    case 'not_multiple_of':
      return say('integer');
    case 'unrecognized_keys':
      return say('unknownField');
    default:
      return say('invalid');
  }
}
