import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { etagOf } from '../../api/client';
import type { Problem } from '../../api/types';
import { useApi } from '../../auth/session';
import { SelectField } from '../../components/fields';
import { formatInstant } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useConcertation } from '../concertations/ConcertationLayout';
import { useFocusOnArrival } from '../concertations/focus';
import { AddPersonForm, ConsentForm, ExceptionForm, InformationForm } from './PersonForms';
import { upsert, useRecords, type PersonIdentity } from './records';

/** States in which a person concerned may still be added (the service's `EDITABLE`). */
const OPEN = new Set(['draft', 'scheduled', 'in_session', 'held']);

/** The person concerned: who they are (by reference; the identity only on demand, and that read is audited),
 * what they were told (R28, R29) or why not (R30), and their consents (R31, R32, R22). */
export function PersonConcernedScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { concertation: c, touch } = useConcertation();
  const root = useRef<HTMLDivElement>(null);
  const [records, change] = useRecords(c.id);
  const persons = records.persons.reduce(upsert, c.persons_concerned);
  const [chosen, setChosen] = useState('');
  const personId = persons.some((p) => p.id === chosen) ? chosen : (persons[0]?.id ?? '');
  const [identities, setIdentities] = useState<Record<string, PersonIdentity>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  useFocusOnArrival(root);

  const referenceOf = (id: string) => persons.find((p) => p.id === id)?.reference ?? id.slice(0, 8);
  const path = { concertation_id: c.id };

  async function showIdentity(id: string) {
    setBusy(true);
    const r = await call(
      api.GET('/v1/concertations/{concertation_id}/persons-concerned/{person_id}', { params: { path: { ...path, person_id: id } } }),
    );
    setBusy(false);
    if (r.ok) setIdentities((x) => ({ ...x, [id]: r.data }));
    else setProblem(r.problem);
  }

  async function withdraw(id: string, etag: string | null) {
    setBusy(true);
    const r = await call(
      api.POST('/v1/concertations/{concertation_id}/person-concerned/consents/{consent_id}/withdraw', {
        params: { path: { ...path, consent_id: id }, header: etag ? { 'If-Match': etag } : {} },
      }),
    );
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      const record = r.data;
      change((x) => ({ ...x, consents: x.consents.map((k) => (k.record.id === id ? { record, etag: etagOf(r.response) } : k)) }));
      setDone(t('personConcerned.consent.withdrawn', { person: referenceOf(record.person_id) }));
    } else setProblem(r.problem);
  }

  /** Read again, by id, what this sign-in recorded (the API has no list of these records). */
  async function refresh() {
    setBusy(true);
    const consents = await Promise.all(
      records.consents.map(async (k) => {
        const r = await call(
          api.GET('/v1/concertations/{concertation_id}/person-concerned/consents/{record_id}', {
            params: { path: { ...path, record_id: k.record.id } },
          }),
        );
        return r.ok ? { record: r.data, etag: etagOf(r.response) } : k;
      }),
    );
    const information = await Promise.all(
      records.information.map(async (k) => {
        const r = await call(
          api.GET('/v1/concertations/{concertation_id}/person-concerned/information/{record_id}', {
            params: { path: { ...path, record_id: k.id } },
          }),
        );
        return r.ok ? r.data : k;
      }),
    );
    const exceptions = await Promise.all(
      records.exceptions.map(async (k) => {
        const r = await call(
          api.GET('/v1/concertations/{concertation_id}/person-concerned/information-exception/{record_id}', {
            params: { path: { ...path, record_id: k.id } },
          }),
        );
        return r.ok ? r.data : k;
      }),
    );
    setBusy(false);
    change((x) => ({ ...x, consents, information, exceptions }));
  }

  const anyRecord = records.consents.length + records.information.length + records.exceptions.length > 0;
  return (
    <div data-screen="person-concerned" ref={root}>
      <h1>{t('personConcerned.title')}</h1>
      <ProblemAlert problem={problem} />
      {done && (
        <p role="status" className="success">
          {done}
        </p>
      )}

      <section aria-labelledby="persons-heading">
        <h2 id="persons-heading">{t('personConcerned.persons')}</h2>
        {persons.length === 0 ? (
          <p>{t('personConcerned.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('personConcerned.col.reference')}</th>
                <th scope="col">{t('personConcerned.col.privacy')}</th>
                <th scope="col">{t('personConcerned.col.identity')}</th>
              </tr>
            </thead>
            <tbody>
              {persons.map((p) => {
                const known = identities[p.id];
                return (
                  <tr key={p.id}>
                    <td className="mono">{p.reference}</td>
                    <td>
                      {p.privacy_notice_deferred
                        ? t('personConcerned.privacyDeferred')
                        : p.privacy_notice_given_at
                          ? formatInstant(p.privacy_notice_given_at)
                          : '—'}
                    </td>
                    <td>
                      {known ? (
                        [
                          known.identity.family_name,
                          known.identity.given_names,
                          known.identity.birth_date,
                          t(`enum.IdentityKind.${known.identity.kind}`),
                        ]
                          .filter(Boolean)
                          .join(' · ')
                      ) : (
                        <button type="button" disabled={busy} onClick={() => void showIdentity(p.id)}>
                          {t('personConcerned.showIdentity', { reference: p.reference })}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className="hint">{t('personConcerned.identityHint')}</p>
      </section>

      {persons.length > 0 && (
        <>
          <SelectField
            label={t('personConcerned.chosen')}
            field="person_id"
            value={personId}
            onChange={setChosen}
            options={persons.map((p) => ({ value: p.id, label: p.reference }))}
          />
          <InformationForm
            concertationId={c.id}
            personId={personId}
            onRecorded={(record) => {
              change((x) => ({ ...x, information: upsert(x.information, record) }));
              setDone(t('personConcerned.information.recorded', { person: referenceOf(record.person_id) }));
            }}
          />
          <ExceptionForm
            concertationId={c.id}
            personId={personId}
            onRecorded={(record) => {
              change((x) => ({ ...x, exceptions: upsert(x.exceptions, record) }));
              setDone(t('personConcerned.exception.recorded', { person: referenceOf(record.person_id) }));
            }}
          />
          <ConsentForm
            concertationId={c.id}
            personId={personId}
            onRecorded={(record, etag) => {
              change((x) => ({ ...x, consents: [...x.consents.filter((k) => k.record.id !== record.id), { record, etag }] }));
              setDone(t('personConcerned.consent.recorded', { person: referenceOf(record.person_id) }));
            }}
          />
        </>
      )}

      <section aria-labelledby="recorded-heading">
        <h2 id="recorded-heading">{t('personConcerned.recorded')}</h2>
        <p className="hint">{t('personConcerned.recordedHint')}</p>
        {!anyRecord && <p>{t('personConcerned.nothingRecorded')}</p>}
        {records.information.length > 0 && (
          <>
            <h3>{t('personConcerned.information.list')}</h3>
            <ul aria-label={t('personConcerned.information.list')}>
              {records.information.map((k) => (
                <li key={k.id}>
                  {t('personConcerned.information.line', {
                    person: referenceOf(k.person_id),
                    at: formatInstant(k.informed_at),
                    by: k.informed_by,
                    channel: k.channel,
                    items: k.items.map((i) => t(`enum.InformationItem.${i}`)).join(', '),
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
        {records.exceptions.length > 0 && (
          <>
            <h3>{t('personConcerned.exception.list')}</h3>
            <ul aria-label={t('personConcerned.exception.list')}>
              {records.exceptions.map((k) => (
                <li key={k.id}>
                  {t('personConcerned.exception.line', {
                    person: referenceOf(k.person_id),
                    reason: t(`enum.ExceptionReason.${k.reason}`),
                    by: k.decided_by,
                    review: k.review_at,
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
        {records.consents.length > 0 && (
          <table>
            <caption>{t('personConcerned.consent.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('personConcerned.col.reference')}</th>
                <th scope="col">{t('personConcerned.consent.subject')}</th>
                <th scope="col">{t('personConcerned.consent.scope')}</th>
                <th scope="col">{t('personConcerned.consent.status')}</th>
                <th scope="col">{t('personConcerned.col.recordedAt')}</th>
                <th scope="col">{t('personConcerned.col.withdrawn')}</th>
              </tr>
            </thead>
            <tbody>
              {records.consents.map(({ record: k, etag }) => (
                <tr key={k.id}>
                  <td className="mono">{referenceOf(k.person_id)}</td>
                  <td>{t(`enum.ConsentSubject.${k.subject}`)}</td>
                  <td>{t(`enum.ConsentScope.${k.scope}`)}</td>
                  <td>{t(`enum.ConsentStatus.${k.status}`)}</td>
                  <td>{formatInstant(k.recorded_at)}</td>
                  <td>
                    {k.withdrawn_at ? (
                      formatInstant(k.withdrawn_at)
                    ) : (
                      <button type="button" disabled={busy} onClick={() => void withdraw(k.id, etag)}>
                        {t('personConcerned.consent.withdraw')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {anyRecord && (
          <button type="button" disabled={busy} onClick={() => void refresh()}>
            {t('common.refresh')}
          </button>
        )}
      </section>

      {OPEN.has(c.state) && (
        <AddPersonForm
          concertationId={c.id}
          onAdded={(p) => {
            change((x) => ({ ...x, persons: upsert(x.persons, p) }));
            setChosen(p.id);
            setDone(t('personConcerned.add.added', { person: p.reference }));
            // A new person gives the concertation a new version (and ETag).
            touch();
          }}
        />
      )}
    </div>
  );
}
