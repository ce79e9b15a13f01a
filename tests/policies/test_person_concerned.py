"""R22, R25, R28–R32: consent, information and its exceptions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from policies.person_concerned import (
    Consent,
    ConsentInformation,
    ConsentScope,
    ConsentStatus,
    ExceptionReason,
    InformationItem,
    InformationState,
    check_consent_record,
    check_information_exception,
    check_information_record,
    check_mandate_disclosed,
    check_person_informed,
    check_privacy_notice,
    check_prosecutor_presence,
)

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TODAY = date(2026, 12, 1)
ALL_INFO = frozenset(ConsentInformation)


def codes(violations: list) -> list[tuple[str | None, str]]:  # type: ignore[type-arg]
    return [(v.rule, v.code) for v in violations]


@pytest.mark.parametrize(
    ("status", "scope", "items", "motivation", "expected"),
    [
        (ConsentStatus.GIVEN, ConsentScope.CONCERTATION, [], None, []),
        (ConsentStatus.REFUSED, ConsentScope.CONCERTATION, [], "Mesures pénales en cours.", []),
        (ConsentStatus.REFUSED, ConsentScope.CONCERTATION, [], None, [("R31", "no_consent_motivation_required")]),
        (ConsentStatus.NOT_ASKED, ConsentScope.CONCERTATION, [], "  ", [("R31", "no_consent_motivation_required")]),
        (ConsentStatus.IMPOSSIBLE, ConsentScope.CONCERTATION, [], None, [("R31", "no_consent_motivation_required")]),
        (ConsentStatus.GIVEN, ConsentScope.PROSECUTOR_PRESENCE, sorted(ALL_INFO), None, []),
        (
            ConsentStatus.GIVEN,
            ConsentScope.PROSECUTOR_PRESENCE,
            [ConsentInformation.PURPOSE],
            None,
            [("R32", "consent_not_informed")],
        ),
    ],
    ids=[
        "given",
        "refused with motivation",
        "refused without motivation",
        "not asked, blank motivation",
        "impossible without motivation",
        "prosecutor presence, informed",
        "prosecutor presence, not informed",
    ],
)
def test_r31_r32_consent_record(
    status: ConsentStatus,
    scope: ConsentScope,
    items: list[ConsentInformation],
    motivation: str | None,
    expected: list[tuple[str, str]],
) -> None:
    assert codes(check_consent_record(status, scope, items, motivation)) == expected


def _consent(**kw: object) -> Consent:
    base: dict[str, object] = {
        "status": ConsentStatus.GIVEN,
        "scope": ConsentScope.PROSECUTOR_PRESENCE,
        "information_items": ALL_INFO,
        "recorded_at": T0 - timedelta(days=1),
    }
    base.update(kw)
    return Consent(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("consents", "expected"),
    [
        ([_consent()], []),
        ([], [("R22", "prosecutor_presence_no_consent")]),
        ([_consent(recorded_at=T0 + timedelta(minutes=1))], [("R22", "prosecutor_presence_no_consent")]),
        ([_consent(withdrawn_at=T0 - timedelta(hours=1))], [("R22", "prosecutor_presence_no_consent")]),
        ([_consent(withdrawn_at=T0 + timedelta(hours=1))], []),
        ([_consent(scope=ConsentScope.CONCERTATION)], [("R22", "prosecutor_presence_no_consent")]),
        ([_consent(status=ConsentStatus.REFUSED)], [("R22", "prosecutor_presence_no_consent")]),
    ],
    ids=[
        "prior and unwithdrawn",
        "none",
        "recorded after (not prior)",
        "withdrawn before",
        "withdrawn only later",
        "consent to the concertation only",
        "refused",
    ],
)
def test_r22_prosecutor_presence(consents: list[Consent], expected: list[tuple[str, str]]) -> None:
    assert codes(check_prosecutor_presence(consents, T0)) == expected


@pytest.mark.parametrize(
    ("items", "after", "expected"),
    [
        ([InformationItem.CONCERTATION_HELD, InformationItem.PARTICIPANTS], False, []),
        (list(InformationItem), True, []),
        ([InformationItem.CONCERTATION_HELD], False, [("R29", "information_incomplete")]),
        ([InformationItem.CONCERTATION_HELD, InformationItem.PARTICIPANTS], True, [("R29", "information_incomplete")]),
    ],
    ids=["before the session", "after the session", "participants missing", "shared/decided missing after"],
)
def test_r29_information_record(items: list[InformationItem], after: bool, expected: list[tuple[str, str]]) -> None:
    assert codes(check_information_record(items, after_session=after)) == expected


@pytest.mark.parametrize(
    ("reason", "motivation", "decided_by", "review_at", "fields"),
    [
        (ExceptionReason.CHILD_SAFETY_ENDANGERED, "Risque de représailles.", "SAJ", date(2027, 1, 1), []),
        (None, "x", "SAJ", date(2027, 1, 1), ["reason"]),
        (ExceptionReason.CONTRARY_TO_CHILD_INTEREST, "", None, date(2027, 1, 1), ["motivation", "decided_by"]),
        (ExceptionReason.CHILD_SAFETY_ENDANGERED, "x", "SAJ", None, ["review_at"]),
        (ExceptionReason.CHILD_SAFETY_ENDANGERED, "x", "SAJ", TODAY, ["review_at"]),
    ],
    ids=["valid", "no reason", "unmotivated, undecided", "no review date", "review date not in the future"],
)
def test_r30_information_exception(
    reason: ExceptionReason | None, motivation: str, decided_by: str | None, review_at: date | None, fields: list[str]
) -> None:
    found = check_information_exception(reason, motivation, decided_by, review_at, TODAY)
    assert [v.field for v in found] == fields
    assert all((v.rule, v.code) == ("R30", "information_exception_invalid") for v in found)


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (InformationState([frozenset(InformationItem)], []), []),
        (InformationState([], [date(2027, 1, 1)]), []),
        (InformationState([], [TODAY]), []),
        (InformationState([], []), [("R28", "person_not_informed")]),
        (InformationState([frozenset({InformationItem.CONCERTATION_HELD})], []), [("R28", "person_not_informed")]),
        (InformationState([], [date(2026, 11, 1)]), [("R30", "information_exception_expired")]),
    ],
    ids=[
        "informed of everything",
        "exception under review",
        "exception reviewed today",
        "nothing",
        "incomplete record",
        "exception past its review date",
    ],
)
def test_r28_d11_person_informed_before_closing(state: InformationState, expected: list[tuple[str, str]]) -> None:
    assert codes(check_person_informed(state, TODAY)) == expected


@pytest.mark.parametrize(
    ("under_mandate", "informed", "expected"),
    [
        (False, None, []),
        (None, None, []),
        (True, True, []),
        (True, False, [("R25", "mandate_not_disclosed")]),
        (True, None, [("R25", "mandate_not_disclosed")]),
    ],
    ids=["no mandate", "unknown mandate (profile check catches it)", "disclosed", "not disclosed", "unanswered"],
)
def test_r25_mandate_disclosed(
    under_mandate: bool | None, informed: bool | None, expected: list[tuple[str, str]]
) -> None:
    assert codes(check_mandate_disclosed(under_mandate, informed)) == expected


@pytest.mark.parametrize(
    ("given_at", "deferred", "expected"),
    [
        (T0, False, []),
        (None, True, []),
        (None, False, [("R36", "privacy_notice_missing")]),
    ],
    ids=["given at first contact", "deferred under R30", "neither"],
)
def test_r36_privacy_notice(given_at: datetime | None, deferred: bool, expected: list[tuple[str, str]]) -> None:
    found = check_privacy_notice(given_at, deferred, "persons_concerned[0]")
    assert codes(found) == expected
    assert all(v.invalid and v.field == "persons_concerned[0].privacy_notice_given_at" for v in found)
