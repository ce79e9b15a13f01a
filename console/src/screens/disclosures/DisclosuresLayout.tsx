import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LISTS } from './facts';

/** "Which regime?" and the three kinds of record, under one navigation. */
export function DisclosuresLayout() {
  const { t } = useTranslation();
  return (
    <div className="disclosures">
      <nav aria-label={t('disclosures.sections')} className="tabs">
        <ul>
          <li>
            <NavLink end to="/disclosures">
              {t('disclosures.tab.classify')}
            </NavLink>
          </li>
          <li>
            <NavLink to={LISTS.shared_secrecy}>{t('disclosures.tab.exchanges')}</NavLink>
          </li>
          <li>
            <NavLink to={LISTS.art_458bis_report}>{t('disclosures.tab.reports')}</NavLink>
          </li>
          <li>
            <NavLink to={LISTS.state_of_necessity}>{t('disclosures.tab.necessity')}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
