import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { AuditRecord } from '../api';
import { useApp } from '../app-context';
import { formatDateTime, type MessageKey } from '../i18n';
import { isPurpose } from '../purpose';

const COLUMNS: MessageKey[] = [
  'audit.col.seq',
  'audit.col.time',
  'audit.col.actor',
  'audit.col.roles',
  'audit.col.purpose',
  'audit.col.action',
  'audit.col.resource',
  'audit.col.subject',
  'audit.col.outcome',
  'audit.col.reason',
  'audit.col.breakGlass',
];

export function AuditTable({ records, captionId }: { records: AuditRecord[]; captionId: string }) {
  const { t, lang } = useApp();
  return (
    // A wide table scrolls sideways; the region is focusable so keyboard users can scroll it too.
    <div className="kern-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table aria-labelledby={captionId} className="kern-audit-table">
        <TableHeader>
          <TableRow>
            {COLUMNS.map((key) => (
              <TableHeaderCell key={key} scope="col">
                {t(key)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {records.map((r) => (
            <TableRow key={r.seq} className={r.outcome === 'denied' ? 'kern-row--denied' : r.breakGlass ? 'kern-row--break-glass' : undefined}>
              <TableHeaderCell scope="row">{r.seq}</TableHeaderCell>
              <TableCell>
                <time dateTime={r.at}>{formatDateTime(r.at, lang)}</time>
              </TableCell>
              <TableCell>
                {r.actorName ?? r.actorId}
                {r.actorName && <span className="kern-muted"> ({r.actorId})</span>}
              </TableCell>
              <TableCell>{r.actorRoles.join(', ')}</TableCell>
              <TableCell>{r.purpose ? (isPurpose(r.purpose) ? t(`purpose.${r.purpose}`) : r.purpose) : '—'}</TableCell>
              <TableCell>{r.action}</TableCell>
              <TableCell>{r.resource}</TableCell>
              <TableCell>{r.subjectBsn ?? '—'}</TableCell>
              <TableCell>{t(`outcome.${r.outcome}`)}</TableCell>
              <TableCell>
                {r.reason}
                {r.legalBasis && <span className="kern-muted"> — {r.legalBasis}</span>}
              </TableCell>
              <TableCell>{r.breakGlass ? t('common.yes') : t('common.no')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
