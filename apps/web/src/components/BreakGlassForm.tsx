import { ButtonGroup, Heading2, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { problemMessage, type Problem } from '../api';
import { useApp } from '../app-context';
import { MIN_BREAK_GLASS_REASON } from '../validation';
import { ErrorSummary, ProblemAlert, toProblem, type FieldError } from './Alerts';
import { TextareaField } from './Field';

/**
 * Break-the-glass: access outside the policy, with a written reason, for the current purpose,
 * reviewed afterwards by the auditor.
 */
export function BreakGlassForm({ bsn, onGranted }: { bsn: string; onGranted: () => void }) {
  const { api, t, purpose, lang } = useApp();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const trimmed = reason.trim();
    const found: FieldError[] = [];
    if (!purpose) found.push({ id: 'purpose', message: t('purpose.required') });
    if (trimmed.length < MIN_BREAK_GLASS_REASON) {
      found.push({ id: 'reason', message: t('breakGlass.reason.tooShort', { min: MIN_BREAK_GLASS_REASON, count: trimmed.length }) });
    }
    setErrors(found);
    if (found.length > 0) {
      document.getElementById(found[0]?.id ?? '')?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.breakGlass(bsn, trimmed);
      onGranted();
    } catch (error) {
      const p = toProblem(error);
      // The policy's own minimum (length, different words): its refusal belongs next to the field.
      if (p.invalidParams?.some((param) => param.name === 'reason')) {
        setErrors([{ id: 'reason', message: problemMessage(p, lang) }]);
        document.getElementById('reason')?.focus();
      } else {
        setProblem(p);
      }
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="break-glass-heading" className="kern-section kern-break-glass">
      <Heading2 id="break-glass-heading">{t('breakGlass.title')}</Heading2>
      <Paragraph>{t('breakGlass.intro')}</Paragraph>
      {purpose && <Paragraph>{t('purpose.current', { purpose: t(`purpose.${purpose}`) })}</Paragraph>}
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      <form className="kern-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextareaField
          id="reason"
          label={t('breakGlass.reason')}
          hint={t('breakGlass.reason.hint', { min: MIN_BREAK_GLASS_REASON })}
          value={reason}
          onChange={setReason}
          required
          rows={5}
          error={errors.find((e) => e.id === 'reason')?.message}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" hint="danger" busy={busy} disabled={busy}>
            {t('breakGlass.submit')}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </section>
  );
}
