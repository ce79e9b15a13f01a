/** The guided form's model and its translation to and from the API's bodies (no rule is checked here: the
 * compliance report and the refusals come from the service). */
import { instantToLocal, localToInstant } from '../../components/fields';
import type { Concertation, ConcertationCreate, ConcertationUpdate } from '../../api/types';

type Purpose = NonNullable<ConcertationCreate['purpose']>;
type Party = NonNullable<ConcertationCreate['chair']>;
type PersonCreate = NonNullable<ConcertationCreate['persons_concerned']>[number];

export interface PartyDraft {
  name: string;
  organisation: string;
  function: string;
}

export interface PersonDraft {
  reference: string;
  kind: string;
  family_name: string;
  given_names: string;
  birth_date: string;
  privacy_notice_given_at: string;
  /** R36, R30: the data-protection notice is deferred for a child's safety. */
  privacy_notice_deferred: boolean;
}

export interface Draft {
  legal_basis_id: string;
  concertation_type: string;
  category: string;
  objective: string;
  statement: string;
  protected: Array<{ reference: string; role: string }>;
  dimensions: string[];
  threat: string;
  prevention_rationale: string;
  criminal_organisation: string;
  offence_scope: string[];
  persons: PersonDraft[];
  alternatives: Array<{ alternative: string; why: string }>;
  why_now: string;
  meeting_kind: string;
  why_person_not_present: string;
  chair: PartyDraft;
  requester: PartyDraft;
  initiator_type: string;
  scheduled_start: string;
}

export const EMPTY_PERSON: PersonDraft = {
  reference: '',
  kind: 'individual',
  family_name: '',
  given_names: '',
  birth_date: '',
  privacy_notice_given_at: '',
  privacy_notice_deferred: false,
};

export function emptyDraft(): Draft {
  return {
    legal_basis_id: '',
    concertation_type: '',
    category: '',
    objective: '',
    statement: '',
    protected: [],
    dimensions: [],
    threat: '',
    prevention_rationale: '',
    criminal_organisation: '',
    offence_scope: [],
    persons: [{ ...EMPTY_PERSON }],
    alternatives: [],
    why_now: '',
    meeting_kind: '',
    why_person_not_present: '',
    chair: { name: '', organisation: '', function: '' },
    requester: { name: '', organisation: '', function: '' },
    initiator_type: '',
    scheduled_start: '',
  };
}

const text = (s: string): string | null => (s.trim() ? s.trim() : null);

function party(p: PartyDraft): Party | null {
  if (!p.name.trim() && !p.organisation.trim() && !p.function.trim()) return null;
  return { name: text(p.name), organisation: text(p.organisation), function: text(p.function) };
}

function purpose(d: Draft): Purpose | null {
  if (!d.category) return null;
  return {
    category: d.category as Purpose['category'],
    objective: (d.objective || null) as Purpose['objective'],
    statement: text(d.statement),
    protected_persons: d.protected
      .filter((p) => p.reference.trim())
      .map((p) => ({ reference: p.reference.trim(), role: p.role as 'person_concerned' | 'third_party' })),
    integrity_dimensions: d.dimensions as Purpose['integrity_dimensions'],
    threat_description: text(d.threat),
    prevention_rationale: text(d.prevention_rationale),
    criminal_organisation: text(d.criminal_organisation),
  };
}

function subsidiarity(d: Draft): ConcertationCreate['subsidiarity'] {
  if (d.alternatives.length === 0 && !d.why_now.trim()) return null;
  return {
    alternatives_considered: d.alternatives.map((a) => ({
      alternative: a.alternative as 'voluntary_aid',
      why_insufficient: text(a.why),
    })),
    why_concertation_now: text(d.why_now),
  };
}

export function person(p: PersonDraft): PersonCreate {
  const out: PersonCreate = {
    reference: p.reference.trim(),
    identity: {
      kind: p.kind as 'individual' | 'family',
      family_name: text(p.family_name),
      given_names: text(p.given_names),
      birth_date: p.birth_date || null,
    },
  };
  if (p.privacy_notice_given_at) out.privacy_notice_given_at = localToInstant(`${p.privacy_notice_given_at}T12:00`);
  if (p.privacy_notice_deferred) out.privacy_notice_deferred = true;
  return out;
}

/** The fields both bodies share. */
function common(d: Draft) {
  return {
    concertation_type: text(d.concertation_type),
    purpose: purpose(d),
    offence_scope: d.offence_scope,
    subsidiarity: subsidiarity(d),
    meeting_kind: (d.meeting_kind || null) as ConcertationCreate['meeting_kind'],
    why_person_not_present: text(d.why_person_not_present),
    chair: party(d.chair),
    requester: party(d.requester),
    initiator_type: (d.initiator_type || null) as ConcertationCreate['initiator_type'],
    scheduled_start: localToInstant(d.scheduled_start),
  };
}

export function toCreate(d: Draft): ConcertationCreate {
  return {
    legal_basis_id: d.legal_basis_id,
    ...common(d),
    persons_concerned: d.persons.filter((p) => p.reference.trim()).map(person),
  };
}

/** Only what changed since `before` (a PATCH changes only the fields it sends). */
export function toUpdate(d: Draft, before: Draft): ConcertationUpdate {
  const now = { legal_basis_id: d.legal_basis_id || null, ...common(d) } as Record<string, unknown>;
  const then = { legal_basis_id: before.legal_basis_id || null, ...common(before) } as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(now)) {
    if (JSON.stringify(now[key]) !== JSON.stringify(then[key])) out[key] = now[key];
  }
  return out as ConcertationUpdate;
}

export function fromConcertation(c: Concertation): Draft {
  const p = c.purpose;
  const partyOf = (x: Concertation['chair']): PartyDraft => ({
    name: x?.name ?? '',
    organisation: x?.organisation ?? '',
    function: x?.function ?? '',
  });
  return {
    legal_basis_id: c.legal_basis_id,
    concertation_type: c.concertation_type ?? '',
    category: p?.category ?? '',
    objective: p?.objective ?? '',
    statement: p?.statement ?? '',
    protected: (p?.protected_persons ?? []).map((x) => ({ reference: x.reference, role: x.role })),
    dimensions: [...(p?.integrity_dimensions ?? [])],
    threat: p?.threat_description ?? '',
    prevention_rationale: p?.prevention_rationale ?? '',
    criminal_organisation: p?.criminal_organisation ?? '',
    offence_scope: [...(c.offence_scope ?? [])],
    persons: [],
    alternatives: (c.subsidiarity?.alternatives_considered ?? []).map((a) => ({
      alternative: a.alternative,
      why: a.why_insufficient ?? '',
    })),
    why_now: c.subsidiarity?.why_concertation_now ?? '',
    meeting_kind: c.meeting_kind ?? '',
    why_person_not_present: c.why_person_not_present ?? '',
    chair: partyOf(c.chair),
    requester: partyOf(c.requester),
    initiator_type: c.initiator_type ?? '',
    scheduled_start: instantToLocal(c.scheduled_start),
  };
}
