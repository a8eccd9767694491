import { Button, ButtonGroup, FormField, FormLabel, Heading2, Heading3, Link, Paragraph, PrimaryActionButton, Textarea, Textbox } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { planAdditionInputSchema, planChangeInputSchema } from '@kern/portal/contract';
import { problemText, type PortalPlan } from '../api';
import type { PortalKey } from '../messages';
import { Done, ErrorText, PortalTitle, useDate } from '../components';
import { usePortal } from '../context';
import { checkForm } from '../validate';

/** Fills {name} placeholders in a portal text. */
const fill = (text: string, vars: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (m, k: string) => String(vars[k] ?? m));

type Changes = NonNullable<PortalPlan['changesSinceMyAgreement']>;

/** What changed since the version the person agreed to, in words (the server computes the differences). */
function PlanChanges({ changes }: { changes: Changes }) {
  const { t } = usePortal();
  const date = useDate();
  const value = (field: string, v: string) => (field === 'dueDate' ? date(v) : field === 'status' ? t(`plan.status.${v}` as PortalKey) ?? v : v);
  return (
    <section aria-labelledby="plan-changes">
      <Heading3 id="plan-changes">{t('plan.changesTitle')}</Heading3>
      <Paragraph>{changes.sinceVersion === null ? t('plan.changesFirst') : fill(t('plan.changesSince'), { since: changes.sinceVersion })}</Paragraph>
      {changes.items.length === 0 ? <Paragraph>{t('plan.changesNone')}</Paragraph> : (
        <ul className="kern-portal-list">
          {changes.items.map((item, i) => (
            <li key={`${item.kind}-${item.change}-${i}`}>
              {fill(t(`plan.change.${item.kind}.${item.change}` as PortalKey), { text: item.text })}
              {item.fields.length > 0 ? ` (${item.fields.map((f) => fill(t(`plan.field.${f.field}` as PortalKey), { before: value(f.field, f.before), after: value(f.field, f.after) })).join('; ')})` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** My plan: the latest version first; see what changed, agree in two steps, download it, or ask for a change. */
export function PlanPage() {
  const { api, person, t, lang } = usePortal();
  const date = useDate();
  const [plan, setPlan] = useState<PortalPlan | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [change, setChange] = useState('');
  const [action, setAction] = useState('');
  const [due, setDue] = useState('');
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  useEffect(() => {
    api.plan(person.ref).then(setPlan, (e: unknown) => setError(problemText(e, lang, t('app.error'))));
  }, [api, person.ref, lang, t]);

  const fail = (e: unknown) => setError(problemText(e, lang, t('app.error')));
  /** Shows the first problem the route's schema finds, and puts the cursor in that field. */
  const invalid = (checked: { message: string; id: string }) => {
    setError(checked.message);
    document.getElementById(checked.id)?.focus();
  };
  const latest = plan?.versions.at(-1);

  return (
    <>
      <PortalTitle>{t('plan.title')}</PortalTitle>
      <Paragraph>{t('plan.intro')}</Paragraph>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <Done>{done}</Done>
      {plan === undefined && !error ? <Paragraph aria-busy="true">{t('app.loading')}</Paragraph> : null}
      {plan === null ? <Paragraph>{t('plan.none')}</Paragraph> : null}
      {plan && latest ? (
        <>
          <Paragraph>{`${t('plan.coordinator')}: ${plan.coordinator}`}</Paragraph>
          <Heading2>{`${t('plan.version')} ${latest.version}: ${t(`plan.state.${latest.state}`)}`}</Heading2>
          {latest.changeNote ? <Paragraph>{latest.changeNote}</Paragraph> : null}
          <Heading3>{t('plan.goals')}</Heading3>
          <ul className="kern-portal-list">
            {latest.goals.map((g) => (
              <li key={g.id}>{`${g.text}${g.mine ? ` (${t('plan.mine')})` : ''}`}</li>
            ))}
          </ul>
          <Heading3>{t('plan.actions')}</Heading3>
          <ul className="kern-portal-list">
            {latest.actions.map((a) => (
              <li key={a.id}>{`${a.text} — ${t('plan.who')}: ${a.owner.name}; ${t('plan.when')}: ${date(a.dueDate)}`}</li>
            ))}
          </ul>
          <Heading3>{t('plan.agreements')}</Heading3>
          <ul className="kern-portal-list">
            {latest.agreements.map((a) => (
              <li key={a.id}>{a.text}</li>
            ))}
          </ul>
          {latest.agreedByMe ? <Paragraph>{t('plan.agreed')}</Paragraph> : null}
          {!latest.agreedByMe && plan.changesSinceMyAgreement ? <PlanChanges changes={plan.changesSinceMyAgreement} /> : null}
          {!latest.agreedByMe && confirming ? (
            <section aria-labelledby="plan-confirm" className="kern-portal-confirm">
              <Heading3 id="plan-confirm" tabIndex={-1} ref={confirmHeading}>{t('plan.confirmTitle')}</Heading3>
              <Paragraph>{fill(t('plan.confirmText'), { version: latest.version })}</Paragraph>
              <ButtonGroup>
                <PrimaryActionButton
                  onClick={() => {
                    setError(null);
                    api.agree(person.ref, plan.id, latest.version).then((p) => {
                      setPlan(p);
                      setConfirming(false);
                      setDone(t('plan.agreed'));
                    }, fail);
                  }}
                >
                  {fill(t('plan.confirm'), { version: latest.version })}
                </PrimaryActionButton>
                <Button appearance="secondary-action-button" onClick={() => setConfirming(false)}>{t('plan.back')}</Button>
              </ButtonGroup>
            </section>
          ) : null}
          <ButtonGroup>
            {!latest.agreedByMe && !confirming ? (
              <PrimaryActionButton onClick={() => { setError(null); setConfirming(true); }}>
                {fill(t('plan.agreeStart'), { version: latest.version })}
              </PrimaryActionButton>
            ) : null}
            <Link href={api.planPdfUrl(person.ref, plan.id, latest.version)} download={`mijn-plan-versie-${latest.version}.pdf`} className="utrecht-button utrecht-button--secondary-action">
              {fill(t('plan.pdf'), { version: latest.version })}
            </Link>
            {plan.agreedVersion !== null ? (
              <Button appearance="secondary-action-button" aria-expanded={asking} onClick={() => setAsking(!asking)}>
                {t('plan.change')}
              </Button>
            ) : null}
          </ButtonGroup>
          {asking ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                setError(null);
                const checked = checkForm(planChangeInputSchema, { request: change }, lang, { request: { id: 'change', label: t('plan.changeLabel') } });
                if (!checked.ok) return invalid(checked);
                api.askChange(person.ref, plan.id, checked.value.request).then((p) => {
                  if (p) setPlan(p);
                  setAsking(false);
                  setChange('');
                  setDone(t('plan.changeSent'));
                }, fail);
              }}
            >
              <FormField label={<FormLabel htmlFor="change">{t('plan.changeLabel')}</FormLabel>} input={<Textarea id="change" rows={4} value={change} onChange={(e) => setChange(e.target.value)} />} />
              <ButtonGroup>
                <PrimaryActionButton type="submit">{t('plan.changeSend')}</PrimaryActionButton>
              </ButtonGroup>
            </form>
          ) : null}
          <Heading2>{t('plan.add')}</Heading2>
          <Paragraph>{t('plan.addIntro')}</Paragraph>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setError(null);
              const checked = checkForm(planAdditionInputSchema, { action: { text: action, dueDate: due } }, lang, {
                'action.text': { id: 'own-action', label: t('plan.addAction') },
                'action.dueDate': { id: 'own-action-date', label: t('plan.addDate') },
              });
              if (!checked.ok) return invalid(checked);
              api.addToPlan(person.ref, plan.id, checked.value).then((p) => {
                setPlan(p);
                setAction('');
                setDue('');
                setDone(t('plan.added'));
              }, fail);
            }}
          >
            <FormField label={<FormLabel htmlFor="own-action">{t('plan.addAction')}</FormLabel>} input={<Textbox id="own-action" value={action} onChange={(e) => setAction(e.target.value)} />} />
            <FormField label={<FormLabel htmlFor="own-action-date">{t('plan.addDate')}</FormLabel>} input={<Textbox id="own-action-date" type="date" value={due} onChange={(e) => setDue(e.target.value)} />} />
            <ButtonGroup>
              <PrimaryActionButton type="submit">{t('plan.addSend')}</PrimaryActionButton>
            </ButtonGroup>
          </form>
        </>
      ) : null}
    </>
  );
}
