import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  RadioButton,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Problem } from '../api';
import { exchangeRegieApi, type RegieRequest, type RequestStatus } from '../api/exchange-regie';
import { useApp } from '../app-context';
import { Loading, ProblemAlert, StatusMessage, toProblem } from '../components/Alerts';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { formatDateTime, type Translate } from '../i18n';

const REASONS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
type Filter = 'active' | 'refused' | 'granted';

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '—');

function asked(r: RegieRequest, t: Translate): string {
  const d = r.details;
  if (r.kind === '315') {
    return t('regie.what.product', { categorie: text(d.categorie), code: text(d.code), from: text(d.ingangsdatum) });
  }
  const changes = Array.isArray(d.toChange) ? d.toChange.length : 0;
  const added = Array.isArray(d.added) ? d.added.length : 0;
  return t('regie.what.change', { changes: String(changes), added: String(added) });
}

/** The back office's inbox of providers' requests (315/317) under the chosen law, with the 319 answer form. */
export function RegieRequestsPage() {
  const { api, t, lang, purpose } = useApp();
  const regie = useMemo(() => exchangeRegieApi(api), [api]);
  const [filter, setFilter] = useState<Filter>('active');
  const [requests, setRequests] = useState<RegieRequest[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [answering, setAnswering] = useState<RegieRequest | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const lawChosen = purpose === 'wmo' || purpose === 'jeugdwet';

  const load = useCallback(() => {
    setProblem(null);
    setRequests(null);
    const status: RequestStatus | undefined = filter === 'active' ? undefined : filter;
    regie.requests(status).then(setRequests, (error: unknown) => setProblem(toProblem(error)));
  }, [regie, filter]);

  useEffect(() => {
    if (lawChosen) load();
  }, [load, lawChosen]);

  return (
    <>
      <PageTitle>{t('regie.title')}</PageTitle>
      <Paragraph>{t('regie.intro')}</Paragraph>
      {!lawChosen ? (
        <Paragraph>{t('regie.needsLaw')}</Paragraph>
      ) : (
        <>
          {problem && <ProblemAlert problem={problem} />}
          {sent && <StatusMessage>{sent}</StatusMessage>}
          <FormField
            label={<FormLabel htmlFor="regie-filter">{t('regie.filter')}</FormLabel>}
            input={
              <Select id="regie-filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
                <SelectOption value="active">{t('regie.filter.active')}</SelectOption>
                <SelectOption value="refused">{t('regie.filter.refused')}</SelectOption>
                <SelectOption value="granted">{t('regie.filter.granted')}</SelectOption>
              </Select>
            }
          />
          {!requests ? (
            !problem && <Loading />
          ) : requests.length === 0 ? (
            <Paragraph>{t('regie.empty')}</Paragraph>
          ) : (
            <div className="kern-table-scroll">
              <Table>
                <TableCaption>{t('regie.caption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('regie.col.reference')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('regie.col.received')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('regie.col.kind')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('regie.col.provider')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('regie.col.client')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('regie.col.what')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('regie.col.status')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('regie.col.action')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {requests.map((r) => (
                    <TableRow key={r.id}>
                      <TableHeaderCell scope="row">{r.referentieAanbieder}</TableHeaderCell>
                      <TableCell>{formatDateTime(r.receivedAt, lang)}</TableCell>
                      <TableCell>{t(`regie.kind.${r.kind}`)}</TableCell>
                      <TableCell>{r.providerAgb}</TableCell>
                      <TableCell>{r.subjectBsn}</TableCell>
                      <TableCell>{asked(r, t)}</TableCell>
                      <TableCell>{t(`regie.status.${r.status}`)}</TableCell>
                      <TableCell>
                        {(r.status === 'open' || r.status === 'in-onderzoek') && (
                          <Button appearance="secondary-action-button" aria-label={`${t('regie.answer.open')} ${r.referentieAanbieder}`} onClick={() => { setSent(null); setAnswering(r); }}>
                            {t('regie.answer.open')}
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {answering && (
            <AnswerForm
              key={answering.id}
              request={answering}
              onCancel={() => setAnswering(null)}
              onSent={(identification) => {
                setSent(t('regie.answer.sent', { identification, provider: answering.providerAgb }));
                setAnswering(null);
                load();
              }}
              submit={(input) => regie.answer(answering.id, input)}
            />
          )}
        </>
      )}
    </>
  );
}

function AnswerForm({ request, onCancel, onSent, submit }: {
  request: RegieRequest;
  onCancel: () => void;
  onSent: (identification: string) => void;
  submit: (input: { verzoekAntwoord: '1' | '2'; redenAfwijzingVerzoek?: string | null; woonplaatsbeginselGemeente?: string | null }) => Promise<{ identification: string }>;
}) {
  const { t } = useApp();
  const [answer, setAnswer] = useState<'1' | '2'>('1');
  const [reason, setReason] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (answer === '1' && !reason) {
      setReasonError(t('error.required'));
      document.getElementById('regie-reason')?.focus();
      return;
    }
    setReasonError(undefined);
    submit({
      verzoekAntwoord: answer,
      redenAfwijzingVerzoek: answer === '1' ? reason : null,
      woonplaatsbeginselGemeente: request.standard === 'ijw' && answer === '1' && reason === '8' && municipality ? municipality : null,
    }).then((r) => onSent(r.identification), (error: unknown) => setProblem(toProblem(error)));
  };

  return (
    <section aria-labelledby="regie-answer-heading">
      <Heading2 id="regie-answer-heading" ref={heading} tabIndex={-1}>{t('regie.answer.title', { reference: request.referentieAanbieder })}</Heading2>
      {problem && <ProblemAlert problem={problem} />}
      <form className="kern-form" noValidate onSubmit={onSubmit}>
        <Fieldset>
          <FieldsetLegend>{t('regie.answer.kind')}</FieldsetLegend>
          {(['1', '2'] as const).map((a) => (
            <FormField
              key={a}
              type="radio"
              label={<FormLabel htmlFor={`regie-answer-${a}`} type="radio" checked={answer === a}>{t(`regie.answer.kind.${a}`)}</FormLabel>}
              input={<RadioButton id={`regie-answer-${a}`} name="regie-answer" value={a} checked={answer === a} onChange={() => setAnswer(a)} />}
            />
          ))}
        </Fieldset>
        {answer === '1' && (
          <Field id="regie-reason" label={t('regie.answer.reason')} error={reasonError}>
            {(w) => (
              <Select {...w} value={reason} onChange={(e) => setReason(e.target.value)}>
                <SelectOption value="">{t('regie.answer.reason.none')}</SelectOption>
                {REASONS.map((r) => (
                  <SelectOption key={r} value={r}>{`${r} — ${t(`regie.answer.reason.${r}`)}`}</SelectOption>
                ))}
              </Select>
            )}
          </Field>
        )}
        {answer === '1' && reason === '8' && request.standard === 'ijw' && (
          <Field id="regie-municipality" label={t('regie.answer.municipality')}>
            {(w) => <Textbox {...w} value={municipality} inputMode="numeric" size={6} onChange={(e) => setMunicipality(e.target.value)} />}
          </Field>
        )}
        <div className="kern-actions">
          <Button type="submit" appearance="primary-action-button">{t('regie.answer.submit')}</Button>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>{t('regie.answer.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}
