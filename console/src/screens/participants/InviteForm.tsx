import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import type { LegalBasis, Participant, ParticipantCreate, Problem } from '../../api/types';
import { useApi, useSession } from '../../auth/session';
import { CheckboxField, EnumSelect, TextField, splitList } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { describeAuthorised } from '../legal-bases/BasisView';
import { matchingEntries, type Profile } from './matching';

interface Form extends Profile {
  issuer: string;
  subject: string;
  display_name: string;
  mission_statement: string;
  bound: boolean;
  secrecy_source: string;
  is_lawyer: boolean;
  under_mandate: boolean;
  mandating_authority: string;
  informed: boolean;
  works_with: string;
  magistrate_function: string;
  role: string;
}

function body(f: Form): ParticipantCreate {
  const text = (s: string) => (s.trim() ? s.trim() : null);
  const out: ParticipantCreate = {
    issuer: text(f.issuer),
    subject: text(f.subject),
    display_name: text(f.display_name),
    organisation: text(f.organisation),
    sector: (f.sector || null) as ParticipantCreate['sector'],
    function: text(f.function),
    mission_statement: text(f.mission_statement),
    bound_by_professional_secrecy: f.bound,
    secrecy_source: (f.secrecy_source || null) as ParticipantCreate['secrecy_source'],
    is_lawyer: f.is_lawyer,
    under_mandate: f.under_mandate,
    works_with: splitList(f.works_with),
    role: f.role as ParticipantCreate['role'],
  };
  if (f.person_ref.trim()) out.person_ref = f.person_ref.trim();
  if (f.under_mandate) {
    out.mandating_authority = text(f.mandating_authority);
    out.person_informed_of_mandate = f.informed;
  }
  if (f.magistrate_function) out.magistrate_function = f.magistrate_function as ParticipantCreate['magistrate_function'];
  return out;
}

/** Debounced: the profile as it was when the typing paused. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function InviteForm({
  concertationId,
  basis,
  onInvited,
}: {
  concertationId: string;
  basis: LegalBasis | null;
  onInvited(p: Participant): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { config } = useSession();
  const empty = (): Form => ({
    issuer: config.dev_issuer,
    subject: '',
    display_name: '',
    organisation: '',
    sector: '',
    function: '',
    person_ref: '',
    mission_statement: '',
    bound: true,
    secrecy_source: '',
    is_lawyer: false,
    under_mandate: false,
    mandating_authority: '',
    informed: false,
    works_with: '',
    magistrate_function: '',
    role: 'member',
  });
  const [f, setF] = useState<Form>(empty);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Form>) => setF((x) => ({ ...x, ...patch }));

  const profile = useDebounced(
    { sector: f.sector, function: f.function, organisation: f.organisation, person_ref: f.person_ref },
    300,
  );
  const entries = basis?.determines?.authorised_participants ?? [];
  const typed = Boolean(profile.sector || profile.function.trim() || profile.organisation.trim() || profile.person_ref.trim());
  const matches = typed ? matchingEntries(profile, entries) : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const r = await call(
      api.POST('/v1/concertations/{concertation_id}/participants', {
        params: { path: { concertation_id: concertationId } },
        body: body(f),
      }),
    );
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      setF(empty());
      onInvited(r.data);
    } else {
      setProblem(r.problem);
    }
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby="invite-heading" noValidate>
      <h2 id="invite-heading">{t('participants.invite')}</h2>
      <TextField label={t('participants.issuer')} field="issuer" value={f.issuer} onChange={(v) => set({ issuer: v })} />
      <TextField label={t('participants.subject')} field="subject" value={f.subject} onChange={(v) => set({ subject: v })} />
      <TextField label={t('participants.displayName')} field="display_name" value={f.display_name} onChange={(v) => set({ display_name: v })} />
      <TextField label={t('participants.organisation')} field="organisation" value={f.organisation} onChange={(v) => set({ organisation: v })} />
      <EnumSelect
        name="Sector"
        label={t('participants.sector')}
        field="sector"
        value={f.sector}
        onChange={(v) => set({ sector: v })}
        empty={t('common.choose')}
      />
      <TextField label={t('participants.function')} field="function" value={f.function} onChange={(v) => set({ function: v })} />
      <TextField label={t('participants.personRef')} field="person_ref" value={f.person_ref} onChange={(v) => set({ person_ref: v })} />
      <div className="match" role="status" aria-live="polite">
        {!basis
          ? null
          : !typed
            ? t('participants.matchHint')
            : matches.length > 0
              ? t('participants.matches', {
                  entries: matches.map((i) => (entries[i] ? describeAuthorised(entries[i], t) : '')).join(' ; '),
                })
              : t('participants.noMatch')}
      </div>
      <TextField
        label={t('participants.mission')}
        field="mission_statement"
        multiline
        value={f.mission_statement}
        onChange={(v) => set({ mission_statement: v })}
      />
      <CheckboxField label={t('participants.bound')} field="bound_by_professional_secrecy" checked={f.bound} onChange={(v) => set({ bound: v })} />
      <EnumSelect
        name="SecrecySource"
        label={t('participants.secrecySource')}
        field="secrecy_source"
        value={f.secrecy_source}
        onChange={(v) => set({ secrecy_source: v })}
        empty={t('common.choose')}
      />
      <CheckboxField label={t('participants.lawyer')} field="is_lawyer" checked={f.is_lawyer} onChange={(v) => set({ is_lawyer: v })} />
      <CheckboxField
        label={t('participants.mandate')}
        field="under_mandate"
        checked={f.under_mandate}
        onChange={(v) => set({ under_mandate: v })}
      />
      {f.under_mandate && (
        <>
          <TextField
            label={t('participants.mandatingAuthority')}
            field="mandating_authority"
            value={f.mandating_authority}
            onChange={(v) => set({ mandating_authority: v })}
          />
          <CheckboxField
            label={t('participants.informed')}
            field="person_informed_of_mandate"
            checked={f.informed}
            onChange={(v) => set({ informed: v })}
          />
        </>
      )}
      <TextField label={t('participants.worksWith')} field="works_with" value={f.works_with} onChange={(v) => set({ works_with: v })} />
      <EnumSelect
        name="MagistrateFunction"
        label={t('participants.magistrate')}
        field="magistrate_function"
        value={f.magistrate_function}
        onChange={(v) => set({ magistrate_function: v })}
        empty={t('common.none')}
      />
      <EnumSelect name="ParticipantRole" label={t('participants.role')} field="role" value={f.role} onChange={(v) => set({ role: v })} />
      <ProblemAlert problem={problem} />
      <button type="submit" className="primary" disabled={busy}>
        {t('participants.submit')}
      </button>
    </form>
  );
}
