import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Check, ComplianceReport } from '../../api/types';

const ORDER: Record<Check['status'], number> = { fail: 0, warn: 1, pass: 2 };

/** Failures first, then warnings, then what passes; the API's order is kept within each. */
export function ordered(checks: readonly Check[]): Check[] {
  return checks
    .map((check, i) => ({ check, i }))
    .sort((a, b) => ORDER[a.check.status] - ORDER[b.check.status] || a.i - b.i)
    .map(({ check }) => check);
}

/** The compliance report as a checklist: each line its status, rule id, legal ground and message as the API gave
 * them (in the reader's language), and for what does not pass, a button to the field that fixes it. */
export function ComplianceChecklist({
  report,
  fixer,
}: {
  report: ComplianceReport;
  /** What focuses the field that fixes a check (the check's `field`); null or absent: no button. */
  fixer?: (field: string) => (() => void) | null;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const checks = ordered(report.checks);
  const failing = checks.filter((c) => c.status === 'fail').length;
  return (
    <section className="compliance" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('compliance.title')}</h2>
      <p role="status" className={report.compliant ? 'ok' : 'ko'}>
        {report.compliant ? t('compliance.compliant') : t('compliance.notCompliant', { count: failing })}
      </p>
      <ul className="checklist">
        {checks.map((c, i) => {
          const fix = c.field && c.status !== 'pass' && fixer ? fixer(c.field) : null;
          const lineId = `${headingId}-${i}`;
          return (
            <li key={`${c.code}-${c.rule ?? ''}-${c.field ?? ''}-${i}`} className={`check check-${c.status}`}>
              <span id={lineId}>
                <span className={`status status-${c.status}`}>{t(`enum.Status.${c.status}`)}</span>{' '}
                {c.rule && <span className="rule">{c.rule}</span>} <span className="ground">{c.legal_ground}</span>
                {' — '}
                <span className="message">{c.message}</span>
              </span>
              {fix && (
                <>
                  {' '}
                  <button type="button" className="link" aria-describedby={lineId} onClick={fix}>
                    {t('compliance.fix')}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
