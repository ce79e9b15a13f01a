import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { titleIn, useReference } from '../../api/reference';
import type { Art458bisReport } from '../../api/types';
import { useApi, useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LISTS, toReport } from './facts';
import { DiscloserFields, FollowUpPlanField, PersonRefField, ReportFields } from './FactsFields';
import { FollowUpForm, FollowUpList } from './FollowUps';
import { RecordForm } from './RecordForm';
import { MetadataOnly, RecordHeader } from './RecordHeader';
import { RecordList } from './RecordList';
import { useRecord } from './useRecord';

const BASE = LISTS.art_458bis_report;

export function ReportsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <RecordList
      screen="art-458bis-reports"
      title={t('reports.title')}
      newLabel={t('reports.new')}
      base={BASE}
      load={(cursor) => call(api.GET('/v1/art-458bis-reports', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } }))}
    />
  );
}

/** A report to the procureur du Roi (R101–R103, R21), checked before anything is stored. */
export function ReportForm() {
  const { t } = useTranslation();
  const api = useApi();
  const reference = useReference({ art458bis: true });
  return (
    <RecordForm
      screen="art-458bis-report-form"
      title={t('reports.formTitle')}
      submitLabel={t('reports.submit')}
      base={BASE}
      send={(facts) => call(api.POST('/v1/art-458bis-reports', { body: toReport(facts) }))}
      fields={(facts, onChange) => (
        <>
          <PersonRefField facts={facts} onChange={onChange} />
          <DiscloserFields facts={facts} onChange={onChange} />
          <ProblemAlert problem={reference.problem} />
          <ReportFields facts={facts} onChange={onChange} offences={reference.art458bis} forRecord />
          <FollowUpPlanField facts={facts} onChange={onChange} />
        </>
      )}
    />
  );
}

function ReportView({ r }: { r: Art458bisReport }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const { art458bis } = useReference({ art458bis: true });
  const offence = art458bis?.find((o) => o.code === r.offence);
  const victim = [
    r.victim.is_minor ? t('reports.minor') : null,
    ...(r.victim.vulnerabilities ?? []).map((v) => t(`enum.Vulnerability.${v}`)),
  ].filter(Boolean);
  return (
    <>
      <RecordHeader record={r} />
      <dl className="facts">
        <dt>{t('reports.offence')}</dt>
        <dd>{offence ? `${offence.article} — ${titleIn(offence, language)}` : r.offence}</dd>
        <dt>{t('reports.recipient')}</dt>
        <dd>{t(`enum.ReportRecipient.${r.recipient}`)}</dd>
        <dt>{t('reports.district')}</dt>
        <dd>{r.judicial_district ?? '—'}</dd>
        <dt>{t('reports.victim')}</dt>
        <dd>{victim.join(', ') || '—'}</dd>
        <dt>{t('reports.danger')}</dt>
        <dd>{r.danger.description ?? '—'}</dd>
        <dt>{t('reports.facts')}</dt>
        <dd>
          {[(r.factual_basis.kinds ?? []).map((k) => t(`enum.FactualBasisKind.${k}`)).join(', '), r.factual_basis.observed_on, r.factual_basis.description]
            .filter(Boolean)
            .join(' — ')}
        </dd>
        <dt>{t('records.followUpPlan')}</dt>
        <dd>{r.follow_up_plan ?? '—'}</dd>
      </dl>
      <section aria-labelledby="art422bis-heading">
        <h2 id="art422bis-heading">{t('records.art422bis')}</h2>
        <p className="notice-text">{r.art_422bis_guidance}</p>
      </section>
    </>
  );
}

export function ReportDetail() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const record = useRecord<Art458bisReport>(id, () =>
    call(api.GET('/v1/art-458bis-reports/{art_458bis_report_id}', { params: { path: { art_458bis_report_id: id } } })),
  );
  const r = record.full;
  return (
    <section data-screen="art-458bis-report">
      <h1>{t('reports.detailTitle')}</h1>
      <ProblemAlert problem={record.problem} />
      {record.loading && <p role="status">{t('common.loading')}</p>}
      {r ? <ReportView r={r} /> : record.data && <MetadataOnly record={record.data} />}
      {r && (
        <section aria-labelledby="follow-ups-heading">
          <h2 id="follow-ups-heading">{t('records.followUps')}</h2>
          <FollowUpList items={r.follow_ups} />
          {r.status !== 'closed' && (
            <FollowUpForm
              etag={record.etag}
              onSaved={record.update}
              onReload={record.reload}
              send={(body, etag) =>
                call(
                  api.POST('/v1/art-458bis-reports/{art_458bis_report_id}/follow-ups', {
                    params: { path: { art_458bis_report_id: id }, header: { 'If-Match': etag } },
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
