import { ButtonGroup, Heading2, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { problemText, type Offering } from '../api';
import { Done, ErrorText, PortalTitle, useDate } from '../components';
import { usePortal } from '../context';

/** Together: group offerings and peer groups, nearby first, with sign-up. */
export function TogetherPage() {
  const { api, person, t, lang } = usePortal();
  const date = useDate();
  const [offerings, setOfferings] = useState<Offering[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const fail = (e: unknown) => setError(problemText(e, lang, t('app.error')));

  useEffect(() => {
    api.offerings(person.ref).then(setOfferings, fail);
  }, [api, person.ref]);

  return (
    <>
      <PortalTitle>{t('together.title')}</PortalTitle>
      <Paragraph>{t('together.intro')}</Paragraph>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <Done>{done}</Done>
      {offerings?.length === 0 ? <Paragraph>{t('together.none')}</Paragraph> : null}
      {(offerings ?? []).map((o) => (
        <article key={o.id} className="kern-portal-card" aria-labelledby={`offering-${o.id}`}>
          <Heading2 id={`offering-${o.id}`}>{o.name}</Heading2>
          {o.near ? <Paragraph><strong>{t('together.near')}</strong></Paragraph> : null}
          <Paragraph>{o.description}</Paragraph>
          <Paragraph>{`${t('together.where')}: ${o.location ?? '-'}. ${t('together.from')} ${date(o.startsOn)}.${o.placesLeft !== null ? ` ${t('together.places')}: ${o.placesLeft}.` : ''}`}</Paragraph>
          {o.enrolled ? (
            <Paragraph>{t('together.joined')}</Paragraph>
          ) : (
            <ButtonGroup>
              <PrimaryActionButton
                aria-describedby={`offering-${o.id}`}
                onClick={() => {
                  setError(null);
                  api.join(person.ref, o.id).then((list) => {
                    setOfferings(list);
                    setDone(t('together.joined'));
                  }, fail);
                }}
              >
                {t('together.join')}
              </PrimaryActionButton>
            </ButtonGroup>
          )}
        </article>
      ))}
    </>
  );
}
