import { useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { etagOf } from '../../api/client';
import { useReference } from '../../api/reference';
import type { Concertation, Problem } from '../../api/types';
import { useApi } from '../../auth/session';
import { focusField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ConcertationFields } from './ConcertationFields';
import { useConcertation } from './ConcertationLayout';
import { fromConcertation, toUpdate, type Draft } from './draft';
import { StaleAlert } from './StaleAlert';

/** PATCH with the ETag of the last response; a 412 says someone else changed it and offers to reload. */
export function EditConcertation({ formRef }: { formRef: RefObject<HTMLFormElement | null> }) {
  const { t } = useTranslation();
  const api = useApi();
  const { concertation, etag, update, reload } = useConcertation();
  const reference = useReference({ purposes: true, offences: true, policy: true, bases: true });
  const [base, setBase] = useState<{ version: number; draft: Draft }>(() => ({
    version: concertation.version,
    draft: fromConcertation(concertation),
  }));
  const [draft, setDraft] = useState<Draft>(base.draft);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [stale, setStale] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  // A reload after a stale edit (or another screen's change) brings a new version: start again from it.
  if (stale === false && base.version !== concertation.version && !busy && JSON.stringify(draft) === JSON.stringify(base.draft)) {
    const fresh = fromConcertation(concertation);
    setBase({ version: concertation.version, draft: fresh });
    setDraft(fresh);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = toUpdate(draft, base.draft);
    setSaved(false);
    if (Object.keys(body).length === 0) {
      setSaved(true);
      return;
    }
    setBusy(true);
    const r = await call(
      api.PATCH('/v1/concertations/{concertation_id}', {
        params: { path: { concertation_id: concertation.id }, header: { 'If-Match': etag ?? '' } },
        body,
      }),
    );
    setBusy(false);
    if (r.ok) {
      const c = r.data as Concertation;
      const fresh = fromConcertation(c);
      setBase({ version: c.version, draft: fresh });
      setDraft(fresh);
      setProblem(null);
      setStale(false);
      setSaved(true);
      // The overview reads the compliance report of the new version.
      update(c, etagOf(r.response));
    } else if (r.response?.status === 412) {
      setStale(true);
      setProblem(null);
    } else {
      setProblem(r.problem);
      const first = r.problem.violations.find((v) => v.field)?.field;
      if (first && formRef.current) focusField(first, formRef.current);
    }
  }

  function reloadIt() {
    setStale(false);
    setProblem(null);
    // The next version replaces the form (what was typed here is dropped on purpose: it was based on an old one).
    setBase({ version: -1, draft });
    reload();
  }

  return (
    <section className="edit" aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t('concertation.edit')}</h2>
      {stale && <StaleAlert onReload={reloadIt} />}
      <ProblemAlert problem={reference.problem} />
      <form className="form" ref={formRef} onSubmit={submit} noValidate>
        <ConcertationFields draft={draft} onChange={setDraft} reference={reference} bases={reference.bases ?? []} withPersons={false} />
        <ProblemAlert problem={problem} />
        {saved && <p role="status">{t('concertation.saved')}</p>}
        <button type="submit" className="primary" disabled={busy}>
          {t('concertation.save')}
        </button>
      </form>
    </section>
  );
}
