import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { useLoad } from '../../api/hooks';
import type { AgendaItem, Problem } from '../../api/types';
import { useApi } from '../../auth/session';
import { CheckboxField, TextField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useConcertation } from '../concertations/ConcertationLayout';
import { useFocusOnArrival } from '../concertations/focus';

/** States in which the agenda may still grow (the service says the same: `EDITABLE`). */
const OPEN = new Set(['draft', 'scheduled', 'in_session', 'held']);

const PAGE = 100;

/** The agenda: its items in order (the central question marked) and a form to add one (R37: no item can make
 * disclosure compulsory — a participant may stay silent on any of them). */
export function AgendaScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { concertation: c, touch } = useConcertation();
  const root = useRef<HTMLDivElement>(null);
  const list = useLoad(`agenda-${c.id}`, () =>
    call(
      api.GET('/v1/concertations/{concertation_id}/agenda-items', {
        params: { path: { concertation_id: c.id }, query: { limit: PAGE } },
      }),
    ),
  );
  const [title, setTitle] = useState('');
  const [central, setCentral] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [added, setAdded] = useState<AgendaItem | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusOnArrival(root, list.data !== null);

  async function more() {
    const page = list.data;
    if (!page?.next_cursor) return;
    setBusy(true);
    const r = await call(
      api.GET('/v1/concertations/{concertation_id}/agenda-items', {
        params: { path: { concertation_id: c.id }, query: { limit: PAGE, cursor: page.next_cursor } },
      }),
    );
    setBusy(false);
    if (r.ok) list.setData({ items: [...page.items, ...r.data.items], next_cursor: r.data.next_cursor });
    else setProblem(r.problem);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setAdded(null);
    const r = await call(
      api.POST('/v1/concertations/{concertation_id}/agenda-items', {
        params: { path: { concertation_id: c.id } },
        body: { title: title.trim(), is_central_question: central },
      }),
    );
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      setTitle('');
      setCentral(false);
      setAdded(r.data);
      // The item is the last one; with more pages unread it shows once they are.
      if (list.data && !list.data.next_cursor) list.setData({ ...list.data, items: [...list.data.items, r.data] });
      // A new item gives the concertation a new version (and ETag).
      touch();
    } else {
      setProblem(r.problem);
    }
  }

  const items = list.data?.items ?? [];
  return (
    <div data-screen="agenda" ref={root}>
      <h1>{t('agenda.title')}</h1>
      <ProblemAlert problem={list.problem} />
      {list.loading && <p role="status">{t('common.loading')}</p>}
      {list.data && items.length === 0 && <p>{t('agenda.none')}</p>}
      {items.length > 0 && (
        <ol className="agenda" aria-label={t('agenda.list')}>
          {items.map((item) => (
            <li key={item.id}>
              {item.title}
              {item.is_central_question && (
                <>
                  {' '}
                  <strong className="state">{t('agenda.centralBadge')}</strong>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {list.data?.next_cursor && (
        <button type="button" onClick={() => void more()} disabled={busy}>
          {t('common.more')}
        </button>
      )}
      {OPEN.has(c.state) ? (
        <form className="form" onSubmit={submit} aria-labelledby="agenda-add" noValidate>
          <h2 id="agenda-add">{t('agenda.add')}</h2>
          <p className="hint">{t('agenda.hint')}</p>
          <TextField label={t('agenda.item')} field="title" value={title} onChange={setTitle} required multiline />
          <CheckboxField label={t('agenda.central')} field="is_central_question" checked={central} onChange={setCentral} />
          <ProblemAlert problem={problem} />
          {added && (
            <p role="status" className="success">
              {t('agenda.added', { title: added.title, position: added.position })}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy || !title.trim()}>
            {t('agenda.submit')}
          </button>
        </form>
      ) : (
        <p>{t('agenda.closed')}</p>
      )}
    </div>
  );
}
