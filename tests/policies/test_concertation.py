"""Rules on the concertation itself (R1, R6–R17, R20, R23, R24, R26, R55, R67, R113): one table per check."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from policies.concertation import (
    JUDICIAL_SECTORS,
    BasisStanding,
    check_basis_applies,
    check_chair_and_requester,
    check_concertation_type,
    check_dates,
    check_identity,
    check_meeting_kind,
    check_not_shared_secrecy,
    check_offence_scope,
    check_participant,
    check_participants,
    check_persons_concerned,
    check_purpose,
    check_subsidiarity,
    judicial_presence,
    may_attend,
)
from policies.vocab import (
    Alternative,
    IdentityKind,
    InitiatorType,
    IntegrityDimension,
    MagistrateFunction,
    MeetingKind,
    Objective,
    ProtectedPersonRole,
    SecrecySource,
    Sector,
)
from tests.policies.facts import (
    AID_ORG,
    CONCERTATION_TYPES,
    INTEGRITY,
    NAMED_LAWYER,
    PERSON_CONCERNED,
    PERSON_REFS,
    TODAY,
    AlternativeConsidered,
    AuthorisedParticipant,
    Basis,
    Concertation,
    Determines,
    Identity,
    Modalities,
    Participant,
    Party,
    ProtectedPerson,
    Purpose,
    Subsidiarity,
    category,
    concertation,
    decree_basis,
    found,
    identity,
    named,
    organisation_purpose,
    participant,
    police_officer,
    prosecutor_basis,
    standing,
    substitute,
    terrorism_purpose,
    v,
)

C = concertation()
BASIS = decree_basis()
P = participant()


def _at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


def _purpose(**changes: Any) -> Concertation:
    assert C.purpose is not None
    return replace(C, purpose=replace(C.purpose, **changes))


# --- R1, R6, R8, R9: the concertation rests on a registered basis and stays inside it ---------------------------

_CHAIRED_BY_MAGISTRATE = replace(
    BASIS, determines=replace(Determines(), modalities=Modalities(chairing_magistrate_required=True))
)
_MAGISTRATE_CHAIR = Party(
    name="Mme Claes", organisation="Parquet de Bruxelles", function="substitut", sector=Sector.PROSECUTION
)


@pytest.mark.parametrize(
    ("c", "standing_", "allow", "expected"),
    [
        (C, standing(), True, []),
        (replace(C, scheduled_start=None), standing(replace(BASIS, valid_from=date(2030, 1, 1))), True, []),
        (C, standing(prosecutor_basis()), True, []),
        (replace(C, scheduled_start=_at(date(2018, 1, 1), 0)), standing(), True, []),
        (C, standing(replace(BASIS, valid_until=date(2026, 12, 1))), True, []),
        (replace(C, purpose=None), standing(), True, []),
        (replace(C, purpose=terrorism_purpose()), standing(replace(BASIS, determines=None)), True, []),
        (replace(C, chair=_MAGISTRATE_CHAIR), standing(_CHAIRED_BY_MAGISTRATE), True, []),
        (C, None, True, [v("R1", "legal_basis_missing", "legal_basis_id")]),
        (C, standing(retired=True), True, [v("R1", "legal_basis_retired", "legal_basis_id", invalid=True)]),
        (
            C,
            standing(prosecutor_basis()),
            False,
            [v("R8", "basis_not_democratically_controlled", "legal_basis_id", invalid=True)],
        ),
        (
            replace(C, scheduled_start=_at(date(2017, 12, 31), 23)),
            standing(),
            True,
            [v("R1", "legal_basis_not_in_force", "scheduled_start")],
        ),
        (
            C,
            standing(replace(BASIS, valid_until=date(2026, 11, 30))),
            True,
            [v("R1", "legal_basis_not_in_force", "scheduled_start")],
        ),
        (
            replace(C, purpose=terrorism_purpose()),
            standing(),
            True,
            [v("R6", "outside_basis", "purpose.category", invalid=True)],
        ),
        (C, standing(_CHAIRED_BY_MAGISTRATE), True, [v("R6", "chairing_magistrate_required", "chair")]),
        (
            replace(C, chair=None),
            standing(_CHAIRED_BY_MAGISTRATE),
            True,
            [v("R6", "chairing_magistrate_required", "chair")],
        ),
        (C, standing(confidential=True), True, [v("R9", "basis_not_accessible", "legal_basis_id")]),
        (
            replace(C, purpose=organisation_purpose(), scheduled_start=_at(date(2017, 6, 1))),
            standing(prosecutor_basis(), retired=True, confidential=True),
            False,
            [
                v("R1", "legal_basis_retired", "legal_basis_id", invalid=True),
                v("R8", "basis_not_democratically_controlled", "legal_basis_id", invalid=True),
                v("R1", "legal_basis_not_in_force", "scheduled_start"),
                v("R6", "outside_basis", "purpose.category", invalid=True),
                v("R9", "basis_not_accessible", "legal_basis_id"),
            ],
        ),
    ],
    ids=[
        "accept-basis-in-force",
        "accept-undated-draft-not-yet-checked-against-validity",
        "accept-prosecutor-authorisation-when-allowed",
        "accept-first-day-of-validity",
        "accept-last-day-of-validity",
        "accept-no-purpose-yet",
        "accept-basis-determining-nothing-left-to-the-registry",
        "accept-R6-chairing-magistrate-present",
        "refuse-R1-no-basis",
        "refuse-R1-retired-basis",
        "refuse-R8-prosecutor-authorisation-switched-off",
        "refuse-R1-meeting-before-basis-in-force",
        "refuse-R1-meeting-after-basis-expired",
        "refuse-R6-purpose-outside-basis",
        "refuse-R6-chair-not-a-magistrate",
        "refuse-R6-no-chair-for-magistrate-chaired-basis",
        "refuse-R9-confidential-basis",
        "refuse-R1-R8-R6-R9-all-at-once",
    ],
)
def test_basis_applies(
    c: Concertation, standing_: BasisStanding | None, allow: bool, expected: list[tuple[object, ...]]
) -> None:
    assert found(check_basis_applies(c, standing_, allow_prosecutor_authorisation_basis=allow)) == expected


def test_outside_basis_names_the_purpose() -> None:
    (violation,) = check_basis_applies(
        replace(C, purpose=terrorism_purpose()), standing(), allow_prosecutor_authorisation_basis=True
    )
    assert violation.params == {"category": "prevent_terrorist_offences"}


# --- R7: the type of concertation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("concertation_type", "expected"),
    [
        ("intrafamily_violence_chain", []),
        ("csil_r", []),
        (None, [v("R7", "concertation_type_required", "concertation_type")]),
        ("  ", [v("R7", "concertation_type_required", "concertation_type")]),
        ("general_information_sharing", [v("R7", "concertation_type_unknown", "concertation_type", invalid=True)]),
        ("CSIL_R", [v("R7", "concertation_type_unknown", "concertation_type", invalid=True)]),
    ],
    ids=[
        "accept-configured-type",
        "accept-other-configured-type",
        "refuse-R7-missing",
        "refuse-R7-blank",
        "refuse-R7-not-configured",
        "refuse-R7-not-case-folded",
    ],
)
def test_concertation_type(concertation_type: str | None, expected: list[tuple[object, ...]]) -> None:
    c = replace(C, concertation_type=concertation_type)
    assert found(check_concertation_type(c, CONCERTATION_TYPES)) == expected


def test_unknown_type_names_the_value() -> None:
    (violation,) = check_concertation_type(replace(C, concertation_type="csil"), CONCERTATION_TYPES)
    assert violation.params == {"value": "csil"}


# --- R10, R11, R12, R13, R15: the purpose -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("c", "expected"),
    [
        (C, []),
        (
            _purpose(
                protected_persons=(ProtectedPerson(ProtectedPersonRole.THIRD_PARTY, "child-2"),),
                integrity_dimensions=tuple(IntegrityDimension),
            ),
            [],
        ),
        (_purpose(objective=Objective.PREVENT), []),
        (replace(C, purpose=terrorism_purpose(), offence_scope=("cp_140",)), []),
        (replace(C, purpose=organisation_purpose(), offence_scope=("cp_324ter_par1",)), []),
        (replace(C, offence_scope=()), []),
        (replace(C, purpose=None), [v("R10", "purpose_required", "purpose")]),
        (_purpose(statement=" "), [v("R15", "purpose_statement_required", "purpose.statement")]),
        (_purpose(objective=None), [v("R15", "objective_required", "purpose.objective")]),
        (
            _purpose(objective=Objective.COLLECT_EVIDENCE),
            [v("R15", "purpose_not_preventive", "purpose.objective", invalid=True)],
        ),
        (_purpose(protected_persons=()), [v("R11", "protected_persons_required", "purpose.protected_persons")]),
        (_purpose(integrity_dimensions=()), [v("R11", "protected_persons_required", "purpose.integrity_dimensions")]),
        (_purpose(threat_description=""), [v("R11", "protected_persons_required", "purpose.threat_description")]),
        (
            replace(C, purpose=terrorism_purpose(), offence_scope=()),
            [v("R12", "offence_refs_required", "offence_scope")],
        ),
        (
            replace(C, purpose=replace(terrorism_purpose(), prevention_rationale=None), offence_scope=("cp_140",)),
            [v("R12", "prevention_rationale_required", "purpose.prevention_rationale")],
        ),
        (
            replace(C, purpose=organisation_purpose(), offence_scope=()),
            [v("R13", "offence_refs_required", "offence_scope")],
        ),
        (
            replace(
                C,
                purpose=replace(organisation_purpose(), criminal_organisation=" "),
                offence_scope=("cp_433quinquies",),
            ),
            [v("R13", "no_criminal_organisation_link", "purpose.criminal_organisation")],
        ),
        (
            replace(
                C,
                purpose=Purpose(
                    statement=None,
                    objective=Objective.COLLECT_EVIDENCE,
                    protected_persons=(),
                    integrity_dimensions=(),
                    threat_description=None,
                ),
            ),
            [
                v("R15", "purpose_statement_required", "purpose.statement"),
                v("R15", "purpose_not_preventive", "purpose.objective", invalid=True),
                v("R11", "protected_persons_required", "purpose.protected_persons"),
                v("R11", "protected_persons_required", "purpose.integrity_dimensions"),
                v("R11", "protected_persons_required", "purpose.threat_description"),
            ],
        ),
    ],
    ids=[
        "accept-integrity-of-person-concerned",
        "accept-D5-integrity-of-third-party-both-dimensions",
        "accept-preventive-objective",
        "accept-terrorism-with-offences-and-rationale",
        "accept-criminal-organisation-with-offences-and-link",
        "accept-D7-integrity-with-empty-scope",
        "refuse-R10-no-purpose",
        "refuse-R15-statement-blank",
        "refuse-R15-objective-missing",
        "refuse-R15-D12-evidence-gathering",
        "refuse-R11-no-protected-person",
        "refuse-R11-no-integrity-dimension",
        "refuse-R11-no-threat",
        "refuse-R12-terrorism-without-offences",
        "refuse-R12-terrorism-without-rationale",
        "refuse-R13-organisation-without-offences",
        "refuse-R13-isolated-offence-without-organisation-link",
        "refuse-R15-R11-everything-wrong",
    ],
)
def test_purpose(c: Concertation, expected: list[tuple[object, ...]]) -> None:
    assert found(check_purpose(c)) == expected


# --- R14, R12, R13, R113: the offence scope ---------------------------------------------------------------------

_BEFORE_2022_REFORM = _at(date(2021, 6, 1))


@pytest.mark.parametrize(
    ("c", "today", "expected"),
    [
        (C, TODAY, []),
        (replace(C, offence_scope=()), TODAY, []),
        (replace(C, offence_scope=("cp_398", "cp_417_7", "cp_433quinquies")), TODAY, []),
        (replace(C, purpose=terrorism_purpose(), offence_scope=("cp_140", "cp_141")), TODAY, []),
        (replace(C, purpose=organisation_purpose(), offence_scope=("cp_324ter_par1", "cp_433quinquies")), TODAY, []),
        (replace(C, offence_scope=("cp_373",), scheduled_start=_BEFORE_2022_REFORM), TODAY, []),
        (replace(C, offence_scope=("cp_417_7",), scheduled_start=None), TODAY, []),
        (replace(C, purpose=None, offence_scope=("cp_140",)), TODAY, []),
        (
            replace(C, offence_scope=("cp_398", "cp_398")),
            TODAY,
            [v("R14", "offence_duplicated", "offence_scope[1]", invalid=True)],
        ),
        (replace(C, offence_scope=("cp_999",)), TODAY, [v("R14", "offence_unknown", "offence_scope[0]", invalid=True)]),
        (
            replace(C, offence_scope=("cp_398", " cp_399", "CP_398")),
            TODAY,
            [
                v("R14", "offence_unknown", "offence_scope[1]", invalid=True),
                v("R14", "offence_unknown", "offence_scope[2]", invalid=True),
            ],
        ),
        (
            replace(C, offence_scope=("cp_140",)),
            TODAY,
            [v("R14", "offence_outside_purpose", "offence_scope[0]", invalid=True)],
        ),
        (
            replace(C, purpose=terrorism_purpose(), offence_scope=("cp_140", "cp_398")),
            TODAY,
            [v("R12", "offence_ref_not_terrorist", "offence_scope[1]", invalid=True)],
        ),
        (
            replace(C, purpose=organisation_purpose(), offence_scope=("cp_398",)),
            TODAY,
            [v("R13", "offence_ref_not_criminal_organisation", "offence_scope[0]", invalid=True)],
        ),
        (
            replace(C, offence_scope=("cp_417_7",), scheduled_start=_BEFORE_2022_REFORM),
            TODAY,
            [v("R113", "offence_not_in_force", "offence_scope[0]")],
        ),
        (
            replace(C, offence_scope=("cp_373",)),
            TODAY,
            [v("R113", "offence_not_in_force", "offence_scope[0]")],
        ),
        (
            replace(C, offence_scope=("cp_417_7",), scheduled_start=None),
            date(2022, 5, 31),
            [v("R113", "offence_not_in_force", "offence_scope[0]")],
        ),
        (
            replace(C, purpose=terrorism_purpose(), offence_scope=("cp_373",)),
            TODAY,
            [
                v("R113", "offence_not_in_force", "offence_scope[0]"),
                v("R12", "offence_ref_not_terrorist", "offence_scope[0]", invalid=True),
            ],
        ),
    ],
    ids=[
        "accept-integrity-offence",
        "accept-D7-empty-integrity-scope",
        "accept-several-integrity-offences",
        "accept-R12-title-i-ter-offences",
        "accept-R13-organised-offences",
        "accept-R113-old-numbering-before-2022-reform",
        "accept-R113-undated-draft-judged-today",
        "accept-no-purpose-yet",
        "refuse-R14-duplicate",
        "refuse-R14-unknown-code",
        "refuse-R14-codes-are-exact",
        "refuse-R14-terrorist-offence-in-integrity-scope",
        "refuse-R12-ordinary-offence-in-terrorism-scope",
        "refuse-R13-isolated-offence-in-organisation-scope",
        "refuse-R113-new-numbering-before-2022-reform",
        "refuse-R113-old-numbering-after-2022-reform",
        "refuse-R113-undated-draft-judged-today",
        "refuse-R113-R12-both-reported",
    ],
)
def test_offence_scope(c: Concertation, today: date, expected: list[tuple[object, ...]]) -> None:
    assert found(check_offence_scope(c, today)) == expected


def test_offence_violations_name_the_offence_and_the_day() -> None:
    not_in_force, duplicated = check_offence_scope(
        replace(C, offence_scope=("cp_373", "cp_373"), scheduled_start=None), date(2023, 1, 1)
    )
    assert (not_in_force.code, not_in_force.params) == (
        "offence_not_in_force",
        {"offence": "cp_373", "on": "2023-01-01"},
    )
    assert (duplicated.code, duplicated.params) == ("offence_duplicated", {"offence": "cp_373"})
    unknown, outside = check_offence_scope(replace(C, offence_scope=("cp_999", "cp_140")), TODAY)
    assert (unknown.code, unknown.params) == ("offence_unknown", {"offence": "cp_999"})
    assert (outside.code, outside.params) == ("offence_outside_purpose", {"offence": "cp_140"})


# --- R55: last resort -------------------------------------------------------------------------------------------

_JUSTIFIED = AlternativeConsidered()


@pytest.mark.parametrize(
    ("subsidiarity", "expected"),
    [
        (Subsidiarity(), []),
        (
            Subsidiarity(
                (_JUSTIFIED, AlternativeConsidered(Alternative.ART_458BIS_REPORT, "pas de danger grave et imminent"))
            ),
            [],
        ),
        (None, [v("R55", "last_resort_not_justified", "subsidiarity")]),
        (Subsidiarity(()), [v("R55", "last_resort_not_justified", "subsidiarity")]),
        (
            Subsidiarity((_JUSTIFIED, AlternativeConsidered(Alternative.STATE_OF_NECESSITY, " "))),
            [v("R55", "last_resort_not_justified", "subsidiarity.alternatives_considered[1].why_insufficient")],
        ),
        (
            Subsidiarity(why_concertation_now=None),
            [v("R55", "last_resort_not_justified", "subsidiarity.why_concertation_now")],
        ),
        (
            Subsidiarity((AlternativeConsidered(why_insufficient=None),), ""),
            [
                v("R55", "last_resort_not_justified", "subsidiarity.alternatives_considered[0].why_insufficient"),
                v("R55", "last_resort_not_justified", "subsidiarity.why_concertation_now"),
            ],
        ),
    ],
    ids=[
        "accept-one-alternative-justified",
        "accept-several-alternatives-justified",
        "refuse-R55-no-subsidiarity",
        "refuse-R55-no-alternative-considered",
        "refuse-R55-alternative-not-explained",
        "refuse-R55-why-now-missing",
        "refuse-R55-nothing-explained",
    ],
)
def test_subsidiarity(subsidiarity: Subsidiarity | None, expected: list[tuple[object, ...]]) -> None:
    assert found(check_subsidiarity(replace(C, subsidiarity=subsidiarity))) == expected


# --- R26, R11: the persons concerned ----------------------------------------------------------------------------

_THIRD = ProtectedPerson(ProtectedPersonRole.THIRD_PARTY, "child-2")


@pytest.mark.parametrize(
    ("c", "refs", "expected"),
    [
        (C, PERSON_REFS, []),
        (C, (PERSON_CONCERNED, "pc-2"), []),
        (_purpose(protected_persons=(ProtectedPerson(), _THIRD)), PERSON_REFS, []),
        (replace(C, purpose=None), PERSON_REFS, []),
        (_purpose(protected_persons=(_THIRD,)), (), [v("R26", "person_concerned_required", "persons_concerned")]),
        (
            _purpose(protected_persons=(_THIRD, ProtectedPerson(reference="pc-9"))),
            PERSON_REFS,
            [v("R11", "protected_person_unknown", "purpose.protected_persons[1].reference")],
        ),
        (
            C,
            (),
            [
                v("R26", "person_concerned_required", "persons_concerned"),
                v("R11", "protected_person_unknown", "purpose.protected_persons[0].reference"),
            ],
        ),
    ],
    ids=[
        "accept-protected-person-is-a-person-concerned",
        "accept-several-persons-concerned",
        "accept-D5-third-party-need-not-be-a-person-concerned",
        "accept-no-purpose-yet",
        "refuse-R26-nobody-concerned",
        "refuse-R11-protected-person-not-among-persons-concerned",
        "refuse-R26-R11-nobody-concerned-but-someone-protected",
    ],
)
def test_persons_concerned(c: Concertation, refs: Sequence[str], expected: list[tuple[object, ...]]) -> None:
    assert found(check_persons_concerned(c, refs)) == expected


def test_unknown_protected_person_names_the_reference() -> None:
    (violation,) = check_persons_concerned(
        _purpose(protected_persons=(ProtectedPerson(reference="pc-9"),)), PERSON_REFS
    )
    assert violation.params == {"reference": "pc-9"}


_ID = identity()
_AT = "persons_concerned[0]"


@pytest.mark.parametrize(
    ("ident", "reference", "taken", "expected"),
    [
        (_ID, "pc-1", (), []),
        (Identity(family_name=None, given_names=None, birth_date=None, national_number="14020312345"), "pc-1", (), []),
        (replace(_ID, national_number="14020312345"), "pc-2", ("pc-1",), []),
        (
            replace(_ID, kind=IdentityKind.FAMILY),
            "pc-1",
            (),
            [v("R26", "person_not_identified", f"{_AT}.identity.kind", invalid=True)],
        ),
        (
            replace(_ID, kind=IdentityKind.FAMILY, national_number="14020312345"),
            "pc-1",
            (),
            [v("R26", "person_not_identified", f"{_AT}.identity.kind", invalid=True)],
        ),
        (
            replace(_ID, birth_date=None),
            "pc-1",
            (),
            [v("R26", "person_not_identified", f"{_AT}.identity", invalid=True)],
        ),
        (
            replace(_ID, family_name=" "),
            "pc-1",
            (),
            [v("R26", "person_not_identified", f"{_AT}.identity", invalid=True)],
        ),
        (
            replace(_ID, given_names=None),
            "pc-1",
            (),
            [v("R26", "person_not_identified", f"{_AT}.identity", invalid=True)],
        ),
        (
            replace(_ID, given_names=None, national_number="  "),
            "pc-1",
            (),
            [v("R26", "person_not_identified", f"{_AT}.identity", invalid=True)],
        ),
        (_ID, "pc-1", ("pc-1",), [v("R26", "person_reference_ambiguous", f"{_AT}.reference", invalid=True)]),
        (
            replace(_ID, kind=IdentityKind.FAMILY),
            "pc-1",
            ("pc-1",),
            [
                v("R26", "person_not_identified", f"{_AT}.identity.kind", invalid=True),
                v("R26", "person_reference_ambiguous", f"{_AT}.reference", invalid=True),
            ],
        ),
    ],
    ids=[
        "accept-name-given-names-birth-date",
        "accept-national-number-alone",
        "accept-unique-reference",
        "refuse-R26-family-label",
        "refuse-R26-family-label-even-with-national-number",
        "refuse-R26-no-birth-date",
        "refuse-R26-family-name-blank",
        "refuse-R26-given-names-missing",
        "refuse-R26-blank-national-number-does-not-identify",
        "refuse-R26-reference-taken",
        "refuse-R26-family-label-and-reference-taken",
    ],
)
def test_identity(ident: Identity, reference: str, taken: Sequence[str], expected: list[tuple[object, ...]]) -> None:
    assert found(check_identity(ident, reference, taken, _AT)) == expected


def test_identity_violations_carry_the_reference_but_no_identity() -> None:
    violations = check_identity(replace(_ID, birth_date=None), "pc-1", ("pc-1",), _AT)
    assert [x.params for x in violations] == [{}, {"reference": "pc-1"}]


# --- R24: meeting kind -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "why", "expected"),
    [
        (MeetingKind.CASE_CONCERTATION, "présence dangereuse pour l'enfant", []),
        (MeetingKind.CLIENT_CONCERTATION, None, []),
        (None, "sans objet", [v("R24", "meeting_kind_required", "meeting_kind")]),
        (MeetingKind.CASE_CONCERTATION, None, [v("R24", "absence_not_justified", "why_person_not_present")]),
        (MeetingKind.CASE_CONCERTATION, "  ", [v("R24", "absence_not_justified", "why_person_not_present")]),
    ],
    ids=[
        "accept-case-concertation-with-reason",
        "accept-client-concertation",
        "refuse-R24-kind-missing",
        "refuse-R24-D14-absence-not-justified",
        "refuse-R24-D14-absence-reason-blank",
    ],
)
def test_meeting_kind(kind: MeetingKind | None, why: str | None, expected: list[tuple[object, ...]]) -> None:
    c = replace(C, meeting_kind=kind, why_person_not_present=why)
    assert found(check_meeting_kind(c)) == expected


# --- R23: chair, requester, initiator ---------------------------------------------------------------------------

_REQUESTER = C.requester
assert _REQUESTER is not None


@pytest.mark.parametrize(
    ("c", "expected"),
    [
        (C, []),
        (replace(C, initiator_type=InitiatorType.PARQUET, requester=replace(_REQUESTER, sector=None)), []),
        (replace(C, initiator_type=InitiatorType.OTHER), []),
        (replace(C, chair=None), [v("R23", "chair_required", "chair")]),
        (replace(C, chair=Party(name=" ")), [v("R23", "chair_required", "chair")]),
        (replace(C, chair=Party(function=None)), [v("R23", "chair_required", "chair")]),
        (replace(C, requester=replace(_REQUESTER, organisation="")), [v("R23", "requester_required", "requester")]),
        (replace(C, requester=None), [v("R23", "requester_required", "requester")]),
        (replace(C, initiator_type=None), [v("R23", "initiator_required", "initiator_type")]),
        (
            replace(C, chair=None, requester=None, initiator_type=None),
            [
                v("R23", "chair_required", "chair"),
                v("R23", "requester_required", "requester"),
                v("R23", "initiator_required", "initiator_type"),
            ],
        ),
    ],
    ids=[
        "accept-aid-service-initiative",
        "accept-parquet-initiative",
        "accept-other-initiative",
        "refuse-R23-no-chair",
        "refuse-R23-chair-unnamed",
        "refuse-R23-chair-function-missing",
        "refuse-R23-requester-organisation-blank",
        "refuse-R23-no-requester",
        "refuse-R23-no-initiator",
        "refuse-R23-nothing-recorded",
    ],
)
def test_chair_and_requester(c: Concertation, expected: list[tuple[object, ...]]) -> None:
    assert found(check_chair_and_requester(c)) == expected


# --- R113: dates -----------------------------------------------------------------------------------------------

_IN_FORCE = _at(date(2017, 8, 3), 0)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (_at(date(2026, 12, 1)), _at(date(2026, 12, 1), 12), []),
        (_at(date(2026, 12, 1)), None, []),
        (_IN_FORCE, None, []),
        (None, None, [v("R113", "date_required", "scheduled_start")]),
        (None, _at(date(2026, 12, 1)), [v("R113", "date_required", "scheduled_start")]),
        (
            _at(date(2017, 8, 2), 23),
            None,
            [v("R113", "before_458ter_in_force", "scheduled_start", invalid=True)],
        ),
        (
            _at(date(2026, 12, 1)),
            _at(date(2026, 12, 1)),
            [v("R113", "schedule_inverted", "scheduled_end", invalid=True)],
        ),
        (
            _at(date(2026, 12, 1)),
            _at(date(2026, 11, 30)),
            [v("R113", "schedule_inverted", "scheduled_end", invalid=True)],
        ),
        (
            _at(date(2016, 1, 1), 12),
            _at(date(2016, 1, 1), 11),
            [
                v("R113", "before_458ter_in_force", "scheduled_start", invalid=True),
                v("R113", "schedule_inverted", "scheduled_end", invalid=True),
            ],
        ),
    ],
    ids=[
        "accept-start-and-end",
        "accept-open-end",
        "accept-day-458ter-entered-into-force",
        "refuse-R113-undated",
        "refuse-R113-end-without-start",
        "refuse-R113-day-before-458ter",
        "refuse-R113-ends-when-it-starts",
        "refuse-R113-ends-before-it-starts",
        "refuse-R113-before-458ter-and-inverted",
    ],
)
def test_dates(start: datetime | None, end: datetime | None, expected: list[tuple[object, ...]]) -> None:
    assert found(check_dates(replace(C, scheduled_start=start, scheduled_end=end))) == expected


def test_before_in_force_names_the_date() -> None:
    (violation,) = check_dates(replace(C, scheduled_start=_at(date(2017, 1, 1)), scheduled_end=None))
    assert violation.params == {"in_force": "2017-08-03"}


# --- R16: who the basis covers ---------------------------------------------------------------------------------


def _only(*who: AuthorisedParticipant) -> Basis:
    return replace(BASIS, determines=replace(Determines(), authorised_participants=who))


@pytest.mark.parametrize(
    ("basis", "p", "expected"),
    [
        (BASIS, P, True),
        (BASIS, replace(P, organisation=" saj bruxelles "), True),
        (BASIS, replace(P, function=None), True),
        (BASIS, police_officer(), True),
        (BASIS, substitute(), True),
        (_only(named("P-001")), replace(P, person_ref=" p-001 ", sector=Sector.OTHER), True),
        (_only(category(Sector.AID_CARE, AID_ORG, "Déléguée")), P, True),
        (BASIS, replace(P, organisation="CPAS d'Anderlecht"), False),
        (BASIS, replace(P, organisation=None), False),
        (BASIS, replace(P, sector=Sector.HEALTH), False),
        (BASIS, replace(substitute(), function="procureur du Roi"), False),
        (BASIS, replace(police_officer(), organisation="Zone de police Anvers"), False),
        (_only(category(Sector.AID_CARE, AID_ORG, "directrice")), P, False),
        (_only(named("p-001")), replace(P, person_ref="p-002"), False),
        (_only(named("p-001")), replace(P, person_ref=None), False),
        (_only(named(None)), replace(P, person_ref=None), False),
        (_only(category(None)), replace(P, sector=None), False),
        (_only(), P, False),
        (replace(BASIS, determines=None), P, False),
    ],
    ids=[
        "covered-by-organisation-category",
        "covered-organisation-matched-case-and-space-insensitively",
        "covered-category-without-function-admits-any-function",
        "covered-police-zone",
        "covered-substitute-function-category",
        "covered-named-person",
        "covered-organisation-and-function",
        "not-covered-other-organisation",
        "not-covered-organisation-unknown",
        "not-covered-other-sector",
        "not-covered-other-function",
        "not-covered-other-police-zone",
        "not-covered-function-differs",
        "not-covered-other-named-person",
        "not-covered-participant-without-reference",
        "not-covered-named-nobody",
        "not-covered-category-without-sector",
        "not-covered-nobody-authorised",
        "not-covered-basis-determines-nothing",
    ],
)
def test_may_attend(basis: Basis, p: Participant, expected: bool) -> None:
    assert may_attend(basis, p) is expected


# --- R16, R17, R18: participants --------------------------------------------------------------------------------

_F = "participants[0]"


def _incomplete(name: str) -> tuple[object, ...]:
    return v("R17", "participant_profile_incomplete", f"{_F}.{name}", invalid=True)


_NOT_AUTHORISED = v("R16", "participant_not_authorised", _F, invalid=True)
_TEACHER = replace(
    P,
    person_ref="sch-1",
    organisation="Athénée royal",
    sector=Sector.SCHOOL,
    function="Directeur",
    bound_by_professional_secrecy=False,
    secrecy_source=SecrecySource.NONE_DUTY_OF_DISCRETION,
)
_LAWYER = replace(
    P,
    person_ref=NAMED_LAWYER,
    organisation="Barreau de Bruxelles",
    sector=Sector.LAWYER,
    function="avocat",
    secrecy_source=SecrecySource.ART_458_CP,
    is_lawyer=True,
)


@pytest.mark.parametrize(
    ("p", "basis", "expected"),
    [
        (P, BASIS, []),
        (_TEACHER, BASIS, []),
        (
            replace(
                P, under_mandate=True, mandating_authority="tribunal de la jeunesse", person_informed_of_mandate=True
            ),
            BASIS,
            [],
        ),
        (_LAWYER, BASIS, []),
        (substitute(), BASIS, []),
        (police_officer(), BASIS, []),
        (replace(P, works_with=()), BASIS, []),
        (replace(P, sector=Sector.OTHER), None, []),
        (replace(P, organisation=" "), BASIS, [_incomplete("organisation"), _NOT_AUTHORISED]),
        (replace(P, sector=None), BASIS, [_incomplete("sector")]),
        (replace(P, function=None), BASIS, [_incomplete("function")]),
        (replace(P, mission_statement=""), BASIS, [_incomplete("mission_statement")]),
        (replace(P, bound_by_professional_secrecy=None), BASIS, [_incomplete("bound_by_professional_secrecy")]),
        (replace(P, secrecy_source=None), BASIS, [_incomplete("secrecy_source")]),
        (replace(P, is_lawyer=None), BASIS, [_incomplete("is_lawyer")]),
        (replace(P, under_mandate=None), BASIS, [_incomplete("under_mandate")]),
        (
            replace(P, secrecy_source=SecrecySource.NONE_DUTY_OF_DISCRETION),
            BASIS,
            [v("R17", "secrecy_source_inconsistent", f"{_F}.secrecy_source", invalid=True)],
        ),
        (
            replace(_TEACHER, secrecy_source=SecrecySource.ART_458_CP),
            BASIS,
            [v("R17", "secrecy_source_inconsistent", f"{_F}.secrecy_source", invalid=True)],
        ),
        (
            replace(P, under_mandate=True, person_informed_of_mandate=True),
            BASIS,
            [_incomplete("mandating_authority")],
        ),
        (
            replace(P, under_mandate=True, mandating_authority=" ", person_informed_of_mandate=True),
            BASIS,
            [_incomplete("mandating_authority")],
        ),
        (
            replace(_LAWYER, is_lawyer=False),
            BASIS,
            [v("R17", "lawyer_flag_inconsistent", f"{_F}.is_lawyer", invalid=True)],
        ),
        (
            replace(police_officer(), magistrate_function=MagistrateFunction.PROCUREUR_DU_ROI),
            BASIS,
            [v("R17", "magistrate_outside_prosecution", f"{_F}.magistrate_function", invalid=True)],
        ),
        (
            replace(P, works_with=(PERSON_CONCERNED, "pc-9")),
            BASIS,
            [v("R17", "works_with_unknown_person", f"{_F}.works_with", invalid=True)],
        ),
        (replace(P, sector=Sector.HEALTH), BASIS, [_NOT_AUTHORISED]),
        (replace(P, organisation="CPAS d'Anderlecht"), BASIS, [_NOT_AUTHORISED]),
        (
            Participant(
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                ("pc-9",),
                MagistrateFunction.SUBSTITUT,
            ),
            BASIS,
            [
                _incomplete("organisation"),
                _incomplete("sector"),
                _incomplete("function"),
                _incomplete("mission_statement"),
                _incomplete("bound_by_professional_secrecy"),
                _incomplete("secrecy_source"),
                _incomplete("is_lawyer"),
                _incomplete("under_mandate"),
                v("R17", "magistrate_outside_prosecution", f"{_F}.magistrate_function", invalid=True),
                v("R17", "works_with_unknown_person", f"{_F}.works_with", invalid=True),
            ],
        ),
    ],
    ids=[
        "accept-aid-worker-covered",
        "accept-R18-teacher-with-duty-of-discretion",
        "accept-mandated-worker-naming-authority",
        "accept-named-lawyer",
        "accept-substitute-in-prosecution",
        "accept-police-officer-of-authorised-zone",
        "accept-works-with-nobody",
        "accept-profile-without-basis-R16-not-judged",
        "refuse-R17-R16-organisation-blank",
        "refuse-R17-sector-missing",
        "refuse-R17-function-missing",
        "refuse-R17-mission-missing",
        "refuse-R17-secrecy-status-missing",
        "refuse-R17-secrecy-source-missing",
        "refuse-R17-lawyer-flag-missing",
        "refuse-R17-mandate-flag-missing",
        "refuse-R17-bound-but-only-duty-of-discretion",
        "refuse-R17-not-bound-but-art-458-source",
        "refuse-R17-mandate-without-authority",
        "refuse-R17-mandate-authority-blank",
        "refuse-R17-lawyer-sector-not-flagged-lawyer",
        "refuse-R17-magistrate-outside-prosecution",
        "refuse-R17-works-with-unknown-person",
        "refuse-R16-sector-not-authorised",
        "refuse-R16-organisation-not-authorised",
        "refuse-R17-empty-profile",
    ],
)
def test_participant(p: Participant, basis: Basis | None, expected: list[tuple[object, ...]]) -> None:
    assert found(check_participant(p, basis, PERSON_REFS, _F)) == expected


def test_participant_violations_name_the_reference_and_sector() -> None:
    unknown, not_authorised = check_participant(
        replace(P, sector=Sector.HEALTH, works_with=("pc-9",)), BASIS, PERSON_REFS, _F
    )
    assert unknown.params == {"reference": "pc-9"}
    assert not_authorised.params == {"sector": "health"}


@pytest.mark.parametrize(
    ("participants", "expected"),
    [
        ((), []),
        ((P, police_officer(), substitute()), []),
        (
            (P, replace(P, sector=Sector.HEALTH), replace(P, mission_statement=None)),
            [
                v("R16", "participant_not_authorised", "participants[1]", invalid=True),
                v("R17", "participant_profile_incomplete", "participants[2].mission_statement", invalid=True),
            ],
        ),
    ],
    ids=["accept-nobody-invited-yet", "accept-aid-police-parquet", "refuse-R16-R17-indexed-per-participant"],
)
def test_participants(participants: Sequence[Participant], expected: list[tuple[object, ...]]) -> None:
    assert found(check_participants(participants, BASIS, PERSON_REFS)) == expected


# --- R20, R67: never shared professional secrecy ---------------------------------------------------------------


def test_judicial_sectors_are_police_and_prosecution() -> None:
    assert frozenset({Sector.POLICE, Sector.PROSECUTION}) == JUDICIAL_SECTORS


@pytest.mark.parametrize(
    ("participants", "expected"),
    [
        ((P, police_officer()), True),
        ((substitute(),), True),
        ((P, _TEACHER, _LAWYER), False),
        ((replace(P, sector=None),), False),
        ((), False),
    ],
    ids=["police-present", "parquet-present", "aid-school-lawyer-only", "sector-unknown", "nobody"],
)
def test_judicial_presence(participants: Sequence[Participant], expected: bool) -> None:
    assert judicial_presence(participants) is expected


@pytest.mark.parametrize(
    ("claims", "participants", "expected"),
    [
        (False, (P, police_officer()), []),
        (False, (P,), []),
        (True, (P, police_officer()), [v("R20", "police_parquet_not_shared_secrecy", "justification", invalid=True)]),
        (True, (substitute(),), [v("R20", "police_parquet_not_shared_secrecy", "justification", invalid=True)]),
        (True, (P, _TEACHER), [v("R67", "shared_secrecy_is_not_a_concertation", "justification", invalid=True)]),
        (True, (), [v("R67", "shared_secrecy_is_not_a_concertation", "justification", invalid=True)]),
    ],
    ids=[
        "accept-458ter-with-police",
        "accept-458ter-aid-only",
        "refuse-R20-shared-secrecy-with-police",
        "refuse-R20-shared-secrecy-with-parquet",
        "refuse-R67-shared-secrecy-is-its-own-regime",
        "refuse-R67-even-with-nobody-invited",
    ],
)
def test_not_shared_secrecy(
    claims: bool, participants: Sequence[Participant], expected: list[tuple[object, ...]]
) -> None:
    assert found(check_not_shared_secrecy(claims, participants)) == expected


def test_defaults_are_lawful() -> None:
    """The builders' defaults pass every check, so each refused row above fails for its own reason only."""
    st = standing()
    assert check_basis_applies(C, st, allow_prosecutor_authorisation_basis=True) == []
    assert check_concertation_type(C, CONCERTATION_TYPES) == []
    assert check_purpose(C) == []
    assert check_offence_scope(C, TODAY) == []
    assert check_subsidiarity(C) == []
    assert check_persons_concerned(C, PERSON_REFS) == []
    assert check_identity(_ID, "pc-1", (), _AT) == []
    assert check_meeting_kind(C) == []
    assert check_chair_and_requester(C) == []
    assert check_dates(C) == []
    assert check_participants((P, police_officer(), substitute(), _TEACHER, _LAWYER), BASIS, PERSON_REFS) == []
    assert C.purpose is not None
    assert C.purpose.category is INTEGRITY


@pytest.mark.parametrize(
    ("informed", "expected"),
    [
        (True, []),
        (False, [v("R25", "mandate_not_disclosed", f"{_F}.person_informed_of_mandate", invalid=True)]),
        (None, [v("R25", "mandate_not_disclosed", f"{_F}.person_informed_of_mandate", invalid=True)]),
    ],
    ids=["accept-R25-mandate-disclosed", "refuse-R25-not-disclosed", "refuse-R25-unanswered"],
)
def test_r25_mandated_participant_told_the_person(informed: bool | None, expected: list[tuple[object, ...]]) -> None:
    p = replace(P, under_mandate=True, mandating_authority="SPJ Bruxelles", person_informed_of_mandate=informed)
    assert found(check_participant(p, BASIS, PERSON_REFS, _F)) == expected
