import { Alert, Button, Fieldset, FieldsetLegend, Heading2, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Problem } from '../api';
import { provisionsApi, type Allocation, type Decision, type GrantedProvision } from '../api/provisions';
import { useApp } from '../app-context';
import { Loading, ProblemAlert, StatusMessage, toProblem } from '../components/Alerts';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { AllocationsTable } from '../components/provisions/AllocationsTable';
import { DecisionView } from '../components/provisions/DecisionSection';
import { CHANGE_REASONS, ENDING_REASONS, changeReasonKey, endingReasonKey, productText } from '../components/provisions/provision-text';
import { AppLink, paths } from '../router';

const today = () => new Date().toISOString().slice(0, 10);

/** A resident's decisions and allocations under the Wmo or the Jeugdwet: allocate granted zin provisions, change, end or withdraw allocations. */
export function ClientAllocationsPage({ bsn }: { bsn: string }) {
  const { api, t, purpose } = useApp();
  const provisions = useMemo(() => provisionsApi(api), [api]);
  const [data, setData] = useState<{ decisions: Decision[]; allocations: Allocation[] } | Problem | null>(null);
  const [reloads, setReloads] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const lawPurpose = purpose === 'wmo' || purpose === 'jeugdwet';

  useEffect(() => {
    if (!lawPurpose) return;
    let current = true;
    Promise.all([provisions.residentDecisions(bsn), provisions.residentAllocations(bsn)]).then(
      ([decisions, allocations]) => current && setData({ decisions, allocations }),
      (e: unknown) => current && setData(toProblem(e)),
    );
    return () => {
      current = false;
    };
  }, [provisions, bsn, lawPurpose, reloads]);

  const loaded = data && 'decisions' in data ? data : null;
  const problem = data && !('decisions' in data) ? data : null;
  const reload = (message: string) => {
    setDone(message);
    setEditing(null);
    setReloads((n) => n + 1);
  };
  const allocated = (p: GrantedProvision) => loaded?.allocations.some((a) => a.grantedProvisionId === p.id && a.status !== 'withdrawn') ?? false;
  const editingAllocation = loaded?.allocations.find((a) => a.toewijzingNummer === editing) ?? null;

  return (
    <>
      <PageTitle focusSignal={reloads}>{t('provisions.allocations.title')}</PageTitle>
      <Paragraph>
        <AppLink href={paths.resident(bsn)}>{t('provisions.allocations.back')}</AppLink>
      </Paragraph>
      {done && <StatusMessage>{done}</StatusMessage>}
      {!lawPurpose ? (
        <Alert type="warning" role="alert" className="kern-alert">
          <Paragraph>{t('provisions.allocations.wrongPurpose')}</Paragraph>
        </Alert>
      ) : problem ? (
        <ProblemAlert problem={problem} />
      ) : !loaded ? (
        <Loading />
      ) : (
        <>
          <Paragraph>{t('provisions.allocations.intro', { purpose: t(`purpose.${purpose}`) })}</Paragraph>
          <section aria-labelledby="allocations-heading" className="kern-section">
            <Heading2 id="allocations-heading">{t('provisions.allocations.table')}</Heading2>
            {loaded.allocations.length === 0 ? (
              <Paragraph>{t('provisions.allocations.none')}</Paragraph>
            ) : (
              <AllocationsTable
                caption={t('provisions.allocations.table')}
                allocations={loaded.allocations}
                actions={(a) => a.status === 'withdrawn' ? null : (
                  <Button
                    id={`edit-${a.toewijzingNummer}`}
                    appearance="secondary-action-button"
                    aria-expanded={editing === a.toewijzingNummer}
                    aria-controls={editing === a.toewijzingNummer ? 'allocation-change-form' : undefined}
                    onClick={() => setEditing(editing === a.toewijzingNummer ? null : a.toewijzingNummer)}
                  >
                    {t('provisions.change.open', { nummer: a.toewijzingNummer })}
                  </Button>
                )}
              />
            )}
            {editingAllocation && (
              <ChangeForm
                key={editingAllocation.toewijzingNummer}
                allocation={editingAllocation}
                onDone={(a) => reload(t('provisions.change.done', { nummer: a.toewijzingNummer, status: t(`provisions.status.${a.status}`) }))}
                onCancel={() => {
                  const id = `edit-${editingAllocation.toewijzingNummer}`;
                  setEditing(null);
                  setTimeout(() => document.getElementById(id)?.focus(), 0);
                }}
              />
            )}
          </section>
          <section aria-labelledby="decisions-heading" className="kern-section">
            <Heading2 id="decisions-heading">{t('provisions.allocations.decisions')}</Heading2>
            {loaded.decisions.map((d) => (
              <div key={d.id}>
                <DecisionView decision={d} />
                {d.provisions.filter((p) => p.form === 'zin' && !allocated(p)).map((p) => (
                  <AllocateForm key={p.id} provision={p} onDone={(a) => reload(t('provisions.allocate.done', { provider: a.providerName, nummer: a.toewijzingNummer }))} />
                ))}
              </div>
            ))}
          </section>
        </>
      )}
    </>
  );
}

function AllocateForm({ provision, onDone }: { provision: GrantedProvision; onDone: (a: Allocation) => void }) {
  const { api, t } = useApp();
  const provisions = useMemo(() => provisionsApi(api), [api]);
  const [agb, setAgb] = useState('');
  const [startDate, setStartDate] = useState(provision.validFrom > today() ? provision.validFrom : today());
  const [problem, setProblem] = useState<Problem | null>(null);
  const [error, setError] = useState<string | undefined>();
  const id = `allocate-${provision.id}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{8}$/.test(agb)) {
      setError(t('provisions.allocate.provider.hint'));
      document.getElementById(`${id}-agb`)?.focus();
      return;
    }
    setError(undefined);
    try {
      onDone(await provisions.allocate({ grantedProvisionId: provision.id, providerAgb: agb, startDate }));
    } catch (e) {
      setProblem(toProblem(e));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="kern-form">
      <Fieldset>
        <FieldsetLegend>{t('provisions.allocate.for', { category: productText(provision) })}</FieldsetLegend>
        {problem && <ProblemAlert problem={problem} />}
        <Field id={`${id}-agb`} label={t('provisions.allocate.provider')} hint={t('provisions.allocate.provider.hint')} error={error}>
          {(w) => <Textbox {...w} inputMode="numeric" size={9} value={agb} onChange={(e) => setAgb(e.target.value.trim())} />}
        </Field>
        <Field id={`${id}-start`} label={t('provisions.allocate.startDate')}>
          {(w) => <Textbox {...w} type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />}
        </Field>
        <Button type="submit" appearance="primary-action-button">
          {t('provisions.allocate.submit')}
        </Button>
      </Fieldset>
    </form>
  );
}

type ChangeKind = 'change' | 'end' | 'withdraw';

function ChangeForm({ allocation: a, onDone, onCancel }: { allocation: Allocation; onDone: (a: Allocation) => void; onCancel: () => void }) {
  const { api, t } = useApp();
  const provisions = useMemo(() => provisionsApi(api), [api]);
  const [kind, setKind] = useState<ChangeKind>('change');
  const [reason, setReason] = useState<string>('05');
  const [endingReason, setEndingReason] = useState<string>(ENDING_REASONS[a.standard][0]);
  const [endDate, setEndDate] = useState(a.endDate ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const result = kind === 'withdraw'
        ? await provisions.withdraw(a.toewijzingNummer)
        : kind === 'end'
          ? await provisions.end(a.toewijzingNummer, { endDate, endingReason })
          : await provisions.change(a.toewijzingNummer, { reason, endDate: endDate || null });
      onDone(result);
    } catch (e) {
      setProblem(toProblem(e));
    }
  };
  return (
    <form id="allocation-change-form" onSubmit={(e) => void submit(e)} noValidate className="kern-form">
      <Fieldset>
        <FieldsetLegend>{t('provisions.change.legend', { nummer: a.toewijzingNummer })}</FieldsetLegend>
        {problem && <ProblemAlert problem={problem} />}
        <Field id="change-kind" label={t('provisions.change.kind')}>
          {(w) => (
            <Select {...w} value={kind} onChange={(e) => setKind(e.target.value as ChangeKind)}>
              <SelectOption value="change">{t('provisions.change.kind.change')}</SelectOption>
              {a.status === 'active' && <SelectOption value="end">{t('provisions.change.kind.end')}</SelectOption>}
              <SelectOption value="withdraw">{t('provisions.change.kind.withdraw')}</SelectOption>
            </Select>
          )}
        </Field>
        {kind === 'change' && (
          <Field id="change-reason" label={t('provisions.change.reason')}>
            {(w) => (
              <Select {...w} value={reason} onChange={(e) => setReason(e.target.value)}>
                {CHANGE_REASONS.map((c) => <SelectOption key={c} value={c}>{t(changeReasonKey(c))}</SelectOption>)}
              </Select>
            )}
          </Field>
        )}
        {kind === 'end' && (
          <Field id="change-ending-reason" label={t('provisions.change.endingReason')}>
            {(w) => (
              <Select {...w} value={endingReason} onChange={(e) => setEndingReason(e.target.value)}>
                {ENDING_REASONS[a.standard].map((c) => <SelectOption key={c} value={c}>{t(endingReasonKey(a.standard, c))}</SelectOption>)}
              </Select>
            )}
          </Field>
        )}
        {kind !== 'withdraw' && (
          <Field id="change-end-date" label={t('provisions.change.endDate')}>
            {(w) => <Textbox {...w} type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />}
          </Field>
        )}
        <Paragraph>
          <Button type="submit" appearance="primary-action-button">
            {t('provisions.change.submit')}
          </Button>{' '}
          <Button appearance="subtle-button" onClick={onCancel}>
            {t('provisions.decision.cancel')}
          </Button>
        </Paragraph>
      </Fieldset>
    </form>
  );
}
