import { Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useApp } from '../../app-context';
import type { Section, TeamContact } from '../../api/household';
import { formatDate } from '../../i18n';
import { AppLink } from '../../router';

const atText = (t: ReturnType<typeof useApp>['t'], at: TeamContact) => t('household.section.at', { team: at.team, contact: at.contact });

/**
 * One section of a member: in full (its items), as a signal (that something runs, where to ask) or
 * withheld (only that, and why). The withheld rendering depends on nothing but the category and
 * the reason, so it looks the same whatever is behind it.
 */
export function SectionView({ section, id }: { section: Section; id: string }) {
  const { t, lang } = useApp();
  const headingId = `${id}-heading`;
  const title = `${t(`household.kind.${section.kind}`)}: ${t(`household.category.${section.category}`)}`;
  return (
    <section aria-labelledby={headingId} className={`kern-hh-section kern-hh-section--${section.state}`} data-state={section.state} data-category={section.category} data-kind={section.kind}>
      <Heading3 id={headingId} className="kern-hh-section__title">
        {title} <span className="kern-hh-badge">{t(`household.state.${section.state}`)}</span>
        {section.state !== 'withheld' && section.breakGlass && <span className="kern-hh-badge kern-hh-badge--glass">{t('household.section.breakGlass')}</span>}
      </Heading3>
      {section.state === 'withheld' ? (
        <Paragraph>{t('household.withheld', { reason: t(`household.reason.${section.reason}`) })}</Paragraph>
      ) : section.state === 'signal' ? (
        <>
          <Paragraph>
            {!section.running
              ? t('household.signal.notRunning')
              : section.at.length > 0
                ? t('household.signal.running', { at: section.at.map((a) => atText(t, a)).join(' / ') })
                : t('household.signal.runningNoContact')}
          </Paragraph>
          <Paragraph className="kern-hh-muted">{t(`household.reason.${section.reason}`)}</Paragraph>
          <Paragraph className="kern-hh-muted">{t('household.section.basis', { basis: section.basis })}</Paragraph>
        </>
      ) : (
        <>
          {section.items.length === 0 ? (
            <Paragraph>{t('household.section.empty')}</Paragraph>
          ) : (
            <UnorderedList>
              {section.items.map((item) => (
                <UnorderedListItem key={item.id}>
                  {item.href ? <AppLink href={item.href}>{item.title}</AppLink> : <strong>{item.title}</strong>}
                  {' — '}
                  {item.status === 'open' ? t('household.section.open') : t('household.section.closed')}
                  {', '}
                  {item.until
                    ? t('household.section.period', { since: formatDate(item.since, lang), until: formatDate(item.until, lang) })
                    : t('household.section.since', { since: formatDate(item.since, lang) })}
                  {item.detail && <> — {item.detail}</>}
                  {item.at && <> ({atText(t, item.at)})</>}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          <Paragraph className="kern-hh-muted">{t('household.section.basis', { basis: section.basis })}</Paragraph>
        </>
      )}
    </section>
  );
}
