import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { libraryDir } from './library';
import { werkwijzeSchema } from './werkwijze.schema';

/**
 * The JSON Schema of the werkwijze format, generated from the zod schema, for editors (YAML
 * language server: `# yaml-language-server: $schema=./werkwijze.schema.json`). It describes what
 * an author writes (`io: input`: defaulted keys are optional); the semantic checks live in
 * `checkWerkwijze` and cannot be expressed in JSON Schema.
 */
export function werkwijzeJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(werkwijzeSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://kern.example/schemas/werkwijze.schema.json',
    title: 'Kern werkwijze',
    description: 'A municipal case process on the fixed core phases melding, onderzoek, besluit, uitvoering, evaluatie, afsluiting.',
  };
}

export const jsonSchemaFile = join(libraryDir, 'werkwijze.schema.json');
export const jsonSchemaText = (): string => `${JSON.stringify(werkwijzeJsonSchema(), null, 2)}\n`;

// `npx tsx packages/workflows/src/werkwijze/json-schema.ts` rewrites the committed file.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(jsonSchemaFile, jsonSchemaText());
  console.log(`wrote ${jsonSchemaFile}`);
}
