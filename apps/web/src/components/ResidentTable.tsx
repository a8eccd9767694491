import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ResidentSummary } from '../api';
import { useApp } from '../app-context';
import { formatAddress, fullName } from '../format';
import { formatDate } from '../i18n';
import { AppLink, paths } from '../router';

/**
 * Search results: the name links to the resident page. With `onStart`, each row also offers
 * "Zaak starten" (a first melding needs no access to the resident's record).
 */
export function ResidentTable({
  residents,
  labelledBy,
  onStart,
}: {
  residents: ResidentSummary[];
  labelledBy: string;
  onStart?: (resident: ResidentSummary) => void;
}) {
  const { t, lang } = useApp();
  return (
    <div className="kern-table-scroll">
      <Table aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('table.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('table.bsn')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('table.birthDate')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('table.address')}</TableHeaderCell>
            {onStart && <TableHeaderCell scope="col">{t('work.search.actions')}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {residents.map((resident) => (
            <TableRow key={resident.bsn}>
              <TableHeaderCell scope="row">
                <AppLink href={paths.resident(resident.bsn)}>{fullName(resident.name)}</AppLink>
              </TableHeaderCell>
              <TableCell>{resident.bsn}</TableCell>
              <TableCell>{resident.birthDate ? formatDate(resident.birthDate, lang) : t('common.unknown')}</TableCell>
              <TableCell>{resident.address ? formatAddress(resident.address) : t('resident.noAddress')}</TableCell>
              {onStart && (
                <TableCell>
                  <Button type="button" appearance="secondary-action-button" data-start-bsn={resident.bsn} onClick={() => onStart(resident)}>
                    {t('work.search.start')}
                    <span className="kern-visually-hidden"> {t('work.search.startFor', { name: fullName(resident.name) })}</span>
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
