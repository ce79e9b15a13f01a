/** The records about a person concerned: information (R28, R29), an exception to informing (R30), consent (R31,
 * R32, R22), and a new person (R26, R36). Each form sends one request and gives its answer to the screen. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { etagOf } from '../../api/client';
import { ENUMS } from '../../api/enums';
import type { Consent, ConsentCreate, PersonConcerned, Problem } from '../../api/types';
import { useApi } from '../../auth/session';
import { CheckboxField, CheckboxGroup, EnumSelect, TextField, localToInstant } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { EMPTY_PERSON, person, type PersonDraft } from '../concertations/draft';
import type { ExceptionRecord, InformationRecord } from './records';

const text = (s: string): string | null => (s.trim() ? s.trim() : null);

export function InformationForm({
  concertationId,
  personId,
  onRecorded,
}: {
  concertationId: string;
  personId: string;
  onRecorded(record: InformationRecord): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [items, setItems] = useState<string[]>([]);
  const [by, setBy] = useState('');
  const [at, setAt] = useState('');
  const [channel, setChannel] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const r = await call(
      api.POST('/v1/concertations/{concertation_id}/person-concerned/information', {
        params: { path: { concertation_id: concertationId } },
        body: {
          person_id: personId,
          items: items as InformationRecord['items'],
          informed_by: by.trim(),
          informed_at: localToInstant(at) ?? '',
          channel: channel.trim(),
        },
      }),
    );
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      setItems([]);
      setBy('');
      setAt('');
      setChannel('');
      onRecorded(r.data);
    } else setProblem(r.problem);
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby="information-heading" data-field="information" noValidate>
      <h2 id="information-heading">{t('personConcerned.information.title')}</h2>
      <p className="hint">{t('personConcerned.information.hint')}</p>
      <CheckboxGroup
        legend={t('personConcerned.information.items')}
        field="information.items"
        options={ENUMS.InformationItem.map((v) => ({ value: v, label: t(`enum.InformationItem.${v}`) }))}
        selected={items}
        onChange={setItems}
      />
      <TextField label={t('personConcerned.information.by')} field="information.informed_by" value={by} onChange={setBy} required />
      <TextField
        label={t('personConcerned.information.at')}
        field="information.informed_at"
        type="datetime-local"
        value={at}
        onChange={setAt}
        required
      />
      <TextField label={t('personConcerned.information.channel')} field="information.channel" value={channel} onChange={setChannel} required />
      <ProblemAlert problem={problem} />
      <button type="submit" className="primary" disabled={busy || !personId}>
        {t('personConcerned.information.submit')}
      </button>
    </form>
  );
}

export function ExceptionForm({
  concertationId,
  personId,
  onRecorded,
}: {
  concertationId: string;
  personId: string;
  onRecorded(record: ExceptionRecord): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [reason, setReason] = useState('');
  const [motivation, setMotivation] = useState('');
  const [decidedBy, setDecidedBy] = useState('');
  const [review, setReview] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const r = await call(
      api.POST('/v1/concertations/{concertation_id}/person-concerned/information-exception', {
        params: { path: { concertation_id: concertationId } },
        body: {
          person_id: personId,
          reason: (reason || null) as ExceptionRecord['reason'] | null,
          motivation: text(motivation),
          decided_by: text(decidedBy),
          review_at: review || null,
        },
      }),
    );
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      setReason('');
      setMotivation('');
      setDecidedBy('');
      setReview('');
      onRecorded(r.data);
    } else setProblem(r.problem);
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby="exception-heading" data-field="information_exception" noValidate>
      <h2 id="exception-heading">{t('personConcerned.exception.title')}</h2>
      <p className="hint">{t('personConcerned.exception.hint')}</p>
      <EnumSelect
        name="ExceptionReason"
        label={t('personConcerned.exception.reason')}
        field="information_exception.reason"
        value={reason}
        onChange={setReason}
        empty={t('common.choose')}
      />
      <TextField
        label={t('personConcerned.exception.motivation')}
        field="information_exception.motivation"
        multiline
        value={motivation}
        onChange={setMotivation}
      />
      <TextField label={t('personConcerned.exception.decidedBy')} field="information_exception.decided_by" value={decidedBy} onChange={setDecidedBy} />
      <TextField label={t('personConcerned.exception.review')} field="information_exception.review_at" type="date" value={review} onChange={setReview} />
      <ProblemAlert problem={problem} />
      <button type="submit" className="primary" disabled={busy || !personId}>
        {t('personConcerned.exception.submit')}
      </button>
    </form>
  );
}

export function ConsentForm({
  concertationId,
  personId,
  onRecorded,
}: {
  concertationId: string;
  personId: string;
  onRecorded(record: Consent, etag: string | null): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [subject, setSubject] = useState<string>('person');
  const [scope, setScope] = useState<string>('concertation');
  const [status, setStatus] = useState<string>('given');
  const [told, setTold] = useState<string[]>([]);
  const [method, setMethod] = useState('');
  const [givenAt, setGivenAt] = useState('');
  const [motivation, setMotivation] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const body: ConsentCreate = {
      person_id: personId,
      subject: subject as ConsentCreate['subject'],
      scope: scope as ConsentCreate['scope'],
      status: status as ConsentCreate['status'],
      information_items: (scope === 'prosecutor_presence' ? told : []) as ConsentCreate['information_items'],
      method: text(method),
      given_at: localToInstant(givenAt),
      motivation: text(motivation),
    };
    const r = await call(
      api.POST('/v1/concertations/{concertation_id}/person-concerned/consents', {
        params: { path: { concertation_id: concertationId } },
        body,
      }),
    );
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      setTold([]);
      setMethod('');
      setGivenAt('');
      setMotivation('');
      onRecorded(r.data, etagOf(r.response));
    } else setProblem(r.problem);
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby="consent-heading" data-field="consent" noValidate>
      <h2 id="consent-heading">{t('personConcerned.consent.title')}</h2>
      <EnumSelect name="ConsentSubject" label={t('personConcerned.consent.subject')} field="consent.subject" value={subject} onChange={setSubject} />
      <EnumSelect name="ConsentScope" label={t('personConcerned.consent.scope')} field="consent.scope" value={scope} onChange={setScope} />
      <EnumSelect name="ConsentStatus" label={t('personConcerned.consent.status')} field="consent.status" value={status} onChange={setStatus} />
      {scope === 'prosecutor_presence' && (
        <CheckboxGroup
          legend={t('personConcerned.consent.told')}
          field="consent.information_items"
          options={ENUMS.ConsentInformation.map((v) => ({ value: v, label: t(`enum.ConsentInformation.${v}`) }))}
          selected={told}
          onChange={setTold}
        />
      )}
      <TextField label={t('personConcerned.consent.method')} field="consent.method" value={method} onChange={setMethod} />
      <TextField label={t('personConcerned.consent.givenAt')} field="consent.given_at" type="datetime-local" value={givenAt} onChange={setGivenAt} />
      <TextField
        label={t('personConcerned.consent.motivation')}
        field="consent.motivation"
        multiline
        value={motivation}
        onChange={setMotivation}
        hint={t('personConcerned.consent.motivationHint')}
      />
      <ProblemAlert problem={problem} />
      <button type="submit" className="primary" disabled={busy || !personId}>
        {t('personConcerned.consent.submit')}
      </button>
    </form>
  );
}

export function AddPersonForm({
  concertationId,
  onAdded,
}: {
  concertationId: string;
  onAdded(person: PersonConcerned): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [p, setP] = useState<PersonDraft>({ ...EMPTY_PERSON });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<PersonDraft>) => setP((x) => ({ ...x, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const r = await call(
      api.POST('/v1/concertations/{concertation_id}/persons-concerned', {
        params: { path: { concertation_id: concertationId } },
        body: person(p),
      }),
    );
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      setP({ ...EMPTY_PERSON });
      onAdded(r.data);
    } else setProblem(r.problem);
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby="add-person-heading" data-field="persons_concerned" noValidate>
      <h2 id="add-person-heading">{t('personConcerned.add.title')}</h2>
      <TextField
        label={t('concertationForm.personReference')}
        field="reference"
        value={p.reference}
        onChange={(v) => set({ reference: v })}
        hint={t('concertationForm.personReferenceHint')}
        required
      />
      <EnumSelect name="IdentityKind" label={t('concertationForm.identityKind')} field="identity.kind" value={p.kind} onChange={(v) => set({ kind: v })} />
      <TextField label={t('concertationForm.familyName')} field="identity.family_name" value={p.family_name} onChange={(v) => set({ family_name: v })} />
      <TextField label={t('concertationForm.givenNames')} field="identity.given_names" value={p.given_names} onChange={(v) => set({ given_names: v })} />
      <TextField
        label={t('concertationForm.birthDate')}
        field="identity.birth_date"
        type="date"
        value={p.birth_date}
        onChange={(v) => set({ birth_date: v })}
      />
      <TextField
        label={t('concertationForm.privacyNotice')}
        field="privacy_notice_given_at"
        type="date"
        value={p.privacy_notice_given_at}
        onChange={(v) => set({ privacy_notice_given_at: v })}
      />
      <CheckboxField
        label={t('concertationForm.privacyDeferred')}
        field="privacy_notice_deferred"
        checked={p.privacy_notice_deferred}
        onChange={(v) => set({ privacy_notice_deferred: v })}
      />
      <ProblemAlert problem={problem} />
      <button type="submit" className="primary" disabled={busy || !p.reference.trim()}>
        {t('personConcerned.add.submit')}
      </button>
    </form>
  );
}
