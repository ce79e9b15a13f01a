import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { useLoad } from '../../api/hooks';
import type { ConcertationSummary, Problem } from '../../api/types';
import { useApi } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../components/format';

const PAGE = 100;

/** The concertations the signed-in person is invited to: the list names his own participant record in each (and
 * nothing about anyone else's, R40). */
export function InvitationsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const list = useLoad('invitations', () => call(api.GET('/v1/concertations', { params: { query: { limit: PAGE } } })));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function more() {
    const page = list.data;
    if (!page?.next_cursor) return;
    setBusy(true);
    const r = await call(api.GET('/v1/concertations', { params: { query: { limit: PAGE, cursor: page.next_cursor } } }));
    setBusy(false);
    if (r.ok) list.setData({ items: [...page.items, ...r.data.items], next_cursor: r.data.next_cursor });
    else setProblem(r.problem);
  }

  const mine = (list.data?.items ?? []).filter(
    (c): c is ConcertationSummary => 'participant_id' in c && c.participant_id !== null,
  );
  return (
    <section data-screen="invitations">
      <h1>{t('invitations.title')}</h1>
      <p className="hint">{t('invitations.hint')}</p>
      <ProblemAlert problem={list.problem} />
      {list.loading && <p role="status">{t('common.loading')}</p>}
      {list.data && mine.length === 0 && <p>{t('invitations.none')}</p>}
      {mine.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('invitations.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('invitations.col.type')}</th>
              <th scope="col">{t('invitations.col.state')}</th>
              <th scope="col">{t('invitations.col.start')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('invitations.col.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {mine.map((c) => (
              <tr key={c.id}>
                <td>{c.concertation_type ? t(`concertationType.${c.concertation_type}`, { defaultValue: c.concertation_type }) : '—'}</td>
                <td>{t(`enum.ConcertationState.${c.state}`)}</td>
                <td>{formatInstant(c.scheduled_start)}</td>
                <td>
                  <Link
                    to={`/invitations/${c.id}/${c.participant_id}`}
                    aria-label={t('invitations.openOne', { id: c.id.slice(0, 8) })}
                  >
                    {t('invitations.open')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProblemAlert problem={problem} />
      {list.data?.next_cursor && (
        <button type="button" onClick={() => void more()} disabled={busy}>
          {t('common.more')}
        </button>
      )}
    </section>
  );
}
