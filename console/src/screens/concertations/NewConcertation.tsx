import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { etagOf } from '../../api/client';
import { useReference } from '../../api/reference';
import type { Problem } from '../../api/types';
import { useApi } from '../../auth/session';
import { focusField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ConcertationFields } from './ConcertationFields';
import { emptyDraft, toCreate } from './draft';

export function NewConcertation() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const reference = useReference({ purposes: true, offences: true, policy: true, bases: true });
  const [draft, setDraft] = useState(emptyDraft);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const r = await call(api.POST('/v1/concertations', { body: toCreate(draft) }));
    setBusy(false);
    if (r.ok) {
      navigate(`/concertations/${r.data.id}`, { state: { concertation: r.data, etag: etagOf(r.response) } });
    } else {
      setProblem(r.problem);
      const first = r.problem.violations.find((v) => v.field)?.field;
      if (first) focusField(first);
    }
  }

  return (
    <section data-screen="concertation-form">
      <h1>{t('concertationForm.title')}</h1>
      <p>{t('concertationForm.intro')}</p>
      <ProblemAlert problem={reference.problem} />
      <form className="form" onSubmit={submit} noValidate>
        <ConcertationFields draft={draft} onChange={setDraft} reference={reference} bases={reference.bases ?? []} withPersons />
        <ProblemAlert problem={problem} />
        <button type="submit" className="primary" disabled={busy || !draft.legal_basis_id}>
          {t('concertationForm.create')}
        </button>
      </form>
    </section>
  );
}
