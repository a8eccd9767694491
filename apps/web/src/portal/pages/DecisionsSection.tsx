import { Heading2, Heading3, Link, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { AppLink } from '../../router';
import { problemText, type Letter, type PortalDecision } from '../api';
import { ErrorText, useDate } from '../components';
import { usePortal } from '../context';
import { portalPaths } from '../paths';

type Provision = PortalDecision['provisions'][number];

/** One provision as a sentence: "Hulp bij het huishouden: 3 uur per week, geregeld door de gemeente, van 1 april tot en met 31 december 2026." */
export function useProvisionWords() {
  const { t, lang } = usePortal();
  const date = useDate();
  return (p: Provision): string => {
    const amount = p.volume !== null && p.unit ? `${p.volume} ${p.unit[lang]}${p.frequency ? ` ${p.frequency[lang]}` : ''}, ` : '';
    const budget = p.budgetCents !== null ? `${(p.budgetCents / 100).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' })}, ` : '';
    const period = p.validTo ? `${t('decisions.from')} ${date(p.validFrom)} ${t('decisions.until')} ${date(p.validTo)}` : `${t('decisions.since')} ${date(p.validFrom)}`;
    return `${p.what}: ${amount}${budget}${t(p.form === 'pgb' ? 'decisions.pgb' : 'decisions.zin')}, ${period}.`;
  };
}

/** "Besluiten" on the portal home: each decision in words, its letter, the last day to object and any objection lodged. */
export function DecisionsSection() {
  const { api, person, t, tx, lang } = usePortal();
  const date = useDate();
  const words = useProvisionWords();
  const [decisions, setDecisions] = useState<PortalDecision[] | null>(null);
  const [letters, setLetters] = useState<Letter[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.decisions(person.ref).then(setDecisions, (e: unknown) => setError(problemText(e, lang, t('app.error'))));
    api.letters(person.ref).then(setLetters, () => setLetters([]));
  }, [api, person.ref, lang, t]);

  return (
    <section aria-labelledby="home-decisions">
      <Heading2 id="home-decisions">{t('decisions.title')}</Heading2>
      {error ? <ErrorText>{error}</ErrorText> : null}
      {decisions && decisions.length === 0 ? <Paragraph>{t('decisions.none')}</Paragraph> : null}
      {decisions?.map((d) => {
        const letter = letters.find((l) => l.decisionId === d.id);
        const lodged = d.objections[0];
        return (
          <article key={d.id} className="kern-portal-card" aria-labelledby={`decision-${d.id}`} data-decision={d.id}>
            <Heading3 id={`decision-${d.id}`}>{`${t('decisions.decidedOn')} ${date(d.decidedOn)}: ${tx(`law.${d.law}`)}`}</Heading3>
            <Paragraph>{t(`decisions.${d.outcome}`)}</Paragraph>
            {d.provisions.length > 0 ? (
              <>
                <Paragraph>{`${t('decisions.youGet')}:`}</Paragraph>
                <ul className="kern-portal-list">
                  {d.provisions.map((p, i) => (
                    <li key={i}>
                      {words(p)} {p.provider ? `${t('decisions.provider')}: ${p.provider}.` : t('decisions.noProviderYet')}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <Paragraph>{`${t('decisions.why')}: ${d.reasons}`}</Paragraph>
            {letter ? (
              <Paragraph>
                <Link href={api.letterUrl(person.ref, letter.id)} download={`brief-${letter.createdAt.slice(0, 10)}.pdf`}>
                  {`${t('decisions.letter')}: ${letter.title}`}
                </Link>
              </Paragraph>
            ) : null}
            {lodged ? (
              <div aria-label={t('decisions.objections')} role="group">
                <Paragraph>
                  {`${t('decisions.objections')} (${lodged.caseReference}). ${t('decisions.lodgedOn')} ${date(lodged.lodgedOn)}.`}
                  {lodged.late ? ` ${lodged.lateReason ? `${t('decisions.markedLate')} ${lodged.lateReason}` : t('decisions.markedLateNoReason')}` : ''}
                </Paragraph>
                {lodged.status ? <Paragraph>{`${lodged.status.now[lang]} ${lodged.status.next[lang]}`}</Paragraph> : null}
                {lodged.decisionDue ? (
                  <Paragraph>
                    {`${t('decisions.decideBy')} ${date(lodged.decisionDue)}. `}
                    <span className="kern-portal-hint">{lodged.decisionDueExplanation[lang]}</span>
                  </Paragraph>
                ) : null}
              </div>
            ) : (
              <>
                <Paragraph>
                  {d.objection.inTime ? `${t('decisions.objectUntil')} ${date(d.objection.until)}. ` : `${t('decisions.objectLate')} ${date(d.objection.until)}. ${t('decisions.objectLateHint')} `}
                  <span className="kern-portal-hint">{d.objection.explanation[lang]}</span>
                </Paragraph>
                <Paragraph>
                  <AppLink href={`${portalPaths.objection}?besluit=${encodeURIComponent(d.id)}`} className="utrecht-button utrecht-button--secondary-action">
                    {t('decisions.object')}
                  </AppLink>
                </Paragraph>
              </>
            )}
          </article>
        );
      })}
    </section>
  );
}
