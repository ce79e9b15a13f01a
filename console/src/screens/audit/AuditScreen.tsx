import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { useLoad } from '../../api/hooks';
import type { ChainReport, Problem } from '../../api/types';
import { useApi } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { EnumSelect, TextField, localToInstant } from '../../components/fields';
import { formatInstant } from '../../components/format';

const PAGE = 50;

interface Filters {
  concertation_id?: string;
  action?: string;
  outcome?: 'success' | 'refused' | 'denied';
  since?: string;
  until?: string;
}

/** The audit trail, newest first, a page at a time, and the verification of its hash chain. The trail holds ids,
 * rule codes and hashes, never a plaintext; every list and every verification is itself recorded. */
export function AuditScreen() {
  const { t } = useTranslation();
  const api = useApi();
  // The form, and the filters of the list shown (applied by the button, so that typing does not query).
  const [form, setForm] = useState({ concertation: '', action: '', outcome: '', since: '', until: '' });
  const [filters, setFilters] = useState<Filters>({});
  // The cursors of the pages before the current one (for Previous page) and the current one.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.length > 0 ? cursors[cursors.length - 1] : undefined;
  const list = useLoad(`audit-${JSON.stringify(filters)}-${cursor ?? ''}`, () =>
    call(api.GET('/v1/audit-events', { params: { query: { limit: PAGE, cursor, ...filters } } })),
  );
  const [report, setReport] = useState<ChainReport | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  function apply(event: FormEvent) {
    event.preventDefault();
    const next: Filters = {};
    if (form.concertation.trim()) next.concertation_id = form.concertation.trim();
    if (form.action.trim()) next.action = form.action.trim();
    if (form.outcome) next.outcome = form.outcome as Filters['outcome'];
    const since = localToInstant(form.since);
    const until = localToInstant(form.until);
    if (since) next.since = since;
    if (until) next.until = until;
    setCursors([]);
    setFilters(next);
  }

  async function verify() {
    setBusy(true);
    const r = await call(api.GET('/v1/audit-events/verify'));
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      setReport(r.data);
    } else {
      setProblem(r.problem);
    }
  }

  const page = list.data;
  return (
    <section data-screen="audit">
      <h1>{t('audit.title')}</h1>
      <p className="hint">{t('audit.hint')}</p>

      <section aria-labelledby="audit-chain">
        <h2 id="audit-chain">{t('audit.chain')}</h2>
        <p className="hint">{t('audit.chainHint')}</p>
        <button type="button" className="primary" disabled={busy} onClick={() => void verify()}>
          {t('audit.verify')}
        </button>
        <ProblemAlert problem={problem} />
        <div role="status" className={report ? (report.ok ? 'success' : 'problem') : undefined}>
          {busy && t('audit.verifying')}
          {report &&
            (report.ok
              ? t('audit.holds', { n: report.events_checked, hash: report.last_good_hash ?? '—', seq: report.last_good_seq ?? 0 })
              : t('audit.broken', {
                  seq: report.first_broken_seq ?? '?',
                  reason: report.reason ? t(`audit.reason.${report.reason}`) : '',
                  good: report.last_good_seq ?? '—',
                  n: report.events_checked,
                }))}
        </div>
      </section>

      <form className="form" onSubmit={apply} aria-labelledby="audit-filters" noValidate>
        <h2 id="audit-filters">{t('audit.filters')}</h2>
        <TextField
          label={t('audit.concertation')}
          field="concertation_id"
          value={form.concertation}
          onChange={(v) => setForm({ ...form, concertation: v })}
        />
        <TextField
          label={t('audit.action')}
          field="action"
          hint={t('audit.actionHint')}
          value={form.action}
          onChange={(v) => setForm({ ...form, action: v })}
        />
        <EnumSelect
          name="Outcome"
          label={t('audit.outcome')}
          field="outcome"
          empty={t('audit.anyOutcome')}
          value={form.outcome}
          onChange={(v) => setForm({ ...form, outcome: v })}
        />
        <TextField label={t('audit.since')} field="since" type="datetime-local" value={form.since} onChange={(v) => setForm({ ...form, since: v })} />
        <TextField label={t('audit.until')} field="until" type="datetime-local" value={form.until} onChange={(v) => setForm({ ...form, until: v })} />
        <button type="submit">{t('audit.apply')}</button>
      </form>

      <ProblemAlert problem={list.problem} />
      {list.loading && <p role="status">{t('common.loading')}</p>}
      {page && page.items.length === 0 && <p>{t('audit.none')}</p>}
      {page && page.items.length > 0 && (
        <table>
          <caption>{t('audit.events', { page: cursors.length + 1 })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.col.seq')}</th>
              <th scope="col">{t('audit.col.at')}</th>
              <th scope="col">{t('audit.col.actor')}</th>
              <th scope="col">{t('audit.col.action')}</th>
              <th scope="col">{t('audit.col.outcome')}</th>
              <th scope="col">{t('audit.col.object')}</th>
              <th scope="col">{t('audit.col.codes')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((e) => (
              <tr key={e.id}>
                <td>{e.seq}</td>
                <td>{formatInstant(e.occurred_at)}</td>
                <td>{e.actor_subject}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>{t(`enum.Outcome.${e.outcome}`)}</td>
                <td>
                  {e.object_type}
                  {e.object_id ? ` ${e.object_id.slice(0, 8)}` : ''}
                  {e.concertation_id ? ` · ${t('audit.inConcertation', { id: e.concertation_id.slice(0, 8) })}` : ''}
                </td>
                <td>{e.codes.join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        {cursors.length > 0 && (
          <button type="button" onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('audit.previous')}
          </button>
        )}
        {page?.next_cursor && (
          <button type="button" onClick={() => setCursors([...cursors, page.next_cursor ?? ''])}>
            {t('audit.next')}
          </button>
        )}
      </div>
    </section>
  );
}
