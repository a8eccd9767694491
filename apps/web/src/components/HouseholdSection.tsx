import { Heading2, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Household } from '../api';
import { useApp } from '../app-context';
import { formatAddress, fullName } from '../format';
import { formatDate } from '../i18n';
import { AppLink, paths } from '../router';

export function HouseholdSection({ household }: { household: Household }) {
  const { t, lang } = useApp();
  return (
    <section aria-labelledby="household-heading" className="kern-section">
      <Heading2 id="household-heading">{t('household.title')}</Heading2>
      {household.address && (
        <Paragraph>
          {t('household.address')}: {formatAddress(household.address)}
        </Paragraph>
      )}
      {household.members.length === 0 ? (
        <Paragraph>{t('household.empty')}</Paragraph>
      ) : (
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
              {household.members.map((member, i) => (
                <TableRow key={member.bsn ?? `m${i}`}>
                  <TableHeaderCell scope="row">
                    {member.relation === 'self' || !member.bsn ? (
                      fullName(member.name)
                    ) : (
                      <AppLink href={paths.resident(member.bsn)}>{fullName(member.name)}</AppLink>
                    )}
                  </TableHeaderCell>
                  <TableCell>
                    {t(`relation.${member.relation}`)}
                    {member.livesElsewhere && ` (${t('household.livesElsewhere')})`}
                  </TableCell>
                  <TableCell>{member.birthDate ? formatDate(member.birthDate, lang) : t('common.unknown')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
