/**
 * Letter templates are data: a title and paragraphs with {{placeholders}}. Filling is pure: every
 * placeholder must have a value (a letter with a hole in it is never sent), and a value with line
 * breaks (the motivation, the list of provisions) becomes as many paragraphs.
 */
export interface LetterTemplate {
  id: string;
  municipalityCode: string | null;
  letterType: string;
  version: number;
  title: string;
  body: string[];
}

export const PLACEHOLDERS = [
  'naam', 'adres', 'postcodeWoonplaats', 'besluitdatum', 'kenmerk', 'wet', 'voorzieningen', 'motivering', 'bezwaarTot', 'gemeente',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type LetterValues = Record<Placeholder, string>;

const PATTERN = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** The placeholders a text names that Kern does not know: a template with one is refused before it is used. */
export function unknownPlaceholders(texts: readonly string[]): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  const found = new Set<string>();
  for (const t of texts) {
    for (const [, name = ''] of t.matchAll(PATTERN)) if (!known.has(name)) found.add(name);
  }
  return [...found].sort();
}

export class TemplateError extends Error {}

function fill(text: string, values: LetterValues): string {
  return text.replace(PATTERN, (_, name: string) => {
    const v = (values as Record<string, string | undefined>)[name];
    if (v === undefined) throw new TemplateError(`template placeholder {{${name}}} is not known`);
    return v;
  });
}

export function fillTemplate(template: Pick<LetterTemplate, 'title' | 'body'>, values: LetterValues): { title: string; lines: string[] } {
  const unknown = unknownPlaceholders([template.title, ...template.body]);
  if (unknown.length > 0) throw new TemplateError(`template names unknown placeholders: ${unknown.join(', ')}`);
  const title = fill(template.title, values).replace(/\s*\n\s*/g, ' ');
  const lines = template.body.flatMap((p) => fill(p, values).split('\n'));
  return { title, lines };
}
