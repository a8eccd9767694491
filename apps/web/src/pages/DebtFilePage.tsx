import { Button, Heading2, Paragraph, Select, SelectOption, Table, TableBody, TableCaption, TableCell, TableFooter, TableHeader, TableHeaderCell, TableRow, Textbox, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Problem } from '../api';
import { debtApi, isCreditorOfferStatus, isSolutionKind, type DebtFileView, type DebtLine, type RefusalGround } from '../api/debt';
import { useApp } from '../app-context';
import { Loading, ProblemAlert, toProblem } from '../components/Alerts';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../i18n';
import { parseEuros } from '../money';
import { AppLink, paths } from '../router';
import { DebtFileForms } from './DebtFileForms';
import { EvidenceForm } from './DebtProcessForms';
import { euro } from './DebtPage';

const CATEGORIES: DebtLine['category'][] = ['zorg', 'publiek', 'nuts', 'overig'];

/** A file size for people: kB below a megabyte, else MB with one decimal. */
export function fileSize(bytes: number, lang: string): string {
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} kB` : `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

/** The counsellor's debt file: terms, inventory, VTLB with its explained lines, the solution and the creditors. */
export function DebtFilePage({ id }: { id: string }) {
  const { api, t, lang, purpose } = useApp();
  const debt = useMemo(() => debtApi(api), [api]);
  const [view, setView] = useState<DebtFileView | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [creditor, setCreditor] = useState('');
  const [category, setCategory] = useState<DebtLine['category']>('overig');
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();

  const load = useCallback(() => {
    debt.file(id).then(
      (v) => {
        setProblem(null);
        setView(v);
      },
      (error: unknown) => setProblem(toProblem(error)),
    );
  }, [debt, id]);
  // A link followed before choosing the Wgs purpose: load once it is chosen.
  useEffect(() => {
    if (purpose === 'wgs') load();
  }, [load, purpose]);

  const run = (p: Promise<unknown>) => {
    setProblem(null);
    p.then(load, (error: unknown) => setProblem(toProblem(error)));
  };

  const register = (event: FormEvent) => {
    event.preventDefault();
    const cents = parseEuros(amount);
    if (cents === null) {
      setAmountError(t('debt.register.invalidAmount'));
      document.getElementById('debt-amount')?.focus();
      return;
    }
    setAmountError(undefined);
    run(debt.registerDebt(id, { creditorName: creditor, category, claimedCents: cents }).then(() => { setCreditor(''); setAmount(''); }));
  };

  const download = async (url: string, name: string) => {
    const response = await fetch(url, { headers: { 'Kern-Purpose': 'wgs', 'Accept-Language': lang }, credentials: 'same-origin' });
    if (!response.ok) return setProblem({ title: response.statusText, status: response.status });
    const blobUrl = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = blobUrl;
    a.download = `${name}.pdf`;
    a.click();
    URL.revokeObjectURL(blobUrl);
  };

  if (purpose !== 'wgs') return <><PageTitle>{t('debt.title')}</PageTitle><Paragraph>{t('debt.needsWgs')}</Paragraph></>;
  if (!view) return problem ? <ProblemAlert problem={problem} /> : <Loading />;
  const { file, debts, totals, terms, vtlb, solution, creditors } = view;
  const respondedOn = (creditorId: string) => {
    const dates = (solution?.offers ?? []).filter((o) => o.creditorId === creditorId && o.respondedOn).map((o) => o.respondedOn ?? '');
    return dates.length ? formatDate(dates.sort().at(-1) ?? '', lang) : '—';
  };
  return (
    <>
      <PageTitle>{t('debt.file.title', { reference: file.reference })}</PageTitle>
      <Paragraph>
        <AppLink href={paths.debt}>{t('debt.file.back')}</AppLink>
        {' · '}
        <AppLink href={paths.debtFundStatement(file.id)}>{t('debt.file.fund')}</AppLink>
      </Paragraph>
      <Paragraph>
        {t(`debt.status.${file.status}`)} — {t('debt.file.team', { team: file.teamName, contact: file.contact })}
      </Paragraph>
      {file.decision === 'refused' && file.refusalGround && (
        <Paragraph>{t('debt.decision.refusedOn', { date: file.decisionOn ? formatDate(file.decisionOn, lang) : '—', ground: t(`debt.ground.${file.refusalGround as RefusalGround}`) })}</Paragraph>
      )}
      {file.decision === 'plan' && file.decisionOn && <Paragraph>{t('debt.decision.planOn', { date: formatDate(file.decisionOn, lang) })}</Paragraph>}
      {problem && <ProblemAlert problem={problem} />}

      <section aria-labelledby="terms-heading">
        <Heading2 id="terms-heading">{t('debt.terms.title')}</Heading2>
        <Table>
          <TableCaption>{t('debt.terms.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('debt.col.term')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('debt.col.due')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('debt.col.met')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('debt.col.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {terms.map((term) => (
              <TableRow key={term.term}>
                <TableHeaderCell scope="row">{t(`debt.term.${term.term}`)}</TableHeaderCell>
                <TableCell>{formatDate(term.due, lang)}</TableCell>
                <TableCell>{term.metOn ? formatDate(term.metOn, lang) : '—'}</TableCell>
                <TableCell>{t(`debt.termStatus.${term.status}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <DebtFileForms view={view} debt={debt} run={run} done={load} />

      <section aria-labelledby="inventory-heading">
        <Heading2 id="inventory-heading">{t('debt.inventory.title')}</Heading2>
        <div className="kern-table-scroll">
          <Table>
            <TableCaption>{t('debt.inventory.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('debt.col.creditor')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('debt.col.category')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('debt.col.claimed')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('debt.col.verified')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('debt.col.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('debt.col.evidence')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('debt.col.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {debts.map((d) => (
                <TableRow key={d.id}>
                  <TableHeaderCell scope="row">{d.creditor.name}</TableHeaderCell>
                  <TableCell>{t(`debt.category.${d.category}`)}</TableCell>
                  <TableCell>{euro(d.claimedCents, lang)}</TableCell>
                  <TableCell>{d.verifiedCents === null ? '—' : euro(d.verifiedCents, lang)}</TableCell>
                  <TableCell>{t(`debt.debtStatus.${d.status}`)}</TableCell>
                  <TableCell>
                    {d.evidence.length === 0 ? '—' : (
                      <ul className="kern-plain-list">
                        {d.evidence.map((e) => (
                          <li key={e.id}>{t('debt.evidence.item', { file: e.fileName, kind: t(`debt.evidenceKind.${e.kind}`), date: formatDate(e.receivedOn, lang), size: fileSize(e.sizeBytes, lang) })}</li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                  <TableCell>
                    {d.status === 'claimed' && (
                      <div className="kern-actions">
                        <Button appearance="secondary-action-button" onClick={() => run(debt.setDebtStatus(id, d.id, { status: 'verified', verifiedCents: d.claimedCents }))}>
                          {t('debt.action.verify')}
                          <span className="kern-visually-hidden"> {d.creditor.name}</span>
                        </Button>
                        <Button appearance="secondary-action-button" onClick={() => run(debt.setDebtStatus(id, d.id, { status: 'disputed' }))}>
                          {t('debt.action.dispute')}
                          <span className="kern-visually-hidden"> {d.creditor.name}</span>
                        </Button>
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableHeaderCell scope="row">{t('debt.total')}</TableHeaderCell>
                <TableCell>{totals.count}</TableCell>
                <TableCell>{euro(totals.claimedCents, lang)}</TableCell>
                <TableCell>{euro(totals.verifiedCents, lang)}</TableCell>
                <TableCell colSpan={3}>{totals.disputedCount > 0 ? `${totals.disputedCount} × ${t('debt.debtStatus.disputed')}` : ''}</TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        </div>
        {file.status !== 'closed' && (
          <form className="kern-form" noValidate onSubmit={register} aria-labelledby="register-heading">
            <Heading2 id="register-heading">{t('debt.register.title')}</Heading2>
            <Field id="debt-creditor" label={t('debt.register.creditor')}>
              {(w) => <Textbox {...w} required value={creditor} onChange={(e) => setCreditor(e.target.value)} />}
            </Field>
            <Field id="debt-category" label={t('debt.col.category')}>
              {(w) => (
                <Select {...w} value={category} onChange={(e) => setCategory(e.target.value as DebtLine['category'])}>
                  {CATEGORIES.map((c) => (
                    <SelectOption key={c} value={c}>
                      {t(`debt.category.${c}`)}
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Field>
            <Field id="debt-amount" label={t('debt.register.amount')} hint={t('debt.register.amount.hint')} error={amountError}>
              {(w) => <Textbox {...w} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}
            </Field>
            <Button type="submit" appearance="primary-action-button">
              {t('debt.register.submit')}
            </Button>
          </form>
        )}
        <EvidenceForm view={view} debt={debt} done={load} />
      </section>

      <section aria-labelledby="vtlb-heading">
        <Heading2 id="vtlb-heading">{t('debt.vtlb.title')}</Heading2>
        {!vtlb ? (
          <Paragraph>{t('debt.vtlb.none')}</Paragraph>
        ) : (
          <>
            <div className="kern-table-scroll">
              <Table>
                <TableCaption>{t('debt.vtlb.caption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('debt.col.line')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('debt.col.amount')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('debt.col.explanation')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {vtlb.result.lines.map((line, i) => (
                    <TableRow key={`${line.code}-${i}`}>
                      <TableHeaderCell scope="row">{line.label[lang]}</TableHeaderCell>
                      <TableCell>{euro(line.amountCents, lang)}</TableCell>
                      <TableCell>{line.explanation[lang]}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            <Paragraph>{t('debt.vtlb.norms', { from: formatDate(vtlb.result.normTable.validFrom, lang), source: vtlb.result.normTable.source })}</Paragraph>
            {vtlb.result.normTable.assumptions.length > 0 && (
              <details>
                <summary>{t('debt.vtlb.assumptions')}</summary>
                <UnorderedList>
                  {vtlb.result.normTable.assumptions.map((a) => (
                    <UnorderedListItem key={a}>{a}</UnorderedListItem>
                  ))}
                </UnorderedList>
              </details>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="solution-heading">
        <Heading2 id="solution-heading">{t('debt.solution.title')}</Heading2>
        {solution ? (
          <Paragraph>
            {t('debt.solution.summary', {
              kind: isSolutionKind(solution.solution.kind) ? t(`debt.solution.kind.${solution.solution.kind}`) : solution.solution.kind,
              pct: (solution.solution.payoutBasisPoints / 100).toFixed(2),
              available: euro(solution.solution.availableCents, lang),
              total: euro(solution.solution.totalClaimsCents, lang),
              months: solution.solution.termMonths,
              status: solution.solution.status,
            })}
          </Paragraph>
        ) : (
          <Paragraph>{t('debt.solution.none')}</Paragraph>
        )}
        <Paragraph>
          <Button appearance="secondary-action-button" onClick={() => void download(debt.overviewUrl(id), `overzicht-${file.reference}`)}>
            {t('debt.overview.download')}
          </Button>
        </Paragraph>
        <div className="kern-table-scroll">
          <Table>
            <TableCaption>{t('debt.creditors.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('debt.col.creditor')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('debt.col.claimed')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('debt.col.verified')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('debt.col.offered')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('debt.col.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('debt.col.responded')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('debt.col.letter')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {creditors.map((c) => (
                <TableRow key={c.creditorId}>
                  <TableHeaderCell scope="row">{c.creditorName}</TableHeaderCell>
                  <TableCell>{euro(c.claimedCents, lang)}</TableCell>
                  <TableCell>{euro(c.verifiedCents, lang)}</TableCell>
                  <TableCell>{c.offerStatus ? euro(c.offeredCents, lang) : '—'}</TableCell>
                  <TableCell>{c.offerStatus ? (isCreditorOfferStatus(c.offerStatus) ? t(`debt.offerStatus.${c.offerStatus}`) : c.offerStatus) : '—'}</TableCell>
                  <TableCell>{respondedOn(c.creditorId)}</TableCell>
                  <TableCell>
                    {c.offerStatus && (
                      <Button appearance="subtle-button" onClick={() => void download(debt.letterUrl(id, c.creditorId), `aanbod-${c.creditorName}`)}>
                        {t('debt.letter.download', { creditor: c.creditorName })}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>
    </>
  );
}
