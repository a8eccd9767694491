import { Button } from '@utrecht/component-library-react';
import { INVOICE_ROLE } from '../api/exchange';
import { useApp, useSession } from '../app-context';
import type { MessageKey } from '../i18n';
import { AppLink, paths, useLocation } from '../router';
import { LanguageSwitch } from './LanguageSwitch';
import { PurposeSelect } from './PurposeSelect';
import { isCaseworker } from '../werkwijze';

export function Logo() {
  const { t } = useApp();
  return (
    <p className="kern-logo">
      <span className="kern-logo__name">{t('app.name')}</span> <span className="kern-logo__tagline">{t('app.tagline')}</span>
    </p>
  );
}

interface NavItem {
  href: string;
  label: MessageKey;
  show: boolean;
}

export function Header({ onLogout }: { onLogout: () => void }) {
  const { t } = useApp();
  const { account } = useSession();
  const { pathname } = useLocation();
  const items: NavItem[] = [
    { href: paths.worklist, label: 'nav.worklist', show: true },
    { href: paths.portalInbox, label: 'inbox.nav', show: isCaseworker(account.roles) },
    { href: paths.search, label: 'nav.search', show: true },
    { href: paths.werkwijzen, label: 'nav.werkwijzen', show: true },
    // integral client view

    // exchange
    { href: paths.invoices, label: 'exchange.nav', show: account.roles.includes(INVOICE_ROLE) },

    // product catalogue and contracting: contract managers and administrators, and Wmo/Jeugdwet caseworkers (who read under their purpose)
    { href: paths.catalogue, label: 'catalogue.nav', show: (['contract-manager', 'functional-administrator', 'wmo-consultant', 'youth-consultant', 'wijkteam-generalist', 'decision-maker'] as const).some((r) => account.roles.includes(r)) },
    { href: paths.contracts, label: 'contracting.nav', show: (['contract-manager', 'functional-administrator', 'wmo-consultant', 'youth-consultant', 'wijkteam-generalist', 'decision-maker'] as const).some((r) => account.roles.includes(r)) },
    // provisions: decisions and allocations
    { href: paths.providerAllocations, label: 'provisions.nav', show: (['wmo-consultant', 'youth-consultant', 'decision-maker'] as const).some((r) => account.roles.includes(r)) },
    // exchange regie messages
    { href: paths.regieRequests, label: 'regie.nav', show: account.roles.includes('decision-maker') },

    // debt
    { href: paths.debt, label: 'debt.nav', show: account.roles.includes('debt-counsellor') },
    { href: paths.debtFund, label: 'fund.nav', show: account.roles.includes('debt-counsellor') || account.roles.includes('quality-analyst') },
    { href: paths.debtNormTables, label: 'debt.norms.nav', show: account.roles.includes('functional-administrator') || account.roles.includes('debt-counsellor') },

    // insight
    { href: paths.insight, label: 'insight.nav', show: (['quality-analyst', 'functional-administrator', 'auditor'] as const).some((r) => account.roles.includes(r)) },
    { href: paths.experiments, label: 'insight.nav.experiments', show: (['quality-analyst', 'functional-administrator', 'auditor'] as const).some((r) => account.roles.includes(r)) },
    { href: paths.leertafel, label: 'insight.leertafel.nav', show: (['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'income-consultant', 'debt-counsellor', 'decision-maker'] as const).some((r) => account.roles.includes(r)) },

    // relations: the team lead decides requests for access; caseworkers follow their own
    { href: paths.accessRequests, label: 'relations.nav', show: account.roles.includes('team-lead') || isCaseworker(account.roles) },

    { href: paths.accessPolicy, label: 'policy.nav', show: account.roles.includes('functional-administrator') },
    { href: paths.audit, label: 'nav.audit', show: account.roles.includes('auditor') },
    { href: paths.password, label: 'nav.password', show: true },
  ];

  return (
    <header className="kern-header">
      <div className="kern-header__bar">
        <div className="kern-header__brand">
          <Logo />
          <p className="kern-header__municipality">
            <span className="kern-visually-hidden">{t('header.municipality')}: </span>
            {account.municipality.name}
          </p>
        </div>
        <div className="kern-header__user">
          <p>
            {t('header.user')} <strong>{account.displayName}</strong>
            <br />
            <span className="kern-header__roles">
              {t('header.roles')}: {account.roles.join(', ')}
            </span>
          </p>
          <LanguageSwitch />
          <Button appearance="secondary-action-button" onClick={onLogout}>
            {t('header.logout')}
          </Button>
        </div>
      </div>
      <div className="kern-header__tools">
        <nav aria-label={t('nav.label')} className="kern-nav">
          <ul className="kern-nav__list">
            {items
              .filter((item) => item.show)
              .map((item) => (
                <li key={item.href}>
                  <AppLink
                    href={item.href}
                    className="kern-nav__link"
                    aria-current={pathname === item.href ? 'page' : pathname.startsWith(`${item.href}/`) ? 'true' : undefined}
                  >
                    {t(item.label)}
                  </AppLink>
                </li>
              ))}
          </ul>
        </nav>
        <PurposeSelect />
      </div>
    </header>
  );
}
