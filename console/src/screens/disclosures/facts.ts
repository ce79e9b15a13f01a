/** The facts of a contemplated exchange as the forms hold them (strings and booleans), and the bodies the API
 * takes: the classification (`POST /v1/disclosures/classify`) and the three records made from the same facts.
 * Nothing here decides anything: a fact left empty is sent as absent, and the service says what it makes of it. */
import type {
  Art458bisReportCreate,
  ClassifyRequest,
  Danger,
  Discloser,
  Master,
  NecessityRecordCreate,
  Recipient,
  SharedSecretExchangeCreate,
} from '../../api/types';
import { localToInstant } from '../../components/fields';

export interface DiscloserDraft {
  reference: string;
  sector: string;
  organisation: string;
  function: string;
  bound: boolean;
  secrecySource: string;
  missionId: string;
  judicialMandate: boolean;
  isLawyer: boolean;
  fromOwnClient: boolean;
  suspected: boolean;
}

export interface RecipientDraft {
  reference: string;
  kind: string;
  sector: string;
  organisation: string;
  function: string;
  bound: boolean;
  secrecySource: string;
  secrecyEvidence: string;
  missionId: string;
  judicialMandate: boolean;
  allMembersBound: boolean;
  magistrateFunction: string;
}

export interface ItemDraft {
  reference: string;
  /** Only for a recorded exchange (sealed). */
  content: string;
  justification: string;
  inInterest: boolean;
  serves: string;
  pseudonymised: boolean;
}

export interface MasterDraft {
  consent: string;
  recipients: string[];
  items: string[];
  informed: boolean;
  teamNotice: boolean;
  /** datetime-local values (recorded exchange only). */
  consentGivenAt: string;
  informedAt: string;
}

export interface ReportDraft {
  offence: string;
  isMinor: boolean;
  vulnerabilities: string[];
  dangerToVictim: boolean;
  dangerToOthers: boolean;
  unableToProtect: boolean;
  kinds: string[];
  factsDescription: string;
  observedOn: string;
  recipient: string;
  judicialDistrict: string;
}

export interface NecessityDraft {
  grave: boolean;
  imminent: boolean;
  harmToAnother: boolean;
  time: string;
  weighing: string;
  interestProtected: string;
  noOtherMeans: boolean;
  alternatives: string;
  limited: boolean;
  disclosed: string;
  disclosedTo: string;
  consulted: string[];
  /** '' (not said), 'yes' or 'no'. */
  spokenTo: string;
  whyNotSpokenTo: string;
  assessedBy: string;
  assessedAt: string;
}

export interface Facts {
  discloser: DiscloserDraft;
  aboutHimself: boolean;
  recipients: RecipientDraft[];
  items: ItemDraft[];
  master: MasterDraft;
  purpose: string;
  /** The danger's description: both art. 458bis and the state of necessity describe it. */
  dangerDescription: string;
  report: ReportDraft;
  necessity: NecessityDraft;
  invokedGround: string;
  /** For a record: the person, by a pseudonymous reference, and the follow-up plan (R103). */
  personRef: string;
  followUpPlan: string;
}

export const EMPTY_RECIPIENT: RecipientDraft = {
  reference: '',
  kind: 'professional',
  sector: '',
  organisation: '',
  function: '',
  bound: false,
  secrecySource: '',
  secrecyEvidence: '',
  missionId: '',
  judicialMandate: false,
  allMembersBound: false,
  magistrateFunction: '',
};

export const EMPTY_ITEM: ItemDraft = {
  reference: '',
  content: '',
  justification: '',
  inInterest: false,
  serves: '',
  pseudonymised: false,
};

export function emptyFacts(reference = ''): Facts {
  return {
    discloser: {
      reference,
      sector: 'aid_care',
      organisation: '',
      function: '',
      bound: true,
      secrecySource: 'art_458_cp',
      missionId: '',
      judicialMandate: false,
      isLawyer: false,
      fromOwnClient: false,
      suspected: false,
    },
    aboutHimself: false,
    recipients: [{ ...EMPTY_RECIPIENT }],
    items: [{ ...EMPTY_ITEM }],
    master: { consent: '', recipients: [], items: [], informed: false, teamNotice: false, consentGivenAt: '', informedAt: '' },
    purpose: '',
    dangerDescription: '',
    report: {
      offence: '',
      isMinor: false,
      vulnerabilities: [],
      dangerToVictim: false,
      dangerToOthers: false,
      unableToProtect: false,
      kinds: [],
      factsDescription: '',
      observedOn: '',
      recipient: '',
      judicialDistrict: '',
    },
    necessity: {
      grave: false,
      imminent: false,
      harmToAnother: false,
      time: '',
      weighing: '',
      interestProtected: '',
      noOtherMeans: false,
      alternatives: '',
      limited: false,
      disclosed: '',
      disclosedTo: '',
      consulted: [],
      spokenTo: '',
      whyNotSpokenTo: '',
      assessedBy: '',
      assessedAt: '',
    },
    invokedGround: 'none',
    personRef: '',
    followUpPlan: '',
  };
}

const text = (value: string): string | null => value.trim() || null;

function discloser(d: DiscloserDraft): Discloser {
  return {
    reference: d.reference.trim(),
    sector: d.sector as Discloser['sector'],
    organisation: text(d.organisation),
    function: text(d.function),
    bound_by_professional_secrecy: d.bound,
    secrecy_source: (d.secrecySource || null) as Discloser['secrecy_source'],
    mission_id: text(d.missionId),
    judicial_mandate: d.judicialMandate,
    is_lawyer: d.isLawyer,
    information_from_own_client: d.isLawyer ? d.fromOwnClient : null,
    suspected: d.suspected,
  };
}

function recipient(r: RecipientDraft): Recipient {
  return {
    reference: r.reference.trim(),
    kind: r.kind as Recipient['kind'],
    sector: (r.sector || null) as Recipient['sector'],
    organisation: text(r.organisation),
    function: text(r.function),
    bound_by_professional_secrecy: r.bound,
    secrecy_source: (r.secrecySource || null) as Recipient['secrecy_source'],
    secrecy_evidence: text(r.secrecyEvidence),
    mission_id: text(r.missionId),
    judicial_mandate: r.judicialMandate,
    all_members_bound: r.kind === 'team' ? r.allMembersBound : null,
    magistrate_function: (r.magistrateFunction || null) as Recipient['magistrate_function'],
  };
}

const filled = <T extends { reference: string }>(rows: T[]): T[] => rows.filter((r) => r.reference.trim());

function items(f: Facts) {
  return filled(f.items).map((i) => ({
    reference: i.reference.trim(),
    necessity_justification: text(i.justification),
    in_interest_of_person: i.inInterest,
    serves: (i.serves || null) as 'care_of_person' | null,
    pseudonymised: i.pseudonymised,
  }));
}

/** The references the master's consent may name: those of the rows as they are now. */
export function references(rows: Array<{ reference: string }>): string[] {
  return [...new Set(filled(rows).map((r) => r.reference.trim()))];
}

function master(f: Facts, withDates: boolean): Master | null {
  const m = f.master;
  const recipients = references(f.recipients).filter((r) => m.recipients.includes(r));
  const itemRefs = references(f.items).filter((r) => m.items.includes(r));
  if (!m.consent && !m.informed && !m.teamNotice && recipients.length === 0 && itemRefs.length === 0) return null;
  const out: Master = {
    consent: (m.consent || null) as Master['consent'],
    consent_recipients: recipients,
    consent_items: itemRefs,
    informed: m.informed,
    team_sharing_notice_given: m.teamNotice || null,
  };
  if (withDates) {
    out.consent_given_at = localToInstant(m.consentGivenAt);
    out.informed_at = localToInstant(m.informedAt);
  }
  return out;
}

function reportDanger(f: Facts): Danger {
  return {
    grave_and_imminent_danger_to_victim: f.report.dangerToVictim,
    serious_danger_to_other_victims: f.report.dangerToOthers,
    unable_to_protect_alone_or_with_third_parties: f.report.unableToProtect,
  };
}

function necessityDanger(f: Facts): Danger {
  const n = f.necessity;
  return {
    grave: n.grave,
    imminent: n.imminent,
    harm_to_another: n.harmToAnother,
    time: (n.time || null) as Danger['time'],
  };
}

/** Whether the reader said anything about the report (art. 458bis) or the necessity: else their facts are absent. */
export function saysReport(f: Facts): boolean {
  const r = f.report;
  return Boolean(
    r.offence || r.isMinor || r.vulnerabilities.length || r.dangerToVictim || r.dangerToOthers || r.unableToProtect ||
      r.kinds.length || r.factsDescription.trim() || r.recipient,
  );
}

export function saysNecessity(f: Facts): boolean {
  const n = f.necessity;
  return Boolean(
    n.grave || n.imminent || n.harmToAnother || n.time || n.weighing || n.interestProtected.trim() || n.noOtherMeans ||
      n.alternatives.trim() || n.limited || n.disclosed.trim() || n.disclosedTo.trim() || n.consulted.length || n.spokenTo,
  );
}

function factualBasis(f: Facts) {
  return {
    kinds: f.report.kinds as Array<'observed'>,
    description: text(f.report.factsDescription),
    observed_on: f.report.observedOn || null,
  };
}

function weighing(f: Facts) {
  return {
    weighing: (f.necessity.weighing || null) as 'more_compelling' | null,
    interest_protected: text(f.necessity.interestProtected),
  };
}

function subsidiarity(f: Facts) {
  return { no_other_means: f.necessity.noOtherMeans, alternatives_tried: splitLines(f.necessity.alternatives) };
}

function proportionality(f: Facts) {
  return {
    disclosure_limited_to_averting: f.necessity.limited,
    disclosed: text(f.necessity.disclosed),
    disclosed_to: text(f.necessity.disclosedTo),
  };
}

function spokenTo(f: Facts): boolean | null {
  return f.necessity.spokenTo === 'yes' ? true : f.necessity.spokenTo === 'no' ? false : null;
}

/** One alternative per line (an alternative may hold a comma). */
export function splitLines(value: string): string[] {
  return value
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function toClassify(f: Facts): ClassifyRequest {
  const body: ClassifyRequest = {
    discloser: discloser(f.discloser),
    discloser_is_person_concerned: f.aboutHimself,
    recipients: filled(f.recipients).map(recipient),
    items: items(f),
    master: master(f, false),
    purpose_category: (f.purpose || null) as ClassifyRequest['purpose_category'],
    invoked_ground: f.invokedGround as ClassifyRequest['invoked_ground'],
  };
  const report = saysReport(f);
  const necessity = saysNecessity(f);
  if (report || necessity) {
    body.danger = {
      ...(report ? reportDanger(f) : {}),
      ...(necessity ? necessityDanger(f) : {}),
      description: text(f.dangerDescription),
    };
  }
  if (report) {
    body.offence = f.report.offence || null;
    body.victim = { is_minor: f.report.isMinor, vulnerabilities: f.report.vulnerabilities as Array<'age'> };
    body.factual_basis = factualBasis(f);
    body.recipient_of_report = (f.report.recipient || null) as ClassifyRequest['recipient_of_report'];
  }
  if (necessity) {
    body.weighing = weighing(f);
    body.subsidiarity = subsidiarity(f);
    body.proportionality = proportionality(f);
    body.consulted = f.necessity.consulted as Array<'lawyer'>;
    body.person_spoken_to = spokenTo(f);
    body.why_person_not_spoken_to = text(f.necessity.whyNotSpokenTo);
  }
  return body;
}

export function toExchange(f: Facts): SharedSecretExchangeCreate {
  return {
    person_ref: f.personRef.trim(),
    discloser: discloser(f.discloser),
    recipients: filled(f.recipients).map(recipient),
    items: filled(f.items).map((i, n) => ({ ...items(f)[n]!, content: i.content })),
    master: master(f, true),
  };
}

export function toReport(f: Facts): Art458bisReportCreate {
  return {
    person_ref: f.personRef.trim(),
    discloser: discloser(f.discloser),
    offence: f.report.offence,
    victim: { is_minor: f.report.isMinor, vulnerabilities: f.report.vulnerabilities as Array<'age'> },
    danger: { ...reportDanger(f), description: text(f.dangerDescription) },
    recipient: (f.report.recipient || 'procureur_du_roi') as Art458bisReportCreate['recipient'],
    judicial_district: text(f.report.judicialDistrict),
    factual_basis: factualBasis(f),
    follow_up_plan: text(f.followUpPlan),
  };
}

export function toNecessity(f: Facts): NecessityRecordCreate {
  return {
    person_ref: f.personRef.trim(),
    discloser: discloser(f.discloser),
    danger: { ...necessityDanger(f), description: text(f.dangerDescription) },
    weighing: weighing(f),
    subsidiarity: subsidiarity(f),
    proportionality: proportionality(f),
    consulted: f.necessity.consulted as Array<'lawyer'>,
    person_spoken_to: spokenTo(f),
    why_person_not_spoken_to: text(f.necessity.whyNotSpokenTo),
    assessed_by: text(f.necessity.assessedBy),
    assessed_at: localToInstant(f.necessity.assessedAt),
    follow_up_plan: text(f.followUpPlan),
    invoked_ground: f.invokedGround as NecessityRecordCreate['invoked_ground'],
  };
}

/** Where each regime that can be recorded here has its form (the 458ter one is a concertation). */
export const RECORD_FORMS: Partial<Record<string, string>> = {
  shared_secrecy: '/disclosures/shared-secret-exchanges/new',
  art_458bis_report: '/disclosures/art-458bis-reports/new',
  state_of_necessity: '/disclosures/necessity-records/new',
};

export const LISTS = {
  shared_secrecy: '/disclosures/shared-secret-exchanges',
  art_458bis_report: '/disclosures/art-458bis-reports',
  state_of_necessity: '/disclosures/necessity-records',
} as const;
