import { useTranslation } from 'react-i18next';
import { ENUMS } from '../../api/enums';
import { titleIn, type Reference } from '../../api/reference';
import type { LegalBasis } from '../../api/types';
import { useSession } from '../../auth/session';
import { CheckboxField, CheckboxGroup, EnumSelect, Group, SelectField, TextField } from '../../components/fields';
import { EMPTY_PERSON, type Draft, type PartyDraft, type PersonDraft } from './draft';

interface Props {
  draft: Draft;
  onChange(draft: Draft): void;
  reference: Reference;
  bases: LegalBasis[];
  /** Persons concerned are given at creation (the edit form has no such group). */
  withPersons: boolean;
}

/** The guided fields of a concertation; each carries the API's name for it (`data-field`). */
export function ConcertationFields({ draft, onChange, reference, bases, withPersons }: Props) {
  const { t } = useTranslation();
  const { language } = useSession();
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });
  const offences = (reference.offences ?? []).filter(
    (o) => !draft.category || o.purposes.includes(draft.category as (typeof o.purposes)[number]),
  );
  const types = reference.policy?.concertation_types ?? [];

  function party(which: 'chair' | 'requester') {
    const p = draft[which];
    const put = (patch: Partial<PartyDraft>) => set({ [which]: { ...p, ...patch } });
    return (
      <Group legend={t(`concertationForm.${which}`)} field={which}>
        <TextField label={t(`concertationForm.${which}Name`)} field={`${which}.name`} value={p.name} onChange={(v) => put({ name: v })} />
        <TextField
          label={t(`concertationForm.${which}Organisation`)}
          field={`${which}.organisation`}
          value={p.organisation}
          onChange={(v) => put({ organisation: v })}
        />
        <TextField
          label={t(`concertationForm.${which}Function`)}
          field={`${which}.function`}
          value={p.function}
          onChange={(v) => put({ function: v })}
        />
      </Group>
    );
  }

  function setPerson(i: number, patch: Partial<PersonDraft>) {
    set({ persons: draft.persons.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  }

  return (
    <>
      <SelectField
        label={t('concertationForm.basis')}
        field="legal_basis_id"
        value={draft.legal_basis_id}
        onChange={(v) => set({ legal_basis_id: v })}
        empty={t('common.choose')}
        options={bases.filter((b) => b.status === 'active' || b.id === draft.legal_basis_id).map((b) => ({ value: b.id, label: b.title }))}
        required
      />
      <SelectField
        label={t('concertationForm.type')}
        field="concertation_type"
        value={draft.concertation_type}
        onChange={(v) => set({ concertation_type: v })}
        empty={t('common.choose')}
        options={types.map((c) => ({ value: c, label: t(`concertationType.${c}`, { defaultValue: c }) }))}
      />
      <Group legend={t('concertationForm.purposeGroup')} field="purpose">
        <SelectField
          label={t('concertationForm.purpose')}
          field="purpose.category"
          value={draft.category}
          onChange={(v) => set({ category: v, offence_scope: [] })}
          empty={t('common.choose')}
          options={
            reference.purposes
              ? reference.purposes.map((p) => ({ value: p.code, label: titleIn(p, language) }))
              : ENUMS.PurposeCategory.map((code) => ({ value: code, label: t(`enum.PurposeCategory.${code}`) }))
          }
        />
        <EnumSelect
          name="Objective"
          label={t('concertationForm.objective')}
          field="purpose.objective"
          value={draft.objective}
          onChange={(v) => set({ objective: v })}
          empty={t('common.choose')}
        />
        <TextField
          label={t('concertationForm.statement')}
          field="purpose.statement"
          multiline
          value={draft.statement}
          onChange={(v) => set({ statement: v })}
        />
        <Group legend={t('concertationForm.protectedPersons')} field="purpose.protected_persons">
          {draft.protected.map((p, i) => (
            <div className="row" key={i} data-field={`purpose.protected_persons[${i}]`}>
              <TextField
                label={t('concertationForm.protectedReference')}
                value={p.reference}
                onChange={(v) => set({ protected: draft.protected.map((x, j) => (j === i ? { ...x, reference: v } : x)) })}
              />
              <EnumSelect
                name="ProtectedPersonRole"
                label={t('concertationForm.protectedRole')}
                value={p.role}
                onChange={(v) => set({ protected: draft.protected.map((x, j) => (j === i ? { ...x, role: v } : x)) })}
              />
              <button type="button" onClick={() => set({ protected: draft.protected.filter((_, j) => j !== i) })}>
                {t('common.remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() =>
              set({
                protected: [
                  ...draft.protected,
                  { reference: draft.persons[0]?.reference ?? '', role: 'person_concerned' },
                ],
              })
            }
          >
            {t('concertationForm.addProtected')}
          </button>
        </Group>
        <CheckboxGroup
          legend={t('concertationForm.dimensions')}
          field="purpose.integrity_dimensions"
          options={ENUMS.IntegrityDimension.map((v) => ({ value: v, label: t(`enum.IntegrityDimension.${v}`) }))}
          selected={draft.dimensions}
          onChange={(v) => set({ dimensions: v })}
        />
        <TextField
          label={t('concertationForm.threat')}
          field="purpose.threat_description"
          multiline
          value={draft.threat}
          onChange={(v) => set({ threat: v })}
        />
        <TextField
          label={t('concertationForm.preventionRationale')}
          field="purpose.prevention_rationale"
          multiline
          value={draft.prevention_rationale}
          onChange={(v) => set({ prevention_rationale: v })}
        />
        <TextField
          label={t('concertationForm.criminalOrganisation')}
          field="purpose.criminal_organisation"
          multiline
          value={draft.criminal_organisation}
          onChange={(v) => set({ criminal_organisation: v })}
        />
      </Group>
      <CheckboxGroup
        legend={t('concertationForm.offenceScope')}
        field="offence_scope"
        options={offences.map((o) => ({
          value: o.code,
          label: `${o.article} — ${titleIn(o, language)}${o.in_force ? '' : ` (${t('concertationForm.notInForce')})`}`,
        }))}
        selected={draft.offence_scope}
        onChange={(v) => set({ offence_scope: v })}
      />
      {withPersons && (
        <Group legend={t('concertationForm.persons')} field="persons_concerned">
          {draft.persons.map((p, i) => (
            <div className="row" key={i} data-field={`persons_concerned[${i}]`}>
              <TextField
                label={t('concertationForm.personReference')}
                field={`persons_concerned[${i}].reference`}
                value={p.reference}
                onChange={(v) => setPerson(i, { reference: v })}
                hint={t('concertationForm.personReferenceHint')}
              />
              <EnumSelect
                name="IdentityKind"
                label={t('concertationForm.identityKind')}
                field={`persons_concerned[${i}].identity.kind`}
                value={p.kind}
                onChange={(v) => setPerson(i, { kind: v })}
              />
              <TextField
                label={t('concertationForm.familyName')}
                field={`persons_concerned[${i}].identity.family_name`}
                value={p.family_name}
                onChange={(v) => setPerson(i, { family_name: v })}
              />
              <TextField
                label={t('concertationForm.givenNames')}
                field={`persons_concerned[${i}].identity.given_names`}
                value={p.given_names}
                onChange={(v) => setPerson(i, { given_names: v })}
              />
              <TextField
                label={t('concertationForm.birthDate')}
                field={`persons_concerned[${i}].identity.birth_date`}
                type="date"
                value={p.birth_date}
                onChange={(v) => setPerson(i, { birth_date: v })}
              />
              <TextField
                label={t('concertationForm.privacyNotice')}
                field={`persons_concerned[${i}].privacy_notice_given_at`}
                type="date"
                value={p.privacy_notice_given_at}
                onChange={(v) => setPerson(i, { privacy_notice_given_at: v })}
              />
              <CheckboxField
                label={t('concertationForm.privacyDeferred')}
                field={`persons_concerned[${i}].privacy_notice_deferred`}
                checked={p.privacy_notice_deferred}
                onChange={(v) => setPerson(i, { privacy_notice_deferred: v })}
              />
              <button type="button" onClick={() => set({ persons: draft.persons.filter((_, j) => j !== i) })}>
                {t('common.remove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set({ persons: [...draft.persons, { ...EMPTY_PERSON }] })}>
            {t('concertationForm.addPerson')}
          </button>
        </Group>
      )}
      <Group legend={t('concertationForm.subsidiarity')} field="subsidiarity">
        <fieldset className="group" data-field="subsidiarity.alternatives_considered">
          <legend>{t('concertationForm.alternatives')}</legend>
          {ENUMS.Alternative.map((alt) => {
            const at = draft.alternatives.findIndex((a) => a.alternative === alt);
            const on = at >= 0;
            return (
              <div key={alt} className="alternative">
                <CheckboxField
                  label={t(`enum.Alternative.${alt}`)}
                  checked={on}
                  onChange={(checked) =>
                    set({
                      alternatives: checked
                        ? [...draft.alternatives, { alternative: alt, why: '' }]
                        : draft.alternatives.filter((a) => a.alternative !== alt),
                    })
                  }
                />
                {on && (
                  <TextField
                    label={`${t('concertationForm.whyInsufficient')} (${t(`enum.Alternative.${alt}`)})`}
                    field={`subsidiarity.alternatives_considered[${at}].why_insufficient`}
                    multiline
                    value={draft.alternatives[at]?.why ?? ''}
                    onChange={(v) =>
                      set({ alternatives: draft.alternatives.map((a, j) => (j === at ? { ...a, why: v } : a)) })
                    }
                  />
                )}
              </div>
            );
          })}
        </fieldset>
        <TextField
          label={t('concertationForm.whyNow')}
          field="subsidiarity.why_concertation_now"
          multiline
          value={draft.why_now}
          onChange={(v) => set({ why_now: v })}
        />
      </Group>
      <EnumSelect
        name="MeetingKind"
        label={t('concertationForm.meetingKind')}
        field="meeting_kind"
        value={draft.meeting_kind}
        onChange={(v) => set({ meeting_kind: v })}
        empty={t('common.choose')}
      />
      <TextField
        label={t('concertationForm.whyAbsent')}
        field="why_person_not_present"
        multiline
        value={draft.why_person_not_present}
        onChange={(v) => set({ why_person_not_present: v })}
      />
      {party('chair')}
      {party('requester')}
      <EnumSelect
        name="InitiatorType"
        label={t('concertationForm.initiator')}
        field="initiator_type"
        value={draft.initiator_type}
        onChange={(v) => set({ initiator_type: v })}
        empty={t('common.choose')}
      />
      <TextField
        label={t('concertationForm.scheduledStart')}
        field="scheduled_start"
        type="datetime-local"
        value={draft.scheduled_start}
        onChange={(v) => set({ scheduled_start: v })}
      />
    </>
  );
}
