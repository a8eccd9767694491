import { Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { Problem, WerkwijzeSummary } from '../api';
import { useApp, useSession } from '../app-context';
import { Loading, ProblemAlert, toProblem } from '../components/Alerts';
import { LoginAlerts } from '../components/LoginAlerts';
import { PageTitle } from '../components/PageTitle';
import { AppLink, paths } from '../router';
import { FUNCTIONAL_ADMINISTRATOR, werkwijzeStatusKey } from '../werkwijze';

export function WerkwijzenPage() {
  const { api, t } = useApp();
  const { account } = useSession();
  const [data, setData] = useState<WerkwijzeSummary[] | Problem | null>(null);

  useEffect(() => {
    let current = true;
    api.werkwijzen().then(
      (all) => current && setData(all),
      (error: unknown) => current && setData(toProblem(error)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  return (
    <>
      <PageTitle>{t('werkwijzen.title')}</PageTitle>
      <Paragraph>{t('werkwijzen.intro')}</Paragraph>
      <ul className="kern-actions">
        {account.roles.includes(FUNCTIONAL_ADMINISTRATOR) && (
          <li>
            <AppLink href={paths.werkwijzeNew}>{t('werkwijzen.new')}</AppLink>
          </li>
        )}
        <li>
          <AppLink href={paths.werkwijzeCompare()}>{t('werkwijzen.compare')}</AppLink>
        </li>
      </ul>
      {!data ? (
        <Loading />
      ) : !Array.isArray(data) ? (
        <ProblemAlert problem={data} />
      ) : data.length === 0 ? (
        <Paragraph>{t('werkwijzen.none')}</Paragraph>
      ) : (
        <div className="kern-table-scroll">
          <Table aria-label={t('werkwijzen.caption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('werkwijzen.col.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('werkwijzen.col.id')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('werkwijzen.col.version')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('werkwijzen.col.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('werkwijzen.col.importedFrom')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((w) => {
                const status = werkwijzeStatusKey(w.status);
                return (
                  <TableRow key={`${w.werkwijzeId}@${w.version}`}>
                    <TableHeaderCell scope="row">
                      <AppLink href={paths.werkwijze(w.werkwijzeId, w.version)}>
                        {t('viewer.title', { name: w.name, version: w.version })}
                      </AppLink>
                    </TableHeaderCell>
                    <TableCell>{w.werkwijzeId}</TableCell>
                    <TableCell>{w.version}</TableCell>
                    <TableCell>{status ? t(status) : w.status}</TableCell>
                    <TableCell>{w.importedFrom ?? t('common.none')}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      {account.roles.includes(FUNCTIONAL_ADMINISTRATOR) && <LoginAlerts />}
    </>
  );
}
