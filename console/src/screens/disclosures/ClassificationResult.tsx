import { useId } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Classification, RegimeReport } from '../../api/types';
import { useUser } from '../../auth/session';
import { formatInstant } from '../../components/format';
import { Conditions } from './Conditions';
import { RECORD_FORMS, type Facts } from './facts';

function RegimeCard({ regime, facts }: { regime: RegimeReport; facts: Facts }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useUser();
  const headingId = useId();
  const name = t(`enum.Regime.${regime.regime}`);
  const form = RECORD_FORMS[regime.regime];
  return (
    <section className={`regime ${regime.open ? 'regime-open' : 'regime-closed'}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p className={regime.open ? 'ok' : 'ko'}>{t(regime.open ? 'classify.open' : 'classify.closed')}</p>
      <Conditions checks={regime.conditions} label={t('classify.conditionsOf', { regime: name })} />
      {regime.bases.length > 0 && (
        <>
          <h4>{t('classify.bases')}</h4>
          <ul aria-label={t('classify.bases')}>
            {regime.bases.map((id) => (
              <li key={id}>
                {user.roles.includes('coordinator') ? (
                  <Link to={`/legal-bases/${id}`}>{id}</Link>
                ) : (
                  <span className="mono">{id}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {regime.open && form && (
        <button
          type="button"
          className="primary"
          onClick={() => void navigate(form, { state: { facts } })}
        >
          {t('classify.record', { regime: name })}
        </button>
      )}
      {regime.open && regime.regime === 'art_458ter_concertation' && user.roles.includes('coordinator') && (
        <p>
          <Link className="button-link" to="/concertations/new">
            {t('classify.draftConcertation')}
          </Link>
        </p>
      )}
    </section>
  );
}

/** What the service answered: the routing (R73), every regime open or closed with its conditions, the guidance said
 * whatever the regime, and the text of art. 422bis (guidance only, R104). */
export function ClassificationResult({ result, facts }: { result: Classification; facts: Facts }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="classification-heading" className="classification">
      <h2 id="classification-heading">{t('classify.result')}</h2>
      <p role="status" className="routing">
        {t('classify.routing', { routing: t(`enum.Routing.${result.routing}`) })}
      </p>
      <p className="hint">
        {t('classify.evaluated', {
          at: formatInstant(result.evaluated_at),
          version: result.offence_list_version,
          mode: t(`enum.SharedSecretConsentMode.${result.consent_mode}`),
        })}
      </p>
      {result.regimes.map((r) => (
        <RegimeCard key={r.regime} regime={r} facts={facts} />
      ))}
      <section aria-labelledby="guidance-heading">
        <h3 id="guidance-heading">{t('classify.guidance')}</h3>
        {result.guidance.length === 0 ? (
          <p>{t('classify.noGuidance')}</p>
        ) : (
          <Conditions checks={result.guidance} label={t('classify.guidance')} />
        )}
      </section>
      <section aria-labelledby="art422bis-heading">
        <h3 id="art422bis-heading">{t('classify.art422bis')}</h3>
        <p className="notice-text">{result.art_422bis_guidance}</p>
      </section>
    </section>
  );
}
