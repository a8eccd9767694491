import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { AppLink } from '../../router';
import { problemText, type Home } from '../api';
import { portalPaths } from '../paths';
import { CaseCard } from './CaseCard';
import { DecisionsSection } from './DecisionsSection';
import { LettersSection } from './LettersSection';
import { ErrorText, PortalTitle } from '../components';
import { usePortal } from '../context';

export function HomePage() {
  const { api, person, t, tx, lang, session } = usePortal();
  const [home, setHome] = useState<Home | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.home(person.ref).then(setHome, (e: unknown) => setError(problemText(e, lang, t('app.error'))));
  }, [api, person.ref, lang, t]);

  const plan = home?.plan;
  const latest = plan?.versions.at(-1);
  return (
    <>
      <PortalTitle>{`${t('home.welcome')}, ${session.name}`}</PortalTitle>
      {person.relation !== 'self' ? <Paragraph>{`${t('app.actingFor')} ${person.name} (${tx(`relation.${person.relation}`)})`}</Paragraph> : null}
      {error ? <ErrorText>{error}</ErrorText> : null}
      {!home && !error ? <Paragraph aria-busy="true">{t('app.loading')}</Paragraph> : null}
      {home ? (
        <>
          <section aria-labelledby="home-messages">
            <Heading2 id="home-messages">{t('home.messages')}</Heading2>
            <Paragraph>
              {home.unreadMessages > 0 ? <AppLink href={portalPaths.messages}>{`${t('home.unread')}: ${home.unreadMessages}`}</AppLink> : t('home.noUnread')}
            </Paragraph>
          </section>
          <section aria-labelledby="home-plan">
            <Heading2 id="home-plan">{t('home.plan')}</Heading2>
            {!plan ? <Paragraph>{t('home.noPlan')}</Paragraph> : null}
            {plan && latest && latest.state === 'draft' ? (
              <Paragraph>
                <AppLink href={portalPaths.plan}>{t('home.planToAgree')}</AppLink>
              </Paragraph>
            ) : null}
            {plan && plan.agreedVersion !== null && latest?.state !== 'draft' ? (
              <Paragraph>
                <AppLink href={portalPaths.plan}>{`${t('home.planAgreed')} ${plan.agreedVersion}`}</AppLink>
              </Paragraph>
            ) : null}
          </section>
          {home.drafts.length > 0 ? (
            <section aria-labelledby="home-drafts">
              <Heading2 id="home-drafts">{t('home.drafts')}</Heading2>
              <ul className="kern-portal-list">
                {home.drafts.map((d) => (
                  <li key={d.id}>
                    <AppLink href={`${portalPaths.request}?concept=${encodeURIComponent(d.id)}`}>
                      {`${t('home.continueDraft')}${d.topic ? `: ${tx(`topic.${d.topic}`)}` : ''}`}
                    </AppLink>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <DecisionsSection />
          <LettersSection />
          <section aria-labelledby="home-cases">
            <Heading2 id="home-cases">{t('home.cases')}</Heading2>
            {home.cases.length === 0 ? <Paragraph>{t('home.noCases')}</Paragraph> : home.cases.map((c) => <CaseCard key={c.id} c={c} />)}
          </section>
        </>
      ) : null}
    </>
  );
}
