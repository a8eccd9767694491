import { Heading3, Paragraph } from '@utrecht/component-library-react';
import type { PortalCase } from '../api';
import { useDate } from '../components';
import { usePortal } from '../context';

/**
 * One case as the citizen understands it: what was asked, where it stands, what happens next and
 * by when, who to contact; then the statutory terms with their explanation. Never a step name.
 */
export function CaseCard({ c }: { c: PortalCase }) {
  const { t, tx, lang } = usePortal();
  const date = useDate();
  const s = c.citizenStatus;
  return (
    <article className="kern-portal-card" aria-labelledby={`case-${c.id}`}>
      <Heading3 id={`case-${c.id}`}>{`${tx(`law.${c.law}`)} — ${c.reference}`}</Heading3>
      <dl className="kern-portal-facts">
        <dt>{t('case.asked')}</dt>
        <dd>{`${s.asked}. ${t('case.reported')} ${date(c.meldingDate)}.`}</dd>
        <dt>{t('case.now')}</dt>
        <dd>{s.now[lang]}</dd>
        <dt>{t('case.next')}</dt>
        <dd>{`${s.next[lang]}${s.nextBy ? ` ${t('case.nextBy')} ${date(s.nextBy)}.` : ''}`}</dd>
        <dt>{t('case.contact')}</dt>
        <dd>{s.contact ?? t('case.contactMunicipality')}</dd>
      </dl>
      {c.terms.map((term) => (
        <Paragraph key={term.termId}>
          {term.metDate ? `${t('case.met')} ${date(term.metDate)}. ` : `${t('case.dueBy')} ${date(term.dueDate)}. `}
          <span className="kern-portal-hint">{term.description[lang]}</span>
        </Paragraph>
      ))}
      {c.decisions.map((d) => (
        <Paragraph key={`${d.on}-${d.stepName}`}>
          {`${t('case.decision')} ${date(d.on)}: ${d.outcome}.`}
          {d.reason ? ` ${t('case.reason')}: ${d.reason}.` : ''} {`${t('case.objection')} ${date(d.objectionUntil)}.`}
        </Paragraph>
      ))}
    </article>
  );
}
