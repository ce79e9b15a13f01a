import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { etagOf } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { components } from '../../api/schema';
import type { MinutesEntry, MinutesPage, Problem } from '../../api/types';
import { useApi } from '../../auth/session';
import { formatInstant } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useConcertation } from '../concertations/ConcertationLayout';
import { useFocusOnArrival } from '../concertations/focus';
import { StaleAlert } from '../concertations/StaleAlert';
import { EntryForm, nameOf } from './EntryForm';

type Attendance = components['schemas']['AttendancePublic'];

const PAGE = 50;
/** Entries are written in session or once it is held (the service's `WRITABLE`), until the minutes are final. */
const WRITABLE = new Set(['in_session', 'held']);
/** The minutes may be finalised from the first session on. */
const FINALISABLE = new Set(['in_session', 'held', 'closed']);

interface Read {
  page: MinutesPage;
  /** The ETag of the whole minutes as read (finalise's If-Match); null once an entry was added or marked here. */
  tag: string | null;
}

/** The minutes during the session: who is present (R42), the entries as recorded (each read is audited), a form to
 * add one, R33's "made known to the person", and finalising (once; read-only afterwards). */
export function MinutesScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { concertation: c, touch } = useConcertation();
  const root = useRef<HTMLDivElement>(null);
  const path = { concertation_id: c.id };
  const minutes = useLoad<Read>(`minutes-${c.id}`, async () => {
    const r = await call(api.GET('/v1/concertations/{concertation_id}/minutes', { params: { path, query: { limit: PAGE } } }));
    return r.ok ? { ...r, data: { page: r.data, tag: etagOf(r.response) } } : r;
  });
  const participants = useLoad(`minutes-participants-${c.id}`, () =>
    call(api.GET('/v1/concertations/{concertation_id}/participants', { params: { path, query: { limit: 200 } } })),
  );
  const agenda = useLoad(`minutes-agenda-${c.id}`, () =>
    call(api.GET('/v1/concertations/{concertation_id}/agenda-items', { params: { path, query: { limit: 200 } } })),
  );
  const [problem, setProblem] = useState<Problem | null>(null);
  const [stale, setStale] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attendance, setAttendance] = useState<Record<string, Attendance>>({});
  useFocusOnArrival(root, minutes.data !== null);

  const read = minutes.data;
  const page = read?.page ?? null;
  const finalised = Boolean(page?.finalised_at);
  const people = participants.data?.items ?? [];
  const items = agenda.data?.items ?? [];
  const speakerName = (id: string | null) => {
    if (!id) return null;
    const p = people.find((x) => x.id === id);
    return p ? nameOf(p) : id.slice(0, 8);
  };

  /** Keep the entries shown; the whole minutes' ETag is no longer known after a change made here. */
  function patch(entries: MinutesEntry[], tag: string | null = null) {
    if (read) minutes.setData({ page: { ...read.page, items: entries }, tag });
  }

  async function more() {
    if (!read?.page.next_cursor) return;
    setBusy(true);
    const r = await call(
      api.GET('/v1/concertations/{concertation_id}/minutes', {
        params: { path, query: { limit: PAGE, cursor: read.page.next_cursor } },
      }),
    );
    setBusy(false);
    if (r.ok)
      minutes.setData({
        page: { ...r.data, items: [...read.page.items, ...r.data.items] },
        tag: etagOf(r.response) ?? read.tag,
      });
    else setProblem(r.problem);
  }

  async function mark(entry: MinutesEntry) {
    setBusy(true);
    const r = await call(
      api.POST('/v1/concertations/{concertation_id}/minutes/{entry_id}/disclosed-to-person', {
        params: { path: { ...path, entry_id: entry.id } },
      }),
    );
    setBusy(false);
    if (r.ok && read) {
      setProblem(null);
      // The answer is the entry's metadata, without its content: keep the content read before.
      patch(read.page.items.map((e) => (e.id === entry.id ? { ...e, disclosed_to_person_at: r.data.disclosed_to_person_at } : e)));
    } else if (!r.ok) setProblem(r.problem);
  }

  async function present(participantId: string, event: 'joined' | 'left') {
    setBusy(true);
    const r = await call(
      api.POST('/v1/concertations/{concertation_id}/attendance', { params: { path }, body: { participant_id: participantId, event } }),
    );
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      setAttendance((a) => ({ ...a, [participantId]: r.data }));
    } else setProblem(r.problem);
  }

  /** The minutes as the service has them now; a finalisation after an entry written here needs their ETag. */
  async function readAgain(): Promise<Read | null> {
    const r = await call(api.GET('/v1/concertations/{concertation_id}/minutes', { params: { path, query: { limit: PAGE } } }));
    if (!r.ok) {
      setProblem(r.problem);
      return null;
    }
    const fresh = { page: r.data, tag: etagOf(r.response) };
    minutes.setData(fresh);
    return fresh;
  }

  async function finalise() {
    if (!read) return;
    setBusy(true);
    setNotice(null);
    let tag = read.tag;
    if (tag === null) {
      // Entries were added or marked here since the minutes were read: read them again, and finalise only if they
      // are what this screen shows (someone else may have written meanwhile).
      const shown = read.page.items.map((e) => e.id).join();
      const fresh = await readAgain();
      if (!fresh) {
        setBusy(false);
        return;
      }
      const now = fresh.page.items.map((e) => e.id).join();
      if (fresh.page.finalised_at || now !== shown.slice(0, now.length) || (!fresh.page.next_cursor && now !== shown)) {
        setBusy(false);
        setNotice(t('minutes.changedMeanwhile'));
        return;
      }
      tag = fresh.tag;
    }
    const r = await call(
      api.POST('/v1/concertations/{concertation_id}/minutes/finalise', {
        params: { path, header: tag ? { 'If-Match': tag } : {} },
      }),
    );
    if (r.ok) {
      setProblem(null);
      setStale(false);
      touch();
      const answer = r.data;
      if (answer.items.length > 0 || read.page.items.length === 0) {
        // The finalised minutes as the service answers them.
        minutes.setData({ page: answer, tag: etagOf(r.response) });
      } else {
        // An answer without the entries (older services): the minutes are read again, as they are now final.
        const fresh = await readAgain();
        if (fresh && !fresh.page.finalised_at) minutes.setData({ ...fresh, page: { ...fresh.page, finalised_at: answer.finalised_at } });
      }
    } else if (r.response?.status === 412) {
      setStale(true);
    } else setProblem(r.problem);
    setBusy(false);
  }

  function reloadIt() {
    setStale(false);
    setNotice(null);
    minutes.reload();
  }

  const entries = page?.items ?? [];
  return (
    <div data-screen="minutes" ref={root}>
      <h1>{t('minutes.title')}</h1>
      <ProblemAlert problem={minutes.problem} />
      <ProblemAlert problem={participants.problem} />
      {minutes.loading && <p role="status">{t('common.loading')}</p>}
      {page && (
        <p role="status" className={finalised ? 'success' : undefined}>
          {finalised
            ? t('minutes.finalisedOn', { at: formatInstant(page.finalised_at) })
            : t('minutes.open', { count: entries.length })}
        </p>
      )}

      {c.state === 'in_session' && people.length > 0 && (
        <section aria-labelledby="attendance-heading">
          <h2 id="attendance-heading">{t('minutes.attendance')}</h2>
          <ul>
            {people.map((p) => {
              const a = attendance[p.id];
              const here = a && !a.left_at;
              return (
                <li key={p.id}>
                  {nameOf(p)}
                  {a && (
                    <>
                      {' — '}
                      {a.left_at
                        ? t('minutes.left', { at: formatInstant(a.left_at) })
                        : t('minutes.presentSince', { at: formatInstant(a.joined_at) })}
                    </>
                  )}{' '}
                  {here ? (
                    <button type="button" disabled={busy} onClick={() => void present(p.id, 'left')}>
                      {t('minutes.markLeft', { name: nameOf(p) })}
                    </button>
                  ) : (
                    <button type="button" disabled={busy} onClick={() => void present(p.id, 'joined')}>
                      {t('minutes.markPresent', { name: nameOf(p) })}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t('minutes.entries')}</h2>
        {page && entries.length === 0 && <p>{t('minutes.none')}</p>}
        {entries.length > 0 && (
          <ol className="entries">
            {entries.map((e) => (
              <li key={e.id}>
                <p className="hint">
                  {[
                    formatInstant(e.recorded_at),
                    t(`enum.EntryType.${e.entry_type}`),
                    t(`enum.Level.${e.level}`),
                    speakerName(e.speaker_id),
                    e.agenda_item_id ? items.find((a) => a.id === e.agenda_item_id)?.title : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <p className="notice-text">{e.content}</p>
                {(e.offence_tags.length > 0 || e.about_persons.length > 0) && (
                  <p className="hint">
                    {[
                      e.offence_tags.length > 0 ? t('minutes.taggedOffences', { codes: e.offence_tags.join(', ') }) : null,
                      e.about_persons.length > 0 ? t('minutes.taggedPersons', { refs: e.about_persons.join(', ') }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                )}
                {e.may_inform_judicial_decision && <p>{t('minutes.mayInformShown')}</p>}
                {e.disclosed_to_person_at ? (
                  <p>{t('minutes.disclosedOn', { at: formatInstant(e.disclosed_to_person_at) })}</p>
                ) : (
                  <button type="button" disabled={busy} onClick={() => void mark(e)}>
                    {t('minutes.markDisclosed')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
        {page?.next_cursor && (
          <button type="button" disabled={busy} onClick={() => void more()}>
            {t('common.more')}
          </button>
        )}
      </section>

      {page && !finalised && WRITABLE.has(c.state) && (
        <EntryForm
          concertationId={c.id}
          participants={people}
          agenda={items}
          scope={c.offence_scope ?? []}
          persons={c.persons_concerned}
          onAdded={(entry) => {
            setNotice(null);
            // Shown at the end when every page is read (otherwise it comes with the last page).
            if (read && !read.page.next_cursor) patch([...read.page.items, entry]);
            else if (read) patch(read.page.items);
          }}
        />
      )}

      {stale && <StaleAlert onReload={reloadIt} message={t('minutes.stale')} />}
      {notice && (
        <p role="alert" className="problem">
          {notice}
        </p>
      )}
      <ProblemAlert problem={problem} />
      {page && !finalised && FINALISABLE.has(c.state) && (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void finalise()}>
            {t('minutes.finalise')}
          </button>
        </div>
      )}
    </div>
  );
}
