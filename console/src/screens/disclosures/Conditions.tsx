import { useTranslation } from 'react-i18next';
import type { Check } from '../../api/types';
import { ordered } from '../concertations/ComplianceChecklist';

/** Conditions as the API gave them: failures first, then warnings, then passes; each its status, rule id, legal
 * ground and message (in the reader's language). */
export function Conditions({ checks, label }: { checks: readonly Check[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="checklist" aria-label={label}>
      {ordered(checks).map((c, i) => (
        <li key={`${c.code}-${c.rule ?? ''}-${c.field ?? ''}-${i}`} className={`check check-${c.status}`}>
          <span className={`status status-${c.status}`}>{t(`enum.Status.${c.status}`)}</span>{' '}
          {c.rule && <span className="rule">{c.rule}</span>} <span className="ground">{c.legal_ground}</span>
          {' — '}
          <span className="message">{c.message}</span>
        </li>
      ))}
    </ul>
  );
}
