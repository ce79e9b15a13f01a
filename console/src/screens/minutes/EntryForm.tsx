import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { titleIn, useReference } from '../../api/reference';
import type { AgendaItem, MinutesEntry, MinutesEntryCreate, Participant, PersonConcerned, Problem } from '../../api/types';
import { useApi, useSession } from '../../auth/session';
import { CheckboxField, CheckboxGroup, EnumSelect, SelectField, TextField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';

interface Form {
  agenda_item_id: string;
  entry_type: string;
  speaker_id: string;
  level: string;
  necessity_justification: string;
  offence_tags: string[];
  about_persons: string[];
  may_inform_judicial_decision: boolean;
  from_judicial_investigation: string;
  investigation_shareable_confirmed: boolean;
  lawyer_client_confidential: boolean;
  may_expose_client_to_prosecution: string;
  content: string;
}

const EMPTY: Form = {
  agenda_item_id: '',
  entry_type: 'statement',
  speaker_id: '',
  level: 'process',
  necessity_justification: '',
  offence_tags: [],
  about_persons: [],
  may_inform_judicial_decision: false,
  from_judicial_investigation: '',
  investigation_shareable_confirmed: false,
  lawyer_client_confidential: false,
  may_expose_client_to_prosecution: '',
  content: '',
};

const JUDICIAL = new Set(['police', 'prosecution']);

/** What the entry sends: the speaker's extra facts only when they apply (R47 police or parquet, R21 a lawyer). */
export function entryBody(f: Form, speaker: Participant | null): MinutesEntryCreate {
  const body: MinutesEntryCreate = {
    agenda_item_id: f.agenda_item_id || null,
    entry_type: f.entry_type as MinutesEntryCreate['entry_type'],
    speaker_id: f.speaker_id || null,
    level: f.level as MinutesEntryCreate['level'],
    necessity_justification: f.necessity_justification.trim() || null,
    offence_tags: f.offence_tags,
    about_persons: f.about_persons,
    may_inform_judicial_decision: f.may_inform_judicial_decision,
    content: f.content,
  };
  if (speaker && JUDICIAL.has(speaker.sector ?? '')) {
    body.from_judicial_investigation = f.from_judicial_investigation === '' ? null : f.from_judicial_investigation === 'yes';
    if (f.from_judicial_investigation === 'yes') body.investigation_shareable_confirmed = f.investigation_shareable_confirmed;
  }
  if (speaker?.is_lawyer) {
    body.lawyer_client_confidential = f.lawyer_client_confidential;
    body.may_expose_client_to_prosecution = (f.may_expose_client_to_prosecution || null) as MinutesEntryCreate['may_expose_client_to_prosecution'];
  }
  return body;
}

export function nameOf(p: Participant): string {
  return p.display_name ?? p.subject ?? p.id.slice(0, 8);
}

/** Write an entry (chair, minute-taker or coordinator; in session or held, until the minutes are final). */
export function EntryForm({
  concertationId,
  participants,
  agenda,
  scope,
  persons,
  onAdded,
}: {
  concertationId: string;
  participants: readonly Participant[];
  agenda: readonly AgendaItem[];
  scope: readonly string[];
  persons: readonly PersonConcerned[];
  onAdded(entry: MinutesEntry): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { language } = useSession();
  const { offences } = useReference({ offences: true });
  const [f, setF] = useState<Form>(EMPTY);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Form>) => setF((x) => ({ ...x, ...patch }));
  const speaker = participants.find((p) => p.id === f.speaker_id) ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const r = await call(
      api.POST('/v1/concertations/{concertation_id}/minutes', {
        params: { path: { concertation_id: concertationId } },
        body: entryBody(f, speaker),
      }),
    );
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      // The agenda item and the speaker often stay for the next entry; what was said does not.
      setF((x) => ({ ...EMPTY, agenda_item_id: x.agenda_item_id, speaker_id: x.speaker_id, level: x.level }));
      onAdded(r.data);
    } else setProblem(r.problem);
  }

  const offenceLabel = (code: string) => {
    const o = offences?.find((x) => x.code === code);
    return o ? `${o.article} — ${titleIn(o, language)}` : code;
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="entry-heading" noValidate>
      <h2 id="entry-heading">{t('minutes.add')}</h2>
      <SelectField
        label={t('minutes.agendaItem')}
        field="agenda_item_id"
        value={f.agenda_item_id}
        onChange={(v) => set({ agenda_item_id: v })}
        empty={t('minutes.noAgendaItem')}
        options={agenda.map((a) => ({ value: a.id, label: `${a.position}. ${a.title}` }))}
      />
      <EnumSelect name="EntryType" label={t('minutes.entryType')} field="entry_type" value={f.entry_type} onChange={(v) => set({ entry_type: v })} />
      <SelectField
        label={t('minutes.speaker')}
        field="speaker"
        value={f.speaker_id}
        onChange={(v) => set({ speaker_id: v })}
        empty={t('minutes.noSpeaker')}
        options={participants.map((p) => ({ value: p.id, label: [nameOf(p), p.organisation].filter(Boolean).join(' — ') }))}
      />
      {speaker && JUDICIAL.has(speaker.sector ?? '') && (
        <>
          <SelectField
            label={t('minutes.fromInvestigation')}
            field="from_judicial_investigation"
            value={f.from_judicial_investigation}
            onChange={(v) => set({ from_judicial_investigation: v })}
            empty={t('common.choose')}
            options={[
              { value: 'no', label: t('common.no') },
              { value: 'yes', label: t('common.yes') },
            ]}
          />
          {f.from_judicial_investigation === 'yes' && (
            <CheckboxField
              label={t('minutes.shareableConfirmed')}
              field="investigation_shareable_confirmed"
              checked={f.investigation_shareable_confirmed}
              onChange={(v) => set({ investigation_shareable_confirmed: v })}
            />
          )}
        </>
      )}
      {speaker?.is_lawyer && (
        <>
          <CheckboxField
            label={t('minutes.clientConfidential')}
            field="lawyer_client_confidential"
            checked={f.lawyer_client_confidential}
            onChange={(v) => set({ lawyer_client_confidential: v })}
          />
          <SelectField
            label={t('minutes.mayExposeClient')}
            field="may_expose_client_to_prosecution"
            value={f.may_expose_client_to_prosecution}
            onChange={(v) => set({ may_expose_client_to_prosecution: v })}
            empty={t('common.choose')}
            options={(['yes', 'no', 'unknown'] as const).map((v) => ({ value: v, label: t(`minutes.tristate.${v}`) }))}
          />
        </>
      )}
      <EnumSelect name="Level" label={t('minutes.level')} field="level" value={f.level} onChange={(v) => set({ level: v })} />
      <TextField
        label={t('minutes.necessity')}
        field="necessity_justification"
        multiline
        value={f.necessity_justification}
        onChange={(v) => set({ necessity_justification: v })}
        hint={t('minutes.necessityHint')}
      />
      {scope.length > 0 && (
        <CheckboxGroup
          legend={t('minutes.offences')}
          field="offence_tags"
          options={scope.map((code) => ({ value: code, label: offenceLabel(code) }))}
          selected={f.offence_tags}
          onChange={(v) => set({ offence_tags: v })}
        />
      )}
      {persons.length > 0 && (
        <CheckboxGroup
          legend={t('minutes.aboutPersons')}
          field="about_persons"
          options={persons.map((p) => ({ value: p.reference, label: p.reference }))}
          selected={f.about_persons}
          onChange={(v) => set({ about_persons: v })}
        />
      )}
      <CheckboxField
        label={t('minutes.mayInform')}
        field="may_inform_judicial_decision"
        checked={f.may_inform_judicial_decision}
        onChange={(v) => set({ may_inform_judicial_decision: v })}
      />
      <TextField label={t('minutes.content')} field="content" multiline value={f.content} onChange={(v) => set({ content: v })} required />
      <ProblemAlert problem={problem} />
      <button type="submit" className="primary" disabled={busy || !f.content.trim()}>
        {t('minutes.submit')}
      </button>
    </form>
  );
}
