import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../api/call';
import { etagOf } from '../../api/client';
import type { Problem } from '../../api/types';
import { useUser } from '../../auth/session';
import { focusField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { emptyFacts, type Facts } from './facts';

/** The facts a record form starts from: those "Which regime?" classified (its button passes them), else none. */
export function useInitialFacts(): { facts: Facts; fromClassification: boolean } {
  const user = useUser();
  const passed = (useLocation().state as { facts?: Facts } | null)?.facts;
  return { facts: passed ?? emptyFacts(user.subject), fromClassification: Boolean(passed) };
}

/** A record form: its fields, then the POST; a refusal (422) shows every failing condition and focuses the first
 * field it names; a record made opens its screen with the answer and its ETag. */
export function RecordForm({
  screen,
  title,
  submitLabel,
  base,
  fields,
  send,
}: {
  screen: string;
  title: string;
  submitLabel: string;
  base: string;
  fields(facts: Facts, onChange: (facts: Facts) => void): ReactNode;
  send(facts: Facts): Promise<Result<{ id: string }>>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const initial = useInitialFacts();
  const root = useRef<HTMLFormElement>(null);
  const [facts, setFacts] = useState<Facts>(initial.facts);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const r = await send(facts);
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      void navigate(`${base}/${r.data.id}`, { state: { record: r.data, etag: etagOf(r.response) } });
    } else {
      setProblem(r.problem);
      const first = r.problem.violations.find((v) => v.field)?.field;
      if (first) focusField(first, root.current ?? document);
    }
  }

  return (
    <section data-screen={screen}>
      <h1>{title}</h1>
      {initial.fromClassification && <p className="hint">{t('records.fromClassification')}</p>}
      <form className="form" ref={root} onSubmit={submit} noValidate aria-label={title}>
        {fields(facts, setFacts)}
        <ProblemAlert problem={problem} />
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </section>
  );
}
