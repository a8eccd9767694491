import { Alert, Button, ButtonGroup, Heading2, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import type { Problem } from '../api';
import { householdApi, type HouseholdView } from '../api/household';
import { useApp } from '../app-context';
import { Loading, ProblemAlert, toProblem } from '../components/Alerts';
import { BreakGlassForm } from '../components/BreakGlassForm';
import { ConsentPanel } from '../components/household/ConsentPanel';
import { HouseholdTimeline } from '../components/household/HouseholdTimeline';
import { SectionView } from '../components/household/SectionView';
import { SignalForm } from '../components/household/SignalForm';
import '../components/household/household.css';
import { PageTitle } from '../components/PageTitle';
import { formatAddress, fullName } from '../format';
import { formatDate } from '../i18n';
import { AppLink, paths } from '../router';

const isProblem = (x: HouseholdView | Problem): x is Problem => 'status' in x && 'title' in x;

/**
 * The integral household view: members and relations, per member the sections in full, as a
 * signal or withheld (as the policy decides for the actor and purpose), the timeline, consents.
 * Print CSS turns it into a readable paper copy (forms and navigation left out).
 */
export function HouseholdPage({ bsn }: { bsn: string }) {
  const { api, t, lang, purpose } = useApp();
  const hh = useMemo(() => householdApi(api), [api]);
  const [data, setData] = useState<HouseholdView | Problem | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    if (!purpose) return;
    let current = true;
    hh.view(bsn).then(
      (v) => current && setData(v),
      (e: unknown) => current && setData(toProblem(e)),
    );
    return () => {
      current = false;
    };
  }, [hh, bsn, purpose, reloads]);

  const reload = () => setReloads((n) => n + 1);
  const view = data && !isProblem(data) ? data : null;
  const subject = view?.members.find((m) => m.relation === 'self');

  return (
    <>
      <PageTitle>{subject ? `${t('household.view.title')} — ${fullName(subject.name)}` : t('household.view.title')}</PageTitle>
      <Paragraph className="kern-no-print">
        <AppLink href={paths.resident(bsn)}>{t('household.view.back')}</AppLink>
      </Paragraph>
      {!purpose ? (
        <Alert type="warning" role="alert" className="kern-alert">
          <Paragraph>{t('purpose.required')}</Paragraph>
        </Alert>
      ) : !data ? (
        <Loading />
      ) : isProblem(data) ? (
        <>
          <ProblemAlert problem={data} />
          {data.status === 403 && data.breakGlassPossible && <BreakGlassForm bsn={bsn} onGranted={reload} />}
        </>
      ) : view ? (
        <>
          {view.access.breakGlass && (
            <Alert type="warning" role="status" className="kern-alert kern-break-glass-banner">
              <Paragraph>
                <strong>{t('household.view.breakGlass')}</strong>
              </Paragraph>
            </Alert>
          )}
          <Paragraph>{t('household.view.intro')}</Paragraph>
          <Paragraph className="kern-hh-muted">{t('household.view.basis', { basis: view.access.basis })}</Paragraph>
          <ButtonGroup className="kern-no-print">
            <Button appearance="secondary-action-button" onClick={() => window.print()}>
              {t('household.view.print')}
            </Button>
          </ButtonGroup>

          <section aria-labelledby="hh-members-heading" className="kern-section">
            <Heading2 id="hh-members-heading">{t('household.view.members')}</Heading2>
            {view.address && (
              <Paragraph>
                {t('household.address')}: {formatAddress(view.address)}
              </Paragraph>
            )}
            <div className="kern-table-scroll">
              <Table aria-label={t('household.caption')}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('table.name')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('household.relation')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('table.birthDate')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {view.members.map((m, i) => (
                    <TableRow key={m.bsn ?? `m${i}`}>
                      <TableHeaderCell scope="row">{m.bsn ? <a href={`#hh-member-${m.bsn}`}>{fullName(m.name)}</a> : fullName(m.name)}</TableHeaderCell>
                      <TableCell>
                        {t(`relation.${m.relation}`)}
                        {m.livesElsewhere && ` (${t('household.livesElsewhere')})`}
                      </TableCell>
                      <TableCell>{m.birthDate ? formatDate(m.birthDate, lang) : t('common.unknown')}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>

          {view.members.map((m, i) => {
            const id = m.bsn ? `hh-member-${m.bsn}` : `hh-member-x${i}`;
            return (
              <section key={id} id={id} aria-labelledby={`${id}-heading`} className="kern-section kern-hh-member" data-relation={m.relation}>
                <Heading2 id={`${id}-heading`}>
                  {t('household.view.sectionsOf', { name: fullName(m.name) })} ({t(`relation.${m.relation}`)})
                </Heading2>
                {m.sections.length === 0 ? (
                  <Paragraph>{t('household.view.noBsn')}</Paragraph>
                ) : (
                  <div className="kern-hh-sections">
                    {m.sections.map((s) => (
                      <SectionView key={`${s.kind}-${s.category}`} id={`${id}-${s.kind}-${s.category}`} section={s} />
                    ))}
                  </div>
                )}
              </section>
            );
          })}

          <HouseholdTimeline view={view} />
          <ConsentPanel members={view.members} onChanged={reload} />
          <SignalForm members={view.members} onSaved={reload} />
        </>
      ) : null}
    </>
  );
}
