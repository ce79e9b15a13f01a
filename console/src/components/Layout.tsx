import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession, useUser } from '../auth/session';
import { LanguageSwitcher } from './LanguageSwitcher';

/** Where each role goes, in the order of the navigation. */
export const NAV: ReadonlyArray<{ roles: readonly string[]; to: string; key: string }> = [
  { roles: ['coordinator'], to: '/legal-bases', key: 'nav.legalBases' },
  { roles: ['coordinator'], to: '/concertations', key: 'nav.concertations' },
  { roles: ['participant'], to: '/invitations', key: 'nav.invitations' },
  { roles: ['participant', 'coordinator'], to: '/disclosures', key: 'nav.disclosures' },
  { roles: ['prosecutor'], to: '/prosecution', key: 'nav.prosecution' },
  { roles: ['auditor'], to: '/audit', key: 'nav.audit' },
];

const allowed = (roles: readonly string[]) => (n: (typeof NAV)[number]) => n.roles.some((r) => roles.includes(r));

export function homeOf(roles: readonly string[]): string {
  return NAV.find(allowed(roles))?.to ?? '/invitations';
}

export function Layout() {
  const { t } = useTranslation();
  const { config, signOut } = useSession();
  const user = useUser();
  const links = NAV.filter(allowed(user.roles));
  return (
    <div className="app">
      <a className="skip" href="#main">
        {t('layout.skip')}
      </a>
      <header className="banner">
        <span className="app-name">{t('app.name')}</span>
        <span className="who">
          {t('layout.signedInAs', {
            subject: user.subject,
            roles: user.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join(', '),
          })}
        </span>
        <LanguageSwitcher />
        <button type="button" onClick={signOut}>
          {t('layout.signOut')}
        </button>
      </header>
      <nav aria-label={t('layout.nav')} className="main-nav">
        <ul>
          {links.map((n) => (
            <li key={n.to}>
              <NavLink to={n.to}>{t(n.key)}</NavLink>
            </li>
          ))}
          <li>
            <a href={config.docs_url}>{t('nav.docs')}</a>
          </li>
          <li>
            <a href={config.redoc_url}>{t('nav.redoc')}</a>
          </li>
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
