import { useTranslation } from 'react-i18next';
import type { Problem } from '../api/types';

/** A refusal as the API gave it: its detail, then each violation's rule, legal ground and message. */
export function ProblemAlert({ problem }: { problem: Problem | null }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <div className="problem" role="alert">
      <p className="problem-detail">
        {problem.status === 0 ? t('error.network', { detail: problem.detail }) : problem.detail}
      </p>
      {problem.violations.length > 0 && (
        <ul className="violations">
          {problem.violations.map((v, i) => (
            <li key={`${v.code}-${i}`}>
              {v.rule && <span className="rule">{v.rule}</span>} <span className="ground">{v.legal_ground}</span>
              {' — '}
              <span className="message">{v.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
