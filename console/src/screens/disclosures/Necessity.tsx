import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import type { NecessityRecord } from '../../api/types';
import { useApi } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../components/format';
import { LISTS, toNecessity } from './facts';
import { DiscloserFields, FollowUpPlanField, InvokedGroundField, NecessityFields, PersonRefField } from './FactsFields';
import { FollowUpForm, FollowUpList } from './FollowUps';
import { RecordForm } from './RecordForm';
import { MetadataOnly, RecordHeader } from './RecordHeader';
import { RecordList } from './RecordList';
import { useRecord } from './useRecord';

const BASE = LISTS.state_of_necessity;

export function NecessityScreen() {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <RecordList
      screen="necessity-records"
      title={t('necessity.title')}
      newLabel={t('necessity.new')}
      base={BASE}
      load={(cursor) => call(api.GET('/v1/necessity-records', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } }))}
    />
  );
}

/** A disclosure under the state of necessity (R99, R100, R103–R105, D17): every condition stored and checked. */
export function NecessityForm() {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <RecordForm
      screen="necessity-record-form"
      title={t('necessity.formTitle')}
      submitLabel={t('necessity.submit')}
      base={BASE}
      send={(facts) => call(api.POST('/v1/necessity-records', { body: toNecessity(facts) }))}
      fields={(facts, onChange) => (
        <>
          <PersonRefField facts={facts} onChange={onChange} />
          <DiscloserFields facts={facts} onChange={onChange} />
          <NecessityFields facts={facts} onChange={onChange} forRecord />
          <FollowUpPlanField facts={facts} onChange={onChange} />
          <InvokedGroundField facts={facts} onChange={onChange} />
        </>
      )}
    />
  );
}

function NecessityView({ n }: { n: NecessityRecord }) {
  const { t } = useTranslation();
  const yesNo = (v: boolean | null | undefined) => (v === true ? t('common.yes') : v === false ? t('common.no') : '—');
  return (
    <>
      <RecordHeader record={n} />
      <dl className="facts">
        <dt>{t('necessity.danger')}</dt>
        <dd>{[n.danger.time ? t(`enum.DangerTime.${n.danger.time}`) : null, n.danger.description].filter(Boolean).join(' — ') || '—'}</dd>
        <dt>{t('necessity.weighing')}</dt>
        <dd>
          {[n.weighing.weighing ? t(`enum.InterestWeighing.${n.weighing.weighing}`) : null, n.weighing.interest_protected]
            .filter(Boolean)
            .join(' — ') || '—'}
        </dd>
        <dt>{t('necessity.subsidiarity')}</dt>
        <dd>{(n.subsidiarity.alternatives_tried ?? []).join(' ; ') || '—'}</dd>
        <dt>{t('necessity.proportionality')}</dt>
        <dd>{[n.proportionality.disclosed, n.proportionality.disclosed_to].filter(Boolean).join(' → ') || '—'}</dd>
        <dt>{t('necessity.consulted')}</dt>
        <dd>{n.consulted.map((c) => t(`enum.ConsultedKind.${c}`)).join(', ') || '—'}</dd>
        <dt>{t('necessity.spokenTo')}</dt>
        <dd>{[yesNo(n.person_spoken_to), n.why_person_not_spoken_to].filter(Boolean).join(' — ')}</dd>
        <dt>{t('necessity.assessed')}</dt>
        <dd>{[n.assessed_by, n.assessed_at ? formatInstant(n.assessed_at) : null].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>{t('necessity.invokedGround')}</dt>
        <dd>{t(`enum.InvokedGround.${n.invoked_ground}`)}</dd>
        <dt>{t('necessity.threshold')}</dt>
        <dd>{n.threshold}</dd>
        <dt>{t('records.followUpPlan')}</dt>
        <dd>{n.follow_up_plan ?? '—'}</dd>
      </dl>
      <section aria-labelledby="art422bis-heading">
        <h2 id="art422bis-heading">{t('records.art422bis')}</h2>
        <p className="notice-text">{n.art_422bis_guidance}</p>
      </section>
    </>
  );
}

export function NecessityDetail() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const record = useRecord<NecessityRecord>(id, () =>
    call(api.GET('/v1/necessity-records/{necessity_record_id}', { params: { path: { necessity_record_id: id } } })),
  );
  const n = record.full;
  return (
    <section data-screen="necessity-record">
      <h1>{t('necessity.detailTitle')}</h1>
      <ProblemAlert problem={record.problem} />
      {record.loading && <p role="status">{t('common.loading')}</p>}
      {n ? <NecessityView n={n} /> : record.data && <MetadataOnly record={record.data} />}
      {n && (
        <section aria-labelledby="follow-ups-heading">
          <h2 id="follow-ups-heading">{t('records.followUps')}</h2>
          <FollowUpList items={n.follow_ups} />
          {n.status !== 'closed' && (
            <FollowUpForm
              etag={record.etag}
              onSaved={record.update}
              onReload={record.reload}
              send={(body, etag) =>
                call(
                  api.POST('/v1/necessity-records/{necessity_record_id}/follow-ups', {
                    params: { path: { necessity_record_id: id }, header: { 'If-Match': etag } },
                    body,
                  }),
                )
              }
            />
          )}
        </section>
      )}
    </section>
  );
}
