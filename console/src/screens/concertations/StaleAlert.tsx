import { useTranslation } from 'react-i18next';

/** A 412: the version this screen holds is no longer the service's. Says so and offers to read it again. */
export function StaleAlert({ onReload, message }: { onReload(): void; message?: string }) {
  const { t } = useTranslation();
  return (
    <div className="problem" role="alert">
      <p>{message ?? t('concertation.stale')}</p>
      <button type="button" onClick={onReload}>
        {t('concertation.reload')}
      </button>
    </div>
  );
}
