import { purposes, roles, type Purpose, type Role } from '@kern/access/contract';
import { z } from 'zod';
import { statutoryTermIds } from './werkwijzen.schema';

/**
 * The werkwijze format: a municipality's own case process as data, on a fixed core of phases.
 * The zod schemas here are the types; `validate-werkwijze.ts` adds the checks that need the whole
 * document (references, reachability, phase order, mandates against the law).
 */

/** The fixed core every werkwijze maps onto, in order. Comparability across municipalities rests on it. */
export const corePhases = ['melding', 'onderzoek', 'besluit', 'uitvoering', 'evaluatie', 'afsluiting'] as const;
export type CorePhase = (typeof corePhases)[number];

// The laws (purposes) and roles are Kern's own vocabulary, owned by the access module; its
// schema entry point is plain zod, so this pure module stays free of database code.
export { purposes, roles } from '@kern/access/contract';
export type Law = Purpose;
export type WerkwijzeRole = Role;

/** The statutory terms the deadline engine knows; a step may start or stop them. */
export const termIds = statutoryTermIds;
export type TermId = (typeof termIds)[number];

/** iStandaarden product categories: Wmo 01-18 (WMO020), Jeugdwet 31-38 (legacy) and 40-55 (JZ020). */
const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));
export const wmoCategories: readonly string[] = range(1, 18);
export const jeugdwetCategories: readonly string[] = [...range(31, 38), ...range(40, 55)];

/** Which provision categories a decision under this law can be about (none: the law has no iStandaarden categories). */
export function categoriesForLaw(law: Law): readonly string[] {
  switch (law) {
    case 'wmo':
      return wmoCategories;
    case 'jeugdwet':
      return jeugdwetCategories;
    case 'integraal':
      return [...wmoCategories, ...jeugdwetCategories];
    case 'participatiewet':
    case 'wgs':
      return [];
  }
}

const oneOf = (what: string, list: readonly string[]) => (issue: { input?: unknown }) =>
  `Unknown ${what} ${JSON.stringify(issue.input)}; use one of: ${list.join(', ')} (onbekende ${what === 'role' ? 'rol' : what === 'phase' ? 'fase' : what})`;

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase kebab-case, e.g. "wijkteam-met-mandaat"');
const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'A field name starts with a letter and has only letters, digits and _');

export const phaseSchema = z.enum(corePhases, { error: oneOf('phase', corePhases) });
export const lawSchema = z.enum(purposes, { error: oneOf('law', purposes) });
export const werkwijzeRoleSchema = z.enum(roles, { error: oneOf('role', roles) });
export const termIdSchema = z.enum(termIds, { error: oneOf('statutory term', termIds) });

/**
 * Extension fields: a small subset of JSON Schema, enough for what a step records and checked by
 * `validateFields` (json-schema-subset.ts): type, enum, required, properties, items, minLength,
 * maxLength, minimum, maximum, format "date" (YYYY-MM-DD), title and description for forms.
 */
export interface FieldSchema {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  title?: string | undefined;
  description?: string | undefined;
  enum?: (string | number | boolean)[] | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
  format?: 'date' | undefined;
  items?: FieldSchema | undefined;
  properties?: Record<string, FieldSchema> | undefined;
  required?: string[] | undefined;
}

export const fieldSchemaSchema: z.ZodType<FieldSchema> = z.lazy(() =>
  z.strictObject({
    type: z.enum(['string', 'number', 'integer', 'boolean', 'array', 'object']),
    title: z.string().optional(),
    description: z.string().optional(),
    enum: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1).optional(),
    minLength: z.number().int().nonnegative().optional(),
    maxLength: z.number().int().nonnegative().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    format: z.literal('date').optional(),
    items: fieldSchemaSchema.optional(),
    properties: z.record(fieldName, fieldSchemaSchema).optional(),
    required: z.array(z.string()).optional(),
  }),
).meta({ id: 'FieldSchema', description: 'An extension field (JSON Schema subset)' });

/** What a step records: always an object of named fields. */
export const stepFieldsSchema = z.strictObject({
  type: z.literal('object'),
  properties: z.record(fieldName, fieldSchemaSchema),
  required: z.array(fieldName).default([]),
});
export type StepFields = z.infer<typeof stepFieldsSchema>;

/**
 * Guards: a small expression language as data over the case's recorded fields.
 * `in` on an array field holds when every element is in the list (e.g. all categories decided).
 */
export type Guard =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: (string | number)[] }
  | { field: string; present: boolean }
  | { all: Guard[] }
  | { any: Guard[] }
  | { not: Guard };

export const guardSchema: z.ZodType<Guard> = z.lazy(() =>
  z.union([
    z.strictObject({ field: fieldName, equals: z.union([z.string(), z.number(), z.boolean()]) }),
    z.strictObject({ field: fieldName, in: z.array(z.union([z.string(), z.number()])).min(1) }),
    z.strictObject({ field: fieldName, present: z.boolean() }),
    z.strictObject({ all: z.array(guardSchema).min(1) }),
    z.strictObject({ any: z.array(guardSchema).min(1) }),
    z.strictObject({ not: guardSchema }),
  ], { error: 'A guard is one of {field, equals}, {field, in}, {field, present}, {all: [...]}, {any: [...]}, {not: ...} (ongeldige voorwaarde)' }),
).meta({ id: 'Guard', description: 'A condition over the case fields' });

export const transitionSchema = z.strictObject({
  to: kebab,
  label: z.string().min(1),
  guard: guardSchema.optional(),
});
export type Transition = z.infer<typeof transitionSchema>;

export const stepSchema = z.strictObject({
  id: kebab,
  name: z.string().min(1),
  phase: phaseSchema,
  description: z.string().optional(),
  /** Who may act on the step (act = record its fields and take one of its transitions). */
  roles: z.array(werkwijzeRoleSchema).min(1),
  fields: stepFieldsSchema.optional(),
  transitions: z.array(transitionSchema).default([]),
  /** A closing step: the case ends here. Only in `afsluiting`. */
  final: z.literal(true).optional(),
  /** Marks the step where the decision (beschikking) is taken; its categories may be bound by mandates. */
  decision: z.strictObject({ provisionCategoryField: fieldName.optional() }).optional(),
  /** Entering this step starts / stops these statutory terms. */
  deadlines: z.strictObject({ starts: z.array(termIdSchema).optional(), stops: z.array(termIdSchema).optional() }).optional(),
  /** Entering this step starts a follow-up case of that case type (one front door routing onward). */
  routesTo: kebab.optional(),
});
export type Step = z.infer<typeof stepSchema>;

export const caseTypeSchema = z.strictObject({
  id: kebab,
  name: z.string().min(1),
  law: lawSchema,
  subject: z.enum(['person', 'household']),
  start: kebab,
  /**
   * A case type for objections (bezwaar, Awb 6:4) against decisions under `law` taken in this
   * werkwijze: the portal starts it when a citizen objects, for the team that holds the original case.
   */
  objection: z.literal(true).optional(),
});
export type CaseType = z.infer<typeof caseTypeSchema>;

/** Where a case stands and what comes next, in the citizen's words (the portal never shows step names). */
export const citizenStatusSchema = z.strictObject({
  now: z.string().min(3),
  next: z.string().min(3),
});
export type CitizenStatus = z.infer<typeof citizenStatusSchema>;

export const werkwijzeSchema = z.strictObject({
  id: kebab,
  name: z.string().min(1),
  version: z.number().int().positive(),
  description: z.string().min(1),
  caseTypes: z.array(caseTypeSchema).min(1),
  skippedPhases: z.array(z.strictObject({ phase: phaseSchema, reason: z.string().min(10, 'Say why the law allows skipping this phase') })).default([]),
  steps: z.array(stepSchema).min(1),
  /** The person acting on `step` must not be anyone who acted on a `notSameActorAs` step in this case. */
  segregationOfDuties: z.array(z.strictObject({ step: kebab, notSameActorAs: z.array(kebab).min(1) })).default([]),
  /** When a decision step has mandates, an actor decides only the categories one of their roles holds a mandate for. */
  mandates: z.array(z.strictObject({ role: werkwijzeRoleSchema, step: kebab, categories: z.array(z.string().regex(/^\d{2}$/, 'A provision category is two digits, e.g. "01"')).min(1) })).default([]),
  /** The municipality's own words for a core phase in the portal, instead of Kern's default text. */
  citizenStatus: z.partialRecord(phaseSchema, citizenStatusSchema).optional(),
});
export type Werkwijze = z.infer<typeof werkwijzeSchema>;
/** What an author writes (defaults not yet applied). */
export type WerkwijzeInput = z.input<typeof werkwijzeSchema>;
