import { Button, ButtonGroup, Fieldset, FieldsetLegend, Heading3, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { CaseTransition, Problem, TransitionInput, TransitionResult } from '../api';
import { useApp } from '../app-context';
import { parseCategories, parseFieldValue } from '../werkwijze';
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
  onDone: (result: TransitionResult) => void;
  onCancel: () => void;
}

/**
 * Taking one step: optional fields as rows of name + value (no JSON to type), and provision
 * categories for decision steps. The server checks roles, guards, segregation and mandates.
 */
export function TransitionForm({ caseId, transition, onDone, onCancel }: Props) {
  const { api, t } = useApp();
  const [rows, setRows] = useState<Row[]>([{ key: 1, name: '', value: '' }]);
  const [categories, setCategories] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const nextKey = useRef(2);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const detailsRef = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const errorFor = (id: string) => errors.find((e) => e.id === id)?.message;
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
    rows.forEach((row, index) => {
      const name = row.name.trim();
      if (!name && !row.value.trim()) return;
      const id = `field-name-${row.key}`;
      if (!name) found.push({ id, message: `${t('transition.fieldName', { n: index + 1 })}: ${t('transition.fieldName.error')}` });
      else if (name in fields) found.push({ id, message: `${t('transition.fieldName', { n: index + 1 })}: ${t('transition.fieldName.duplicate')}` });
      else fields[name] = parseFieldValue(row.value);
    });
    const parsed = parseCategories(categories);
    if (!parsed.valid) {
      if (detailsRef.current) detailsRef.current.open = true;
      found.push({ id: 'transition-categories', message: t('transition.categories.error') });
    }
    setErrors(found);
    if (found.length > 0) {
      window.setTimeout(() => document.getElementById(found[0]?.id ?? '')?.focus(), 0);
      return;
    }
    const input: TransitionInput = { to: transition.to, fields };
    if (parsed.codes.length > 0) input.provisionCategories = parsed.codes;
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
      <form className="kern-form" noValidate aria-labelledby="transition-heading" onSubmit={(event) => void submit(event)}>
        <Fieldset>
          <FieldsetLegend>{t('transition.fields')}</FieldsetLegend>
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
        </Fieldset>
        <details ref={detailsRef} className="kern-details">
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
