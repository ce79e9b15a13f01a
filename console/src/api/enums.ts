/** The values of the API's enumerations, checked against the generated schema (their labels are in the
 * catalogues under `enum.<Name>.<value>`). */
import type { components } from './schema';

type S = components['schemas'];

function values<T extends string>() {
  return <const V extends readonly T[]>(v: V & ([T] extends [V[number]] ? unknown : never)) => v;
}

export const ENUMS = {
  BasisType: values<S['BasisType']>()(['law', 'decree', 'ordinance', 'prosecutor_authorisation']),
  Legislator: values<S['Legislator']>()(['federal', 'community', 'region', 'brussels_capital']),
  Sector: values<S['Sector']>()([
    'aid_care',
    'health',
    'social_security_cpas',
    'police',
    'prosecution',
    'local_administration',
    'school',
    'justice_house',
    'lawyer',
    'other',
  ]),
  AuthorisedParticipantKind: values<S['AuthorisedParticipantKind']>()(['category', 'person']),
  PurposeCategory: values<S['PurposeCategory']>()([
    'protect_integrity',
    'prevent_terrorist_offences',
    'prevent_criminal_organisation_offences',
  ]),
  Objective: values<S['Objective']>()(['protect', 'prevent', 'collect_evidence']),
  ProtectedPersonRole: values<S['ProtectedPersonRole']>()(['person_concerned', 'third_party']),
  IntegrityDimension: values<S['IntegrityDimension']>()(['physical', 'psychological']),
  Alternative: values<S['Alternative']>()([
    'voluntary_aid',
    'shared_professional_secrecy',
    'art_458bis_report',
    'state_of_necessity',
    'referral_to_specialised_service',
    'other',
  ]),
  MeetingKind: values<S['MeetingKind']>()(['case_concertation', 'client_concertation']),
  InitiatorType: values<S['InitiatorType']>()(['aid_service', 'parquet', 'other']),
  IdentityKind: values<S['IdentityKind']>()(['individual', 'family']),
  SecrecySource: values<S['SecrecySource']>()([
    'art_458_cp',
    'art_77_law_8_april_1965',
    'art_57_decree_4_march_1991',
    'arts_36_50_cpas_organic_law',
    'other_specific_law',
    'none_duty_of_discretion',
  ]),
  MagistrateFunction: values<S['MagistrateFunction']>()(['procureur_du_roi', 'substitut', 'parquet_magistrate']),
  ParticipantRole: values<S['ParticipantRole']>()(['member', 'chair', 'minute_taker']),
  ConsentSubject: values<S['ConsentSubject']>()(['person', 'legal_representative']),
  ConsentScope: values<S['ConsentScope']>()(['concertation', 'prosecutor_presence']),
  ConsentStatus: values<S['ConsentStatus']>()(['given', 'refused', 'not_asked', 'impossible']),
  ConsentInformation: values<S['ConsentInformation']>()([
    'magistrate_identity_and_role',
    'purpose',
    'what_may_be_shared',
    'prosecution_scope',
    'right_to_refuse',
  ]),
  InformationItem: values<S['InformationItem']>()([
    'concertation_held',
    'participants',
    'what_was_shared',
    'what_was_decided',
  ]),
  ExceptionReason: values<S['ExceptionReason']>()(['child_safety_endangered', 'contrary_to_child_interest']),
  EntryType: values<S['EntryType']>()(['statement', 'decision', 'youth_protection_report']),
  Level: values<S['Level']>()(['process', 'content']),
  Use: values<S['Use']>()([
    'criminal_prosecution',
    'administrative_sanction',
    'social_fraud_recovery',
    'residence_or_immigration',
    'civil_proceedings',
    'disciplinary_proceedings',
  ]),
  InvitationStatus: values<S['InvitationStatus']>()(['pending', 'accepted', 'refused']),
  ConcertationState: values<S['ConcertationState']>()(['draft', 'scheduled', 'in_session', 'held', 'closed', 'cancelled']),
  Status: values<S['Status']>()(['fail', 'warn', 'pass']),
  Outcome: values<S['Outcome']>()(['success', 'refused', 'denied']),
  PartyKind: values<S['PartyKind']>()(['professional', 'team', 'hierarchy', 'relative']),
  ItemPurpose: values<S['ItemPurpose']>()(['care_of_person', 'control', 'sanction', 'prosecution']),
  HierarchyPurpose: values<S['HierarchyPurpose']>()(['supervision', 'support', 'demand_of_hierarchy']),
  InvokedGround: values<S['InvokedGround']>()(['none', 'art_29_cic', 'art_422bis', 'consent']),
  ReportRecipient: values<S['ReportRecipient']>()(['procureur_du_roi', 'police', 'other']),
  Vulnerability: values<S['Vulnerability']>()([
    'age',
    'pregnancy',
    'partner_violence',
    'illness',
    'infirmity',
    'physical_or_mental_deficiency',
  ]),
  FactualBasisKind: values<S['FactualBasisKind']>()([
    'observed',
    'disclosed_by_victim',
    'reported_by_third_party',
    'rumour',
    'concern_only',
  ]),
  DangerTime: values<S['DangerTime']>()(['present', 'future', 'past_not_recurring']),
  InterestWeighing: values<S['InterestWeighing']>()(['more_compelling', 'equal', 'lesser', 'unknown']),
  ConsultedKind: values<S['ConsultedKind']>()(['secret_bound_colleague', 'lawyer']),
  FollowUpOutcome: values<S['FollowUpOutcome']>()(['support_continues', 'handed_over']),
  RecordStatus: values<S['RecordStatus']>()(['recorded', 'follow_up_open', 'closed']),
  Regime: values<S['Regime']>()(['shared_secrecy', 'art_458ter_concertation', 'art_458bis_report', 'state_of_necessity']),
  Routing: values<S['Routing']>()(['shared_secrecy', 'requires_458ter', 'not_allowed', 'not_restricted']),
  SharedSecretConsentMode: values<S['SharedSecretConsentMode']>()(['consent_required', 'information_only']),
} as const;

export type EnumName = keyof typeof ENUMS;
