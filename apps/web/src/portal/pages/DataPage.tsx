import { Button, ButtonGroup, FormField, FormFieldDescription, FormLabel, Heading2, Link, Paragraph, PrimaryActionButton, Textbox } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { problemText, type Consent, type MyData } from '../api';
import { Done, ErrorText, PortalTitle, useDate } from '../components';
import { usePortal } from '../context';
import { AccessLog } from './AccessLog';

/** My data: what is held, who looked and why (role, team, purpose), consents, downloads. */
export function DataPage() {
  const { api, person, t, tx, lang } = usePortal();
  const date = useDate();
  const [data, setData] = useState<MyData | null>(null);
  const [consents, setConsents] = useState<Consent[]>([]);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const fail = (e: unknown) => setError(problemText(e, lang, t('app.error')));

  useEffect(() => {
    api.myData(person.ref).then((d) => {
      setData(d);
      setEmail(d.contactEmail ?? '');
    }, fail);
    api.consents(person.ref).then(setConsents, fail);
  }, [api, person.ref]);

  return (
    <>
      <PortalTitle>{t('data.title')}</PortalTitle>
      <Paragraph>{t('data.intro')}</Paragraph>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <Done>{done}</Done>
      <ButtonGroup>
        <Link href={api.exportUrl(person.ref, 'pdf')} download="mijn-gegevens.pdf" className="utrecht-button utrecht-button--secondary-action">
          {t('data.downloadPdf')}
        </Link>
        <Link href={api.exportUrl(person.ref, 'json')} download="mijn-gegevens.json" className="utrecht-button utrecht-button--secondary-action">
          {t('data.downloadJson')}
        </Link>
      </ButtonGroup>
      {data?.registry ? (
        <section aria-labelledby="data-registry">
          <Heading2 id="data-registry">{t('data.registry')}</Heading2>
          <dl className="kern-portal-card">
            <dt>{t('data.name')}</dt>
            <dd>{data.registry.name}</dd>
            <dt>{t('data.birthDate')}</dt>
            <dd>{date(data.registry.birthDate)}</dd>
            <dt>{t('data.address')}</dt>
            <dd>{data.registry.address ?? '-'}</dd>
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="data-consents">
        <Heading2 id="data-consents">{t('data.consents')}</Heading2>
        <Paragraph>{t('data.consentsIntro')}</Paragraph>
        {consents.length === 0 ? <Paragraph>{t('data.noConsents')}</Paragraph> : null}
        {consents.map((c) => (
          <div key={c.id} className="kern-portal-card">
            <Paragraph>{`${t('data.consentFor')}: ${tx(`purpose.${c.purpose}`)}. ${t('data.consentWith')}: ${tx(`role.${c.recipient}`)}. ${t('data.consentData')}: ${c.dataCategories.map((d) => tx(`purpose.${d}`)).join(', ')}.`}</Paragraph>
            {c.inEffect ? (
              <ButtonGroup>
                <Button
                  appearance="secondary-action-button"
                  onClick={() => {
                    setError(null);
                    api.withdraw(person.ref, c.id).then((list) => {
                      setConsents(list);
                      setDone(t('data.withdrawDone'));
                    }, fail);
                  }}
                >
                  {t('data.withdraw')}
                </Button>
              </ButtonGroup>
            ) : (
              <Paragraph>{`${t('data.withdrawn')}: ${date(c.withdrawnAt)}`}</Paragraph>
            )}
          </div>
        ))}
      </section>
      <section aria-labelledby="data-email">
        <Heading2 id="data-email">{t('data.email')}</Heading2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            api.setEmail(person.ref, email.trim() || null).then(() => setDone(t('data.emailSaved')), fail);
          }}
        >
          <FormField
            label={<FormLabel htmlFor="contact-email">{t('request.email')}</FormLabel>}
            description={<FormFieldDescription id="contact-email-hint">{t('data.emailHint')}</FormFieldDescription>}
            input={<Textbox id="contact-email" type="email" autoComplete="email" aria-describedby="contact-email-hint" value={email} onChange={(e) => setEmail(e.target.value)} />}
          />
          <ButtonGroup>
            <PrimaryActionButton type="submit">{t('data.emailSave')}</PrimaryActionButton>
          </ButtonGroup>
        </form>
      </section>
      <AccessLog />
    </>
  );
}
