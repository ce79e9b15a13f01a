"""Request bodies used across the HTTP tests: lawful by default, each test breaks exactly what it tests."""

from __future__ import annotations

import copy
from typing import Any


def decree(**overrides: Any) -> dict[str, Any]:
    """A Walloon-Brussels youth-aid decree naming who may take part, the purpose and the modalities."""
    body: dict[str, Any] = {
        "type": "decree",
        "title": "Décret portant le code de la prévention, de l'aide à la jeunesse et de la protection de la jeunesse",
        "enabling_norm": {
            "title": "Décret du 18 janvier 2018 portant le code de la prévention, de l'aide à la jeunesse",
            "date": "2018-01-18",
            "articles": ["art. 1er", "art. 159"],
            "legislator": "community",
            "publication_ref": "M.B. 3 avril 2018",
        },
        "determines": {
            "authorised_participants": [
                {"kind": "category", "sector": "aid_care", "function": "assistant social"},
                {"kind": "category", "sector": "health", "function": "psychologue"},
                {"kind": "category", "sector": "police", "organisation": "Zone de police Bruxelles-Capitale"},
                {"kind": "category", "sector": "prosecution", "function": "substitut"},
                {"kind": "person", "person_ref": "teacher-17"},
            ],
            "purposes": ["protect_integrity"],
            "finalite": "Protéger l'intégrité physique et psychique des enfants en danger.",
            "modalities": {
                "convened_by": "le conseiller de l'aide à la jeunesse",
                "chaired_by": "le conseiller de l'aide à la jeunesse",
                "frequency": "au besoin, au plus une fois par mois",
                "information_of_person": "La famille est informée sauf danger pour l'enfant.",
                "minutes": "Procès-verbal rédigé par le président, chiffré.",
            },
        },
        "valid_from": "2018-04-13",
    }
    body.update(overrides)
    return body


def authorisation(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "prosecutor_authorisation",
        "title": "Autorisation motivée du procureur du Roi de Bruxelles — dossier 2026/123",
        "prosecutor_authorisation": {
            "issued_by": "procureur_du_roi",
            "issued_by_name": "J. Dupont",
            "issuing_office": "Parquet de Bruxelles",
            "issued_at": "2026-10-01",
            "form": "written",
            "document_sha256": "a" * 64,
            "motivation": "Risque grave et actuel pour l'intégrité de deux enfants ; l'aide volontaire a échoué.",
        },
        "determines": copy.deepcopy(decree()["determines"]),
        "valid_from": "2026-10-01",
        "valid_until": "2027-10-01",
    }
    body.update(overrides)
    return body


def concertation(basis_id: str, **overrides: Any) -> dict[str, Any]:
    """A complete, compliant integrity concertation in the `safeguards` profile."""
    body: dict[str, Any] = {
        "legal_basis_id": basis_id,
        "concertation_type": "child_abuse_protocol",
        "purpose": {
            "category": "protect_integrity",
            "statement": "Mettre fin aux violences répétées subies par l'enfant au domicile.",
            "objective": "protect",
            "protected_persons": [
                {"reference": "P-001", "role": "person_concerned"},
                {"reference": "child-2", "role": "third_party"},
            ],
            "integrity_dimensions": ["physical", "psychological"],
            "threat_description": "Coups répétés signalés par l'école ; menaces envers le petit frère.",
        },
        "offence_scope": ["cp_398"],
        "subsidiarity": {
            "alternatives_considered": [
                {"alternative": "voluntary_aid", "why_insufficient": "La famille a rompu l'accompagnement."},
            ],
            "why_concertation_now": "Les faits se répètent depuis trois semaines.",
        },
        "persons_concerned": [
            {
                "reference": "P-001",
                "identity": {
                    "kind": "individual",
                    "family_name": "Martin",
                    "given_names": "Léa",
                    "birth_date": "2014-05-02",
                },
                "privacy_notice_given_at": "2026-11-18T10:00:00+01:00",
            }
        ],
        "meeting_kind": "case_concertation",
        "why_person_not_present": "La présence de l'enfant l'exposerait à des représailles.",
        "chair": {
            "name": "A. Lambert",
            "organisation": "SAJ Bruxelles",
            "function": "conseillère",
            "sector": "aid_care",
        },
        "requester": {
            "name": "B. Peeters",
            "organisation": "CPAS de Schaerbeek",
            "function": "assistant social",
            "sector": "social_security_cpas",
        },
        "initiator_type": "aid_service",
        "scheduled_start": "2026-12-01T09:00:00+01:00",
        "scheduled_end": "2026-12-01T10:00:00+01:00",
    }
    body.update(overrides)
    return body


def participant(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "issuer": "concertation-test",
        "subject": "sw-alice",
        "display_name": "Alice Renard",
        "organisation": "CPAS de Schaerbeek",
        "sector": "aid_care",
        "function": "assistant social",
        "mission_statement": "Accompagnement social de la famille depuis 2024.",
        "bound_by_professional_secrecy": True,
        "secrecy_source": "arts_36_50_cpas_organic_law",
        "is_lawyer": False,
        "under_mandate": False,
        "works_with": ["P-001"],
    }
    body.update(overrides)
    return body


def police(**overrides: Any) -> dict[str, Any]:
    return participant(
        subject="police-bob",
        display_name="Bob Claes",
        organisation="Zone de police Bruxelles-Capitale",
        sector="police",
        function="inspecteur",
        mission_statement="Section jeunesse et famille.",
        secrecy_source="other_specific_law",
        works_with=[],
        **overrides,
    )


def information(person_id: str, *, after_session: bool = False) -> dict[str, Any]:
    """R29 — the person was told that the concertation is held and who takes part (and then what happened)."""
    items = ["concertation_held", "participants"]
    if after_session:
        items += ["what_was_shared", "what_was_decided"]
    return {
        "person_id": person_id,
        "items": items,
        "informed_by": "B. Peeters (CPAS)",
        "informed_at": "2026-11-20T14:00:00+01:00",
        "channel": "entretien au CPAS",
    }


# ------------------------------------------------------------------ participants' rights and the person concerned


def substitute(**overrides: Any) -> dict[str, Any]:
    """R22 — a substitute of the procureur du Roi, covered by the decree's `prosecution`/`substitut` category."""
    return participant(
        subject="subst-carla",
        display_name="Carla Jacobs",
        organisation="Parquet de Bruxelles",
        sector="prosecution",
        function="substitut",
        mission_statement="Section famille-jeunesse du parquet.",
        secrecy_source="other_specific_law",
        works_with=[],
        magistrate_function="substitut",
        **overrides,
    )


def consent(person_id: str, **overrides: Any) -> dict[str, Any]:
    """R22, R32 — the person's prior informed consent to the presence of a magistrate of the parquet."""
    body: dict[str, Any] = {
        "person_id": person_id,
        "subject": "legal_representative",
        "scope": "prosecutor_presence",
        "status": "given",
        "information_items": [
            "magistrate_identity_and_role",
            "purpose",
            "what_may_be_shared",
            "prosecution_scope",
            "right_to_refuse",
        ],
        "method": "entretien au SAJ",
        "given_at": "2026-11-20T10:00:00+01:00",
    }
    body.update(overrides)
    return body


def information_exception(person_id: str, **overrides: Any) -> dict[str, Any]:
    """R30 — informing the person now would endanger the child; motivated, decided, to be reviewed."""
    body: dict[str, Any] = {
        "person_id": person_id,
        "reason": "child_safety_endangered",
        "motivation": "Le père menace l'enfant de représailles s'il apprend que l'école a parlé.",
        "decided_by": "A. Lambert, conseillère SAJ",
        "review_at": "2026-12-22",
    }
    body.update(overrides)
    return body


# ------------------------------------------------------------------ minutes and the prosecution path (issue 4)

#: R21 — a basis that lets a lawyer take part names the sector `lawyer` among its authorised categories.
LAWYER_CATEGORY: dict[str, Any] = {"kind": "category", "sector": "lawyer", "function": "avocat"}


def decree_authorising(*categories: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    """The decree, with further authorised participant categories (e.g. `LAWYER_CATEGORY`)."""
    body = decree(**overrides)
    body["determines"] = copy.deepcopy(body["determines"])
    body["determines"]["authorised_participants"] += [dict(c) for c in categories]
    return body


def lawyer(**overrides: Any) -> dict[str, Any]:
    """R21 — a lawyer of the family; needs a basis authorising the sector `lawyer`."""
    body = participant(
        subject="lawyer-x",
        display_name="Xavier Lenoir",
        organisation="Barreau de Bruxelles",
        sector="lawyer",
        function="avocat",
        mission_statement="Conseil de la mère dans la procédure protectionnelle.",
        secrecy_source="art_458_cp",
        is_lawyer=True,
        works_with=[],
    )
    body.update(overrides)
    return body


def person_concerned(reference: str = "P-002", **identity: Any) -> dict[str, Any]:
    """R26 — a further person concerned, an individual, privacy notice given."""
    return {
        "reference": reference,
        "identity": {
            "kind": "individual",
            "family_name": "Dubois",
            "given_names": "Noah",
            "birth_date": "2012-01-09",
            **identity,
        },
        "privacy_notice_given_at": "2026-11-18T10:00:00+01:00",
    }


def minutes_entry(speaker_id: str | None = None, **overrides: Any) -> dict[str, Any]:
    """A lawful process note (R65: no justification needed), attributed to `speaker_id` when given."""
    body: dict[str, Any] = {"level": "process", "content": "La famille a repris contact avec le service."}
    if speaker_id is not None:
        body["speaker_id"] = speaker_id
    body.update(overrides)
    return body


def prosecution_request(**overrides: Any) -> dict[str, Any]:
    """R49 — a magistrate's request to use the minutes for assault and battery (cp_398) against P-001's abuser."""
    body: dict[str, Any] = {
        "requesting_magistrate": "J. Dupont",
        "criminal_case_reference": "BR.12.34.5678/26",
        "offences": ["cp_398"],
        "persons_named": ["P-001"],
        "motivation": "Poursuites pour coups et blessures volontaires sur l'enfant.",
    }
    body.update(overrides)
    return body


# ------------------------------------------------------------------------- the other disclosure regimes (issue 13)


def discloser(**overrides: Any) -> dict[str, Any]:
    """A CPAS social worker bound by secrecy, following family F-12 (mission M-F12)."""
    body: dict[str, Any] = {
        "reference": "sw-alice",
        "sector": "social_security_cpas",
        "organisation": "CPAS de Schaerbeek",
        "function": "assistant social",
        "bound_by_professional_secrecy": True,
        "secrecy_source": "arts_36_50_cpas_organic_law",
        "mission_id": "M-F12",
        "judicial_mandate": False,
    }
    body.update(overrides)
    return body


def recipient(**overrides: Any) -> dict[str, Any]:
    """A psychologist of the same mission, bound by art. 458 C. pén."""
    body: dict[str, Any] = {
        "reference": "psy-karim",
        "kind": "professional",
        "sector": "health",
        "organisation": "Service de santé mentale Le Méridien",
        "function": "psychologue",
        "bound_by_professional_secrecy": True,
        "secrecy_source": "art_458_cp",
        "secrecy_evidence": "Psychologue agréé, tenu au secret par l'art. 458 C. pén. (déclaration écrite).",
        "mission_id": "M-F12",
        "judicial_mandate": False,
    }
    body.update(overrides)
    return body


def shared_item(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "reference": "item-1",
        "content": "Madame dort mal depuis la perte de son emploi et craint de ne plus pouvoir payer le loyer.",
        "necessity_justification": "Le suivi psychologique commun doit tenir compte de l'angoisse liée au logement.",
        "in_interest_of_person": True,
        "serves": "care_of_person",
        "pseudonymised": True,
    }
    body.update(overrides)
    return body


def master(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "consent": "given",
        "consent_recipients": ["psy-karim"],
        "consent_items": ["item-1"],
        "consent_given_at": "2026-11-20T10:00:00Z",
        "informed": True,
        "informed_at": "2026-11-20T10:00:00Z",
    }
    body.update(overrides)
    return body


def exchange(**overrides: Any) -> dict[str, Any]:
    """A shared-secrecy exchange that meets the four conditions (R67–R71)."""
    body: dict[str, Any] = {
        "person_ref": "P-001",
        "discloser": discloser(),
        "recipients": [recipient()],
        "items": [shared_item()],
        "master": master(),
    }
    body.update(overrides)
    return body


def danger(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "description": "L'enfant présente des ecchymoses répétées ; le père a menacé de recommencer ce soir.",
        "grave": True,
        "imminent": True,
        "harm_to_another": True,
        "time": "present",
        "grave_and_imminent_danger_to_victim": True,
        "serious_danger_to_other_victims": False,
        "unable_to_protect_alone_or_with_third_parties": True,
    }
    body.update(overrides)
    return body


def report(**overrides: Any) -> dict[str, Any]:
    """An art. 458bis report that meets R101–R103: beatings of a child, grave and imminent danger."""
    body: dict[str, Any] = {
        "person_ref": "child-7",
        "discloser": discloser(),
        "offence": "cp_398",
        "victim": {"is_minor": True, "vulnerabilities": []},
        "danger": danger(),
        "recipient": "procureur_du_roi",
        "judicial_district": "Bruxelles",
        "factual_basis": {
            "kinds": ["observed", "disclosed_by_victim"],
            "description": "Ecchymoses constatées le 20 novembre ; l'enfant a dit que son père le frappe.",
            "observed_on": "2026-11-20",
        },
        "follow_up_plan": "Maintenir les visites à domicile et relayer vers SOS Enfants.",
    }
    body.update(overrides)
    return body


def necessity(**overrides: Any) -> dict[str, Any]:
    """A state-of-necessity disclosure that meets R99, R100 and R103."""
    body: dict[str, Any] = {
        "person_ref": "P-001",
        "discloser": discloser(),
        "danger": danger(),
        "weighing": {
            "interest_protected": "La vie de l'enfant, plus impérieuse que le secret.",
            "weighing": "more_compelling",
        },
        "subsidiarity": {"no_other_means": True, "alternatives_tried": ["Appel au réseau familial, sans réponse."]},
        "proportionality": {
            "disclosure_limited_to_averting": True,
            "disclosed": "Adresse actuelle et menace proférée ce soir.",
            "disclosed_to": "service d'urgence de la zone de police",
        },
        "consulted": ["secret_bound_colleague"],
        "person_spoken_to": True,
        "assessed_by": "Alice Renard, assistante sociale",
        "assessed_at": "2026-11-22T08:00:00Z",
        "follow_up_plan": "Poursuivre l'accompagnement de la mère ; rendez-vous fixé demain.",
    }
    body.update(overrides)
    return body


def classification(**overrides: Any) -> dict[str, Any]:
    """The facts of a contemplated exchange, without content: the shared-secrecy case of `exchange()`."""
    item = {k: v for k, v in shared_item().items() if k != "content"}
    body: dict[str, Any] = {
        "discloser": discloser(),
        "recipients": [recipient()],
        "items": [item],
        "master": master(),
    }
    body.update(overrides)
    return body
