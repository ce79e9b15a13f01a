import { useTranslation } from 'react-i18next';
import type { Check, Discloser } from '../../api/types';
import { formatInstant } from '../../components/format';
import { Conditions } from './Conditions';

/** What every record shows first: when it was made and its status, who made it about whom, its conditions as they
 * stood when it was made. */
export function RecordHeader({
  record,
}: {
  record: { created_at: string; status: string; person_ref: string; created_by: string; discloser: Discloser; conditions: Check[] };
}) {
  const { t } = useTranslation();
  const d = record.discloser;
  return (
    <>
      <p role="status">
        {t('records.recordedOn', { at: formatInstant(record.created_at), status: t(`enum.RecordStatus.${record.status}`) })}
      </p>
      <dl className="facts">
        <dt>{t('records.person')}</dt>
        <dd>{record.person_ref}</dd>
        <dt>{t('records.discloser')}</dt>
        <dd>{[d.reference, d.function, d.organisation, t(`enum.Sector.${d.sector}`)].filter(Boolean).join(' · ')}</dd>
      </dl>
      <section aria-labelledby="conditions-heading">
        <h2 id="conditions-heading">{t('records.conditions')}</h2>
        <Conditions checks={record.conditions} label={t('records.conditions')} />
      </section>
    </>
  );
}

/** A partner system sees status metadata only. */
export function MetadataOnly({ record }: { record: { created_at: string; status: string } }) {
  const { t } = useTranslation();
  return (
    <>
      <p role="status">
        {t('records.recordedOn', { at: formatInstant(record.created_at), status: t(`enum.RecordStatus.${record.status}`) })}
      </p>
      <p className="hint">{t('records.metadataOnly')}</p>
    </>
  );
}
