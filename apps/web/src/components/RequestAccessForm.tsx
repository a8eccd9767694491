import { ButtonGroup, Heading2, Paragraph, PrimaryActionButton, Select, SelectOption } from '@utrecht/component-library-react';
import { useMemo, useRef, useState, type SyntheticEvent } from 'react';
import type { Problem } from '../api';
import { relationsApi } from '../api/relations';
import { useApp, useSession } from '../app-context';
import { ErrorSummary, ProblemAlert, StatusMessage, toProblem, type FieldError } from './Alerts';
import { Field, TextareaField } from './Field';

/** The server asks at least 5 characters; the form asks the same. */
const MIN_REASON = 5;

/**
 * "Toegang aanvragen": a relation the caseworker asks for is a request someone else decides (the
 * team lead or the household's coordinator); it gives no access until then.
 */
export function RequestAccessForm({ bsn }: { bsn: string }) {
  const { api, t, purpose } = useApp();
  const { account } = useSession();
  const client = useMemo(() => relationsApi(api), [api]);
  const [reason, setReason] = useState('');
  const [teamId, setTeamId] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const trimmed = reason.trim();
    const found: FieldError[] = [];
    if (!purpose) found.push({ id: 'purpose', message: t('purpose.required') });
    if (trimmed.length < MIN_REASON) found.push({ id: 'access-reason', message: t('relations.request.reason.tooShort', { min: MIN_REASON, count: trimmed.length }) });
    setErrors(found);
    if (found.length > 0) {
      document.getElementById(found[0]?.id ?? '')?.focus();
      return;
    }
    setBusy(true);
    try {
      await client.requestAccess(bsn, trimmed, teamId || undefined);
      setSent(true);
      // The form is gone; the confirmation is read from the section heading.
      headingRef.current?.focus();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="request-access-heading" className="kern-section">
      <Heading2 id="request-access-heading" ref={headingRef} tabIndex={-1}>
        {t('relations.request.title')}
      </Heading2>
      {sent ? (
        <StatusMessage>{t('relations.request.sent')}</StatusMessage>
      ) : (
        <>
          <Paragraph>{t('relations.request.intro')}</Paragraph>
          <ErrorSummary errors={errors} />
          {problem && <ProblemAlert problem={problem} />}
          <form className="kern-form" noValidate aria-labelledby="request-access-heading" onSubmit={(event) => void submit(event)}>
            <TextareaField
              id="access-reason"
              label={t('relations.request.reason')}
              hint={t('relations.request.reason.hint', { min: MIN_REASON })}
              value={reason}
              onChange={setReason}
              required
              rows={3}
              error={errors.find((e) => e.id === 'access-reason')?.message}
            />
            {account.teams.length > 0 && (
              <Field id="access-team" label={t('relations.request.team')}>
                {(wiring) => (
                  <Select {...wiring} name="team" value={teamId} onChange={(event) => setTeamId(event.target.value)}>
                    <SelectOption value="">{t('relations.request.team.self')}</SelectOption>
                    {account.teams.map((team) => (
                      <SelectOption key={team.id} value={team.id}>
                        {team.name}
                      </SelectOption>
                    ))}
                  </Select>
                )}
              </Field>
            )}
            <ButtonGroup>
              <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
                {t('relations.request.submit')}
              </PrimaryActionButton>
            </ButtonGroup>
          </form>
        </>
      )}
    </section>
  );
}
