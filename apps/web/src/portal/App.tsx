import { Button, ButtonGroup, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AppLink, markPageChange, navigate, useLocation } from '../router';
import { createPortalApi, type PortalSession } from './api';
import { ErrorText } from './components';
import { PortalContext, type PortalState } from './context';
import { portalMessages, portalText, type PortalKey, type PortalLang } from './messages';
import { DataPage } from './pages/DataPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { MessagesPage } from './pages/MessagesPage';
import { ObjectionPage } from './pages/ObjectionPage';
import { PlanPage } from './pages/PlanPage';
import { RequestPage } from './pages/RequestPage';
import { TogetherPage } from './pages/TogetherPage';
import { portalPaths } from './paths';



const NAV: { path: string; key: PortalKey }[] = [
  { path: portalPaths.home, key: 'nav.home' },
  { path: portalPaths.request, key: 'nav.request' },
  { path: portalPaths.plan, key: 'nav.plan' },
  { path: portalPaths.messages, key: 'nav.messages' },
  { path: portalPaths.data, key: 'nav.data' },
  { path: portalPaths.together, key: 'nav.together' },
];

const LANG_KEY = 'kern.portal.lang';
const PERSON_KEY = 'kern.portal.person';
const loadLang = (): PortalLang => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'nl');

export function PortalApp() {
  const [lang, setLangState] = useState<PortalLang>(loadLang);
  const [session, setSession] = useState<PortalSession | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  const [personRef, setPersonRefState] = useState<string | null>(() => sessionStorage.getItem(PERSON_KEY));
  const { pathname } = useLocation();
  const langRef = useRef(lang);
  const csrfRef = useRef<string | null>(null);
  langRef.current = lang;
  csrfRef.current = session?.csrfToken ?? null;

  const api = useMemo(
    () =>
      createPortalApi({
        lang: () => langRef.current,
        csrfToken: () => csrfRef.current,
        onUnauthenticated: () =>
          setSession((current) => {
            if (current) setExpired(true);
            return null;
          }),
      }),
    [],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem(LANG_KEY, lang);
  }, [lang]);

  useEffect(() => {
    api.session().then(setSession, () => setSession(null));
  }, [api]);

  const setPersonRef = useCallback((ref: string) => {
    sessionStorage.setItem(PERSON_KEY, ref);
    setPersonRefState(ref);
  }, []);

  const t = useCallback((key: PortalKey) => portalMessages[lang][key], [lang]);
  const tx = useCallback((key: string) => portalText(lang, key, key.split('.').slice(1).join('.')), [lang]);

  const langSwitch = (
    <div role="group" aria-label={t('lang.label')} className="kern-lang-switch">
      {(['nl', 'en'] as const).map((code) => (
        <Button key={code} appearance="subtle-button" lang={code} pressed={code === lang} onClick={() => setLangState(code)}>
          {portalMessages[code][`lang.${code}`]}
        </Button>
      ))}
    </div>
  );

  if (session === undefined) {
    return (
      <main id="main" className="kern-main" aria-busy="true">
        <Paragraph>{t('app.loading')}</Paragraph>
      </main>
    );
  }

  if (session === null) {
    return (
      <>
        <SkipLink href="#main">{t('app.skip')}</SkipLink>
        <header className="kern-header">
          <div className="kern-header__bar">
            <span className="kern-portal-logo">{t('app.name')}</span>
            {langSwitch}
          </div>
        </header>
        <main id="main" className="kern-main" tabIndex={-1}>
          {expired ? <ErrorText>{t('app.expired')}</ErrorText> : null}
          <LoginPage
            t={t}
            api={api}
            onLoggedIn={(s) => {
              // The home page's h1 takes focus, as after every navigation (not BODY).
              markPageChange();
              setExpired(false);
              setSession(s);
            }}
          />
        </main>
      </>
    );
  }

  const person = session.people.find((p) => p.ref === personRef) ?? session.people[0];
  if (!person) return <ErrorText>{t('app.error')}</ErrorText>;

  const state: PortalState = { lang, setLang: setLangState, t, tx, api, session, person, setPersonRef };
  const path = pathname.replace(/\/+$/, '') || '/portaal';
  const page =
    path === portalPaths.request ? <RequestPage key={person.ref} />
    : path === portalPaths.plan ? <PlanPage key={person.ref} />
    : path === portalPaths.data ? <DataPage key={person.ref} />
    : path === portalPaths.messages ? <MessagesPage key={person.ref} />
    : path === portalPaths.together ? <TogetherPage key={person.ref} />
    : path === portalPaths.objection ? <ObjectionPage key={person.ref} />
    : <HomePage key={person.ref} />;

  return (
    <PortalContext.Provider value={state}>
      <SkipLink href="#main">{t('app.skip')}</SkipLink>
      <header className="kern-header">
        <div className="kern-header__bar">
          <span className="kern-portal-logo">{t('app.name')}</span>
          {langSwitch}
        </div>
        <div className="kern-header__tools">
          {session.people.length > 1 ? (
            <label className="kern-portal-person">
              {t('app.actingFor')}{' '}
              <select className="utrecht-select" value={person.ref} onChange={(e) => setPersonRef(e.target.value)}>
                {session.people.map((p) => (
                  <option key={p.ref} value={p.ref}>
                    {p.name} ({tx(`relation.${p.relation}`)})
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span>{session.name}</span>
          )}
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              onClick={() => {
                void api.logout().finally(() => {
                  sessionStorage.removeItem(PERSON_KEY);
                  setSession(null);
                  navigate(portalPaths.home);
                });
              }}
            >
              {t('app.logout')}
            </Button>
          </ButtonGroup>
        </div>
        <nav aria-label={t('app.nav')} className="kern-portal-nav">
          <ul>
            {NAV.map((n) => (
              <li key={n.path}>
                <AppLink href={n.path} aria-current={(path === n.path.replace(/\/+$/, '') || (n.path === portalPaths.home && path === '/portaal')) ? 'page' : undefined}>
                  {t(n.key)}
                </AppLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="kern-main" tabIndex={-1}>
        {page}
      </main>
    </PortalContext.Provider>
  );
}
