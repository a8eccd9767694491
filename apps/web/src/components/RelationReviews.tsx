import { Heading2, Heading3, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import type { Problem } from '../api';
import { relationsApi, type InvolvementRequest, type RelationRecord } from '../api/relations';
import { useApp } from '../app-context';
import { formatDateTime, type MessageKey } from '../i18n';
import { isPurpose } from '../purpose';
import { Loading, ProblemAlert, toProblem } from './Alerts';

type Review = { relations: RelationRecord[]; requests: InvolvementRequest[] };

/** The auditor's view of new relations (what made each and who) and of the requests for one, beside break-the-glass. */
export function RelationReviews() {
  const { api, t, lang } = useApp();
  const client = useMemo(() => relationsApi(api), [api]);
  const [review, setReview] = useState<Review | Problem | null>(null);

  useEffect(() => {
    client.review().then(setReview, (error: unknown) => setReview(toProblem(error)));
  }, [client]);

  const purposeLabel = (p: string) => (isPurpose(p) ? t(`purpose.${p}`) : p);
  const sourceLabel = (s: string) => t(`relations.source.${s}` as MessageKey);

  return (
    <section aria-labelledby="relations-heading" className="kern-section">
      <Heading2 id="relations-heading">{t('relations.review.title')}</Heading2>
      <Paragraph>{t('relations.review.intro')}</Paragraph>
      {!review ? (
        <Loading />
      ) : 'status' in review ? (
        <ProblemAlert problem={review} />
      ) : (
        <>
          {review.relations.length === 0 ? (
            <Paragraph>{t('relations.review.none')}</Paragraph>
          ) : (
            <div className="kern-table-scroll" role="region" aria-labelledby="relations-heading" tabIndex={0}>
              <Table aria-labelledby="relations-heading">
                <TableHeader>
                  <TableRow>
                    {(['relations.review.openedAt', 'relations.review.subject', 'relations.review.purpose', 'relations.review.source', 'relations.review.holder', 'relations.review.createdBy', 'relations.review.reason'] as const).map((k) => (
                      <TableHeaderCell key={k} scope="col">{t(k)}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {review.relations.map((r) => (
                    <TableRow key={r.id}>
                      <TableHeaderCell scope="row">{formatDateTime(r.openedAt, lang)}</TableHeaderCell>
                      <TableCell>{r.subjectBsn}</TableCell>
                      <TableCell>{purposeLabel(r.purpose)}</TableCell>
                      <TableCell>{sourceLabel(r.source)}</TableCell>
                      <TableCell>{r.accountName ?? r.teamName ?? ''}</TableCell>
                      <TableCell>{r.createdByName ?? r.createdBy ?? ''}</TableCell>
                      <TableCell>{r.reason}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          <Heading3 id="relation-requests-heading">{t('relations.review.requests')}</Heading3>
          {review.requests.length === 0 ? (
            <Paragraph>{t('relations.review.requests.none')}</Paragraph>
          ) : (
            <div className="kern-table-scroll" role="region" aria-labelledby="relation-requests-heading" tabIndex={0}>
              <Table aria-labelledby="relation-requests-heading">
                <TableHeader>
                  <TableRow>
                    {(['relations.requests.requestedAt', 'relations.review.subject', 'relations.review.purpose', 'relations.requests.requester', 'relations.requests.reason', 'relations.requests.status', 'relations.review.decidedBy'] as const).map((k) => (
                      <TableHeaderCell key={k} scope="col">{t(k)}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {review.requests.map((r) => (
                    <TableRow key={r.id}>
                      <TableHeaderCell scope="row">{formatDateTime(r.requestedAt, lang)}</TableHeaderCell>
                      <TableCell>{r.subjectBsn}</TableCell>
                      <TableCell>{purposeLabel(r.purpose)}</TableCell>
                      <TableCell>{r.requestedByName ?? r.requestedBy}</TableCell>
                      <TableCell>{r.reason}</TableCell>
                      <TableCell>{t(`relations.status.${r.status}`)}</TableCell>
                      <TableCell>{r.decidedByName ? `${r.decidedByName}${r.decisionNote ? `: ${r.decisionNote}` : ''}` : ''}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
