import {
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
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { Problem, Worklist, WorklistCounts, WorklistScope } from '../api';
import { useApp, useSession } from '../app-context';
import { Loading, ProblemAlert, toProblem } from '../components/Alerts';
import { DeadlineBadge } from '../components/DeadlineBadge';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { PortalInboxSignal } from '../components/PortalInboxSignal';
import { formatDate } from '../i18n';
import { AppLink, paths } from '../router';
import { phaseKey } from '../werkwijze';

const SCOPES: WorklistScope[] = ['mine', 'team'];

export function WorklistPage() {
  const { api, t, lang } = useApp();
  const { account } = useSession();
  const [scope, setScope] = useState<WorklistScope>('mine');
  const [teamId, setTeamId] = useState<string>(account.teams[0]?.id ?? '');
  const [data, setData] = useState<Worklist | Problem | null>(null);

  useEffect(() => {
    if (scope === 'team' && !teamId) {
      setData(null);
      return;
    }
    let current = true;
    setData(null);
    api.worklist(scope, teamId || undefined).then(
      (result) => current && setData(result),
      (error: unknown) => current && setData(toProblem(error)),
    );
    return () => {
      current = false;
    };
  }, [api, scope, teamId]);

  const worklist = data && 'items' in data ? data : null;
  const problem = data && !('items' in data) ? data : null;
  const [before, after] = t('worklist.intro').split('{search}');

  return (
    <>
      <PageTitle>{t('worklist.title')}</PageTitle>
      <Paragraph>
        {before}
        <AppLink href={paths.search}>{t('nav.search')}</AppLink>
        {after}
      </Paragraph>
      <PortalInboxSignal />

      <form className="kern-form kern-form--filters" noValidate onSubmit={(event) => event.preventDefault()}>
        <div className="kern-worklist-controls">
          <Fieldset>
            <FieldsetLegend>{t('worklist.scope')}</FieldsetLegend>
            {SCOPES.map((s) => (
              <FormField
                key={s}
                type="radio"
                label={
                  <FormLabel htmlFor={`scope-${s}`} type="radio" checked={scope === s}>
                    {t(`worklist.scope.${s}`)}
                  </FormLabel>
                }
                input={<RadioButton id={`scope-${s}`} name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} />}
              />
            ))}
          </Fieldset>
          {scope === 'team' &&
            (account.teams.length === 0 ? (
              <Paragraph role="status">{t('worklist.noTeams')}</Paragraph>
            ) : (
              <Field id="worklist-team" label={t('worklist.team')}>
                {(wiring) => (
                  <Select {...wiring} name="team" value={teamId} onChange={(event) => setTeamId(event.target.value)}>
                    {account.teams.map((team) => (
                      <SelectOption key={team.id} value={team.id}>
                        {team.name}
                      </SelectOption>
                    ))}
                  </Select>
                )}
              </Field>
            ))}
        </div>
      </form>

      {problem && <ProblemAlert problem={problem} />}
      {!data && !(scope === 'team' && !teamId) && <Loading />}
      {worklist && (
        <>
          <section aria-labelledby="summary-heading" className="kern-section">
            <Heading2 id="summary-heading">{t('worklist.summary')}</Heading2>
            <div className="kern-summary">
              <CountList counts={worklist.counts} />
              <CountChart counts={worklist.counts} />
            </div>
          </section>

          <section aria-labelledby="tasks-heading" className="kern-section">
            <Heading2 id="tasks-heading">{t('worklist.tasks')}</Heading2>
            <Paragraph role="status">
              {worklist.items.length === 0 ? t('worklist.none') : t('worklist.count', { count: worklist.items.length })}
            </Paragraph>
            {worklist.items.length > 0 && (
              <div className="kern-table-scroll">
                <Table aria-labelledby="tasks-heading">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('worklist.col.case')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('worklist.col.caseType')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('worklist.col.task')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('worklist.col.step')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('worklist.col.phase')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('worklist.col.due')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('worklist.col.status')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {worklist.items.map((item) => {
                      const phase = phaseKey(item.phase);
                      return (
                        <TableRow key={item.taskId}>
                          <TableHeaderCell scope="row">
                            <AppLink href={paths.caseFile(item.caseId, item.purpose)}>{item.reference}</AppLink>
                          </TableHeaderCell>
                          <TableCell>{item.caseTypeId}</TableCell>
                          <TableCell>{item.title}</TableCell>
                          <TableCell>{item.stepId}</TableCell>
                          <TableCell>{phase ? t(phase) : item.phase}</TableCell>
                          <TableCell>{item.dueDate ? formatDate(item.dueDate, lang) : t('common.none')}</TableCell>
                          <TableCell>
                            <DeadlineBadge status={item.deadlineStatus} />
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}

function CountList({ counts }: { counts: WorklistCounts }) {
  const { t } = useApp();
  const rows = [
    { key: 'overdue', label: t('deadline.overdue'), value: counts.overdue },
    { key: 'due-soon', label: t('deadline.due-soon'), value: counts.dueSoon },
    { key: 'on-time', label: t('deadline.on-time'), value: counts.onTime },
    { key: 'none', label: t('deadline.none'), value: counts.noDeadline },
  ];
  return (
    <dl className="kern-counts">
      {rows.map((row) => (
        <div key={row.key} className={`kern-counts__item kern-counts__item--${row.key}`}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A small horizontal bar chart; its title and description carry the same numbers as text. */
function CountChart({ counts }: { counts: WorklistCounts }) {
  const { t } = useApp();
  const bars = [
    { key: 'overdue', label: t('deadline.overdue'), value: counts.overdue },
    { key: 'due-soon', label: t('deadline.due-soon'), value: counts.dueSoon },
    { key: 'on-time', label: t('deadline.on-time'), value: counts.onTime },
  ];
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const labelWidth = 130;
  const barMax = 220;
  const rowHeight = 30;
  const width = labelWidth + barMax + 50;
  const height = bars.length * rowHeight + 10;
  return (
    <svg
      className="kern-chart"
      role="img"
      aria-labelledby="chart-title chart-desc"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
    >
      <title id="chart-title">{t('worklist.chart.title')}</title>
      <desc id="chart-desc">{t('worklist.chart.desc', { overdue: counts.overdue, dueSoon: counts.dueSoon, onTime: counts.onTime })}</desc>
      {bars.map((bar, i) => {
        const y = 5 + i * rowHeight;
        const w = Math.round((bar.value / max) * barMax);
        return (
          <g key={bar.key} aria-hidden="true">
            <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="kern-chart__label">
              {bar.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={Math.max(w, 2)} height={rowHeight - 10} className={`kern-chart__bar kern-chart__bar--${bar.key}`} />
            <text x={labelWidth + Math.max(w, 2) + 6} y={y + 17} className="kern-chart__value">
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
