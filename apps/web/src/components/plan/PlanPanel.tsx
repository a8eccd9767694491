import { Button, ButtonGroup, Heading2, Heading3, Paragraph, PrimaryActionButton, Select, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useState, type SyntheticEvent } from 'react';
import type { Problem } from '../../api';
import { assessmentsApi, type Instrument } from '../../api/assessments';
import { fetchPlanPdf, OWNER_KINDS, plansApi, type HouseholdPlan, type OwnerKind, type Plan, type PlanVersion } from '../../api/plans';
import { useApp } from '../../app-context';
import { formatDate, formatDateTime } from '../../i18n';
import { todayIso } from '../../werkwijze';
import { draftPlanVersionInputSchema } from '@kern/plans/contract';
import { validateWith } from '../../validation';
import { ErrorSummary, Loading, ProblemAlert, StatusMessage, toProblem, type FieldError } from '../Alerts';
import { Field, TextareaField, TextField } from '../Field';
import './plan.css';

const HOUSEHOLD = '';
const STATUSES = ['open', 'done', 'cancelled', 'achieved', 'dropped'] as const;

function VersionView({ plan, version, domains }: { plan: Plan; version: PlanVersion; domains: Instrument['domains'] }) {
  const { t, lang, purpose } = useApp();
  const [problem, setProblem] = useState<Problem | null>(null);
  const memberName = (bsn: string | null) => (bsn === null ? t('plan.goal.household') : (plan.members.find((m) => m.bsn === bsn)?.name ?? bsn));
  const domainName = (key: string) => domains.find((d) => d.key === key)?.name[lang] ?? key;
  const statusText = (status: string) => (STATUSES.includes(status as (typeof STATUSES)[number]) ? t(`plan.status.${status as (typeof STATUSES)[number]}`) : status);
  const c = version.content;
  const download = async () => {
    setProblem(null);
    try {
      const blob = await fetchPlanPdf(plan.id, version.version, lang, purpose ?? 'integraal');
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `plan-versie-${version.version}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setProblem(toProblem(e));
    }
  };
  const id = `plan-${plan.id}-v${version.version}`;
  return (
    <section aria-labelledby={id} className={`kern-plan-version kern-plan-version--${version.state}`} data-state={version.state}>
      <Heading3 id={id}>
        {t('plan.version', { version: version.version })} <span className="kern-hh-badge">{t(`plan.state.${version.state}`)}</span>
      </Heading3>
      {version.agreements.map((a) => (
        <Paragraph key={`${a.partyBsn}-${a.agreedAt}`}>{t('plan.agreedBy', { name: a.partyName, date: formatDateTime(a.agreedAt, lang), method: t(`plan.method.${a.method}`) })}</Paragraph>
      ))}
      {version.changeNote && <Paragraph>{t('plan.changeNote', { note: version.changeNote })}</Paragraph>}
      <h4>{t('plan.goals')}</h4>
      {c.goals.length === 0 ? <Paragraph>{t('plan.empty')}</Paragraph> : (
        <UnorderedList>
          {c.goals.map((g) => <UnorderedListItem key={g.id}><strong>{domainName(g.domain)}</strong> ({memberName(g.memberBsn)}): {g.text}{g.status !== 'open' && ` (${statusText(g.status)})`}</UnorderedListItem>)}
        </UnorderedList>
      )}
      {c.actions.length === 0 ? <><h4>{t('plan.actions')}</h4><Paragraph>{t('plan.empty')}</Paragraph></> : (
        <Table>
          <TableCaption>{t('plan.actions')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('plan.action.what')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('plan.action.who')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('plan.action.due')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('plan.action.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {c.actions.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{a.text}</TableCell>
                <TableCell>{t(`plan.owner.${a.owner.kind}`)}: {a.owner.name}</TableCell>
                <TableCell>{formatDate(a.dueDate, lang)}</TableCell>
                <TableCell>{statusText(a.status)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <h4>{t('plan.agreements')}</h4>
      {c.agreements.length === 0 ? <Paragraph>{t('plan.empty')}</Paragraph> : <UnorderedList>{c.agreements.map((a) => <UnorderedListItem key={a.id}>{a.text}</UnorderedListItem>)}</UnorderedList>}
      <h4>{t('plan.reviewDates')}</h4>
      {c.reviewDates.length === 0 ? <Paragraph>{t('plan.empty')}</Paragraph> : <UnorderedList>{c.reviewDates.map((d) => <UnorderedListItem key={d}>{formatDate(d, lang)}</UnorderedListItem>)}</UnorderedList>}
      {problem && <ProblemAlert problem={problem} />}
      <ButtonGroup className="kern-no-print">
        <Button appearance="secondary-action-button" onClick={() => void download()}>{t('plan.pdf', { version: version.version })}</Button>
      </ButtonGroup>
    </section>
  );
}

function AddToPlanForm({ plan, domains, onSaved }: { plan: Plan; domains: Instrument['domains']; onSaved: (p: Plan) => void }) {
  const { api, t, lang } = useApp();
  const client = useMemo(() => plansApi(api), [api]);
  const latest = plan.versions.at(-1);
  const [domain, setDomain] = useState(domains[0]?.key ?? 'financien');
  const [member, setMember] = useState(HOUSEHOLD);
  const [goal, setGoal] = useState('');
  const [action, setAction] = useState('');
  const [ownerKind, setOwnerKind] = useState<OwnerKind>('citizen');
  const [ownerName, setOwnerName] = useState('');
  const [due, setDue] = useState(todayIso);
  const [agreement, setAgreement] = useState('');
  const [review, setReview] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  if (!latest) return null;
  const f = `plan-add-${plan.id}`;
  const errorOf = (id: string) => errors.find((e) => e.id === id)?.message;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setSaved(null);
    const c = latest.content;
    const n = c.goals.length + c.actions.length + c.agreements.length + 1;
    const goalId = `g${n}`;
    const content = {
      goals: goal.trim() ? [...c.goals, { id: goalId, domain, memberBsn: member === HOUSEHOLD ? null : member, text: goal.trim(), status: 'open' }] : c.goals,
      actions: action.trim() ? [...c.actions, { id: `a${n}`, goalId: goal.trim() ? goalId : null, text: action.trim(), owner: { kind: ownerKind, name: ownerName.trim() || t(`plan.owner.${ownerKind}`) }, dueDate: due, status: 'open', offeringId: null }] : c.actions,
      agreements: agreement.trim() ? [...c.agreements, { id: `afs${n}`, text: agreement.trim() }] : c.agreements,
      reviewDates: review ? [...c.reviewDates, review] : c.reviewDates,
    };
    // The server's own body schema: the new parts get the same checks (and Dutch messages) before the round trip.
    const added = { goal: `content.goals.${c.goals.length}`, action: `content.actions.${c.actions.length}`, agreement: `content.agreements.${c.agreements.length}` };
    const checked = validateWith(draftPlanVersionInputSchema, { content }, lang, {
      [`${added.goal}.text`]: `${f}-goal`,
      [`${added.action}.text`]: `${f}-action`,
      [`${added.action}.owner.name`]: `${f}-ownerName`,
      [`${added.action}.dueDate`]: `${f}-due`,
      [`${added.agreement}.text`]: `${f}-agreement`,
      [`content.reviewDates.${c.reviewDates.length}`]: `${f}-review`,
      content: `${f}-goal`,
    });
    setErrors(checked.ok ? [] : checked.errors);
    if (!checked.ok) {
      document.getElementById(checked.errors[0]?.id ?? '')?.focus();
      return;
    }
    setBusy(true);
    try {
      const next = await client.draft(plan.id, checked.value);
      setGoal(''); setAction(''); setAgreement(''); setReview('');
      setSaved(next.versions.at(-1)?.version ?? null);
      onSaved(next);
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={f} className="kern-section kern-no-print">
      <Heading3 id={f}>{t('plan.edit.title')}</Heading3>
      <Paragraph>{t('plan.edit.intro')}</Paragraph>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      {saved !== null && <StatusMessage>{t('plan.edit.saved', { version: saved })}</StatusMessage>}
      <form className="kern-form" noValidate onSubmit={(event) => void submit(event)}>
        <Field id={`${f}-domain`} label={t('plan.edit.domain')}>
          {(w) => <Select {...w} value={domain} onChange={(e) => setDomain(e.target.value)}>{domains.map((d) => <SelectOption key={d.key} value={d.key}>{d.name[lang]}</SelectOption>)}</Select>}
        </Field>
        <Field id={`${f}-member`} label={t('plan.edit.member')}>
          {(w) => (
            <Select {...w} value={member} onChange={(e) => setMember(e.target.value)}>
              <SelectOption value={HOUSEHOLD}>{t('plan.goal.household')}</SelectOption>
              {plan.members.map((m) => <SelectOption key={m.bsn} value={m.bsn}>{m.name}</SelectOption>)}
            </Select>
          )}
        </Field>
        <TextareaField id={`${f}-goal`} label={t('plan.edit.goal')} value={goal} onChange={setGoal} rows={2} error={errorOf(`${f}-goal`)} />
        <TextareaField id={`${f}-action`} label={t('plan.edit.action')} value={action} onChange={setAction} rows={2} error={errorOf(`${f}-action`)} />
        <Field id={`${f}-owner`} label={t('plan.edit.ownerKind')}>
          {(w) => <Select {...w} value={ownerKind} onChange={(e) => setOwnerKind(e.target.value as OwnerKind)}>{OWNER_KINDS.map((k) => <SelectOption key={k} value={k}>{t(`plan.owner.${k}`)}</SelectOption>)}</Select>}
        </Field>
        <TextField id={`${f}-ownerName`} label={t('plan.edit.ownerName')} value={ownerName} onChange={setOwnerName} error={errorOf(`${f}-ownerName`)} />
        <TextField id={`${f}-due`} type="date" label={t('plan.edit.due')} value={due} onChange={setDue} error={errorOf(`${f}-due`)} />
        <TextareaField id={`${f}-agreement`} label={t('plan.edit.agreement')} value={agreement} onChange={setAgreement} rows={2} error={errorOf(`${f}-agreement`)} />
        <TextField id={`${f}-review`} type="date" label={t('plan.edit.review')} value={review} onChange={setReview} error={errorOf(`${f}-review`)} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>{t('plan.edit.submit')}</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </section>
  );
}

function AgreeForm({ plan, onSaved }: { plan: Plan; onSaved: (p: Plan) => void }) {
  const { api, t } = useApp();
  const client = useMemo(() => plansApi(api), [api]);
  const [party, setParty] = useState(plan.anchorBsn);
  const [method, setMethod] = useState<'in-person' | 'signed-paper'>('in-person');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const version = plan.draftVersion;
  if (version === null) return done === null ? null : <StatusMessage>{t('plan.agree.done', { version: done })}</StatusMessage>;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      const name = plan.members.find((m) => m.bsn === party)?.name ?? party;
      const next = await client.agree(plan.id, { version, party: { bsn: party, name, role: 'citizen' }, method });
      setDone(version);
      onSaved(next);
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setBusy(false);
    }
  };
  const f = `plan-agree-${plan.id}`;
  return (
    <section aria-labelledby={f} className="kern-section kern-no-print">
      <Heading3 id={f}>{t('plan.agree.title')}</Heading3>
      {problem && <ProblemAlert problem={problem} />}
      <form className="kern-form" noValidate onSubmit={(event) => void submit(event)}>
        <Field id={`${f}-party`} label={t('plan.agree.party')}>
          {(w) => <Select {...w} value={party} onChange={(e) => setParty(e.target.value)}>{plan.members.map((m) => <SelectOption key={m.bsn} value={m.bsn}>{m.name}</SelectOption>)}</Select>}
        </Field>
        <Field id={`${f}-method`} label={t('plan.agree.method')}>
          {(w) => (
            <Select {...w} value={method} onChange={(e) => setMethod(e.target.value as 'in-person' | 'signed-paper')}>
              <SelectOption value="in-person">{t('plan.method.in-person')}</SelectOption>
              <SelectOption value="signed-paper">{t('plan.method.signed-paper')}</SelectOption>
            </Select>
          )}
        </Field>
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>{t('plan.agree.submit', { version })}</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </section>
  );
}

/**
 * The household's plan for one member's household: whole with its versions, agreement state and
 * PDFs for the coordinator; only "there is a plan, ask this coordinator" for a caseworker of
 * another law. `members` (from the household view) lets a coordinator open a plan.
 */
export function PlanPanel({ bsn, members, onPlan }: { bsn: string; members?: { bsn: string; name: string }[]; onPlan?: (plan: Plan) => void }) {
  const { api, t, lang } = useApp();
  const client = useMemo(() => plansApi(api), [api]);
  const assessments = useMemo(() => assessmentsApi(api), [api]);
  const [state, setState] = useState<HouseholdPlan | null>(null);
  const [domains, setDomains] = useState<Instrument['domains']>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    try {
      const [p, instruments] = await Promise.all([client.householdPlan(bsn), assessments.instruments()]);
      setState(p);
      setDomains(instruments.find((i) => i.id === 'zrm-volwassenen')?.domains ?? []);
    } catch (e) {
      setProblem(toProblem(e));
    }
  }, [client, assessments, bsn]);
  useEffect(() => void load(), [load]);

  const open = async () => {
    if (!members) return;
    setBusy(true);
    setProblem(null);
    try {
      setState({ view: 'full', plan: await client.open(bsn, members) });
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setBusy(false);
    }
  };

  const plan = state?.view === 'full' ? state.plan : null;
  useEffect(() => {
    if (plan) onPlan?.(plan);
  }, [plan, onPlan]);
  return (
    <section aria-labelledby={`plan-${bsn}`} className="kern-section kern-plan" data-testid="plan-panel">
      <Heading2 id={`plan-${bsn}`}>{t('plan.title')}</Heading2>
      {problem && <ProblemAlert problem={problem} />}
      {!state ? (!problem && <Loading />) : state.view === 'no-plan' ? (
        <>
          <Paragraph>{t('plan.none')}</Paragraph>
          {members && members.length > 0 && <ButtonGroup className="kern-no-print"><PrimaryActionButton busy={busy} disabled={busy} onClick={() => void open()}>{t('plan.open')}</PrimaryActionButton></ButtonGroup>}
        </>
      ) : state.view === 'signal' ? (
        <Paragraph>{t('plan.signal', { coordinator: state.signal.coordinatorName, agreed: t(state.signal.agreed ? 'plan.signal.agreed' : 'plan.signal.notAgreed') })}</Paragraph>
      ) : plan && (
        <>
          <Paragraph>{t('plan.coordinator', { name: plan.coordinator.name })}. {t('plan.members', { names: plan.members.map((m) => m.name).join(', ') })}</Paragraph>
          {[...plan.versions].reverse().map((v) => <VersionView key={v.version} plan={plan} version={v} domains={domains} />)}
          {plan.changeRequests.length > 0 && (
            <>
              <Heading3>{t('plan.change.title')}</Heading3>
              <UnorderedList>
                {plan.changeRequests.map((c) => (
                  <UnorderedListItem key={c.id}>{t('plan.change.item', { date: formatDate(c.requestedAt, lang), request: c.request, answered: c.answeredVersion === null ? t('plan.change.open') : t('plan.change.answered', { version: c.answeredVersion }) })}</UnorderedListItem>
                ))}
              </UnorderedList>
            </>
          )}
          <AgreeForm plan={plan} onSaved={(p) => setState({ view: 'full', plan: p })} />
          <AddToPlanForm plan={plan} domains={domains} onSaved={(p) => setState({ view: 'full', plan: p })} />
        </>
      )}
    </section>
  );
}
