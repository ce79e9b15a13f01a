"""The closed vocabularies of art. 458ter and of the rule book.

Every value the law or a decision allows is listed here; anything else is unknown and, per R115, rejected.
Values are snake_case strings so that they read the same in JSON, in the database and in French/Dutch/English
documentation; rule ids and codes are language-neutral (D20).
"""

from __future__ import annotations

from enum import StrEnum


class BasisType(StrEnum):
    """R1 — the four admitted grounds of art. 458ter §1."""

    LAW = "law"
    DECREE = "decree"
    ORDINANCE = "ordinance"
    PROSECUTOR_AUTHORISATION = "prosecutor_authorisation"


#: Grounds people commonly invoke that are *not* a 458ter basis (R1, R3). A basis of one of these kinds is
#: refused with a message naming why, instead of a bare "unknown value".
NON_BASES: frozenset[str] = frozenset(
    {
        "circular",
        "ministerial_circular",
        "protocol",
        "cooperation_protocol",
        "cooperation_agreement",
        "internal_rule",
        "consent",
        "shared_secret",
        "shared_professional_secrecy",
        "urgency",
        "state_of_necessity",
    }
)


class Legislator(StrEnum):
    """R2 — the legislator that adopted the enabling norm."""

    FEDERAL = "federal"
    COMMUNITY = "community"
    REGION = "region"
    BRUSSELS_CAPITAL = "brussels_capital"


class ImplementingActKind(StrEnum):
    """R1, R3 — acts adopted *under* (en vertu de) a law, decree or ordinance. A circular is not one of them."""

    ROYAL_DECREE = "royal_decree"
    GOVERNMENT_DECREE = "government_decree"
    MINISTERIAL_DECREE = "ministerial_decree"
    COLLEGE_DECREE = "college_decree"
    COOPERATION_AGREEMENT_WITH_ASSENT = "cooperation_agreement_with_assent"


class AuthorisingMagistrate(StrEnum):
    """R4, D8 — who signs a motivated authorisation."""

    PROCUREUR_DU_ROI = "procureur_du_roi"
    SUBSTITUT = "substitut"


class AuthorisationForm(StrEnum):
    """R4 — an authorisation must be written; oral or telephone authorisations are refused."""

    WRITTEN = "written"
    ORAL = "oral"
    TELEPHONE = "telephone"


class PurposeCategory(StrEnum):
    """R10 — the three purposes art. 458ter allows, « exclusivement »."""

    PROTECT_INTEGRITY = "protect_integrity"
    PREVENT_TERRORIST_OFFENCES = "prevent_terrorist_offences"
    PREVENT_CRIMINAL_ORGANISATION_OFFENCES = "prevent_criminal_organisation_offences"


class Objective(StrEnum):
    """R15 — what the coordinator expects from the meeting; evidence gathering is not a 458ter purpose."""

    PROTECT = "protect"
    PREVENT = "prevent"
    COLLECT_EVIDENCE = "collect_evidence"


class ProtectedPersonRole(StrEnum):
    """R11, D5 — the integrity purpose protects the person concerned and/or third parties."""

    PERSON_CONCERNED = "person_concerned"
    THIRD_PARTY = "third_party"


class IntegrityDimension(StrEnum):
    """R11 — physical and/or psychological integrity."""

    PHYSICAL = "physical"
    PSYCHOLOGICAL = "psychological"


class Alternative(StrEnum):
    """R55 — the alternatives a coordinator must have considered before a last-resort concertation."""

    VOLUNTARY_AID = "voluntary_aid"
    SHARED_PROFESSIONAL_SECRECY = "shared_professional_secrecy"
    ART_458BIS_REPORT = "art_458bis_report"
    STATE_OF_NECESSITY = "state_of_necessity"
    REFERRAL_TO_SPECIALISED_SERVICE = "referral_to_specialised_service"
    OTHER = "other"


class MeetingKind(StrEnum):
    """R24, D14 — case concertation (person absent) or client concertation (person/family present)."""

    CASE_CONCERTATION = "case_concertation"
    CLIENT_CONCERTATION = "client_concertation"


class InitiatorType(StrEnum):
    """R23 — who took the initiative."""

    AID_SERVICE = "aid_service"
    PARQUET = "parquet"
    OTHER = "other"


class Sector(StrEnum):
    """R17 — the participant's sector."""

    AID_CARE = "aid_care"
    HEALTH = "health"
    SOCIAL_SECURITY_CPAS = "social_security_cpas"
    POLICE = "police"
    PROSECUTION = "prosecution"
    LOCAL_ADMINISTRATION = "local_administration"
    SCHOOL = "school"
    JUSTICE_HOUSE = "justice_house"
    LAWYER = "lawyer"
    OTHER = "other"


class SecrecySource(StrEnum):
    """R17, R114 — where a participant's duty of professional secrecy comes from."""

    ART_458_CP = "art_458_cp"
    ART_77_LAW_8_APRIL_1965 = "art_77_law_8_april_1965"
    ART_57_DECREE_4_MARCH_1991 = "art_57_decree_4_march_1991"
    ARTS_36_50_CPAS_ORGANIC_LAW = "arts_36_50_cpas_organic_law"
    OTHER_SPECIFIC_LAW = "other_specific_law"
    NONE_DUTY_OF_DISCRETION = "none_duty_of_discretion"


class MagistrateFunction(StrEnum):
    """R22 — magistrates of the public prosecutor's office whose presence needs the person's consent."""

    PROCUREUR_DU_ROI = "procureur_du_roi"
    SUBSTITUT = "substitut"
    PARQUET_MAGISTRATE = "parquet_magistrate"


class ParticipantRole(StrEnum):
    """The function a participant holds in the meeting."""

    MEMBER = "member"
    CHAIR = "chair"
    MINUTE_TAKER = "minute_taker"


class AuthorisedParticipantKind(StrEnum):
    """R5, R16 — a basis names persons, or categories (sector + organisation + function)."""

    PERSON = "person"
    CATEGORY = "category"


class IdentityKind(StrEnum):
    """R26 — a person concerned is an individual; a family-level label does not identify anyone."""

    INDIVIDUAL = "individual"
    FAMILY = "family"


class ConcertationState(StrEnum):
    """SPEC §3 — the life cycle."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    IN_SESSION = "in_session"
    HELD = "held"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class Transition(StrEnum):
    """SPEC §3 — the state changes a coordinator or chair asks for."""

    SCHEDULE = "schedule"
    START = "start"
    END = "end"
    CLOSE = "close"
    CANCEL = "cancel"


class Profile(StrEnum):
    """D1 — policy profiles. `safeguards` is the default."""

    LEGAL_MINIMUM = "legal_minimum"
    SAFEGUARDS = "safeguards"


class Severity(StrEnum):
    """What a profile makes of a rule: a failure blocks, a warning informs, off is not evaluated."""

    FAIL = "fail"
    WARN = "warn"
    OFF = "off"


class Status(StrEnum):
    """The status of one check in a compliance report."""

    PASS = "pass"  # noqa: S105 - a status word, not a password
    FAIL = "fail"
    WARN = "warn"


class Role(StrEnum):
    """SPEC §4 — the roles a token may carry."""

    COORDINATOR = "coordinator"
    PARTICIPANT = "participant"
    PROSECUTOR = "prosecutor"
    AUDITOR = "auditor"
    ADMIN = "admin"
    PARTNER = "partner"
    # The institution's request desk (rule book sections J and K).
    PRESIDENT = "president"  # R86, R90: the CPAS President, to whom requests are addressed; a signatory
    DIRECTOR_GENERAL = "director_general"  # R87, R90: guarantor of legality; decides and signs
    REQUEST_HANDLER = "request_handler"  # R87, R83: the person or service the internal procedure designates


# ------------------------------------------------------------------------------ the other disclosure regimes (I, L)


class Regime(StrEnum):
    """R73 — the lawful ways a professional bound by secrecy may reveal a secret, each with its own conditions."""

    SHARED_SECRECY = "shared_secrecy"
    ART_458TER_CONCERTATION = "art_458ter_concertation"
    ART_458BIS_REPORT = "art_458bis_report"
    STATE_OF_NECESSITY = "state_of_necessity"


class Routing(StrEnum):
    """R73, R35 — the answer of the routing rule about shared secrecy and art. 458ter."""

    SHARED_SECRECY = "shared_secrecy"
    REQUIRES_458TER = "requires_458ter"
    NOT_ALLOWED = "not_allowed"
    #: R35 — the person concerned speaking of himself: the master of the secret is bound by none of these regimes.
    NOT_RESTRICTED = "not_restricted"


class PartyKind(StrEnum):
    """Who a secret would go to (R67–R76, R112)."""

    PROFESSIONAL = "professional"
    TEAM = "team"  # R75
    HIERARCHY = "hierarchy"  # R76
    RELATIVE = "relative"  # R112


class SpecialisedService(StrEnum):
    """R77 — the specialised services the FWB decree of 12 May 2004 lets a professional relay child maltreatment to."""

    CPMS = "cpms"  # centre psycho-médico-social
    PSE = "pse"  # service de promotion de la santé à l'école
    SOS_ENFANTS = "sos_enfants"
    CONSEILLER_AIDE_JEUNESSE = "conseiller_aide_jeunesse"
    OTHER_SPECIALISED_SERVICE = "other_specialised_service"


class SharedSecretConsentMode(StrEnum):
    """R70, D4 — what the master of the secret must have done before a shared-secrecy exchange."""

    CONSENT_REQUIRED = "consent_required"
    INFORMATION_ONLY = "information_only"


class ItemPurpose(StrEnum):
    """R71 — what a shared item serves: only the care of the person; control, sanction and prosecution never."""

    CARE_OF_PERSON = "care_of_person"
    CONTROL = "control"
    SANCTION = "sanction"
    PROSECUTION = "prosecution"


class HierarchyPurpose(StrEnum):
    """R76 — why a worker shares with his hierarchy; only supervision and support are admitted."""

    SUPERVISION = "supervision"
    SUPPORT = "support"
    DEMAND_OF_HIERARCHY = "demand_of_hierarchy"


class Vulnerability(StrEnum):
    """R101 — art. 458bis: what makes a victim vulnerable, besides being a minor."""

    AGE = "age"
    PREGNANCY = "pregnancy"
    PARTNER_VIOLENCE = "partner_violence"
    ILLNESS = "illness"
    INFIRMITY = "infirmity"
    PHYSICAL_OR_MENTAL_DEFICIENCY = "physical_or_mental_deficiency"


class ReportRecipient(StrEnum):
    """R101 — an art. 458bis report goes to the procureur du Roi and to nobody else."""

    PROCUREUR_DU_ROI = "procureur_du_roi"
    POLICE = "police"
    OTHER = "other"


class FactualBasisKind(StrEnum):
    """R102 — what a report rests on; a rumour or a mere worry is no ground."""

    OBSERVED = "observed"
    DISCLOSED_BY_VICTIM = "disclosed_by_victim"
    REPORTED_BY_THIRD_PARTY = "reported_by_third_party"
    RUMOUR = "rumour"
    CONCERN_ONLY = "concern_only"


class DangerTime(StrEnum):
    """R99 — the danger must be present or to come, not past facts that will not recur."""

    PRESENT = "present"
    FUTURE = "future"
    PAST_NOT_RECURRING = "past_not_recurring"


class InterestWeighing(StrEnum):
    """R99, D17 — how the value protected weighs against secrecy."""

    MORE_COMPELLING = "more_compelling"
    EQUAL = "equal"
    LESSER = "lesser"
    UNKNOWN = "unknown"


class NecessityThreshold(StrEnum):
    """R99, D17 — the deployment's threshold; "more compelling" by default."""

    MORE_COMPELLING = "more_compelling"
    EQUAL_OR_GREATER = "equal_or_greater"


class ConsultedKind(StrEnum):
    """R100 — who the professional weighed the disclosure with."""

    SECRET_BOUND_COLLEAGUE = "secret_bound_colleague"  # noqa: S105 - a vocabulary value
    LAWYER = "lawyer"


class InvokedGround(StrEnum):
    """R104, R105, R74 — grounds people invoke that open no regime by themselves."""

    NONE = "none"
    ART_29_CIC = "art_29_cic"  # R105: officials' duty to report does not override secrecy
    ART_422BIS = "art_422bis"  # R104: failure to assist is guidance, never a trigger
    CONSENT = "consent"  # R74, D3: consent alone does not lift secrecy


# ------------------------------------------------------------------------- art. 46bis/1 C.i.cr. requests (J, D16)


class Art46bis1Origin(StrEnum):
    """R78, R84 — how a request reaches the art. 46bis/1 desk: the procureur's decision, or a staff member who would
    « declare » indications himself (the active duty the Constitutional Court annulled, 44/2019)."""

    PROCUREUR_DECISION = "procureur_decision"
    STAFF_DECLARATION = "staff_declaration"


class Art46bis1Issuer(StrEnum):
    """R78 — who issued the request: only the procureur du Roi may; the police only relay his written decision."""

    PROCUREUR_DU_ROI = "procureur_du_roi"
    POLICE = "police"
    OTHER = "other"


class DecisionForm(StrEnum):
    """R78 — a written decision; an oral or e-mail-only request is not one."""

    WRITTEN = "written"
    ORAL = "oral"
    EMAIL_ONLY = "email_only"


class InvestigationType(StrEnum):
    """R79 — only an investigation into terrorist offences opens art. 46bis/1."""

    TERRORIST_OFFENCES = "terrorist_offences"
    SOCIAL_FRAUD = "social_fraud"
    DRUGS = "drugs"
    GENERAL_CRIME = "general_crime"
    OTHER = "other"


class InstitutionKind(StrEnum):
    """R80 — the social-security institutions art. 46bis/1 addresses."""

    CPAS = "cpas"
    MUTUALITE = "mutualite"
    CAISSE_ALLOCATIONS_FAMILIALES = "caisse_allocations_familiales"
    OTHER_SOCIAL_SECURITY = "other_social_security"


class RequestAddressee(StrEnum):
    """R80, R86 — whom the request named: the institution, or an individual worker (re-routed to the institution)."""

    INSTITUTION = "institution"
    INDIVIDUAL_WORKER = "individual_worker"


class AdminDataCategory(StrEnum):
    """R81, D16 — what may be asked for: administrative data only; the rest is listed so that it can be refused."""

    IDENTITY_DATA = "identity_data"
    DOMICILE_ADDRESS = "domicile_address"
    KNOWN_ADDRESSES = "known_addresses"
    RESIDENCE = "residence"
    HOUSEHOLD_SITUATION = "household_situation"  # listed by the circular only (D16: switchable)
    DATA_PROVIDED_IN_APPLICATION = "data_provided_in_application"
    ALLOWANCE_GRANTED_OR_REFUSED = "allowance_granted_or_refused"
    CONFIDENCES = "confidences"
    STATE_OF_MIND = "state_of_mind"
    MEDICAL_DATA = "medical_data"
    SOCIAL_REPORTS = "social_reports"
    CASE_NOTES = "case_notes"
    CONCERTATION_MINUTES = "concertation_minutes"
    OTHER = "other"


class ItemDecision(StrEnum):
    """R82 — the institution's decision on one requested item."""

    PROVIDED = "provided"
    REFUSED_INADMISSIBLE = "refused_inadmissible"
    REFUSED_OTHER = "refused_other"


class Art46bis1State(StrEnum):
    """The life of an art. 46bis/1 request: received by the institution's handlers, then answered once."""

    RECEIVED = "received"
    ANSWERED = "answered"
