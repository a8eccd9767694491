import { Button, Heading2, Heading3, Paragraph, Select, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Problem } from '../api';
import { insightApi, type LeertafelCase, type Story } from '../api/insight';
import { useApp } from '../app-context';
import { Loading, ProblemAlert, toProblem } from '../components/Alerts';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { formatDate, type MessageKey } from '../i18n';

const value = (v: Story['recorded'][number]['value'], t: (k: MessageKey) => string) =>
  v === null ? t('insight.leertafel.removed') : typeof v === 'boolean' ? t(v ? 'insight.leertafel.yes' : 'insight.leertafel.no') : String(v);

/** The story as a download: the same anonymised JSON the page shows, nothing more. */
function downloadStory(story: Story, name: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(story, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Leertafel: a caseworker chooses a closed case of the own team under the current law, exports
 * it as an anonymised story (identifiers removed, days instead of dates, free text dropped,
 * k-anonymous), reads it and downloads it for the learning session.
 */
export function LeertafelPage() {
  const { api, t, lang, purpose } = useApp();
  const insight = useMemo(() => insightApi(api), [api]);
  const [cases, setCases] = useState<LeertafelCase[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [story, setStory] = useState<Story | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    setCases(null);
    setStory(null);
    setProblem(null);
    if (!purpose) return;
    insight.leertafelCases().then(
      (c) => {
        setCases(c);
        setChosen(c[0]?.id ?? '');
      },
      (e: unknown) => setProblem(toProblem(e)),
    );
  }, [insight, purpose]);

  // Once a story is shown, move to it so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (story) document.getElementById('story-heading')?.focus();
  }, [story]);

  const exportStory = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setStory(null);
    if (!chosen) {
      setError(t('insight.leertafel.chooseCase'));
      document.getElementById('leertafel-case')?.focus();
      return;
    }
    setError(undefined);
    insight.story(chosen).then(
      (s) => setStory(s),
      (e: unknown) => setProblem(toProblem(e)),
    );
  };

  return (
    <>
      <PageTitle>{t('insight.leertafel.title')}</PageTitle>
      <Paragraph>{t('insight.leertafel.intro')}</Paragraph>
      {!purpose ? (
        <Paragraph>{t('insight.leertafel.needsPurpose')}</Paragraph>
      ) : cases === null ? (
        problem ? <ProblemAlert problem={problem} /> : <Loading />
      ) : cases.length === 0 ? (
        <Paragraph>{t('insight.leertafel.none')}</Paragraph>
      ) : (
        <form className="kern-form" noValidate onSubmit={exportStory}>
          <Field id="leertafel-case" label={t('insight.leertafel.case')} hint={t('insight.leertafel.caseHint')} error={error}>
            {(w) => (
              <Select {...w} value={chosen} onChange={(e) => setChosen(e.target.value)}>
                {cases.map((c) => (
                  <SelectOption key={c.id} value={c.id}>
                    {t('insight.leertafel.caseOption', { reference: c.reference, caseType: c.caseTypeId, closed: formatDate(c.closedOn, lang) })}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <Button type="submit" appearance="primary-action-button">{t('insight.leertafel.export')}</Button>
        </form>
      )}
      {cases !== null && problem && <ProblemAlert problem={problem} />}

      {story && (
        <section aria-labelledby="story-heading" className="kern-story">
          <Heading2 id="story-heading" tabIndex={-1}>{t('insight.leertafel.story')}</Heading2>
          <Paragraph>
            {t('insight.leertafel.summary', {
              law: t(`purpose.${story.law}` as MessageKey),
              caseType: story.caseType ?? t('insight.leertafel.generalised'),
              year: story.year ?? t('insight.leertafel.generalised'),
              household: story.householdSize,
              weeks: story.durationWeeks,
              k: story.k,
            })}
          </Paragraph>
          {story.generalised.length > 0 && <Paragraph>{t('insight.leertafel.generalisedFields', { fields: story.generalised.join(', ') })}</Paragraph>}
          <Heading3>{t('insight.leertafel.timeline')}</Heading3>
          <Table>
            <TableCaption>{t('insight.leertafel.timelineCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('insight.leertafel.day')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('insight.leertafel.step')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('insight.leertafel.kind')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {story.timeline.map((e, i) => (
                <TableRow key={`${e.day}-${i}`}>
                  <TableHeaderCell scope="row">{e.day}</TableHeaderCell>
                  <TableCell>{e.step ?? '—'}</TableCell>
                  <TableCell>{e.kind}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {story.deadlines.length > 0 && (
            <>
              <Heading3>{t('insight.leertafel.deadlines')}</Heading3>
              <UnorderedList>
                {story.deadlines.map((d) => (
                  <UnorderedListItem key={d.term}>{`${d.term}: ${t(`insight.leertafel.outcome.${d.outcome}`)}${d.daysLateBand ? ` (${d.daysLateBand})` : ''}`}</UnorderedListItem>
                ))}
              </UnorderedList>
            </>
          )}
          {story.recorded.length > 0 && (
            <>
              <Heading3>{t('insight.leertafel.recorded')}</Heading3>
              <UnorderedList>
                {story.recorded.map((r) => <UnorderedListItem key={r.field}>{`${r.field}: ${value(r.value, t)}`}</UnorderedListItem>)}
              </UnorderedList>
            </>
          )}
          <Paragraph>
            <Button appearance="secondary-action-button" onClick={() => downloadStory(story, `leertafel-${story.law}-${story.caseType ?? 'zaak'}.json`)}>
              {t('insight.leertafel.download')}
            </Button>
          </Paragraph>
        </section>
      )}
    </>
  );
}
