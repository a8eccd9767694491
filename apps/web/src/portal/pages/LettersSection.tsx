import { Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { problemText, type Letter } from '../api';
import { ErrorText, useDate } from '../components';
import { usePortal } from '../context';

/** "Brieven" on the portal home: the letters the municipality sent the person, each a PDF download (audited). */
export function LettersSection() {
  const { api, person, t, lang } = usePortal();
  const date = useDate();
  const [letters, setLetters] = useState<Letter[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.letters(person.ref).then(setLetters, (e: unknown) => setError(problemText(e, lang, t('app.error'))));
  }, [api, person.ref, lang, t]);

  return (
    <section aria-labelledby="home-letters">
      <Heading2 id="home-letters">{t('letters.title')}</Heading2>
      {error ? <ErrorText>{error}</ErrorText> : null}
      {letters && letters.length === 0 ? <Paragraph>{t('letters.none')}</Paragraph> : null}
      {letters && letters.length > 0 ? (
        <ul className="kern-portal-list">
          {letters.map((l) => (
            <li key={l.id} data-letter={l.id}>
              <Paragraph>{`${l.title}. ${t('letters.sent')} ${date(l.createdAt)}.${l.delivery === 'print' ? ` ${t('letters.byPost')}` : ''}`}</Paragraph>
              <Link href={api.letterUrl(person.ref, l.id)} download={`brief-${l.createdAt.slice(0, 10)}.pdf`} className="utrecht-button utrecht-button--secondary-action">
                {`${t('letters.download')}: ${l.title}`}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
