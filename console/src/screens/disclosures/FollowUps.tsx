import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../api/call';
import { etagOf } from '../../api/client';
import type { FollowUp, FollowUpCreate, Problem } from '../../api/types';
import { CheckboxField, EnumSelect, TextField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../components/format';
import { StaleAlert } from '../concertations/StaleAlert';

export function FollowUpList({ items }: { items: readonly FollowUp[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t('records.noFollowUp')}</p>;
  return (
    <ol className="entries" aria-label={t('records.followUps')}>
      {items.map((f, i) => (
        <li key={`${f.recorded_at}-${i}`}>
          <p className="hint">
            {t('records.followUpLine', {
              at: formatInstant(f.recorded_at),
              outcome: t(`enum.FollowUpOutcome.${f.outcome}`),
              by: f.recorded_by,
            })}
          </p>
          {f.handed_over_to && <p>{t('records.handedOverTo', { to: f.handed_over_to })}</p>}
          <p className="notice-text">{f.note}</p>
        </li>
      ))}
    </ol>
  );
}

/** A follow-up (R103), sent with the record's ETag as If-Match; a 412 says someone else changed it and offers to
 * read it again. */
export function FollowUpForm<T>({
  etag,
  send,
  onSaved,
  onReload,
}: {
  etag: string | null;
  send(body: FollowUpCreate, etag: string): Promise<Result<T>>;
  onSaved(record: T, etag: string | null): void;
  onReload(): void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('support_continues');
  const [handedOverTo, setHandedOverTo] = useState('');
  const [note, setNote] = useState('');
  const [close, setClose] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [stale, setStale] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    const r = await send(
      {
        outcome: outcome as FollowUpCreate['outcome'],
        handed_over_to: handedOverTo.trim() || null,
        note: note.trim(),
        close,
      },
      etag ?? '',
    );
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      setStale(false);
      setSaved(true);
      setNote('');
      setHandedOverTo('');
      setClose(false);
      onSaved(r.data, etagOf(r.response));
    } else if (r.response?.status === 412) {
      setStale(true);
      setProblem(null);
    } else {
      setProblem(r.problem);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="follow-up-form">
      <h2 id="follow-up-form">{t('records.followUpForm')}</h2>
      {stale && (
        <StaleAlert
          message={t('records.stale')}
          onReload={() => {
            setStale(false);
            onReload();
          }}
        />
      )}
      <EnumSelect name="FollowUpOutcome" label={t('records.outcome')} field="outcome" value={outcome} onChange={setOutcome} />
      <TextField label={t('records.handedOverToField')} field="handed_over_to" value={handedOverTo} onChange={setHandedOverTo} />
      <TextField label={t('records.note')} field="note" multiline value={note} onChange={setNote} required />
      <CheckboxField label={t('records.close')} field="close" checked={close} onChange={setClose} />
      <ProblemAlert problem={problem} />
      {saved && <p role="status">{t('records.followUpSaved')}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {t('records.submitFollowUp')}
      </button>
    </form>
  );
}
