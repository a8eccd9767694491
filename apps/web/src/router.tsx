/**
 * A tiny history router: the server answers every non-API path with index.html, so real paths work
 * on reload and links stay real <a href> elements (keyboard, middle-click, open in new tab).
 */
import { Link, type LinkProps } from '@utrecht/component-library-react';
import { useSyncExternalStore, type MouseEvent } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'search' }
  | { name: 'resident'; bsn: string }
  | { name: 'audit' }
  | { name: 'password' }
  | { name: 'worklist' }
  | { name: 'case'; id: string }
  | { name: 'werkwijzen' }
  | { name: 'werkwijzeNew' }
  | { name: 'werkwijzeCompare' }
  | { name: 'werkwijze'; id: string; version: number }
  | { name: 'notFound' }
  // integral client view
  | { name: 'household'; bsn: string }
  | { name: 'plan'; bsn: string }
  // exchange
  // product catalogue and contracting
  | { name: 'catalogue' }
  | { name: 'contracts' }
  | { name: 'contract'; id: string }
  // provisions: decisions and allocations
  | { name: 'clientAllocations'; bsn: string }
  | { name: 'providerAllocations' }
  | { name: 'invoices' }
  // exchange regie messages
  | { name: 'regieRequests' }
  // debt
  | { name: 'debt' }
  | { name: 'debtFile'; id: string }
  | { name: 'debtFund' }
  | { name: 'debtFundStatement'; id: string }
  | { name: 'debtNormTables' }
  // insight
  | { name: 'insight' }
  | { name: 'experiments' }
  | { name: 'leertafel' }
  // relations asked for and decided
  | { name: 'accessRequests' }
  // access policy (four eyes)
  | { name: 'accessPolicy' }
  // staff inbox of portal messages
  | { name: 'portalInbox' }
  ;

export const paths = {
  login: '/login',
  search: '/search',
  resident: (bsn: string) => `/residents/${encodeURIComponent(bsn)}`,
  audit: '/audit-log',
  password: '/password',
  worklist: '/worklist',
  caseFile: (id: string, purpose?: string) =>
    `/cases/${encodeURIComponent(id)}${purpose ? `?doel=${encodeURIComponent(purpose)}` : ''}`,
  werkwijzen: '/werkwijzen',
  werkwijzeNew: '/werkwijzen/nieuw',
  werkwijzeCompare: (from?: string, to?: string) => {
    const search = new URLSearchParams();
    if (from) search.set('from', from);
    if (to) search.set('to', to);
    const text = search.toString();
    return `/werkwijzen/vergelijken${text ? `?${text}` : ''}`;
  },
  werkwijze: (id: string, version: number) => `/werkwijzen/${encodeURIComponent(id)}/${version}`,
  // integral client view
  household: (bsn: string) => `/residents/${encodeURIComponent(bsn)}/huishouden`,
  plan: (bsn: string) => `/residents/${encodeURIComponent(bsn)}/plan`,

  // exchange
  invoices: '/declaraties',

  // product catalogue and contracting
  catalogue: '/productcatalogus',
  contracts: '/contracten',
  contract: (id: string) => `/contracten/${encodeURIComponent(id)}`,
  // provisions: decisions and allocations
  clientAllocations: (bsn: string) => `/residents/${encodeURIComponent(bsn)}/toewijzingen`,
  providerAllocations: '/toewijzingen',
  // exchange regie messages
  regieRequests: '/verzoeken-aanbieders',

  // debt
  debt: '/schuldhulp',
  debtFile: (id: string) => `/schuldhulp/dossiers/${encodeURIComponent(id)}`,
  debtFund: '/schuldhulp/fonds',
  debtFundStatement: (id: string) => `/schuldhulp/fonds/dossiers/${encodeURIComponent(id)}`,
  debtNormTables: '/schuldhulp/normtabellen',

  // insight
  insight: '/sturing',
  experiments: '/sturing/experimenten',
  leertafel: '/leertafel',

  // relations asked for and decided
  accessRequests: '/toegangsaanvragen',
  // access policy (four eyes)
  accessPolicy: '/toegangsbeleid',
  // staff inbox of portal messages
  portalInbox: '/berichten',
} as const;

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === paths.login) return { name: 'login' };
  if (path === paths.search) return { name: 'search' };
  if (path === paths.audit) return { name: 'audit' };
  if (path === paths.password) return { name: 'password' };
  if (path === paths.worklist) return { name: 'worklist' };
  if (path === paths.portalInbox) return { name: 'portalInbox' };
  if (path === paths.werkwijzen) return { name: 'werkwijzen' };
  if (path === paths.werkwijzeNew) return { name: 'werkwijzeNew' };
  if (path === paths.werkwijzeCompare()) return { name: 'werkwijzeCompare' };
  const caseFile = /^\/cases\/([^/]+)$/.exec(path);
  if (caseFile?.[1]) return { name: 'case', id: decodeURIComponent(caseFile[1]) };
  const werkwijze = /^\/werkwijzen\/([^/]+)\/(\d+)$/.exec(path);
  if (werkwijze?.[1] && werkwijze[2]) return { name: 'werkwijze', id: decodeURIComponent(werkwijze[1]), version: Number(werkwijze[2]) };
  const resident = /^\/residents\/([^/]+)$/.exec(path);
  if (resident?.[1]) return { name: 'resident', bsn: decodeURIComponent(resident[1]) };
  // integral client view
  const household = /^\/residents\/([^/]+)\/huishouden$/.exec(path);
  if (household?.[1]) return { name: 'household', bsn: decodeURIComponent(household[1]) };
  const plan = /^\/residents\/([^/]+)\/plan$/.exec(path);
  if (plan?.[1]) return { name: 'plan', bsn: decodeURIComponent(plan[1]) };

  // exchange
  if (path === paths.invoices) return { name: 'invoices' };

  // product catalogue and contracting
  if (path === paths.catalogue) return { name: 'catalogue' };
  if (path === paths.contracts) return { name: 'contracts' };
  const contract = /^\/contracten\/([^/]+)$/.exec(path);
  if (contract?.[1]) return { name: 'contract', id: decodeURIComponent(contract[1]) };
  // provisions: decisions and allocations
  const clientAllocations = /^\/residents\/([^/]+)\/toewijzingen$/.exec(path);
  if (clientAllocations?.[1]) return { name: 'clientAllocations', bsn: decodeURIComponent(clientAllocations[1]) };
  if (path === paths.providerAllocations) return { name: 'providerAllocations' };
  // exchange regie messages
  if (path === paths.regieRequests) return { name: 'regieRequests' };

  // debt
  if (path === paths.debt) return { name: 'debt' };
  const debtFile = /^\/schuldhulp\/dossiers\/([^/]+)$/.exec(path);
  if (debtFile?.[1]) return { name: 'debtFile', id: decodeURIComponent(debtFile[1]) };
  if (path === paths.debtFund) return { name: 'debtFund' };
  if (path === paths.debtNormTables) return { name: 'debtNormTables' };
  const debtFundStatement = /^\/schuldhulp\/fonds\/dossiers\/([^/]+)$/.exec(path);
  if (debtFundStatement?.[1]) return { name: 'debtFundStatement', id: decodeURIComponent(debtFundStatement[1]) };

  // insight
  if (path === paths.insight) return { name: 'insight' };
  if (path === paths.experiments) return { name: 'experiments' };
  if (path === paths.leertafel) return { name: 'leertafel' };
  if (path === paths.accessRequests) return { name: 'accessRequests' };
  // access policy (four eyes)
  if (path === paths.accessPolicy) return { name: 'accessPolicy' };

  return { name: 'notFound' };
}

const CHANGE = 'kern:navigate';
/** Whether the person has moved between pages; the first page load keeps the browser's own focus. */
let navigated = false;
let lastPath = typeof window === 'undefined' ? '' : window.location.pathname;

function subscribe(onChange: () => void): () => void {
  const onPop = () => {
    if (window.location.pathname !== lastPath) {
      navigated = true;
      lastPath = window.location.pathname;
    }
    onChange();
  };
  window.addEventListener('popstate', onPop);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onPop);
    window.removeEventListener(CHANGE, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path and query string; re-renders on every navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const current = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(current, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  const pathname = window.location.pathname;
  if (pathname !== lastPath) {
    navigated = true;
    lastPath = pathname;
  }
  window.dispatchEvent(new Event(CHANGE));
}

export function hasNavigated(): boolean {
  return navigated;
}

/** For page changes without a URL change (login shows the page asked for at the same URL). */
export function markPageChange(): void {
  navigated = true;
}

export type AppLinkProps = LinkProps & { href: string };

/** A real link that the router handles for plain left-clicks; modified clicks stay with the browser. */
export function AppLink({ href, onClick, target, ...rest }: AppLinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || target) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <Link href={href} target={target} onClick={handleClick} {...rest} />;
}
