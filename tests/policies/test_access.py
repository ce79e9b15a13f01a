"""Who may see and do what (SPEC §4; R27: an invisible concertation is an unknown one; R45: partners see metadata)."""

from __future__ import annotations

import pytest

from policies.access import (
    Actor,
    ConcertationAccess,
    Principal,
    RecordAccess,
    Visibility,
    concertation_visibility,
    lists_only_own_records,
    may_create_concertation,
    may_list_records,
    may_read_registry,
    may_record_disclosure,
    may_register_basis,
    record_visibility,
)
from policies.vocab import Role

IDP = "https://idp.example.be"
OWN = "org-saj-bruxelles"
OTHER = "org-cpas-anderlecht"

CHAIR = Principal(IDP, "chair-1")
PARTICIPANT = Principal(IDP, "part-1")
C = ConcertationAccess(org=OWN, chair=CHAIR, participants=(PARTICIPANT, Principal(IDP, "part-2")))
UNCHAIRED = ConcertationAccess(org=OWN, chair=None, participants=())


def actor(subject: str, *roles: Role, org: str | None = OWN, issuer: str = IDP) -> Actor:
    return Actor(issuer, subject, frozenset(roles), org)


@pytest.mark.parametrize(
    ("who", "c", "expected"),
    [
        (actor("coord-1", Role.COORDINATOR), C, Visibility.MANAGE),
        (actor("coord-2", Role.COORDINATOR, org=OTHER), C, Visibility.NONE),
        (actor("coord-3", Role.COORDINATOR, org=None), C, Visibility.NONE),
        (actor("chair-1", Role.PARTICIPANT, org=OTHER), C, Visibility.MANAGE),
        (actor("chair-1", Role.PARTICIPANT, issuer="https://other-idp.example.be"), C, Visibility.NONE),
        (actor("part-1", Role.PARTICIPANT, org=OTHER), C, Visibility.PARTICIPANT),
        (actor("part-1", Role.PARTICIPANT, issuer="https://other-idp.example.be"), C, Visibility.NONE),
        (actor("part-9", Role.PARTICIPANT), C, Visibility.NONE),
        (actor("part-1", Role.PARTICIPANT, Role.COORDINATOR, org=OTHER), C, Visibility.PARTICIPANT),
        (actor("partner-1", Role.PARTNER), C, Visibility.METADATA),
        (actor("partner-2", Role.PARTNER, org=OTHER), C, Visibility.NONE),
        (actor("partner-3", Role.PARTNER, org=None), C, Visibility.NONE),
        (actor("part-1", Role.PARTNER), C, Visibility.PARTICIPANT),
        (actor("pros-1", Role.PROSECUTOR), C, Visibility.NONE),
        (actor("audit-1", Role.AUDITOR), C, Visibility.NONE),
        (actor("admin-1", Role.ADMIN), C, Visibility.NONE),
        (actor("pros-1", Role.PROSECUTOR, Role.AUDITOR, Role.ADMIN), C, Visibility.NONE),
        (actor("nobody"), C, Visibility.NONE),
        (actor("chair-1", Role.PARTICIPANT), UNCHAIRED, Visibility.NONE),
        (actor("coord-1", Role.COORDINATOR), UNCHAIRED, Visibility.MANAGE),
    ],
    ids=[
        "coordinator-same-org-manages",
        "R27-coordinator-other-org-sees-nothing",
        "R27-coordinator-without-org-sees-nothing",
        "chair-manages-whatever-his-org",
        "R27-chair-subject-under-other-issuer-sees-nothing",
        "participant-sees-his-own",
        "R27-participant-subject-under-other-issuer-sees-nothing",
        "R27-participant-of-another-concertation-sees-nothing",
        "participant-who-coordinates-elsewhere-sees-as-participant",
        "R45-partner-same-org-sees-metadata",
        "R27-partner-other-org-sees-nothing",
        "R27-partner-without-org-sees-nothing",
        "R45-partner-authenticated-as-participant-sees-as-participant",
        "R27-prosecutor-sees-nothing",
        "R27-auditor-sees-nothing",
        "R27-admin-sees-nothing",
        "R27-prosecutor-auditor-admin-together-see-nothing",
        "R27-no-role-sees-nothing",
        "R27-no-chair-recorded",
        "coordinator-manages-unchaired",
    ],
)
def test_concertation_visibility(who: Actor, c: ConcertationAccess, expected: Visibility) -> None:
    assert concertation_visibility(who, c) is expected


def test_visibility_levels_include_the_ones_below() -> None:
    assert Visibility.NONE < Visibility.METADATA < Visibility.PARTICIPANT < Visibility.ACKNOWLEDGED < Visibility.MANAGE
    assert not Visibility.NONE


@pytest.mark.parametrize(
    ("who", "create", "register", "read"),
    [
        (actor("coord-1", Role.COORDINATOR), True, True, True),
        (actor("coord-2", Role.COORDINATOR, org=None), False, True, True),
        (actor("part-1", Role.PARTICIPANT), False, False, True),
        (actor("partner-1", Role.PARTNER), False, False, True),
        (actor("pros-1", Role.PROSECUTOR), False, False, True),
        (actor("admin-1", Role.ADMIN), False, False, True),
        (actor("nobody"), False, False, False),
    ],
    ids=[
        "coordinator-of-an-organisation",
        "coordinator-without-organisation-cannot-organise",
        "participant",
        "partner",
        "prosecutor",
        "admin",
        "authenticated-without-role",
    ],
)
def test_actions(who: Actor, create: bool, register: bool, read: bool) -> None:
    assert may_create_concertation(who) is create
    assert may_register_basis(who) is register
    assert may_read_registry(who) is read


ACKED = ConcertationAccess(org=OWN, chair=CHAIR, participants=(PARTICIPANT,), acknowledged=(PARTICIPANT,))


@pytest.mark.parametrize(
    ("who", "access", "expected"),
    [
        (actor("part-1", Role.PARTICIPANT, org=OTHER), C, Visibility.PARTICIPANT),
        (actor("part-1", Role.PARTICIPANT, org=OTHER), ACKED, Visibility.ACKNOWLEDGED),
        (actor("part-1", Role.PARTICIPANT, Role.COORDINATOR), ACKED, Visibility.MANAGE),
        (actor("part-2", Role.PARTICIPANT, org=OTHER), ACKED, Visibility.NONE),
    ],
    ids=["invited: invitation only", "acknowledged: content", "own coordinator still manages", "not invited"],
)
def test_r19_acknowledgement_opens_the_content(who: Actor, access: ConcertationAccess, expected: Visibility) -> None:
    assert concertation_visibility(who, access) is expected


# --- The other disclosure regimes: only the discloser's organisation (R27, R45, R107) ---------------------------

RECORD = RecordAccess(org=OWN, author=Principal(IDP, "sw-alice"))


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        (actor("sw-alice", Role.PARTICIPANT), True),
        (actor("coord", Role.COORDINATOR), True),
        (actor("sw-alice", Role.PARTICIPANT, org=None), False),
        (actor("cms", Role.PARTNER), False),
        (actor("pr", Role.PROSECUTOR), False),
        (actor("dpo", Role.AUDITOR), False),
        (actor("nobody"), False),
    ],
    ids=["professional", "coordinator", "no-organisation", "partner", "prosecutor", "auditor", "no-role"],
)
def test_who_records_a_disclosure(who: Actor, expected: bool) -> None:
    assert may_record_disclosure(who) is expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        (actor("sw-alice", Role.PARTICIPANT), Visibility.MANAGE),
        (actor("sw-alice", Role.PARTICIPANT, org=OTHER), Visibility.MANAGE),
        (actor("coord", Role.COORDINATOR), Visibility.MANAGE),
        (actor("cms", Role.PARTNER), Visibility.METADATA),
        (actor("sw-bruno", Role.PARTICIPANT), Visibility.NONE),
        (actor("coord-b", Role.COORDINATOR, org=OTHER), Visibility.NONE),
        (actor("cms-b", Role.PARTNER, org=OTHER), Visibility.NONE),
        (actor("coord", Role.COORDINATOR, org=None), Visibility.NONE),
        (actor("sw-alice", Role.PARTICIPANT, issuer="https://other-idp.example"), Visibility.NONE),
    ],
    ids=[
        "author",
        "author-who-changed-organisation",
        "coordinator-of-the-organisation",
        "partner-of-the-organisation",
        "colleague",
        "coordinator-elsewhere",
        "partner-elsewhere",
        "coordinator-without-organisation",
        "same-subject-other-issuer",
    ],
)
def test_only_the_disclosers_organisation_sees_a_record(who: Actor, expected: Visibility) -> None:
    assert record_visibility(who, RECORD) is expected


@pytest.mark.parametrize(
    ("who", "lists", "own_only"),
    [
        (actor("sw-alice", Role.PARTICIPANT), True, True),
        (actor("coord", Role.COORDINATOR), True, False),
        (actor("cms", Role.PARTNER), True, False),
        (actor("coord", Role.COORDINATOR, org=None), False, False),
        (actor("dpo", Role.AUDITOR), False, True),
    ],
    ids=["professional-own", "coordinator-all", "partner-all-as-metadata", "no-organisation", "auditor"],
)
def test_who_lists_records(who: Actor, lists: bool, own_only: bool) -> None:
    assert may_list_records(who) is lists
    assert lists_only_own_records(who) is own_only
