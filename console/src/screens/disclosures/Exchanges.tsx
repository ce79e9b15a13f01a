import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import type { SharedSecretExchange } from '../../api/types';
import { useApi } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../components/format';
import { LISTS, toExchange } from './facts';
import { DiscloserFields, ItemsFields, MasterFields, PersonRefField, RecipientsFields } from './FactsFields';
import { RecordForm } from './RecordForm';
import { MetadataOnly, RecordHeader } from './RecordHeader';
import { RecordList } from './RecordList';
import { useRecord } from './useRecord';

const BASE = LISTS.shared_secrecy;

export function ExchangesScreen() {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <RecordList
      screen="shared-secret-exchanges"
      title={t('exchanges.title')}
      newLabel={t('exchanges.new')}
      base={BASE}
      load={(cursor) =>
        call(api.GET('/v1/shared-secret-exchanges', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } }))
      }
    />
  );
}

/** An exchange under shared professional secrecy (R67–R76): checked before anything is stored; a refusal names
 * every failing condition. */
export function ExchangeForm() {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <RecordForm
      screen="shared-secret-exchange-form"
      title={t('exchanges.formTitle')}
      submitLabel={t('exchanges.submit')}
      base={BASE}
      send={(facts) => call(api.POST('/v1/shared-secret-exchanges', { body: toExchange(facts) }))}
      fields={(facts, onChange) => (
        <>
          <PersonRefField facts={facts} onChange={onChange} />
          <DiscloserFields facts={facts} onChange={onChange} />
          <RecipientsFields facts={facts} onChange={onChange} />
          <ItemsFields facts={facts} onChange={onChange} withContent />
          <MasterFields facts={facts} onChange={onChange} withDates />
        </>
      )}
    />
  );
}

function ExchangeView({ x }: { x: SharedSecretExchange }) {
  const { t } = useTranslation();
  const m = x.master;
  return (
    <>
      <RecordHeader record={x} />
      <dl className="facts">
        <dt>{t('exchanges.consentMode')}</dt>
        <dd>{t(`enum.SharedSecretConsentMode.${x.consent_mode}`)}</dd>
        <dt>{t('exchanges.consent')}</dt>
        <dd>
          {m
            ? t('exchanges.consentLine', {
                status: m.consent ? t(`enum.ConsentStatus.${m.consent}`) : '—',
                recipients: (m.consent_recipients ?? []).join(', ') || '—',
                items: (m.consent_items ?? []).join(', ') || '—',
                at: formatInstant(m.consent_given_at),
              })
            : '—'}
        </dd>
      </dl>
      <section aria-labelledby="recipients-heading">
        <h2 id="recipients-heading">{t('exchanges.recipients')}</h2>
        <table>
          <caption className="visually-hidden">{t('exchanges.recipients')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exchanges.col.reference')}</th>
              <th scope="col">{t('exchanges.col.kind')}</th>
              <th scope="col">{t('exchanges.col.sector')}</th>
              <th scope="col">{t('exchanges.col.function')}</th>
              <th scope="col">{t('exchanges.col.organisation')}</th>
              <th scope="col">{t('exchanges.col.mission')}</th>
            </tr>
          </thead>
          <tbody>
            {x.recipients.map((r) => (
              <tr key={r.reference}>
                <td>{r.reference}</td>
                <td>{t(`enum.PartyKind.${r.kind ?? 'professional'}`)}</td>
                <td>{r.sector ? t(`enum.Sector.${r.sector}`) : '—'}</td>
                <td>{r.function ?? '—'}</td>
                <td>{r.organisation ?? '—'}</td>
                <td>{r.mission_id ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="shared-heading">
        <h2 id="shared-heading">{t('exchanges.shared')}</h2>
        <ol className="entries" aria-label={t('exchanges.shared')}>
          {x.items.map((i) => (
            <li key={i.reference}>
              <p className="hint">
                {[i.reference, i.serves ? t(`enum.ItemPurpose.${i.serves}`) : null].filter(Boolean).join(' · ')}
              </p>
              <p className="notice-text">{i.content}</p>
              {i.necessity_justification && <p>{i.necessity_justification}</p>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

export function ExchangeDetail() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const record = useRecord<SharedSecretExchange>(id, () =>
    call(api.GET('/v1/shared-secret-exchanges/{shared_secret_exchange_id}', { params: { path: { shared_secret_exchange_id: id } } })),
  );
  return (
    <section data-screen="shared-secret-exchange">
      <h1>{t('exchanges.detailTitle')}</h1>
      <ProblemAlert problem={record.problem} />
      {record.loading && <p role="status">{t('common.loading')}</p>}
      {record.full ? <ExchangeView x={record.full} /> : record.data && <MetadataOnly record={record.data} />}
    </section>
  );
}
