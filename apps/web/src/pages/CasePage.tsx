import {
  Alert,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { Decision } from '../api/provisions';
import type { CaseDetail, CaseTransition, Problem, SuspendTermResult, TransitionResult, WerkwijzeStep } from '../api';
import { useApp } from '../app-context';
import { Loading, ProblemAlert, StatusMessage, toProblem } from '../components/Alerts';
import { DeadlineBadge } from '../components/DeadlineBadge';
import { PageTitle } from '../components/PageTitle';
import { SuspendTermForm } from '../components/SuspendTermForm';
import { TransitionForm } from '../components/TransitionForm';
// dossier: what each step recorded, shown back; the decision prefills the next step
import { CaseJournal, RecordedEarlier } from '../components/CaseJournal';
import { decisionPrefill } from '../components/decision-prefill';
// provisions: the decision (beschikking) at the besluit step
import { DecisionSection } from '../components/provisions/DecisionSection';
import { CaseLetters } from '../components/letters/CaseLetters';
import { formatDate, formatDateTime } from '../i18n';
import { isPurpose, type Purpose } from '../purpose';
import { AppLink, navigate, paths, useLocation } from '../router';
import { phaseKey } from '../werkwijze';

export function CasePage({ id }: { id: string }) {
  const { api, t, lang, purpose, setPurpose } = useApp();
  const { search } = useLocation();
  const doel = search.get('doel');
  const [switched, setSwitched] = useState<Purpose | null>(null);
  const [data, setData] = useState<CaseDetail | Problem | null>(null);
  const [reloads, setReloads] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const [decisions, setDecisions] = useState<Decision[]>([]);
  // The steps of the case's werkwijze version, for names and the form of the current step; null when loading failed.
  const [werkwijzeSteps, setWerkwijzeSteps] = useState<{ key: string; steps: WerkwijzeStep[] | null } | null>(null);

  // A link from the worklist names the case's law (?doel=...): work under it, say so, and drop it from the URL.
  useEffect(() => {
    if (doel === null) return;
    if (isPurpose(doel) && doel !== purpose) {
      setPurpose(doel);
      setSwitched(doel);
    }
    navigate(paths.caseFile(id), { replace: true });
  }, [doel, id, purpose, setPurpose]);

  useEffect(() => {
    if (!purpose || doel !== null) return;
    let current = true;
    api.caseDetail(id).then(
      (detail) => current && setData(detail),
      (error: unknown) => current && setData(toProblem(error)),
    );
    return () => {
      current = false;
    };
  }, [api, id, purpose, doel, reloads]);

  const detail = data && 'case' in data ? data : null;
  const problem = data && !('case' in data) ? data : null;
  const werkwijzeId = detail?.case.werkwijzeId;
  const werkwijzeVersion = detail?.case.werkwijzeVersion;

  const werkwijzeKey = werkwijzeId === undefined || werkwijzeVersion === undefined ? null : `${werkwijzeId}@${werkwijzeVersion}`;

  // Step names for history and tasks, and the fields of the current step, come from the case's werkwijze version.
  useEffect(() => {
    if (werkwijzeId === undefined || werkwijzeVersion === undefined) return;
    const key = `${werkwijzeId}@${werkwijzeVersion}`;
    let current = true;
    api.werkwijze(werkwijzeId, werkwijzeVersion).then(
      (found) => current && setWerkwijzeSteps({ key, steps: found.definition.steps ?? [] }),
      () => current && setWerkwijzeSteps({ key, steps: null }),
    );
    return () => {
      current = false;
    };
  }, [api, werkwijzeId, werkwijzeVersion]);

  // Undefined while the steps of this version are still loading (a migrated case changes version).
  const steps = werkwijzeSteps && werkwijzeSteps.key === werkwijzeKey ? werkwijzeSteps.steps : undefined;
  const stepNames: Record<string, string> = {};
  for (const step of steps ?? []) if (step.name) stepNames[step.id] = step.name;
  const currentStep = steps === undefined ? undefined : (steps?.find((step) => step.id === detail?.case.stepId) ?? null);

  const stepName = (stepId: string | null) => (stepId ? (stepNames[stepId] ?? stepId) : t('case.history.start'));

  const onTransitionDone = (transition: CaseTransition, result: TransitionResult) => {
    const parts = [t('transition.done', { label: transition.label })];
    if (result.routedCaseIds.length > 0) parts.push(t('transition.routed', { count: result.routedCaseIds.length }));
    setDone(parts.join(' '));
    setOpenIndex(null);
    setReloads((n) => n + 1);
  };

  const onSuspended = (result: SuspendTermResult) => {
    setDone(t('suspend.done', { date: formatDate(result.dueDate, lang) }));
    setReloads((n) => n + 1);
  };

  // Record once: the beschikking recorded at this step fills the next step's decision, motivation and categories.
  const prefillFor = (to: string | undefined) => {
    if (!detail || to === undefined) return null;
    const found = decisionPrefill(currentStep, to, decisions, detail.journal);
    return found ? { reference: found.decision.reference, values: found.values } : null;
  };

  const closeForm = (index: number) => {
    setOpenIndex(null);
    document.getElementById(`transition-${index}`)?.focus();
  };

  return (
    <>
      <PageTitle focusSignal={reloads}>{detail ? detail.case.reference : t('case.title')}</PageTitle>
      <Paragraph>
        <AppLink href={paths.worklist}>{t('case.back')}</AppLink>
      </Paragraph>
      {switched && <StatusMessage>{t('case.purposeSwitched', { purpose: t(`purpose.${switched}`) })}</StatusMessage>}
      {done && <StatusMessage>{done}</StatusMessage>}
      {!purpose ? (
        <Alert type="warning" role="alert" className="kern-alert">
          <Paragraph>{t('purpose.required')}</Paragraph>
        </Alert>
      ) : problem ? (
        <ProblemAlert problem={problem} />
      ) : !detail ? (
        <Loading />
      ) : (
        <>
          <CaseFacts detail={detail} />
          <PhaseBar phases={detail.phases} />
          <section aria-labelledby="step-heading" className="kern-section">
            <Heading2 id="step-heading">{t('case.currentStep')}</Heading2>
            <Paragraph className="kern-current-step">
              {t('case.currentStep.text', { step: detail.case.stepName, phase: phaseLabel(detail.case.phase, t) })}
            </Paragraph>
            {detail.case.status === 'open' && currentStep !== undefined && <RecordedEarlier journal={detail.journal} step={currentStep} />}
          </section>

          {/* provisions: decisions recorded on the case, and the form at the besluit step */}
          <DecisionSection detail={detail} atDecisionStep={Boolean(currentStep?.decision)} onRecorded={() => setReloads((n) => n + 1)} onDecisions={setDecisions} />
          {/* letters: the beschikking letter of each decision, with how it is delivered */}
          {detail.case.purpose === 'wmo' || detail.case.purpose === 'jeugdwet' ? <CaseLetters caseId={detail.case.id} reload={reloads} /> : null}

          <section aria-labelledby="next-heading" className="kern-section">
            <Heading2 id="next-heading">{t('case.next')}</Heading2>
            {detail.transitions.length === 0 ? (
              <Paragraph>{t('case.next.none')}</Paragraph>
            ) : (
              <ul className="kern-transitions">
                {detail.transitions.map((transition, index) => (
                  <li key={`${transition.to}-${index}`} className="kern-transitions__item">
                    <Button
                      id={`transition-${index}`}
                      appearance={transition.allowed ? 'primary-action-button' : 'secondary-action-button'}
                      disabled={!transition.allowed}
                      aria-expanded={transition.allowed ? openIndex === index : undefined}
                      aria-controls={transition.allowed && openIndex === index ? 'transition-form' : undefined}
                      aria-describedby={!transition.allowed && transition.reason ? `transition-${index}-reason` : undefined}
                      onClick={() => setOpenIndex(openIndex === index ? null : index)}
                    >
                      {transition.label}
                    </Button>
                    {!transition.allowed && transition.reason && (
                      <Paragraph id={`transition-${index}-reason`} className="kern-muted">
                        {t('case.next.notAllowed', { reason: transition.reason })}
                      </Paragraph>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {openIndex !== null && detail.transitions[openIndex] && currentStep === undefined && <Loading />}
            {openIndex !== null && detail.transitions[openIndex] && currentStep !== undefined && (
              <TransitionForm
                key={openIndex}
                caseId={detail.case.id}
                transition={detail.transitions[openIndex]}
                step={currentStep}
                recorded={detail.case.fields}
                prefill={prefillFor(detail.transitions[openIndex]?.to)}
                onDone={(result) => {
                  const transition = detail.transitions[openIndex];
                  if (transition) onTransitionDone(transition, result);
                }}
                onCancel={() => closeForm(openIndex)}
              />
            )}
          </section>

          <CaseJournal journal={detail.journal} />
          <Deadlines detail={detail} reloads={reloads} onSuspended={onSuspended} />
          <Tasks detail={detail} stepName={stepName} />
          <History detail={detail} stepName={stepName} />
        </>
      )}
    </>
  );
}

function phaseLabel(phase: string, t: ReturnType<typeof useApp>['t']): string {
  const key = phaseKey(phase);
  return key ? t(key) : phase;
}

function CaseFacts({ detail }: { detail: CaseDetail }) {
  const { t, lang } = useApp();
  const c = detail.case;
  const rows: [string, ReactNode][] = [
    [t('case.caseType'), c.caseTypeId],
    [t('case.purpose'), isPurpose(c.purpose) ? t(`purpose.${c.purpose}`) : c.purpose],
    [t('case.status'), c.status === 'closed' ? t('case.status.closed') : t('case.status.open')],
    [t('case.werkwijze'), <AppLink href={paths.werkwijze(c.werkwijzeId, c.werkwijzeVersion)}>{t('case.werkwijze.value', { id: c.werkwijzeId, version: c.werkwijzeVersion })}</AppLink>],
    [t('case.subjectBsn'), <AppLink href={paths.resident(c.subjectBsn)}>{c.subjectBsn}</AppLink>],
    [t('case.householdBsns'), c.householdBsns.length > 0 ? c.householdBsns.join(', ') : t('common.none')],
    [t('case.meldingDate'), formatDate(c.meldingDate, lang)],
    [t('case.openedAt'), formatDateTime(c.openedAt, lang)],
  ];
  if (c.closedAt) rows.push([t('case.closedAt'), formatDateTime(c.closedAt, lang)]);
  if (c.parentCaseId) rows.push([t('case.parent'), <AppLink href={paths.caseFile(c.parentCaseId)}>{c.parentCaseId}</AppLink>]);
  return (
    <section aria-labelledby="facts-heading" className="kern-section">
      <Heading2 id="facts-heading">{t('case.facts')}</Heading2>
      <DataList>
        {rows.map(([key, value]) => (
          <DataListItem key={key}>
            <DataListKey>{key}</DataListKey>
            <DataListValue>{value}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
    </section>
  );
}

/** The six core phases in order; the state is written out, not only drawn. */
function PhaseBar({ phases }: { phases: CaseDetail['phases'] }) {
  const { t } = useApp();
  return (
    <section aria-labelledby="phases-heading" className="kern-section">
      <Heading2 id="phases-heading">{t('case.phases')}</Heading2>
      <ol className="kern-phasebar">
        {phases.map((p) => (
          <li key={p.phase} className={`kern-phasebar__item kern-phasebar__item--${p.state}`} aria-current={p.state === 'current' ? 'step' : undefined}>
            <span className="kern-phasebar__name">{phaseLabel(p.phase, t)}</span>{' '}
            <span className="kern-phasebar__state">({t(`case.phase.${p.state}`)})</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** An id-safe form of a term id, for the ids of its suspension form. */
const termSlug = (termId: string) => termId.replace(/[^A-Za-z0-9_-]/g, '-');

interface DeadlinesProps {
  detail: CaseDetail;
  /** Changes after every reload, so the suspension forms start closed and empty again. */
  reloads: number;
  onSuspended: (result: SuspendTermResult) => void;
}

function Deadlines({ detail, reloads, onSuspended }: DeadlinesProps) {
  const { t, lang } = useApp();
  // Only a running term of an open case can be suspended.
  const running = detail.case.status === 'open' ? detail.deadlines.filter((deadline) => deadline.metDate === null) : [];
  return (
    <section aria-labelledby="deadlines-heading" className="kern-section">
      <Heading2 id="deadlines-heading">{t('case.deadlines')}</Heading2>
      {detail.deadlines.length === 0 ? (
        <Paragraph>{t('case.deadlines.none')}</Paragraph>
      ) : (
        <div className="kern-table-scroll">
          <Table aria-labelledby="deadlines-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('case.col.term')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.col.start')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.col.due')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.col.met')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.col.suspended')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.col.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.col.explanation')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {detail.deadlines.map((deadline) => (
                <TableRow key={deadline.termId}>
                  <TableHeaderCell scope="row">{deadline.termId}</TableHeaderCell>
                  <TableCell>{formatDate(deadline.startDate, lang)}</TableCell>
                  <TableCell>{formatDate(deadline.dueDate, lang)}</TableCell>
                  <TableCell>{deadline.metDate ? formatDate(deadline.metDate, lang) : t('common.none')}</TableCell>
                  <TableCell>{deadline.suspendedDays}</TableCell>
                  <TableCell>
                    <DeadlineBadge status={deadline.status} />
                  </TableCell>
                  <TableCell>
                    {deadline.explanation.length > 0 && (
                      <details className="kern-details">
                        <summary>{t('case.explanation')}</summary>
                        <ul>
                          {deadline.explanation.map((line, i) => (
                            <li key={i}>{line}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {running.length > 0 && (
        <ul className="kern-suspensions">
          {running.map((deadline, index) => {
            const slug = `suspend-${index}-${termSlug(deadline.termId)}`;
            return (
              <li key={`${deadline.termId}-${reloads}`} className="kern-suspensions__item">
                <Heading3 id={`${slug}-heading`}>
                  {t('suspend.term', { term: deadline.termId, date: formatDate(deadline.dueDate, lang) })}
                </Heading3>
                <details className="kern-details">
                  <summary aria-describedby={`${slug}-heading`}>{t('suspend.toggle')}</summary>
                  <SuspendTermForm caseId={detail.case.id} deadline={deadline} idPrefix={slug} onDone={onSuspended} />
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Tasks({ detail, stepName }: { detail: CaseDetail; stepName: (id: string | null) => string }) {
  const { t, lang } = useApp();
  return (
    <section aria-labelledby="tasks-heading" className="kern-section">
      <Heading2 id="tasks-heading">{t('case.tasks')}</Heading2>
      {detail.tasks.length === 0 ? (
        <Paragraph>{t('case.tasks.none')}</Paragraph>
      ) : (
        <div className="kern-table-scroll">
          <Table aria-labelledby="tasks-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('case.col.task')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.col.step')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.col.roles')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.col.taskStatus')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.col.created')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.col.done')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {detail.tasks.map((task) => (
                <TableRow key={task.id}>
                  <TableHeaderCell scope="row">{task.title}</TableHeaderCell>
                  <TableCell>{stepName(task.stepId)}</TableCell>
                  <TableCell>{task.roles.join(', ')}</TableCell>
                  <TableCell>{task.status}</TableCell>
                  <TableCell>{formatDateTime(task.createdAt, lang)}</TableCell>
                  <TableCell>{task.doneAt ? formatDateTime(task.doneAt, lang) : t('common.none')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

function History({ detail, stepName }: { detail: CaseDetail; stepName: (id: string | null) => string }) {
  const { t, lang } = useApp();
  const entries = [...detail.history].sort((a, b) => a.seq - b.seq);
  return (
    <section aria-labelledby="history-heading" className="kern-section">
      <Heading2 id="history-heading">{t('case.history')}</Heading2>
      {entries.length === 0 ? (
        <Paragraph>{t('case.history.none')}</Paragraph>
      ) : (
        <ol className="kern-history">
          {entries.map((entry) => (
            <li key={entry.seq} className="kern-history__item">
              <time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time> — <strong>{entry.actorName ?? entry.actorId}</strong>:{' '}
              {t('case.history.steps', { from: stepName(entry.fromStep), to: entry.toStep ? stepName(entry.toStep) : t('common.none') })}{' '}
              <span className="kern-muted">({t('case.history.kind', { kind: entry.kind })})</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

