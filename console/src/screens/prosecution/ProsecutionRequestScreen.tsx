import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { useLoad } from '../../api/hooks';
import type { Disclosure, Problem, ProsecutionRequest } from '../../api/types';
import { useApi } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../components/format';

/** A prosecution request and its decision; for a granted one, the disclosure: the entries it may use, decrypted,
 * and how many were withheld (R53). Reading the disclosure is audited. */
export function ProsecutionRequestScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '', requestId = '' } = useParams();
  const known = (useLocation().state as { request?: ProsecutionRequest } | null)?.request;
  const request = useLoad(
    `prosecution-${id}-${requestId}`,
    () =>
      call(
        api.GET('/v1/concertations/{concertation_id}/prosecution-requests/{request_id}', {
          params: { path: { concertation_id: id, request_id: requestId } },
        }),
      ),
    known && known.id === requestId ? known : null,
  );
  const [disclosure, setDisclosure] = useState<Disclosure | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function read() {
    setBusy(true);
    const r = await call(
      api.GET('/v1/concertations/{concertation_id}/prosecution-requests/{request_id}/disclosure', {
        params: { path: { concertation_id: id, request_id: requestId } },
      }),
    );
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      setDisclosure(r.data);
    } else {
      setProblem(r.problem);
    }
  }

  const q = request.data;
  const granted = q?.decision === 'granted';
  return (
    <section data-screen="prosecution-request">
      <h1>{t('prosecutionRequest.title')}</h1>
      <ProblemAlert problem={request.problem} />
      {request.loading && <p role="status">{t('common.loading')}</p>}
      {q && (
        <>
          <p role="status" className={granted ? 'success' : 'problem-detail'}>
            {t(granted ? 'prosecutionRequest.granted' : 'prosecutionRequest.refused', { at: formatInstant(q.decided_at) })}
            {q.codes.length > 0 && ` (${q.codes.join(', ')})`}
          </p>
          <dl className="facts">
            <dt>{t('prosecution.concertationId')}</dt>
            <dd>{q.concertation_id}</dd>
            <dt>{t('prosecution.magistrate')}</dt>
            <dd>{q.requesting_magistrate}</dd>
            <dt>{t('prosecution.caseRef')}</dt>
            <dd>{q.criminal_case_reference}</dd>
            <dt>{t('prosecution.use')}</dt>
            <dd>{t(`enum.Use.${q.use}`)}</dd>
            <dt>{t('prosecution.offences')}</dt>
            <dd>{q.offences.join(', ') || '—'}</dd>
            <dt>{t('prosecution.persons')}</dt>
            <dd>{q.persons_named.join(', ') || '—'}</dd>
          </dl>
          {granted && !disclosure && (
            <button type="button" className="primary" disabled={busy} onClick={() => void read()}>
              {t('prosecutionRequest.read')}
            </button>
          )}
        </>
      )}
      <ProblemAlert problem={problem} />
      {disclosure && (
        <section aria-labelledby="disclosure-heading">
          <h2 id="disclosure-heading">{t('prosecutionRequest.disclosure')}</h2>
          <p>{t('prosecutionRequest.withheld', { n: disclosure.withheld, offences: disclosure.offences.join(', ') })}</p>
          {disclosure.items.length === 0 ? (
            <p>{t('prosecutionRequest.noEntry')}</p>
          ) : (
            <ol className="entries" aria-label={t('prosecutionRequest.entries')}>
              {disclosure.items.map((e) => (
                <li key={e.id}>
                  <p className="hint">
                    {[formatInstant(e.recorded_at), t(`enum.EntryType.${e.entry_type}`), e.offence_tags.join(', ')]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <p className="notice-text">{e.content}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      <p>
        <Link to="/prosecution">{t('prosecutionRequest.another')}</Link>
      </p>
    </section>
  );
}
