import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { etagOf } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Concertation, Problem } from '../../api/types';
import { useApi, useSession } from '../../auth/session';
import { focusField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ComplianceChecklist } from './ComplianceChecklist';
import { useConcertation } from './ConcertationLayout';
import { EditConcertation } from './EditConcertation';
import { screenOfField, type FocusState } from './focus';
import { StaleAlert } from './StaleAlert';

type Step = 'schedule' | 'start' | 'end' | 'close' | 'cancel';

const STEPS: Record<Concertation['state'], Step[]> = {
  draft: ['schedule', 'cancel'],
  scheduled: ['start', 'cancel'],
  in_session: ['end', 'cancel'],
  held: ['start', 'close', 'cancel'],
  closed: [],
  cancelled: [],
};

export function OverviewScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { language } = useSession();
  const { concertation: c, etag, update, reload, outdated } = useConcertation();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const compliance = useLoad(`${c.id}-${language}-${c.version}`, () =>
    call(api.GET('/v1/concertations/{concertation_id}/compliance', { params: { path: { concertation_id: c.id } } })),
  );

  // Another tab changed the concertation (an agenda item, a person concerned…): read its new version (and ETag).
  useEffect(() => {
    if (outdated) reload();
  }, [outdated, reload]);

  async function step(s: Step) {
    setBusy(true);
    // The step is taken on the version shown, or not at all (412): never on one the user has not seen.
    const path = { params: { path: { concertation_id: c.id }, header: etag ? { 'If-Match': etag } : {} } };
    const request =
      s === 'schedule'
        ? api.POST('/v1/concertations/{concertation_id}/schedule', path)
        : s === 'start'
          ? api.POST('/v1/concertations/{concertation_id}/start', path)
          : s === 'end'
            ? api.POST('/v1/concertations/{concertation_id}/end', path)
            : s === 'close'
              ? api.POST('/v1/concertations/{concertation_id}/close', path)
              : api.POST('/v1/concertations/{concertation_id}/cancel', path);
    const r = await call(request);
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      setStale(false);
      update(r.data, etagOf(r.response));
    } else if (r.response?.status === 412) {
      setProblem(null);
      setStale(true);
    } else {
      setProblem(r.problem);
    }
  }

  function reloadIt() {
    setStale(false);
    reload();
  }

  const editable = c.state === 'draft' || c.state === 'scheduled';

  /** The field is in the edit form (focus it), or on another tab (go there and focus it); null: nowhere to go. */
  function fixer(field: string): (() => void) | null {
    if (editable && screenOfField(field) === null) {
      return () => {
        if (formRef.current) focusField(field, formRef.current);
      };
    }
    const screen = screenOfField(field);
    if (!screen) return null;
    return () => navigate(`/concertations/${c.id}/${screen}`, { state: { focus: field } satisfies FocusState });
  }

  return (
    <div data-screen="concertation">
      <h1>{t('concertation.title')}</h1>
      <div className="actions" role="group" aria-label={t('concertation.lifecycle')}>
        {STEPS[c.state].map((s) => (
          <button key={s} type="button" className={s === 'cancel' ? 'danger' : 'primary'} disabled={busy} onClick={() => void step(s)}>
            {t(`concertation.step.${s}`)}
          </button>
        ))}
      </div>
      {stale && <StaleAlert onReload={reloadIt} />}
      <ProblemAlert problem={problem} />
      <ProblemAlert problem={compliance.problem} />
      {compliance.data && <ComplianceChecklist report={compliance.data} fixer={fixer} />}
      {editable && <EditConcertation formRef={formRef} />}
    </div>
  );
}
