import {
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useMemo, useState, type SyntheticEvent } from 'react';
import { problemMessage, type Problem } from '../../api';
import { householdApi, type Consent, type ConsentPurpose, type DataCategory, type HouseholdViewMember, type PrivacyNotice, type RecordConsentInput } from '../../api/household';
import { useApp } from '../../app-context';
import { fullName } from '../../format';
import { formatDate, type MessageKey } from '../../i18n';
import { ErrorSummary, ProblemAlert, StatusMessage, toProblem, type FieldError } from '../Alerts';
import { Field, TextareaField } from '../Field';

type Loaded = { consents: Consent[]; notice: PrivacyNotice } | Problem;
const isProblem = (x: Loaded): x is Problem => 'status' in x && 'title' in x;

/**
 * The consents of the household's members, with recording and withdrawal for staff. A change
 * takes effect at once: the page reloads the household view afterwards.
 */
export function ConsentPanel({ members, onChanged }: { members: HouseholdViewMember[]; onChanged: () => void }) {
  const { api, t } = useApp();
  const hh = useMemo(() => householdApi(api), [api]);
  const withBsn = members.filter((m): m is HouseholdViewMember & { bsn: string } => Boolean(m.bsn) && m.consentManageable);
  const [loaded, setLoaded] = useState<Record<string, Loaded>>({});
  const [reloads, setReloads] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const key = withBsn.map((m) => m.bsn).join(',');

  useEffect(() => {
    let current = true;
    const bsns = key ? key.split(',') : [];
    void Promise.all(bsns.map((bsn) => hh.consents(bsn).catch((e: unknown) => toProblem(e)))).then((results) => {
      if (current) setLoaded(Object.fromEntries(bsns.map((b, i) => [b, results[i] as Loaded])));
    });
    return () => {
      current = false;
    };
  }, [hh, key, reloads]);

  const changed = (message: string) => {
    setStatus(message);
    setReloads((n) => n + 1);
    onChanged();
  };

  const withdraw = async (bsn: string, c: Consent) => {
    setProblem(null);
    try {
      await hh.withdrawConsent(bsn, c.id);
      changed(t('consent.withdrawn'));
    } catch (e) {
      setProblem(toProblem(e));
    }
  };

  const notice = Object.values(loaded).find((l): l is { consents: Consent[]; notice: PrivacyNotice } => !isProblem(l))?.notice;
  const recordable = withBsn.filter((m) => loaded[m.bsn] && !isProblem(loaded[m.bsn] as Loaded));

  if (withBsn.length === 0) return null;
  return (
    <section aria-labelledby="hh-consent-heading" className="kern-section kern-hh-consent">
      <Heading2 id="hh-consent-heading">{t('consent.title')}</Heading2>
      <Paragraph>{t('consent.intro')}</Paragraph>
      {notice && <Paragraph className="kern-hh-muted">{t('consent.notice', { title: notice.title, version: notice.version })}</Paragraph>}
      {status && <StatusMessage>{status}</StatusMessage>}
      {problem && <ProblemAlert problem={problem} />}
      {withBsn.map((m) => {
        const l = loaded[m.bsn];
        const headingId = `consent-${m.bsn}-heading`;
        return (
          <section key={m.bsn} aria-labelledby={headingId}>
            <Heading3 id={headingId}>{t('consent.of', { name: fullName(m.name) })}</Heading3>
            {!l ? null : isProblem(l) ? (
              <Paragraph className="kern-hh-muted">
                <ProblemText problem={l} />
              </Paragraph>
            ) : l.consents.length === 0 ? (
              <Paragraph>{t('consent.none')}</Paragraph>
            ) : (
              <ConsentTable consents={l.consents} onWithdraw={(c) => void withdraw(m.bsn, c)} />
            )}
          </section>
        );
      })}
      {notice && recordable.length > 0 && <ConsentForm members={recordable} notice={notice} onSaved={() => changed(t('consent.form.saved'))} />}
    </section>
  );
}

function ProblemText({ problem }: { problem: Problem }) {
  const { lang } = useApp();
  return <>{problemMessage(problem, lang)}</>;
}

function ConsentTable({ consents, onWithdraw }: { consents: Consent[]; onWithdraw: (c: Consent) => void }) {
  const { t, lang } = useApp();
  return (
    <div className="kern-table-scroll">
      <Table aria-label={t('consent.caption')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('consent.purpose')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('consent.recipient')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('consent.categories')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('consent.recordedAt')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('consent.status')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {consents.map((c) => (
            <TableRow key={c.id}>
              <TableCell>{t(`purpose.${c.purpose}`)}</TableCell>
              <TableCell>{t(`consent.role.${c.recipient}` as MessageKey)}</TableCell>
              <TableCell>{c.dataCategories.map((d) => t(`household.category.${d}`)).join(', ')}</TableCell>
              <TableCell>{formatDate(c.recordedAt.slice(0, 10), lang)}</TableCell>
              <TableCell>
                {c.inEffect ? (
                  <>
                    {t('consent.inEffect')}{' '}
                    <Button
                      appearance="secondary-action-button"
                      className="kern-no-print"
                      aria-label={t('consent.withdrawLabel', { purpose: t(`purpose.${c.purpose}`), recipient: t(`consent.role.${c.recipient}` as MessageKey) })}
                      onClick={() => onWithdraw(c)}
                    >
                      {t('consent.withdraw')}
                    </Button>
                  </>
                ) : (
                  t('consent.withdrawnAt', { date: formatDate((c.withdrawnAt ?? '').slice(0, 10), lang) })
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function ConsentForm({ members, notice, onSaved }: { members: (HouseholdViewMember & { bsn: string })[]; notice: PrivacyNotice; onSaved: () => void }) {
  const { api, t, purpose: workingPurpose, session } = useApp();
  const hh = useMemo(() => householdApi(api), [api]);
  const roles: readonly string[] = session?.account.roles ?? [];
  const [bsn, setBsn] = useState(members[0]?.bsn ?? '');
  const [purpose, setPurpose] = useState<ConsentPurpose>(
    notice.purposes.includes(workingPurpose as ConsentPurpose) ? (workingPurpose as ConsentPurpose) : (notice.purposes[0] ?? 'integraal'),
  );
  const [recipient, setRecipient] = useState<RecordConsentInput['recipient'] | ''>(notice.recipients.find((r) => roles.includes(r)) ?? notice.recipients[0] ?? '');
  const [categories, setCategories] = useState<DataCategory[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const found: FieldError[] = categories.length === 0 ? [{ id: `consent-cat-${notice.dataCategories[0] ?? 'wmo'}`, message: t('consent.form.noCategory') }] : [];
    setErrors(found);
    // A notice always names a recipient (the select offers only those), so an empty one is never sent.
    if (found.length > 0 || recipient === '') {
      document.getElementById(found[0]?.id ?? '')?.focus();
      return;
    }
    setBusy(true);
    try {
      await hh.recordConsent(bsn, { purpose, recipient, dataCategories: categories, ...(note.trim() ? { note: note.trim() } : {}) });
      setCategories([]);
      setNote('');
      onSaved();
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="kern-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="consent-form-heading">
      <Heading3 id="consent-form-heading">{t('consent.form.title')}</Heading3>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      <Field id="consent-member" label={t('consent.form.member')}>
        {(wiring) => (
          <Select {...wiring} name="member" value={bsn} onChange={(e) => setBsn(e.target.value)}>
            {members.map((m) => (
              <SelectOption key={m.bsn} value={m.bsn}>
                {fullName(m.name)} ({t(`relation.${m.relation}`)})
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <Field id="consent-purpose" label={t('consent.form.purpose')}>
        {(wiring) => (
          <Select {...wiring} name="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value as ConsentPurpose)}>
            {notice.purposes.map((p) => (
              <SelectOption key={p} value={p}>
                {t(`purpose.${p}`)}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <Field id="consent-recipient" label={t('consent.form.recipient')}>
        {(wiring) => (
          <Select {...wiring} name="recipient" value={recipient} onChange={(e) => setRecipient(notice.recipients.find((r) => r === e.target.value) ?? '')}>
            {notice.recipients.map((r) => (
              <SelectOption key={r} value={r}>
                {t(`consent.role.${r}` as MessageKey)}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <Fieldset invalid={errors.length > 0}>
        <FieldsetLegend>{t('consent.form.categories')}</FieldsetLegend>
        <div className="kern-hh-categories">
          {notice.dataCategories.map((c) => (
            <FormField
              key={c}
              type="checkbox"
              label={
                <FormLabel htmlFor={`consent-cat-${c}`} type="checkbox" checked={categories.includes(c)}>
                  {t(`household.category.${c}`)}
                </FormLabel>
              }
              input={
                <Checkbox
                  id={`consent-cat-${c}`}
                  name="dataCategories"
                  value={c}
                  checked={categories.includes(c)}
                  onChange={(e) => setCategories((cur) => (e.target.checked ? [...cur, c] : cur.filter((x) => x !== c)))}
                />
              }
            />
          ))}
        </div>
      </Fieldset>
      <TextareaField id="consent-note" label={t('consent.form.note')} value={note} onChange={setNote} rows={2} />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
          {t('consent.form.submit')}
        </PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}
