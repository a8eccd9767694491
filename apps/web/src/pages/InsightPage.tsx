import { Button, Heading2, Paragraph, Select, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import type { Problem } from '../api';
import { insightApi, valuesCsvUrl, valuesJsonUrl, type Comparison, type IndicatorDefinition, type IndicatorValue, type Level, type Team, type ValuesFilter } from '../api/insight';
import { useApp, useSession } from '../app-context';
import { Loading, ProblemAlert, toProblem } from '../components/Alerts';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import type { MessageKey } from '../i18n';
import { BarChart, Legend, LineChart, type Series } from './InsightCharts';

const LEVELS: Level[] = ['outcome', 'output', 'throughput', 'resources'];
const LAWS = ['*', 'wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'] as const;
const FUNNEL = [['cases-started', 'insight.funnel.started'], ['decisions-made', 'insight.funnel.decided'], ['cases-closed', 'insight.funnel.closed']] as const;
const TERMS = ['wmo-onderzoek-in-time', 'wmo-beschikking-in-time', 'jeugd-beschikking-in-time', 'wgs-first-conversation-in-time'];

// A suppressed count arrives as "< 5" and is shown as such.
const fmt = (v: number | string | null, lang: string) => (v === null ? '—' : typeof v === 'string' ? v : v.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }));

/** The dashboard: trend, peer comparison and throughput funnel per indicator, with tables, filters and exports. */
export function InsightPage() {
  const { api, t, lang } = useApp();
  const { account } = useSession();
  const insight = useMemo(() => insightApi(api), [api]);
  const [catalogue, setCatalogue] = useState<IndicatorDefinition[] | null>(null);
  const [indicator, setIndicator] = useState('wmo-onderzoek-in-time');
  const [law, setLaw] = useState<string>('*');
  const [team, setTeam] = useState<string>('*');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [teams, setTeams] = useState<Team[]>([]);
  const [periods, setPeriods] = useState<string[]>([]);
  const [values, setValues] = useState<IndicatorValue[] | null>(null);
  const [all, setAll] = useState<IndicatorValue[] | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    insight.indicators().then((c) => setCatalogue([...c.core, ...c.local]), (e: unknown) => setProblem(toProblem(e)));
    insight.teams().then(setTeams, () => setTeams([]));
  }, [insight]);

  // The quarters that have figures at all: the choices of the period filter.
  useEffect(() => {
    insight.values({ law: '*' }).then((v) => setPeriods([...new Set(v.map((x) => x.period))].sort()), () => setPeriods([]));
  }, [insight, generation]);

  // One filter for everything on the page: trend, table, funnel and exports. Team cells cover all laws together.
  const filter: ValuesFilter = { law: team === '*' ? law : '*', team, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    let current = true;
    setValues(null);
    const f = JSON.parse(filterKey) as ValuesFilter;
    Promise.all([insight.values({ ...f, indicator }), insight.values(f), insight.comparison(indicator, f.law).catch(() => null)]).then(
      ([v, a, c]) => {
        if (!current) return;
        setValues(v);
        setAll(a);
        setComparison(c);
      },
      (e: unknown) => current && setProblem(toProblem(e)),
    );
    return () => {
      current = false;
    };
  }, [insight, indicator, filterKey, generation]);

  const def = catalogue?.find((d) => d.id === indicator);
  const title = def ? def.title[lang] : indicator;
  const labels = (values ?? []).map((v) => v.period);
  const trend: Series[] = [{ label: title, className: 'kern-chart__own', values: (values ?? []).map((v) => v.value) }];
  const peerRows = (comparison?.rows ?? []).filter((r) => (!from || r.period >= from) && (!to || r.period <= to));
  const teamName = (id: string) => {
    const found = teams.find((x) => x.id === id);
    return found ? (found.area ? `${found.name} (${found.area})` : found.name) : id;
  };
  const shown = t('insight.filter.shown', {
    who: team === '*' ? (law === '*' ? t('insight.filter.wholeMunicipality') : t(`purpose.${law}` as MessageKey)) : teamName(team),
    from: from || labels[0] || '—',
    to: to || labels.at(-1) || '—',
  });
  const peers: Series[] = [
    { label: t('insight.col.own'), className: 'kern-chart__own', values: peerRows.map((r) => r.own) },
    { label: t('insight.col.peers'), className: 'kern-chart__peers', values: peerRows.map((r) => r.peerMedian) },
    { label: t('insight.col.national'), className: 'kern-chart__national', values: peerRows.map((r) => r.nationalMedian) },
  ];
  const latest = [...new Set((all ?? []).map((v) => v.period))].sort().at(-1) ?? '';
  const at = (id: string) => (all ?? []).find((v) => v.indicatorId === id && v.period === latest)?.value ?? null;
  const funnel: Series[] = [{ label: t('insight.col.count'), className: 'kern-chart__own', values: FUNNEL.map(([id]) => at(id)) }];
  const analyst = account.roles.includes('quality-analyst');

  const refresh = async () => {
    try {
      await insight.refresh('incremental');
      setNotice(true);
      setGeneration((g) => g + 1);
    } catch (e) {
      setProblem(toProblem(e));
    }
  };

  return (
    <>
      <PageTitle>{t('insight.title')}</PageTitle>
      <Paragraph>{t('insight.intro')}</Paragraph>
      {problem && <ProblemAlert problem={problem} />}
      {notice && <Paragraph role="status">{t('insight.refreshed')}</Paragraph>}
      <form className="kern-form kern-form--filters" noValidate onSubmit={(e) => e.preventDefault()} aria-label={t('insight.filters')}>
        <Field id="insight-indicator" label={t('insight.indicator')}>
          {(w) => (
            <Select {...w} value={indicator} onChange={(e) => setIndicator(e.target.value)}>
              {LEVELS.map((level) => (
                <optgroup key={level} label={t(`insight.level.${level}`)}>
                  {(catalogue ?? []).filter((d) => d.level === level).map((d) => <SelectOption key={d.id} value={d.id}>{d.title[lang]}</SelectOption>)}
                </optgroup>
              ))}
            </Select>
          )}
        </Field>
        <Field id="insight-law" label={t('insight.law')}>
          {(w) => (
            <Select {...w} value={team === '*' ? law : '*'} onChange={(e) => { setLaw(e.target.value); setTeam('*'); }}>
              {LAWS.map((l) => <SelectOption key={l} value={l}>{l === '*' ? t('insight.law.all') : t(`purpose.${l}`)}</SelectOption>)}
            </Select>
          )}
        </Field>
        <Field id="insight-team" label={t('insight.team')} hint={t('insight.team.hint')}>
          {(w) => (
            <Select {...w} value={team} onChange={(e) => { setTeam(e.target.value); setLaw('*'); }}>
              <SelectOption value="*">{t('insight.team.all')}</SelectOption>
              {teams.map((x) => <SelectOption key={x.id} value={x.id}>{teamName(x.id)}</SelectOption>)}
            </Select>
          )}
        </Field>
        <Field id="insight-from" label={t('insight.period.from')}>
          {(w) => (
            <Select {...w} value={from} onChange={(e) => setFrom(e.target.value)}>
              <SelectOption value="">{t('insight.period.first')}</SelectOption>
              {periods.map((p) => <SelectOption key={p} value={p}>{p}</SelectOption>)}
            </Select>
          )}
        </Field>
        <Field id="insight-to" label={t('insight.period.to')}>
          {(w) => (
            <Select {...w} value={to} onChange={(e) => setTo(e.target.value)}>
              <SelectOption value="">{t('insight.period.last')}</SelectOption>
              {periods.map((p) => <SelectOption key={p} value={p}>{p}</SelectOption>)}
            </Select>
          )}
        </Field>
        {analyst && <Button type="button" appearance="secondary-action-button" onClick={() => void refresh()}>{t('insight.refresh')}</Button>}
      </form>

      <Paragraph role="status">{shown}</Paragraph>
      {def && (
        <Paragraph>
          <strong>{t('insight.explanation')}:</strong> {def.explanation[lang]} {t(`insight.better.${def.better}`)}
        </Paragraph>
      )}

      <Heading2>{t('insight.trend.title', { indicator: title })}</Heading2>
      {values === null ? <Loading /> : values.length === 0 ? <Paragraph>{t('insight.none')}</Paragraph> : (
        <>
          <LineChart id="trend" title={t('insight.trend.title', { indicator: title })} desc={`${t('insight.trend.desc', { from: labels[0] ?? '', to: labels.at(-1) ?? '' })} ${shown}`} labels={labels} series={trend} />
          <Table>
            <TableCaption>{`${t('insight.trend.title', { indicator: title })} — ${shown}`}</TableCaption>
            <TableHeader>
              <TableRow>
                {(['period', 'value', 'numerator', 'denominator', 'events', 'version'] as const).map((c) => <TableHeaderCell key={c} scope="col">{t(`insight.col.${c}`)}</TableHeaderCell>)}
              </TableRow>
            </TableHeader>
            <TableBody>
              {values.map((v) => (
                <TableRow key={v.period}>
                  <TableHeaderCell scope="row">{v.period}</TableHeaderCell>
                  <TableCell>{fmt(v.value, lang)}</TableCell>
                  <TableCell>{fmt(v.numerator, lang)}</TableCell>
                  <TableCell>{fmt(v.denominator, lang)}</TableCell>
                  <TableCell>{v.inputEvents ?? '—'}</TableCell>
                  <TableCell>{`${v.indicatorId}@${v.definitionVersion}`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Paragraph>
            <a className="utrecht-link" href={valuesCsvUrl({ ...filter, indicator })} download>{t('insight.export.csv')}</a>
            {' · '}
            <a className="utrecht-link" href={valuesJsonUrl({ ...filter, indicator })} download="indicatoren.json">{t('insight.export.json')}</a>
          </Paragraph>
        </>
      )}

      <Heading2>{t('insight.peers.title')}</Heading2>
      {team !== '*' && <Paragraph>{t('insight.peers.wholeMunicipality')}</Paragraph>}
      {comparison && !comparison.optedIn && <Paragraph>{t('insight.peers.notOptedIn')}</Paragraph>}
      {peerRows.length > 0 && (
        <>
          <BarChart id="peers" title={t('insight.peers.title')} desc={t('insight.peers.desc', { size: comparison?.sizeClass ?? '—' })} labels={peerRows.map((r) => r.period)} series={peers} />
          <Legend series={peers} />
          <Table>
            <TableHeader>
              <TableRow>
                {(['period', 'own', 'peers', 'national'] as const).map((c) => <TableHeaderCell key={c} scope="col">{t(`insight.col.${c}`)}</TableHeaderCell>)}
              </TableRow>
            </TableHeader>
            <TableBody>
              {peerRows.map((r) => (
                <TableRow key={r.period}>
                  <TableHeaderCell scope="row">{r.period}</TableHeaderCell>
                  <TableCell>{fmt(r.own, lang)}</TableCell>
                  <TableCell>{`${fmt(r.peerMedian, lang)} (n=${r.peers})`}</TableCell>
                  <TableCell>{`${fmt(r.nationalMedian, lang)} (n=${r.municipalities})`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}

      {latest && (
        <>
          <Heading2>{t('insight.funnel.title', { period: latest })}</Heading2>
          <BarChart id="funnel" title={t('insight.funnel.title', { period: latest })} desc={t('insight.funnel.desc')} labels={FUNNEL.map(([, key]) => t(key))} series={funnel} />
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('insight.col.step')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('insight.col.value')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {FUNNEL.map(([id, key]) => (
                <TableRow key={id}><TableHeaderCell scope="row">{t(key)}</TableHeaderCell><TableCell>{fmt(at(id), lang)}</TableCell></TableRow>
              ))}
              {TERMS.map((id) => (
                <TableRow key={id}>
                  <TableHeaderCell scope="row">{catalogue?.find((d) => d.id === id)?.title[lang] ?? id}</TableHeaderCell>
                  <TableCell>{at(id) === null ? '—' : `${fmt(at(id), lang)}%`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </>
  );
}
