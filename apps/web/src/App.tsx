import { SkipLink } from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createApi, type Problem, type Session } from './api';
import { AppContext, type AppState } from './app-context';
import { Loading, ProblemAlert, toProblem } from './components/Alerts';
import { Header, Logo } from './components/Header';
import { LanguageSwitch } from './components/LanguageSwitch';
import { loadLang, saveLang, translate, type Lang, type MessageKey } from './i18n';
import { AccessRequestsPage } from './pages/AccessRequestsPage';
import { AuditLogPage } from './pages/AuditLogPage';
import { CasePage } from './pages/CasePage';
import { ForbiddenPage } from './pages/ForbiddenPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PasswordPage } from './pages/PasswordPage';
import { ResidentPage } from './pages/ResidentPage';
import { SearchPage, type SearchMemory } from './pages/SearchPage';
import { WerkwijzeComparePage } from './pages/WerkwijzeComparePage';
import { WerkwijzeEditorPage } from './pages/WerkwijzeEditorPage';
import { WerkwijzenPage } from './pages/WerkwijzenPage';
import { WerkwijzeViewerPage } from './pages/WerkwijzeViewerPage';
import { WorklistPage } from './pages/WorklistPage';
import { PortalInboxPage } from './pages/PortalInboxPage';
// pages of the integral client view
import { HouseholdPage } from './pages/HouseholdPage';
import { PlanPage } from './pages/PlanPage';

// pages of the exchange
import { INVOICE_ROLE } from './api/exchange';
import { InvoiceInboxPage } from './pages/InvoiceInboxPage';

// pages of the product catalogue and contracting
import { CataloguePage } from './pages/CataloguePage';
import { ContractPage } from './pages/ContractPage';
import { ContractsPage } from './pages/ContractsPage';
// pages of provisions: decisions and allocations
import { ClientAllocationsPage } from './pages/ClientAllocationsPage';
import { ProviderAllocationsPage } from './pages/ProviderAllocationsPage';
// exchange regie messages
import { RegieRequestsPage } from './pages/RegieRequestsPage';

// pages of debt help
import { DebtFilePage } from './pages/DebtFilePage';
import { DebtFundPage } from './pages/DebtFundPage';
import { DebtFundStatementPage } from './pages/DebtFundStatementPage';
import { DebtPage } from './pages/DebtPage';
import { NormTablesPage } from './pages/NormTablesPage';
import { AccessPolicyPage } from './pages/AccessPolicyPage';

// pages of insight
import { ExperimentsPage } from './pages/ExperimentsPage';
import { InsightPage } from './pages/InsightPage';
import { LeertafelPage } from './pages/LeertafelPage';

import type { Role } from '@kern/access/contract';
import { loadPurpose, savePurpose, type Purpose } from './purpose';
import { markPageChange, matchRoute, navigate, paths, useLocation } from './router';
import { startPage } from './start-page';
import { FUNCTIONAL_ADMINISTRATOR, isCaseworker } from './werkwijze';

/** Roles that read steering figures (insight). */
const STEERING: readonly Role[] = ['quality-analyst', 'functional-administrator', 'auditor'];

export function App() {
  const [lang, setLangState] = useState<Lang>(loadLang);
  const [purpose, setPurposeState] = useState<Purpose | null>(loadPurpose);
  // undefined while we ask the server whether a session exists.
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [startupProblem, setStartupProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  // Search results survive a visit to a resident page, in memory only (never in storage or the URL).
  const searchMemory = useRef<SearchMemory | null>(null);

  // The API reads these at call time; refs keep one client for the app's lifetime.
  const langRef = useRef(lang);
  const purposeRef = useRef(purpose);
  const csrfRef = useRef<string | null>(null);
  langRef.current = lang;
  purposeRef.current = purpose;
  csrfRef.current = session?.csrfToken ?? null;

  const api = useMemo(
    () =>
      createApi({
        lang: () => langRef.current,
        purpose: () => purposeRef.current,
        csrfToken: () => csrfRef.current,
        onUnauthenticated: () => {
          setSession((current) => {
            if (current) setNotice('login.expired');
            return null;
          });
          searchMemory.current = null;
        },
      }),
    [],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    api.currentSession().then(setSession, (error: unknown) => {
      setStartupProblem(toProblem(error));
      setSession(null);
    });
  }, [api]);

  const setLang = useCallback((next: Lang) => {
    saveLang(next);
    setLangState(next);
  }, []);

  const setPurpose = useCallback((next: Purpose | null) => {
    savePurpose(next);
    setPurposeState(next);
  }, []);

  const t = useCallback((key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars), [lang]);

  const state: AppState = useMemo(
    () => ({ lang, t, setLang, purpose, setPurpose, api, session: session ?? null }),
    [lang, t, setLang, purpose, setPurpose, api, session],
  );

  const { pathname } = useLocation();
  const route = matchRoute(pathname);

  // Without a session every URL shows the login form, so after login the same URL shows what was
  // asked for. With a session, / and /login move on to the start page of the person's role.
  const landing = session ? startPage(session.account.roles) : paths.search;
  useEffect(() => {
    if (session && (route.name === 'login' || route.name === 'home')) navigate(landing, { replace: true });
  }, [session, route.name, landing]);

  const onLogin = (next: Session) => {
    markPageChange();
    setNotice(null);
    setStartupProblem(null);
    setSession(next);
  };

  const onLogout = () => {
    const done = () => {
      searchMemory.current = null;
      setPurpose(null);
      setSession(null);
      setNotice('login.loggedOut');
      navigate(paths.login);
    };
    // Leave locally even when the server cannot be reached; the server session then expires by itself.
    api.logout().then(done, done);
  };

  let page: ReactNode;
  if (session === undefined) {
    page = <Loading />;
  } else if (!session) {
    page = (
      <>
        {startupProblem && <ProblemAlert problem={startupProblem} />}
        <LoginPage notice={notice} onLogin={onLogin} />
      </>
    );
  } else {
    switch (route.name) {
      case 'home':
      case 'login':
        page = <Loading />;
        break;
      case 'search':
        page = <SearchPage memory={searchMemory} />;
        break;
      case 'worklist':
        page = <WorklistPage />;
        break;
      case 'portalInbox':
        page = isCaseworker(session.account.roles) ? <PortalInboxPage /> : <ForbiddenPage />;
        break;
      case 'case':
        page = <CasePage key={route.id} id={route.id} />;
        break;
      case 'werkwijzen':
        page = <WerkwijzenPage />;
        break;
      case 'werkwijze':
        page = <WerkwijzeViewerPage key={`${route.id}@${route.version}`} id={route.id} version={route.version} />;
        break;
      case 'werkwijzeNew':
        page = session.account.roles.includes(FUNCTIONAL_ADMINISTRATOR) ? <WerkwijzeEditorPage /> : <ForbiddenPage reason="forbidden.functionalAdministrator" />;
        break;
      case 'werkwijzeCompare':
        page = <WerkwijzeComparePage />;
        break;
      case 'resident':
        page = <ResidentPage key={route.bsn} bsn={route.bsn} />;
        break;
      case 'audit':
        page = session.account.roles.includes('auditor') ? <AuditLogPage /> : <ForbiddenPage />;
        break;
      case 'password':
        page = <PasswordPage />;
        break;
      // integral client view
      case 'household':
        page = <HouseholdPage key={route.bsn} bsn={route.bsn} />;
        break;
      case 'plan':
        page = <PlanPage key={route.bsn} bsn={route.bsn} />;
        break;

      // exchange
      case 'invoices':
        page = session.account.roles.includes(INVOICE_ROLE) ? <InvoiceInboxPage /> : <ForbiddenPage />;
        break;

      // product catalogue and contracting
      case 'catalogue':
        page = <CataloguePage />;
        break;
      case 'contracts':
        page = <ContractsPage />;
        break;
      case 'contract':
        page = <ContractPage key={route.id} id={route.id} />;
        break;
      // provisions: decisions and allocations
      case 'clientAllocations':
        page = <ClientAllocationsPage key={route.bsn} bsn={route.bsn} />;
        break;
      case 'providerAllocations':
        page = <ProviderAllocationsPage />;
        break;
      // exchange regie messages
      case 'regieRequests':
        page = <RegieRequestsPage />;
        break;

      // debt
      case 'debt':
        page = <DebtPage />;
        break;
      case 'debtFile':
        page = <DebtFilePage key={route.id} id={route.id} />;
        break;
      case 'debtFund':
        page = <DebtFundPage />;
        break;
      case 'debtFundStatement':
        page = <DebtFundStatementPage key={route.id} id={route.id} />;
        break;
      case 'debtNormTables':
        page = <NormTablesPage />;
        break;

      // insight
      case 'insight':
        page = STEERING.some((r) => session.account.roles.includes(r)) ? <InsightPage /> : <ForbiddenPage />;
        break;
      case 'experiments':
        page = STEERING.some((r) => session.account.roles.includes(r)) ? <ExperimentsPage /> : <ForbiddenPage />;
        break;
      case 'leertafel':
        page = <LeertafelPage />;
        break;
      case 'accessRequests':
        page = <AccessRequestsPage />;
        break;
      // access policy (four eyes)
      case 'accessPolicy':
        page = session.account.roles.includes(FUNCTIONAL_ADMINISTRATOR) ? <AccessPolicyPage /> : <ForbiddenPage reason="forbidden.functionalAdministrator" />;
        break;

      case 'notFound':
        page = <NotFoundPage />;
        break;
    }
  }

  return (
    <AppContext.Provider value={state}>
      <SkipLink href="#main">{t('skip.link')}</SkipLink>
      {session ? (
        <Header onLogout={onLogout} />
      ) : (
        <header className="kern-header">
          <div className="kern-header__bar">
            <Logo />
            <LanguageSwitch />
          </div>
        </header>
      )}
      <main id="main" tabIndex={-1} className="kern-main">
        {page}
      </main>
    </AppContext.Provider>
  );
}
