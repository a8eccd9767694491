import { Heading3, Paragraph } from '@utrecht/component-library-react';
import type { PortalCase } from '../api';
import { useDate } from '../components';
import { usePortal } from '../context';

/** One case: what it is about, where it is, the statutory terms and any decision with the objection term. */
export function CaseCard({ c }: { c: PortalCase }) {
  const { t, tx, lang } = usePortal();
  const date = useDate();
  return (
    <article className="kern-portal-card" aria-labelledby={`case-${c.id}`}>
      <Heading3 id={`case-${c.id}`}>{`${tx(`law.${c.law}`)} — ${c.reference}`}</Heading3>
      <Paragraph>{`${t('case.step')}: ${c.stepName} (${c.status === 'open' ? t('case.open') : t('case.closed')}). ${t('case.reported')} ${date(c.meldingDate)}.`}</Paragraph>
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
