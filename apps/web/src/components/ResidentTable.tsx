import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ResidentSummary } from '../api';
import { useApp } from '../app-context';
import { formatAddress, fullName } from '../format';
import { formatDate } from '../i18n';
import { AppLink, paths } from '../router';

/** Search results: the name links to the resident page. */
export function ResidentTable({ residents, labelledBy }: { residents: ResidentSummary[]; labelledBy: string }) {
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
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
