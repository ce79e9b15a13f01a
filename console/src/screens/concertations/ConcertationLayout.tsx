import { useCallback, useState } from 'react';
import { NavLink, Outlet, useLocation, useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { etagOf } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Concertation } from '../../api/types';
import { useApi } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../components/format';

export interface ConcertationContext {
  concertation: Concertation;
  /** The ETag of the last response that carried the concertation (its If-Match for PATCH). */
  etag: string | null;
  /** Keep what a response returned (PATCH, schedule…) instead of reading it again. */
  update(concertation: Concertation, etag: string | null): void;
  reload(): void;
  /** A change made elsewhere (an agenda item, a person concerned, finalised minutes) gave the concertation a new
   * version: the overview reads it again before it offers to edit it (the ETag kept here is no longer current). */
  touch(): void;
  /** True after `touch()` until the concertation was read again. */
  outdated: boolean;
}

export function useConcertation(): ConcertationContext {
  return useOutletContext<ConcertationContext>();
}

/** A concertation's screens share what was read once: the concertation and its ETag. */
export function ConcertationLayout() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const known = useLocation().state as { concertation?: Concertation; etag?: string | null } | null;
  const fromState = known?.concertation?.id === id ? known.concertation : null;
  const [etag, setEtag] = useState<string | null>(fromState ? (known?.etag ?? null) : null);
  const [outdated, setOutdated] = useState(false);
  const loaded = useLoad(
    id,
    async () => {
      const r = await call(api.GET('/v1/concertations/{concertation_id}', { params: { path: { concertation_id: id } } }));
      if (r.ok) {
        setEtag(etagOf(r.response));
        setOutdated(false);
      }
      return r.ok ? { ...r, data: r.data as Concertation } : r;
    },
    fromState,
  );
  const { setData, reload } = loaded;
  const update = useCallback(
    (c: Concertation, tag: string | null) => {
      setData(c);
      setEtag(tag);
      setOutdated(false);
    },
    [setData],
  );
  const touch = useCallback(() => setOutdated(true), []);

  const c = loaded.data;
  return (
    <section data-screen="concertation-layout" className="concertation">
      {loaded.problem && <ProblemAlert problem={loaded.problem} />}
      {loaded.loading && <p role="status">{t('common.loading')}</p>}
      {c && (
        <>
          <p className="concertation-summary">
            <span className={`state state-${c.state}`}>{t(`enum.ConcertationState.${c.state}`)}</span>{' '}
            {c.concertation_type && t(`concertationType.${c.concertation_type}`, { defaultValue: c.concertation_type })}
            {c.scheduled_start && ` — ${formatInstant(c.scheduled_start)}`}
          </p>
          <nav aria-label={t('concertation.sections')} className="tabs">
            <ul>
              <li>
                <NavLink end to={`/concertations/${id}`}>
                  {t('concertation.tab.overview')}
                </NavLink>
              </li>
              <li>
                <NavLink to={`/concertations/${id}/participants`}>{t('concertation.tab.participants')}</NavLink>
              </li>
              <li>
                <NavLink to={`/concertations/${id}/agenda`}>{t('concertation.tab.agenda')}</NavLink>
              </li>
              <li>
                <NavLink to={`/concertations/${id}/person-concerned`}>{t('concertation.tab.person')}</NavLink>
              </li>
              <li>
                <NavLink to={`/concertations/${id}/minutes`}>{t('concertation.tab.minutes')}</NavLink>
              </li>
            </ul>
          </nav>
          <Outlet context={{ concertation: c, etag, update, reload, touch, outdated } satisfies ConcertationContext} />
        </>
      )}
    </section>
  );
}
