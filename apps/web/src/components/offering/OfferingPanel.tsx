import { ButtonGroup, Heading2, Heading3, Paragraph, PrimaryActionButton, Select, SelectOption, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useState, type SyntheticEvent } from 'react';
import { attendanceInputSchema } from '@kern/offerings/contract';
import type { Problem } from '../../api';
import { offeringsApi, type Enrolment, type Offering } from '../../api/offerings';
import type { Plan } from '../../api/plans';
import { useApp } from '../../app-context';
import { formatDate } from '../../i18n';
import { ErrorSummary, Loading, ProblemAlert, StatusMessage, toProblem, type FieldError } from '../Alerts';
import { Field, TextField } from '../Field';
import { validateWith } from '../../validation';
import { todayIso } from '../../werkwijze';
import '../plan/plan.css';

function AttendanceForm({ bsn, enrolments, onSaved }: { bsn: string; enrolments: Enrolment[]; onSaved: () => void }) {
  const { api, t, lang } = useApp();
  const client = useMemo(() => offeringsApi(api), [api]);
  const active = enrolments.filter((e) => e.status === 'enrolled');
  const [offeringId, setOfferingId] = useState(active[0]?.offeringId ?? '');
  const [sessionOn, setSessionOn] = useState(todayIso);
  const [present, setPresent] = useState('yes');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  if (active.length === 0) return null;
  const f = `attendance-${bsn}`;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setDone(false);
    // The server's own body schema, so the date gets the same check (and a Dutch message) before the round trip.
    const checked = validateWith(attendanceInputSchema, { sessionOn, attendance: [{ subjectBsn: bsn, present: present === 'yes' }] }, lang, { sessionOn: `${f}-date` });
    setErrors(checked.ok ? [] : checked.errors);
    if (!checked.ok) {
      document.getElementById(checked.errors[0]?.id ?? '')?.focus();
      return;
    }
    setBusy(true);
    try {
      await client.attendance(offeringId || (active[0]?.offeringId ?? ''), checked.value.sessionOn, checked.value.attendance);
      setDone(true);
      onSaved();
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={f} className="kern-no-print">
      <Heading3 id={f}>{t('offering.attendance.title')}</Heading3>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      {done && <StatusMessage>{t('offering.attendance.done')}</StatusMessage>}
      <form className="kern-form" noValidate onSubmit={(event) => void submit(event)}>
        <Field id={`${f}-offering`} label={t('offering.enrol.offering')}>
          {(w) => <Select {...w} value={offeringId} onChange={(e) => setOfferingId(e.target.value)}>{active.map((e) => <SelectOption key={e.id} value={e.offeringId}>{e.offeringName}</SelectOption>)}</Select>}
        </Field>
        <TextField id={`${f}-date`} type="date" label={t('offering.attendance.date')} value={sessionOn} onChange={setSessionOn} required error={errors.find((e) => e.id === `${f}-date`)?.message} />
        <Field id={`${f}-present`} label={t('offering.attendance.present')}>
          {(w) => (
            <Select {...w} value={present} onChange={(e) => setPresent(e.target.value)}>
              <SelectOption value="yes">{t('common.yes')}</SelectOption>
              <SelectOption value="no">{t('common.no')}</SelectOption>
            </Select>
          )}
        </Field>
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>{t('offering.attendance.submit')}</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </section>
  );
}

/**
 * A member's group offerings and general provisions with attendance, and enrolment from the
 * catalogue, optionally for an action of the household plan.
 */
export function OfferingPanel({ bsn, plan }: { bsn: string; plan?: Plan | undefined }) {
  const { api, t, lang } = useApp();
  const client = useMemo(() => offeringsApi(api), [api]);
  const [enrolments, setEnrolments] = useState<Enrolment[] | null>(null);
  const [catalogue, setCatalogue] = useState<Offering[]>([]);
  const [offeringId, setOfferingId] = useState('');
  const [actionId, setActionId] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    try {
      const [e, c] = await Promise.all([client.enrolments(bsn), client.catalogue()]);
      setEnrolments(e);
      setCatalogue(c);
      setOfferingId((current) => current || (c.find((o) => o.placesLeft !== 0)?.id ?? ''));
    } catch (e) {
      setProblem(toProblem(e));
    }
  }, [client, bsn]);
  useEffect(() => void load(), [load]);

  const actions = plan?.versions.at(-1)?.content.actions ?? [];
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setDone(false);
    setBusy(true);
    try {
      await client.enrol(offeringId, { subjectBsn: bsn, ...(plan && actionId ? { planId: plan.id, planActionId: actionId } : {}) });
      setDone(true);
      await load();
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setBusy(false);
    }
  };

  const f = `offering-${bsn}`;
  return (
    <section aria-labelledby={f} className="kern-section kern-offerings" data-testid="offering-panel">
      <Heading2 id={f}>{t('offering.title')}</Heading2>
      {problem && <ProblemAlert problem={problem} />}
      {!enrolments ? (!problem && <Loading />) : (
        <>
          {enrolments.length === 0 ? <Paragraph>{t('offering.none')}</Paragraph> : (
            <UnorderedList>
              {enrolments.map((e) => (
                <UnorderedListItem key={e.id}>
                  <strong>{e.offeringName}</strong> ({t(`offering.kind.${e.kind}`)}), {t('offering.enrolledOn', { date: formatDate(e.enrolledOn, lang) })}
                  {e.attendance.length > 0 && <>, {t('offering.attendance', { present: e.attendance.filter((a) => a.present).length, sessions: e.attendance.length })}</>}
                  {e.planActionId && <> — {t('offering.fromPlan')}</>}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          <AttendanceForm bsn={bsn} enrolments={enrolments} onSaved={() => void load()} />
          {catalogue.length > 0 && (
            <section aria-labelledby={`${f}-enrol`} className="kern-no-print">
              <Heading3 id={`${f}-enrol`}>{t('offering.enrol.title')}</Heading3>
              {done && <StatusMessage>{t('offering.enrol.done')}</StatusMessage>}
              <form className="kern-form" noValidate onSubmit={(event) => void submit(event)}>
                <Field id={`${f}-offering`} label={t('offering.enrol.offering')}>
                  {(w) => (
                    <Select {...w} value={offeringId} onChange={(e) => setOfferingId(e.target.value)}>
                      {catalogue.map((o) => (
                        <SelectOption key={o.id} value={o.id} disabled={o.placesLeft === 0}>
                          {o.placesLeft === null ? t('offering.enrol.unlimited', { name: o.name }) : t('offering.enrol.places', { name: o.name, places: o.placesLeft })}
                        </SelectOption>
                      ))}
                    </Select>
                  )}
                </Field>
                {plan && actions.length > 0 && (
                  <Field id={`${f}-action`} label={t('offering.enrol.action')}>
                    {(w) => (
                      <Select {...w} value={actionId} onChange={(e) => setActionId(e.target.value)}>
                        <SelectOption value="">{t('offering.enrol.noAction')}</SelectOption>
                        {actions.map((a) => <SelectOption key={a.id} value={a.id}>{a.text}</SelectOption>)}
                      </Select>
                    )}
                  </Field>
                )}
                <ButtonGroup>
                  <PrimaryActionButton type="submit" busy={busy} disabled={busy || !offeringId}>{t('offering.enrol.submit')}</PrimaryActionButton>
                </ButtonGroup>
              </form>
            </section>
          )}
        </>
      )}
    </section>
  );
}
