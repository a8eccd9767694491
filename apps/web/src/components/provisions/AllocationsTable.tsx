import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { Allocation } from '../../api/provisions';
import { useApp } from '../../app-context';
import { periodText, productText, reasonsText, sizeText } from './provision-text';

/** Allocations as a table: number, (client), provider, product, period, size, status, reasons, and optional actions per row. */
export function AllocationsTable({ caption, allocations, showClient = false, actions }: { caption: string; allocations: Allocation[]; showClient?: boolean; actions?: (a: Allocation) => ReactNode }) {
  const { t, lang } = useApp();
  return (
    <Table>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('provisions.col.nummer')}</TableHeaderCell>
          {showClient && <TableHeaderCell scope="col">{t('provisions.col.client')}</TableHeaderCell>}
          <TableHeaderCell scope="col">{t('provisions.col.provider')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('provisions.col.product')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('provisions.col.period')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('provisions.col.size')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('provisions.col.status')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('provisions.col.reasons')}</TableHeaderCell>
          {actions && <TableHeaderCell scope="col">{t('provisions.col.actions')}</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {allocations.map((a) => (
          <TableRow key={a.id}>
            <TableHeaderCell scope="row">{a.toewijzingNummer}</TableHeaderCell>
            {showClient && <TableCell>{a.subjectBsn}</TableCell>}
            <TableCell>{`${a.providerName} (${a.providerAgb})`}</TableCell>
            <TableCell>{productText(a)}</TableCell>
            <TableCell>{periodText(a.startDate, a.endDate, t, lang)}</TableCell>
            <TableCell>{sizeText(a, t, lang)}</TableCell>
            <TableCell>{t(`provisions.status.${a.status}`)}</TableCell>
            <TableCell>{reasonsText(a, t)}</TableCell>
            {actions && <TableCell>{actions(a)}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
