import {
  ButtonGroup,
  ButtonLink,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState, type ReactNode } from 'react';
import { werkwijzeExportUrl, type Problem, type WerkwijzeDetail } from '../api';
import { useApp, useSession } from '../app-context';
import { Loading, ProblemAlert, StatusMessage, toProblem } from '../components/Alerts';
import { PageTitle } from '../components/PageTitle';
import { ProcessDiagram } from '../components/ProcessDiagram';
import { isPurpose } from '../purpose';
import { AppLink, paths } from '../router';
import { FUNCTIONAL_ADMINISTRATOR, phaseKey, werkwijzeStatusKey } from '../werkwijze';

export function WerkwijzeViewerPage({ id, version }: { id: string; version: number }) {
  const { api, t } = useApp();
  const { account } = useSession();
  const [data, setData] = useState<WerkwijzeDetail | Problem | null>(null);
  const [reloads, setReloads] = useState(0);
  const [activated, setActivated] = useState(false);
  const [actionProblem, setActionProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    api.werkwijze(id, version).then(
      (detail) => current && setData(detail),
      (error: unknown) => current && setData(toProblem(error)),
    );
    return () => {
      current = false;
    };
  }, [api, id, version, reloads]);

  const detail = data && 'definition' in data ? data : null;
  const problem = data && !('definition' in data) ? data : null;

  const activate = async () => {
    setBusy(true);
    setActionProblem(null);
    try {
      await api.activateWerkwijze(id, version);
      setActivated(true);
      setReloads((n) => n + 1);
    } catch (error) {
      setActionProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const definition = detail?.definition;
  const steps = Array.isArray(definition?.steps) ? definition.steps : [];
  const stepNames = new Map(steps.map((s) => [s.id, s.name ?? s.id]));
  const phaseLabel = (phase: string) => {
    const key = phaseKey(phase);
    return key ? t(key) : phase;
  };
  const statusKey = detail ? werkwijzeStatusKey(detail.status) : null;

  const facts: [string, ReactNode][] = detail
    ? [
        [t('viewer.status'), statusKey ? t(statusKey) : detail.status],
        [t('werkwijzen.col.id'), detail.werkwijzeId],
        [t('viewer.importedFrom'), detail.importedFrom ?? t('common.none')],
        [t('viewer.description'), definition?.description ?? t('common.none')],
        [
          t('viewer.caseTypes'),
          (definition?.caseTypes ?? [])
            .map((ct) => `${ct.name} (${isPurpose(ct.law) ? t(`purpose.${ct.law}`) : ct.law})`)
            .join('; ') || t('common.none'),
        ],
      ]
    : [];
  if (definition?.skippedPhases?.length) {
    facts.push([t('viewer.skippedPhases'), definition.skippedPhases.map((s) => `${phaseLabel(s.phase)}: ${s.reason}`).join('; ')]);
  }

  return (
    <>
      <PageTitle focusSignal={activated ? 1 : 0}>{detail ? t('viewer.title', { name: detail.name, version: detail.version }) : t('werkwijzen.title')}</PageTitle>
      <Paragraph>
        <AppLink href={paths.werkwijzen}>{t('viewer.back')}</AppLink>
      </Paragraph>
      {activated && <StatusMessage>{t('viewer.activated')}</StatusMessage>}
      {actionProblem && <ProblemAlert problem={actionProblem} />}
      {problem ? (
        <ProblemAlert problem={problem} />
      ) : !detail || !definition ? (
        <Loading />
      ) : (
        <>
          <DataList>
            {facts.map(([key, value]) => (
              <DataListItem key={key}>
                <DataListKey>{key}</DataListKey>
                <DataListValue multiline>{value}</DataListValue>
              </DataListItem>
            ))}
          </DataList>
          <ButtonGroup>
            {account.roles.includes(FUNCTIONAL_ADMINISTRATOR) && detail.status !== 'active' && (
              <PrimaryActionButton type="button" busy={busy} disabled={busy} onClick={() => void activate()}>
                {t('viewer.activate')}
              </PrimaryActionButton>
            )}
            <ButtonLink appearance="secondary-action-button" href={werkwijzeExportUrl(detail.werkwijzeId, detail.version)} download>
              {t('viewer.export')}
            </ButtonLink>
          </ButtonGroup>

          <section aria-labelledby="diagram-heading" className="kern-section">
            <Heading2 id="diagram-heading">{t('viewer.diagram')}</Heading2>
            <div className="kern-diagram-scroll" tabIndex={0} role="region" aria-labelledby="diagram-heading">
              <ProcessDiagram definition={definition} titleId="diagram-title" descId="diagram-desc" />
            </div>
          </section>

          <section aria-labelledby="steps-heading" className="kern-section">
            <Heading2 id="steps-heading">{t('viewer.text')}</Heading2>
            <div className="kern-table-scroll">
              <Table aria-labelledby="steps-heading">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('viewer.col.step')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('viewer.col.phase')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('viewer.col.roles')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('viewer.col.transitions')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {steps.map((step) => (
                    <TableRow key={step.id}>
                      <TableHeaderCell scope="row">
                        {step.name ?? step.id}
                        {step.final && ` (${t('viewer.final')})`}
                      </TableHeaderCell>
                      <TableCell>{phaseLabel(step.phase)}</TableCell>
                      <TableCell>{(step.roles ?? []).join(', ')}</TableCell>
                      <TableCell>
                        {(step.transitions ?? []).length === 0 ? (
                          t('viewer.noTransitions')
                        ) : (
                          <ul className="kern-plain-list">
                            {(step.transitions ?? []).map((tr, i) => (
                              <li key={i}>
                                {t('viewer.transition', { label: tr.label ?? tr.to, to: stepNames.get(tr.to) ?? tr.to })}
                                {tr.guard !== undefined && ` (${t('viewer.guard')})`}
                              </li>
                            ))}
                          </ul>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
