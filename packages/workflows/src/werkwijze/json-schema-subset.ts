import type { FieldSchema, StepFields } from './werkwijze.schema';

/**
 * A deliberately small JSON Schema validator for a step's extension fields. Supported keywords:
 * `type` (string, number, integer, boolean, array, object), `enum`, `required`, `properties`,
 * `items`, `minLength`, `maxLength`, `minimum`, `maximum` and `format: date` (YYYY-MM-DD).
 * Anything else is rejected by the werkwijze schema, so an author never relies on a keyword that
 * is silently ignored here.
 */
export interface FieldError {
  path: string;
  message: { nl: string; en: string };
}

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const typeOk = (type: FieldSchema['type'], value: unknown): boolean => {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
};

export function validateValue(schema: FieldSchema, value: unknown, path: string): FieldError[] {
  if (!typeOk(schema.type, value)) {
    return [{ path, message: { nl: `${path} moet van het type ${schema.type} zijn.`, en: `${path} must be of type ${schema.type}.` } }];
  }
  const errors: FieldError[] = [];
  const fail = (nl: string, en: string) => errors.push({ path, message: { nl, en } });
  if (schema.enum && !schema.enum.some((e) => e === value)) {
    const list = schema.enum.map((e) => JSON.stringify(e)).join(', ');
    fail(`${path} moet een van ${list} zijn.`, `${path} must be one of ${list}.`);
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) fail(`${path} moet minstens ${schema.minLength} tekens hebben.`, `${path} must have at least ${schema.minLength} characters.`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) fail(`${path} mag hoogstens ${schema.maxLength} tekens hebben.`, `${path} must have at most ${schema.maxLength} characters.`);
    if (schema.format === 'date' && !isoDate.test(value)) fail(`${path} moet een datum zijn (JJJJ-MM-DD).`, `${path} must be a date (YYYY-MM-DD).`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) fail(`${path} moet minstens ${schema.minimum} zijn.`, `${path} must be at least ${schema.minimum}.`);
    if (schema.maximum !== undefined && value > schema.maximum) fail(`${path} mag hoogstens ${schema.maximum} zijn.`, `${path} must be at most ${schema.maximum}.`);
  }
  if (Array.isArray(value) && schema.items) {
    const items = schema.items;
    value.forEach((item, i) => errors.push(...validateValue(items, item, `${path}[${i}]`)));
  }
  if (schema.type === 'object' && typeof value === 'object' && value !== null) {
    errors.push(...validateObject(schema.properties ?? {}, schema.required ?? [], value as Record<string, unknown>, path));
  }
  return errors;
}

function validateObject(properties: Record<string, FieldSchema>, required: string[], value: Record<string, unknown>, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  const at = (name: string) => (prefix ? `${prefix}.${name}` : name);
  for (const name of required) {
    if (value[name] === undefined || value[name] === null || value[name] === '') {
      errors.push({ path: at(name), message: { nl: `${at(name)} is verplicht.`, en: `${at(name)} is required.` } });
    }
  }
  for (const [name, schema] of Object.entries(properties)) {
    const v = value[name];
    if (v !== undefined && v !== null) errors.push(...validateValue(schema, v, at(name)));
  }
  return errors;
}

/**
 * Checks a case's recorded fields against what a step records. Fields of other steps are left
 * alone: the case's field bag is shared by all its steps.
 */
export function validateFields(schema: StepFields | undefined, fields: Record<string, unknown>): FieldError[] {
  if (!schema) return [];
  return validateObject(schema.properties, schema.required, fields, '');
}
