import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { invalidInput } from '@kern/kit';
import { parse } from 'yaml';
import { catalogueSchema, indicatorDefinitionSchema, type Catalogue, type IndicatorDefinition } from './contract/insight.schema';

const CORE = join(dirname(fileURLToPath(import.meta.url)), '..', 'catalogue', 'core.yaml');

/** Parses and validates a catalogue; errors name the path of the offending field. */
export function parseCatalogue(yaml: string): Catalogue {
  const result = catalogueSchema.safeParse(parse(yaml));
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid indicator catalogue: ${issues}`);
  }
  return result.data;
}

let core: Catalogue | undefined;
/** The standard core set, identical in every municipality. */
export function coreCatalogue(): Catalogue {
  core ??= parseCatalogue(readFileSync(CORE, 'utf8'));
  return core;
}

export function coreIndicator(id: string): IndicatorDefinition | undefined {
  return coreCatalogue().indicators.find((i) => i.id === id);
}

/** A municipality's own indicator: the same format, an id starting with local-. */
export function validateLocalIndicator(input: unknown): IndicatorDefinition {
  const result = indicatorDefinitionSchema.safeParse(input);
  if (!result.success) {
    throw invalidInput(
      { nl: 'De indicatordefinitie is ongeldig.', en: 'The indicator definition is invalid.' },
      result.error.issues.map((i) => ({ name: i.path.join('.') || 'definition', reason: i.message })),
    );
  }
  if (!result.data.id.startsWith('local-')) {
    throw invalidInput({ nl: 'Een eigen indicator heeft een id dat begint met local-.', en: 'A local indicator has an id starting with local-.' }, [{ name: 'id', reason: 'must start with local-' }]);
  }
  return result.data;
}
