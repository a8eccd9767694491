import {
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import type { CaseTransition, Problem, StepFieldSchema, TransitionInput, TransitionResult, WerkwijzeStep } from '../api';
import { useApp } from '../app-context';
import type { MessageKey } from '../i18n';
import { fieldControl, parseCategories, parseFieldValue, readFormValue, toFormValue, type FieldControl, type FieldProblem, type FormValue } from '../werkwijze';
import { ErrorSummary, ProblemAlert, toProblem, type FieldError } from './Alerts';
import { TextField } from './Field';

interface Row {
  key: number;
  name: string;
  value: string;
}

interface Props {
  caseId: string;
  transition: CaseTransition;
  /** The case's current step from its werkwijze version; null when it could not be loaded. */
  step: WerkwijzeStep | null;
  /** What the case recorded so far (all steps share one set of fields). */
  recorded: Record<string, unknown>;
  /** Record once: values taken from the decision recorded at this step (they win over what was recorded before). */
  prefill?: { reference: string; values: Record<string, unknown> } | null | undefined;
  onDone: (result: TransitionResult) => void;
  onCancel: () => void;
}

/** One field of the step's schema as the form asks for it. */
interface StepField {
  name: string;
  schema: StepFieldSchema;
  control: FieldControl;
  label: string;
  required: boolean;
  /** The element the error summary links to: the input, or the first option of a group. */
  id: string;
}

const PROBLEM_KEYS: Record<FieldProblem['kind'], MessageKey> = {
  required: 'error.required',
  choose: 'transition.error.choose',
  chooseOne: 'transition.error.chooseOne',
  minLength: 'transition.error.minLength',
  maxLength: 'transition.error.maxLength',
  number: 'transition.error.number',
  integer: 'transition.error.integer',
  minimum: 'transition.error.minimum',
  maximum: 'transition.error.maximum',
  date: 'transition.error.date',
  enum: 'transition.error.enum',
};

const isControl = (field: Omit<StepField, 'control'> & { control: FieldControl | null }): field is StepField => field.control !== null;

function stepFieldsOf(step: WerkwijzeStep | null): StepField[] {
  const schema = step?.fields;
  if (!schema) return [];
  const required = schema.required ?? [];
  return Object.entries(schema.properties)
    .map(([name, property]) => {
      const control = fieldControl(property);
      const grouped = control === 'boolean' || control === 'checkboxes';
      return {
        name,
        schema: property,
        control,
        label: property.title ?? name,
        required: required.includes(name),
        id: grouped ? `step-field-${name}-0` : `step-field-${name}`,
      };
    })
    .filter(isControl);
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Taking one step: the current step's fields as a real form (from the werkwijze's field schema,
 * pre-filled with what the case recorded), extra fields as name + value rows for anything the
 * schema does not list, and provision categories for decision steps. The server checks roles,
 * fields, guards, segregation and mandates again.
 */
export function TransitionForm({ caseId, transition, step, recorded, prefill, onDone, onCancel }: Props) {
  const { api, t } = useApp();
  const [stepFields] = useState(() => stepFieldsOf(step));
  const [values, setValues] = useState<Record<string, FormValue>>(() =>
    Object.fromEntries(stepFields.map((field) => [field.name, toFormValue(field.control, prefill && field.name in prefill.values ? prefill.values[field.name] : recorded[field.name])])),
  );
  const [rows, setRows] = useState<Row[]>([{ key: 1, name: '', value: '' }]);
  const [categories, setCategories] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const nextKey = useRef(2);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const extraRef = useRef<HTMLDetailsElement>(null);
  const categoriesRef = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const categoryField = step?.decision?.provisionCategoryField;
  const autoCategories = Boolean(categoryField && stepFields.some((field) => field.name === categoryField));
  // Typing category codes is only a fallback: when the schema is unknown, or a decision step names no category field.
  const manualCategories = !autoCategories && (step === null || step.decision !== undefined);

  const errorFor = (id: string) => errors.find((e) => e.id === id)?.message;
  const setValue = (name: string, value: FormValue) => setValues((current) => ({ ...current, [name]: value }));
  const setRow = (key: number, change: Partial<Row>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const addRow = () => {
    const key = nextKey.current++;
    setRows((current) => [...current, { key, name: '', value: '' }]);
    // Continue typing in the new row.
    window.setTimeout(() => document.getElementById(`field-name-${key}`)?.focus(), 0);
  };

  const removeRow = (key: number) => {
    setRows((current) => current.filter((row) => row.key !== key));
    window.setTimeout(() => document.getElementById('transition-add-field')?.focus(), 0);
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const found: FieldError[] = [];
    const fields: Record<string, unknown> = {};
    const merged: Record<string, unknown> = { ...recorded };

    for (const field of stepFields) {
      const read = readFormValue(field.schema, field.control, values[field.name] ?? '', field.required);
      if (!read.ok) {
        found.push({ id: field.id, message: `${field.label}: ${t(PROBLEM_KEYS[read.problem.kind], read.problem.n === undefined ? undefined : { n: read.problem.n })}` });
        continue;
      }
      const before = recorded[field.name];
      const hadValue = before !== undefined && before !== null;
      // Send what changed; an emptied field that was recorded is cleared with null.
      if (read.value === undefined) {
        if (hadValue) fields[field.name] = null;
      } else if (!sameValue(read.value, before)) {
        fields[field.name] = read.value;
      }
      merged[field.name] = read.value;
    }

    const known = new Set(stepFields.map((field) => field.name));
    let extraInvalid = false;
    rows.forEach((row, index) => {
      const name = row.name.trim();
      if (!name && !row.value.trim()) return;
      const id = `field-name-${row.key}`;
      const label = t('transition.fieldName', { n: index + 1 });
      const message = !name
        ? t('transition.fieldName.error')
        : known.has(name)
          ? t('transition.fieldName.schema')
          : name in fields
            ? t('transition.fieldName.duplicate')
            : null;
      if (message) {
        extraInvalid = true;
        found.push({ id, message: `${label}: ${message}` });
      } else {
        fields[name] = parseFieldValue(row.value);
      }
    });
    if (extraInvalid && extraRef.current) extraRef.current.open = true;

    let provisionCategories: string[] = [];
    if (autoCategories && categoryField) {
      const chosen = merged[categoryField];
      const codes = Array.isArray(chosen) ? chosen.filter((code): code is string => typeof code === 'string') : [];
      // Codes the API would refuse are left for the server to take from the field itself.
      if (codes.every((code) => /^\d{2}$/.test(code))) provisionCategories = codes;
    } else if (manualCategories) {
      const parsed = parseCategories(categories);
      if (parsed.valid) provisionCategories = parsed.codes;
      else {
        if (categoriesRef.current) categoriesRef.current.open = true;
        found.push({ id: 'transition-categories', message: t('transition.categories.error') });
      }
    }

    setErrors(found);
    if (found.length > 0) {
      window.setTimeout(() => document.getElementById(found[0]?.id ?? '')?.focus(), 0);
      return;
    }
    const input: TransitionInput = { to: transition.to, fields };
    if (provisionCategories.length > 0) input.provisionCategories = provisionCategories;
    setBusy(true);
    try {
      const result = await api.takeTransition(caseId, input);
      onDone(result);
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(false);
      headingRef.current?.focus();
    }
  };

  return (
    <div id="transition-form" className="kern-transition-form">
      <Heading3 ref={headingRef} tabIndex={-1} id="transition-heading">
        {t('transition.title', { label: transition.label })}
      </Heading3>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      {prefill && Object.keys(prefill.values).some((name) => stepFields.some((field) => field.name === name)) && (
        <Paragraph id="transition-prefill" className="kern-prefill">
          {t('dossier.prefill', { reference: prefill.reference })}
        </Paragraph>
      )}
      <form className="kern-form" noValidate aria-labelledby="transition-heading" onSubmit={(event) => void submit(event)}>
        {step === null ? (
          <Paragraph className="kern-muted">{t('transition.stepFields.unknown')}</Paragraph>
        ) : stepFields.length === 0 ? (
          <Paragraph className="kern-muted">{t('transition.stepFields.none')}</Paragraph>
        ) : (
          stepFields.map((field) => (
            <StepFieldInput
              key={field.name}
              field={field}
              value={values[field.name] ?? ''}
              onChange={(value) => setValue(field.name, value)}
              error={errorFor(field.id)}
              decisionCategories={autoCategories && field.name === categoryField}
            />
          ))
        )}
        <details ref={extraRef} className="kern-details" open={step === null}>
          <summary>{t('transition.extra.summary')}</summary>
          <Paragraph className="kern-muted">{t('transition.intro')}</Paragraph>
          {rows.map((row, index) => (
            <div key={row.key} className="kern-kv-row">
              <TextField
                id={`field-name-${row.key}`}
                label={t('transition.fieldName', { n: index + 1 })}
                value={row.name}
                onChange={(name) => setRow(row.key, { name })}
                autoComplete="off"
                error={errorFor(`field-name-${row.key}`)}
              />
              <TextField
                id={`field-value-${row.key}`}
                label={t('transition.fieldValue', { n: index + 1 })}
                value={row.value}
                onChange={(value) => setRow(row.key, { value })}
                autoComplete="off"
              />
              <Button type="button" appearance="subtle-button" onClick={() => removeRow(row.key)}>
                {t('transition.removeField', { n: index + 1 })}
              </Button>
            </div>
          ))}
          <ButtonGroup>
            <Button id="transition-add-field" type="button" appearance="secondary-action-button" onClick={addRow}>
              {t('transition.addField')}
            </Button>
          </ButtonGroup>
        </details>
        {manualCategories && (
          <details ref={categoriesRef} className="kern-details">
            <summary>{t('transition.categories.summary')}</summary>
            <TextField
              id="transition-categories"
              label={t('transition.categories')}
              hint={t('transition.categories.hint')}
              value={categories}
              onChange={setCategories}
              autoComplete="off"
              inputMode="text"
              error={errorFor('transition-categories')}
            />
          </details>
        )}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('transition.submit')}
          </PrimaryActionButton>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel} disabled={busy}>
            {t('transition.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

interface StepFieldInputProps {
  field: StepField;
  value: FormValue;
  onChange: (value: FormValue) => void;
  error: string | undefined;
  /** This checkbox group holds the categories a decision is about. */
  decisionCategories: boolean;
}

/** What the schema says about a field, as a hint under its label. */
function useHint(field: StepField, decisionCategories: boolean): string | undefined {
  const { t } = useApp();
  const { schema, control } = field;
  const parts: string[] = [];
  if (schema.description) parts.push(schema.description);
  if (control === 'text' || control === 'textarea') {
    if (schema.minLength !== undefined && schema.minLength === schema.maxLength) parts.push(t('transition.hint.exactLength', { n: schema.minLength }));
    else {
      if (schema.minLength !== undefined && schema.minLength > 1) parts.push(t('transition.hint.minLength', { n: schema.minLength }));
      if (schema.maxLength !== undefined) parts.push(t('transition.hint.maxLength', { n: schema.maxLength }));
    }
  }
  if (control === 'number') {
    if (schema.minimum !== undefined) parts.push(t('transition.hint.minimum', { n: schema.minimum }));
    if (schema.maximum !== undefined) parts.push(t('transition.hint.maximum', { n: schema.maximum }));
  }
  if (control === 'date') parts.push(t('transition.hint.date'));
  if (control === 'list') parts.push(t('transition.hint.list'));
  if (control === 'checkboxes' && field.required) parts.push(t('transition.hint.chooseOne'));
  if (decisionCategories) parts.push(t('transition.hint.decisionCategories'));
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function StepFieldInput({ field, value, onChange, error, decisionCategories }: StepFieldInputProps) {
  const { t } = useApp();
  const hint = useHint(field, decisionCategories);
  const base = `step-field-${field.name}`;
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  const description = hint ? <FormFieldDescription id={hintId}>{hint}</FormFieldDescription> : undefined;
  const errorMessage = error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : undefined;
  const text = typeof value === 'string' ? value : '';
  const chosen = Array.isArray(value) ? value : [];
  // The marker stays outside the label, so the field's accessible name is exactly its title.
  const marker = field.required ? <span className="kern-muted"> ({t('transition.required')})</span> : null;

  if (field.control === 'boolean' || field.control === 'checkboxes') {
    const options: { value: string; label: string }[] =
      field.control === 'boolean'
        ? [
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]
        : (field.schema.items?.enum ?? []).map((option) => ({ value: String(option), label: String(option) }));
    const radio = field.control === 'boolean';
    return (
      <Fieldset invalid={Boolean(error)} aria-describedby={describedBy}>
        <FieldsetLegend>
          {field.label}
          {field.required && <span aria-hidden="true"> ({t('transition.required')})</span>}
        </FieldsetLegend>
        {description}
        {errorMessage}
        {options.map((option, index) => {
          const id = `${base}-${index}`;
          const checked = radio ? text === option.value : chosen.includes(option.value);
          return (
            <FormField
              key={option.value}
              type={radio ? 'radio' : 'checkbox'}
              label={
                <FormLabel htmlFor={id} type={radio ? 'radio' : 'checkbox'} checked={checked}>
                  {option.label}
                </FormLabel>
              }
              input={
                radio ? (
                  <RadioButton
                    id={id}
                    name={base}
                    value={option.value}
                    checked={checked}
                    required={field.required}
                    invalid={Boolean(error)}
                    aria-invalid={error ? true : undefined}
                    onChange={() => onChange(option.value)}
                  />
                ) : (
                  <Checkbox
                    id={id}
                    name={base}
                    value={option.value}
                    checked={checked}
                    invalid={Boolean(error)}
                    aria-invalid={error ? true : undefined}
                    onChange={(event) =>
                      onChange(event.target.checked ? [...chosen, option.value] : chosen.filter((code) => code !== option.value))
                    }
                  />
                )
              }
            />
          );
        })}
      </Fieldset>
    );
  }

  const wiring = {
    id: base,
    name: base,
    invalid: Boolean(error),
    required: field.required,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': true as const } : {}),
  };
  let input: ReactNode;
  switch (field.control) {
    case 'textarea':
      input = <Textarea {...wiring} rows={5} value={text} onChange={(event) => onChange(event.target.value)} />;
      break;
    case 'select':
      input = (
        <Select {...wiring} value={text} onChange={(event) => onChange(event.target.value)}>
          <SelectOption value="">{t('common.choose')}</SelectOption>
          {(field.schema.enum ?? []).map((option) => (
            <SelectOption key={String(option)} value={String(option)}>
              {String(option)}
            </SelectOption>
          ))}
        </Select>
      );
      break;
    case 'number':
      input = (
        <Textbox
          {...wiring}
          type="number"
          inputMode={field.schema.type === 'integer' ? 'numeric' : 'decimal'}
          step={field.schema.type === 'integer' ? 1 : 'any'}
          min={field.schema.minimum}
          max={field.schema.maximum}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
      break;
    case 'date':
      input = <Textbox {...wiring} type="date" value={text} onChange={(event) => onChange(event.target.value)} />;
      break;
    case 'text':
    case 'list':
      input = <Textbox {...wiring} type="text" autoComplete="off" value={text} onChange={(event) => onChange(event.target.value)} />;
      break;
  }
  return (
    <FormField
      invalid={Boolean(error)}
      label={
        <>
          <FormLabel htmlFor={base}>{field.label}</FormLabel>
          {marker}
        </>
      }
      description={description}
      input={input}
      errorMessage={errorMessage}
    />
  );
}
