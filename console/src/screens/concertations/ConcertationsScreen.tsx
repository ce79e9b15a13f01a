import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { useLoad } from '../../api/hooks';
import { useApi } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../components/format';

export function ConcertationsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const list = useLoad('concertations', () => call(api.GET('/v1/concertations', { params: { query: { limit: 100 } } })));
  return (
    <section data-screen="concertations">
      <h1>{t('concertations.title')}</h1>
      <p>
        <Link className="button-link" to="/concertations/new">
          {t('concertations.draft')}
        </Link>
      </p>
      <ProblemAlert problem={list.problem} />
      {list.loading && <p role="status">{t('common.loading')}</p>}
      {list.data && list.data.items.length === 0 && <p>{t('concertations.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('concertations.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('concertations.col.type')}</th>
              <th scope="col">{t('concertations.col.state')}</th>
              <th scope="col">{t('concertations.col.start')}</th>
              <th scope="col">{t('concertations.col.updated')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('concertations.col.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((c) => (
              <tr key={c.id}>
                <td>{'concertation_type' in c && c.concertation_type ? t(`concertationType.${c.concertation_type}`, { defaultValue: c.concertation_type }) : '—'}</td>
                <td>{t(`enum.ConcertationState.${c.state}`)}</td>
                <td>{formatInstant(c.scheduled_start)}</td>
                <td>{formatInstant(c.updated_at)}</td>
                <td>
                  <Link to={`/concertations/${c.id}`} aria-label={t('concertations.openOne', { id: c.id.slice(0, 8) })}>
                    {t('concertations.open')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
