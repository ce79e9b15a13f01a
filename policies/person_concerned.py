"""The person concerned: consent, information and the exceptions to it (R22, R25, R28–R32, D2, D11).

Consent is not a legal condition of art. 458ter (« Légalement, l'intervenant n'a pas besoin de l'accord de la
personne concernée »), but its status is always recorded and a refusal motivated (R31). A consent record is prior,
informed, specific and withdrawable; the server's time is authoritative (R32). In `safeguards`, a procureur du Roi,
a substitute or a parquet magistrate takes part only with the person's prior informed consent to that presence
(R22, D2). The person is informed of the concertation — that it is held, who takes part, what was shared and
decided — unless informing would endanger a child or be contrary to the child's interest, a motivated exception
with a review date (R28–R30, D11). A participant working under a mandate has told the person so (R25). The person
receives the data-protection notice at first contact (R36).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from policies import grounds
from policies.decision import Violation

REC_SDJ_INFORMATION = "Protocol van Moed ; recommandation SDJ (information de la personne)"
PILOT_PVM_EXCEPTION = "Protocol van Moed ; décret FWB du 12 mai 2004, art. 3 §2 (intérêt de l'enfant)"
CO3_CONSENT = "pratique CO3 ; Nouwynck (consentement non requis, statut consigné)"
REC_MEERSSEMAN_NOTICE = "recommandation Meersseman (avertir le patient dès le premier entretien ; RGPD)"


class ConsentStatus(StrEnum):
    """R31, D2 — the consent of the person concerned to the concertation."""

    GIVEN = "given"
    REFUSED = "refused"
    NOT_ASKED = "not_asked"
    IMPOSSIBLE = "impossible"


class ConsentScope(StrEnum):
    """R32 — what a consent covers."""

    CONCERTATION = "concertation"
    PROSECUTOR_PRESENCE = "prosecutor_presence"


class ConsentSubject(StrEnum):
    PERSON = "person"
    LEGAL_REPRESENTATIVE = "legal_representative"


class InformationItem(StrEnum):
    """R29 — what the person must be told."""

    CONCERTATION_HELD = "concertation_held"
    PARTICIPANTS = "participants"
    WHAT_WAS_SHARED = "what_was_shared"
    WHAT_WAS_DECIDED = "what_was_decided"


class ConsentInformation(StrEnum):
    """R22, R32 — what a consent to a prosecutor's presence must have been informed of."""

    MAGISTRATE_IDENTITY_AND_ROLE = "magistrate_identity_and_role"
    PURPOSE = "purpose"
    WHAT_MAY_BE_SHARED = "what_may_be_shared"
    PROSECUTION_SCOPE = "prosecution_scope"
    RIGHT_TO_REFUSE = "right_to_refuse"


class ExceptionReason(StrEnum):
    """R30 — the only reasons not to inform the person (now)."""

    CHILD_SAFETY_ENDANGERED = "child_safety_endangered"
    CONTRARY_TO_CHILD_INTEREST = "contrary_to_child_interest"


#: R29 — items that may be given only after the session (what was shared and decided).
AFTER_SESSION: frozenset[InformationItem] = frozenset(
    {InformationItem.WHAT_WAS_SHARED, InformationItem.WHAT_WAS_DECIDED}
)
PROSECUTOR_PRESENCE_ITEMS: frozenset[ConsentInformation] = frozenset(ConsentInformation)


@dataclass(frozen=True, slots=True)
class Consent:
    """R32 — a consent record. `recorded_at` is the server's time; `withdrawn_at` takes effect for the future."""

    status: ConsentStatus
    scope: ConsentScope
    information_items: frozenset[ConsentInformation]
    recorded_at: datetime
    withdrawn_at: datetime | None = None
    motivation_given: bool = False

    def valid_at(self, at: datetime) -> bool:
        return (
            self.status is ConsentStatus.GIVEN
            and self.recorded_at <= at
            and (self.withdrawn_at is None or at < self.withdrawn_at)
        )


def check_consent_record(
    status: ConsentStatus, scope: ConsentScope, items: Sequence[ConsentInformation], motivation: str | None
) -> list[Violation]:
    """R31, R32 — a refusal or an unasked consent is motivated; a consent to a prosecutor's presence is informed.

    A consent "impossible" to obtain (the person cannot be reached or cannot express it) is recorded with its
    motivation too: fail closed (R115).
    """
    out: list[Violation] = []
    if status is not ConsentStatus.GIVEN and (motivation is None or not motivation.strip()):
        out.append(Violation("R31", "no_consent_motivation_required", CO3_CONSENT, "motivation"))
    if status is ConsentStatus.GIVEN and scope is ConsentScope.PROSECUTOR_PRESENCE:
        missing = sorted(PROSECUTOR_PRESENCE_ITEMS - set(items))
        if missing:
            out.append(
                Violation(
                    "R32",
                    "consent_not_informed",
                    grounds.REC_SDJ_PROSECUTOR,
                    "information_items",
                    {"missing": ",".join(m.value for m in missing)},
                )
            )
    return out


def check_prosecutor_presence(consents: Sequence[Consent], at: datetime) -> list[Violation]:
    """R22, D2 — (in `safeguards`) a magistrate of the parquet is added, or a session starts with one, only with a
    prior, informed, unwithdrawn consent of scope `prosecutor_presence` recorded before `at`."""
    if any(c.scope is ConsentScope.PROSECUTOR_PRESENCE and c.valid_at(at) for c in consents):
        return []
    return [Violation("R22", "prosecutor_presence_no_consent", grounds.REC_SDJ_PROSECUTOR, "magistrate_function")]


def check_information_record(items: Sequence[InformationItem], *, after_session: bool) -> list[Violation]:
    """R29 — the person is told that the concertation is held and who takes part; after the session, also what was
    shared and decided."""
    required = set(InformationItem) if after_session else set(InformationItem) - AFTER_SESSION
    missing = sorted(required - set(items))
    if missing:
        return [
            Violation(
                "R29",
                "information_incomplete",
                REC_SDJ_INFORMATION,
                "items",
                {"missing": ",".join(m.value for m in missing)},
            )
        ]
    return []


def check_information_exception(
    reason: ExceptionReason | None, motivation: str | None, decided_by: str | None, review_at: date | None, today: date
) -> list[Violation]:
    """R30 — not informing the person is an exception: a child's safety or interest, motivated, decided by someone
    named, with a review date (the person is informed later, when it no longer increases the risk)."""
    out: list[Violation] = []
    if reason is None:
        out.append(Violation("R30", "information_exception_invalid", PILOT_PVM_EXCEPTION, "reason"))
    for name, value in (("motivation", motivation), ("decided_by", decided_by)):
        if value is None or not value.strip():
            out.append(Violation("R30", "information_exception_invalid", PILOT_PVM_EXCEPTION, name))
    if review_at is None or review_at <= today:
        out.append(Violation("R30", "information_exception_invalid", PILOT_PVM_EXCEPTION, "review_at"))
    return out


@dataclass(frozen=True, slots=True)
class InformationState:
    """What has been done to inform the person: records (with their items) and exceptions (with review dates)."""

    records: Sequence[frozenset[InformationItem]]
    exception_reviews: Sequence[date]


def check_person_informed(state: InformationState, today: date) -> list[Violation]:
    """R28, R30, D11 — before closing: a complete information record, or an exception still within its review date.

    A pending exception past its review date blocks closure: the person must then be informed.
    """
    if any(not check_information_record(sorted(items), after_session=True) for items in state.records):
        return []
    if any(review >= today for review in state.exception_reviews):
        return []
    if state.exception_reviews:
        return [Violation("R30", "information_exception_expired", PILOT_PVM_EXCEPTION, "information_exception")]
    return [Violation("R28", "person_not_informed", REC_SDJ_INFORMATION, "information")]


def check_privacy_notice(given_at: datetime | None, deferred: bool, field: str) -> list[Violation]:
    """R36 — the person received the data-protection notice at first contact, or it is deferred under R30 (informing
    would endanger a child); a recommendation: a warning in `legal_minimum`."""
    if given_at is None and not deferred:
        return [
            Violation(
                "R36", "privacy_notice_missing", REC_MEERSSEMAN_NOTICE, f"{field}.privacy_notice_given_at", invalid=True
            )
        ]
    return []


def check_mandate_disclosed(under_mandate: bool | None, person_informed_of_mandate: bool | None) -> list[Violation]:
    """R25 — a participant under a mandate (justice assistant, court expert…) has told the person of his mandate and
    that relevant information goes to the mandating authority."""
    if under_mandate and person_informed_of_mandate is not True:
        return [Violation("R25", "mandate_not_disclosed", grounds.REC_NOUWYNCK, "person_informed_of_mandate")]
    return []
