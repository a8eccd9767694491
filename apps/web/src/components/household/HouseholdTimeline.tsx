import { Heading2, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useApp } from '../../app-context';
import type { HouseholdView } from '../../api/household';
import { fullName } from '../../format';
import { formatDate } from '../../i18n';

/** Events across domains, only from sections the actor sees in full (the server filters them). */
export function HouseholdTimeline({ view }: { view: HouseholdView }) {
  const { t, lang } = useApp();
  const nameOf = (bsn: string) => {
    const m = view.members.find((x) => x.bsn === bsn);
    return m ? fullName(m.name) : bsn;
  };
  return (
    <section aria-labelledby="hh-timeline-heading" className="kern-section kern-hh-timeline">
      <Heading2 id="hh-timeline-heading">{t('household.timeline.title')}</Heading2>
      {view.timeline.length === 0 ? (
        <Paragraph>{t('household.timeline.empty')}</Paragraph>
      ) : (
        <div className="kern-table-scroll">
          <Table aria-label={t('household.timeline.caption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('household.timeline.date')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('household.timeline.member')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('household.timeline.what')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {view.timeline.map((e, i) => (
                <TableRow key={`${e.date}-${e.memberBsn}-${i}`}>
                  <TableCell>{formatDate(e.date, lang)}</TableCell>
                  <TableCell>{nameOf(e.memberBsn)}</TableCell>
                  <TableCell>
                    {t(`household.category.${e.category}`)}: {t(`household.event.${e.event}`, { label: e.label })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
