import { Button, ButtonGroup, Heading2, Heading3, Paragraph, PrimaryActionButton, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Problem } from '../api';
import { accessPolicyApi, type PolicyDiff, type PolicyInForce, type PolicyProposal } from '../api/access-policy';
import { useApp, useSession } from '../app-context';
import { Loading, ProblemAlert, StatusMessage, toProblem } from '../components/Alerts';
import { TextareaField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { formatDate, type Translate } from '../i18n';

/** Every change of a proposal in words: the approver approves what changes, not a whole document. */
function changeLines(diff: PolicyDiff, t: Translate): string[] {
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  return [
    ...(diff.name ? [t('policy.diff.name', { before: text(diff.name.before), after: text(diff.name.after) })] : []),
    ...diff.addedRules.map((r) => t('policy.diff.added', { id: text(r.id) })),
    ...diff.removedRules.map((r) => t('policy.diff.removed', { id: text(r.id) })),
    ...diff.changedRules.map((r) => t('policy.diff.changed', { id: r.id, fields: r.changes.map((c) => `${c.field}: ${text(c.before)} → ${text(c.after)}`).join('; ') })),
    ...(diff.breakGlass.length ? [t('policy.diff.breakGlass', { fields: diff.breakGlass.map((c) => `${c.field}: ${text(c.before)} → ${text(c.after)}`).join('; ') })] : []),
  ];
}

function ProposalCard({ proposal, mine, onDecide }: { proposal: PolicyProposal; mine: boolean; onDecide: (done: string) => void }) {
  const { api, t, lang } = useApp();
  const policy = useMemo(() => accessPolicyApi(api), [api]);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const headingId = `proposal-${proposal.id}`;
  const approve = () => {
    setProblem(null);
    policy.approve(proposal.id, note.trim() || undefined).then((r) => onDecide(t('policy.approved', { version: r.version })), (e: unknown) => setProblem(toProblem(e)));
  };
  const reject = () => {
    setProblem(null);
    if (!note.trim()) return setNoteError(t('policy.note.required'));
    setNoteError(undefined);
    policy.reject(proposal.id, note.trim()).then(() => onDecide(t('policy.rejected')), (e: unknown) => setProblem(toProblem(e)));
  };
  return (
    <article className="kern-card" aria-labelledby={headingId}>
      <Heading3 id={headingId}>{proposal.summary}</Heading3>
      <Paragraph>{t('policy.proposal.by', { name: proposal.proposedByName ?? proposal.proposedBy, date: formatDate(proposal.proposedAt.slice(0, 10), lang), version: proposal.baseVersion })}</Paragraph>
      <Paragraph>
        <strong>{t('policy.proposal.reason')}:</strong> {proposal.reason}
      </Paragraph>
      <Paragraph>
        <strong>{t('policy.proposal.changes')}:</strong>
      </Paragraph>
      <UnorderedList>
        {changeLines(proposal.diff, t).map((line) => (
          <UnorderedListItem key={line}>{line}</UnorderedListItem>
        ))}
      </UnorderedList>
      {proposal.status === 'approved' && <Paragraph>{t('policy.status.approved', { name: proposal.decidedByName ?? '', date: formatDate((proposal.decidedAt ?? '').slice(0, 10), lang), version: proposal.version ?? 0 })}</Paragraph>}
      {proposal.status === 'rejected' && <Paragraph>{t('policy.status.rejected', { name: proposal.decidedByName ?? '', date: formatDate((proposal.decidedAt ?? '').slice(0, 10), lang) })}</Paragraph>}
      {proposal.decisionNote && <Paragraph>{proposal.decisionNote}</Paragraph>}
      {proposal.status === 'proposed' && (mine ? (
        <Paragraph>{t('policy.own')}</Paragraph>
      ) : (
        <>
          {problem && <ProblemAlert problem={problem} />}
          <TextareaField id={`note-${proposal.id}`} label={t('policy.note')} value={note} onChange={setNote} error={noteError} rows={2} />
          <ButtonGroup>
            <PrimaryActionButton type="button" onClick={approve}>{t('policy.approve')}</PrimaryActionButton>
            <Button appearance="secondary-action-button" type="button" onClick={reject}>{t('policy.reject')}</Button>
          </ButtonGroup>
        </>
      ))}
    </article>
  );
}

/** The functional administrator's policy page: the version in force, proposals to review by a second person, and a new proposal. */
export function AccessPolicyPage() {
  const { api, t } = useApp();
  const { account } = useSession();
  const policy = useMemo(() => accessPolicyApi(api), [api]);
  const [inForce, setInForce] = useState<PolicyInForce | null>(null);
  const [proposals, setProposals] = useState<PolicyProposal[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [documentText, setDocumentText] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ document?: string; reason?: string }>({});

  const load = useCallback(() => {
    Promise.all([policy.inForce(), policy.proposals('all')]).then(
      ([current, list]) => {
        setInForce(current);
        setProposals(list);
        setDocumentText(JSON.stringify(current.document, null, 2));
      },
      (e: unknown) => setProblem(toProblem(e)),
    );
  }, [policy]);
  useEffect(load, [load]);

  if (!inForce || !proposals) return problem ? <ProblemAlert problem={problem} /> : <Loading />;
  const open = proposals.filter((p) => p.status === 'proposed');
  const decided = proposals.filter((p) => p.status !== 'proposed');
  const name = String(inForce.document.name ?? '');
  const rules = inForce.document.rules?.length ?? 0;
  const decidedNow = (done: string) => {
    setStatus(done);
    load();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    setProblem(null);
    const found: { document?: string; reason?: string } = {};
    let document: unknown;
    try {
      document = JSON.parse(documentText);
    } catch {
      found.document = t('policy.propose.invalidJson');
    }
    if (reason.trim().length < 10) found.reason = t('policy.propose.reasonRequired');
    setErrors(found);
    if (found.document || found.reason) return;
    policy.propose(document, reason.trim()).then(
      () => {
        setReason('');
        decidedNow(t('policy.proposed'));
      },
      (e: unknown) => setProblem(toProblem(e)),
    );
  };

  return (
    <>
      <PageTitle>{t('policy.title')}</PageTitle>
      <Paragraph>{t('policy.intro')}</Paragraph>
      {status && <StatusMessage>{status}</StatusMessage>}
      <section aria-labelledby="policy-in-force">
        <Heading2 id="policy-in-force">{t('policy.inForce')}</Heading2>
        <Paragraph>{inForce.version === 0 ? t('policy.inForce.default', { name, rules }) : t('policy.inForce.text', { version: inForce.version, name, rules })}</Paragraph>
      </section>
      <section aria-labelledby="policy-open">
        <Heading2 id="policy-open">{t('policy.open')}</Heading2>
        {open.length === 0 ? <Paragraph>{t('policy.open.none')}</Paragraph> : open.map((p) => <ProposalCard key={p.id} proposal={p} mine={p.proposedBy === account.id} onDecide={decidedNow} />)}
      </section>
      <section aria-labelledby="policy-propose">
        <Heading2 id="policy-propose">{t('policy.propose')}</Heading2>
        {problem && <ProblemAlert problem={problem} />}
        <form onSubmit={submit} noValidate>
          <TextareaField id="policy-reason" label={t('policy.propose.reason')} value={reason} onChange={setReason} error={errors.reason} rows={2} required />
          <TextareaField id="policy-document" label={t('policy.propose.document')} hint={t('policy.propose.documentHint')} value={documentText} onChange={setDocumentText} error={errors.document} rows={16} required />
          <ButtonGroup>
            <PrimaryActionButton type="submit">{t('policy.propose.submit')}</PrimaryActionButton>
          </ButtonGroup>
        </form>
      </section>
      <section aria-labelledby="policy-decided">
        <Heading2 id="policy-decided">{t('policy.decided')}</Heading2>
        {decided.length === 0 ? <Paragraph>{t('policy.decided.none')}</Paragraph> : decided.map((p) => <ProposalCard key={p.id} proposal={p} mine={p.proposedBy === account.id} onDecide={decidedNow} />)}
      </section>
    </>
  );
}
