"""Examples for the OpenAPI document, keyed by operationId and injected by `api.openapi.refine`.

One case throughout, as in the README's curl path and `tests/api/payloads.py`: a youth-aid decree of the French
Community, a concertation about a child (Léa), a CPAS social worker (Alice), the SAJ counsellor who chairs, a
magistrate of the Brussels parquet (J. Dupont) asking for the minutes. The ids are shared, so one answer's id is the
next request's. Responses were taken from the service (walked by `tests/openapi/walk.py`) and trimmed; every example
is checked against its schema, and every request body is sent to the service, by tests/openapi/.
"""

from __future__ import annotations

from typing import Any

from policies import grounds
from policies.messages import message

BASIS_ID = "cf19768f-fd67-55ba-bc97-2e6b3a077d8e"
CONCERTATION_ID = "2db2a1c8-083a-579f-8da8-420c8c70005d"
PERSON_ID = "9853d565-2018-5091-8f51-6d75e97a9e4f"
OTHER_PERSON_ID = "b8cb034c-4e2e-597c-b1f2-34999fa5f1f0"
PARTICIPANT_ID = "6a874fa9-a026-50ce-922a-dd9d5c458934"
AGENDA_ITEM_ID = "434dd132-b39b-5878-b9b3-65e7ca317249"
CONSENT_ID = "b8170b9c-a70a-5239-bcdd-3f2d6718e84d"
INFORMATION_ID = "af9c48d6-c80b-5f1d-b94e-db17e7d4af22"
EXCEPTION_ID = "7bf72c81-613f-53cd-b99b-cdbb820fed56"
ATTENDANCE_ID = "0f5de4c4-c092-59c0-a9a8-a8378444c58b"
SILENCE_ID = "46ff1e27-c0ff-5bec-8fe5-d51250c4fcbe"
ENTRY_ID = "b2a83d28-36cc-501a-a7f6-f6cd0c11be10"
REQUEST_ID = "1d0969be-a6e0-5ed1-b774-179dca4d9348"

# ------------------------------------------------------------------------------------------------ problems

OVERLOADED: dict[str, Any] = {
    "type": "https://concertation.example/problems/overloaded",
    "title": "Service indisponible",
    "status": 503,
    "detail": "Le service est momentanément surchargé : réessayez dans quelques secondes.",
    "code": "overloaded",
    "violations": [],
}
NOT_COMPLIANT: dict[str, Any] = {
    "type": "https://concertation.example/problems/not_compliant",
    "title": "Conflit avec l'état actuel",
    "status": 409,
    "detail": (
        "Ce changement d'état est refusé parce que des contrôles de conformité "
        "échouent : consultez le rapport de conformité, corrigez les points "
        "signalés et réessayez."
    ),
    "code": "not_compliant",
    "violations": [
        {
            "rule": "R55",
            "code": "last_resort_not_justified",
            "legal_ground": "recommandation SDJ ; Protocol van Moed (« dernière alternative »)",
            "message": (
                "Une concertation de cas doit rester une mesure exceptionnelle, de "
                "dernier recours : indiquez les alternatives envisagées (aide "
                "volontaire, secret professionnel partagé, signalement au procureur du "
                "Roi…), pourquoi chacune est insuffisante et pourquoi la concertation "
                "est nécessaire maintenant."
            ),
            "field": "subsidiarity",
        }
    ],
}


def invalid_value(field: str) -> dict[str, Any]:
    """The 422 of a malformed value of `field` (a body field, a path or query parameter), as the service words it."""
    return {
        "type": "https://concertation.example/problems/invalid_payload",
        "title": "Contenu non conforme",
        "status": 422,
        "detail": message("invalid_payload", "fr", {}),
        "code": "invalid_payload",
        "violations": [
            {
                "rule": None,
                "code": "value_invalid",
                "legal_ground": grounds.DESIGN,
                "message": message("value_invalid", "fr", {"field": field}),
                "field": field,
            }
        ],
    }


INVALID_LIMIT: dict[str, Any] = {
    "type": "https://concertation.example/problems/invalid_limit",
    "title": "Contenu non conforme",
    "status": 422,
    "detail": "Le paramètre limit doit être un nombre entier entre 1 et 200 : corrigez-le.",
    "code": "invalid_limit",
    "violations": [
        {
            "rule": None,
            "code": "invalid_limit",
            "legal_ground": "conception (mise en œuvre d'art. 458ter C. pén.)",
            "message": "Le paramètre limit doit être un nombre entier entre 1 et 200 : corrigez-le.",
            "field": "limit",
        }
    ],
}
OUT_OF_SCOPE: dict[str, Any] = {
    "type": "https://concertation.example/problems/offence_outside_concertation_scope",
    "title": "Contenu non conforme",
    "status": 422,
    "detail": (
        "Refusé en entier : les infractions cp_433quinquies ne sont pas celles "
        "pour lesquelles la concertation a été organisée ; les secrets qui y "
        "sont communiqués ne peuvent donner lieu à la poursuite que de ces "
        "seuls délits (art. 458ter C. pén.) et un autre usage violerait le "
        "secret professionnel."
    ),
    "code": "offence_outside_concertation_scope",
    "violations": [
        {
            "rule": "R49",
            "code": "offence_outside_concertation_scope",
            "legal_ground": (
                "art. 458ter §2 C. pén. (poursuite des seuls délits pour lesquels la concertation a été organisée)"
            ),
            "message": (
                "Refusé en entier : les infractions cp_433quinquies ne sont pas celles "
                "pour lesquelles la concertation a été organisée ; les secrets qui y "
                "sont communiqués ne peuvent donner lieu à la poursuite que de ces "
                "seuls délits (art. 458ter C. pén.) et un autre usage violerait le "
                "secret professionnel."
            ),
            "field": "offences",
        }
    ],
}
DEV_SIGN_IN_UNAVAILABLE: dict[str, Any] = {
    "type": "https://concertation.example/problems/dev_sign_in_unavailable",
    "title": "Introuvable",
    "status": 404,
    "detail": (
        "La connexion de développement n'est pas disponible ici : l'émetteur "
        "de développement est désactivé "
        "(CONCERTATION_DEV_ISSUER_ENABLED=false) ou la demande ne vient pas de "
        "cette machine. Connectez-vous auprès de votre fournisseur d'identité."
    ),
    "code": "dev_sign_in_unavailable",
    "violations": [],
}
IF_MATCH_REQUIRED: dict[str, Any] = {
    "type": "https://concertation.example/problems/precondition_required",
    "title": "Précondition requise",
    "status": 428,
    "detail": (
        "Cette modification exige l'en-tête If-Match avec l'ETag de la version "
        "lue : relisez la ressource et renvoyez la demande avec cet en-tête."
    ),
    "code": "precondition_required",
    "violations": [],
}

# ------------------------------------------------------------------------------------------------ resources

CONCERTATION: dict[str, Any] = {
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
        "prevention_rationale": None,
        "criminal_organisation": None,
    },
    "offence_scope": ["cp_398"],
    "subsidiarity": {
        "alternatives_considered": [
            {"alternative": "voluntary_aid", "why_insufficient": "La famille a rompu l'accompagnement."}
        ],
        "why_concertation_now": "Les faits se répètent depuis trois semaines.",
    },
    "meeting_kind": "case_concertation",
    "why_person_not_present": "La présence de l'enfant l'exposerait à des représailles.",
    "chair": {
        "name": "A. Lambert",
        "organisation": "SAJ Bruxelles",
        "function": "conseillère",
        "sector": "aid_care",
        "issuer": "concertation-dev",
        "subject": "chair-lambert",
    },
    "requester": {
        "name": "B. Peeters",
        "organisation": "CPAS de Schaerbeek",
        "function": "assistant social",
        "sector": "social_security_cpas",
        "issuer": None,
        "subject": None,
    },
    "initiator_type": "aid_service",
    "scheduled_start": "2026-12-01T08:00:00Z",
    "scheduled_end": "2026-12-01T09:00:00Z",
    "id": CONCERTATION_ID,
    "legal_basis_id": BASIS_ID,
    "org": "cpas-schaerbeek",
    "state": "draft",
    "policy_profile": "safeguards",
    "persons_concerned": [
        {
            "id": PERSON_ID,
            "reference": "P-001",
            "privacy_notice_given_at": "2026-11-18T09:00:00Z",
            "privacy_notice_deferred": False,
        }
    ],
    "art_458ter_only": False,
    "democratic_control": True,
    "scope_frozen_at": None,
    "created_at": "2026-11-22T09:04:00Z",
    "updated_at": "2026-11-22T09:04:00Z",
    "version": 1,
}
ATTENDANCE: dict[str, Any] = {
    "id": ATTENDANCE_ID,
    "participant_id": PARTICIPANT_ID,
    "joined_at": "2026-11-22T09:30:00Z",
    "left_at": None,
}
MINUTES: dict[str, Any] = {
    "finalised_at": None,
    "items": [
        {
            "id": ENTRY_ID,
            "agenda_item_id": AGENDA_ITEM_ID,
            "speaker_id": PARTICIPANT_ID,
            "attributed_to": [],
            "entry_type": "statement",
            "level": "content",
            "necessity_justification": "Le danger pour l'enfant est actuel.",
            "offence_tags": ["cp_398"],
            "about_persons": ["P-001"],
            "may_inform_judicial_decision": True,
            "disclosed_to_person_at": None,
            "penal_use_forbidden": False,
            "recorded_at": "2026-11-22T09:34:00Z",
            "content": "L'école a constaté des ecchymoses sur les bras de Léa le 17 novembre.",
        }
    ],
    "next_cursor": None,
}
ENTRY: dict[str, Any] = {
    "id": ENTRY_ID,
    "agenda_item_id": AGENDA_ITEM_ID,
    "speaker_id": PARTICIPANT_ID,
    "attributed_to": [],
    "entry_type": "statement",
    "level": "content",
    "necessity_justification": "Le danger pour l'enfant est actuel.",
    "offence_tags": ["cp_398"],
    "about_persons": ["P-001"],
    "may_inform_judicial_decision": True,
    "disclosed_to_person_at": None,
    "penal_use_forbidden": False,
    "recorded_at": "2026-11-22T09:34:00Z",
    "content": "L'école a constaté des ecchymoses sur les bras de Léa le 17 novembre.",
}
PARTICIPANT: dict[str, Any] = {
    "issuer": "concertation-dev",
    "subject": "sw-alice",
    "person_ref": None,
    "display_name": "Alice Renard",
    "organisation": "CPAS de Schaerbeek",
    "sector": "aid_care",
    "function": "assistant social",
    "mission_statement": "Accompagnement social de la famille depuis 2024.",
    "bound_by_professional_secrecy": True,
    "secrecy_source": "arts_36_50_cpas_organic_law",
    "is_lawyer": False,
    "under_mandate": False,
    "mandating_authority": None,
    "person_informed_of_mandate": None,
    "works_with": ["P-001"],
    "magistrate_function": None,
    "role": "member",
    "id": PARTICIPANT_ID,
    "concertation_id": CONCERTATION_ID,
    "created_at": "2026-11-22T09:11:00Z",
    "version": 1,
}
FLAGS: dict[str, Any] = {
    "participant_id": PARTICIPANT_ID,
    "invitation_status": "accepted",
    "answered_at": "2026-11-22T09:17:00Z",
    "secrecy_acknowledged": True,
    "silences": [],
}
SILENCE: dict[str, Any] = {
    "id": SILENCE_ID,
    "participant_id": PARTICIPANT_ID,
    "agenda_item_id": AGENDA_ITEM_ID,
    "invoked_at": "2026-11-22T09:32:00Z",
    "lifted_at": None,
}
CONSENT: dict[str, Any] = {
    "id": CONSENT_ID,
    "person_id": PERSON_ID,
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
    "given_at": "2026-11-20T09:00:00Z",
    "recorded_at": "2026-11-22T09:21:00Z",
    "withdrawn_at": None,
}
INFORMATION: dict[str, Any] = {
    "id": INFORMATION_ID,
    "person_id": PERSON_ID,
    "items": ["concertation_held", "participants"],
    "informed_by": "B. Peeters (CPAS)",
    "informed_at": "2026-11-20T13:00:00Z",
    "channel": "entretien au CPAS",
    "recorded_at": "2026-11-22T09:23:00Z",
}
INFORMATION_EXCEPTION: dict[str, Any] = {
    "id": EXCEPTION_ID,
    "person_id": PERSON_ID,
    "reason": "child_safety_endangered",
    "decided_by": "A. Lambert, conseillère SAJ",
    "review_at": "2026-12-22",
    "recorded_at": "2026-11-22T09:25:00Z",
}
PERSON_CONCERNED: dict[str, Any] = {
    "id": OTHER_PERSON_ID,
    "reference": "P-002",
    "privacy_notice_given_at": "2026-11-18T09:00:00Z",
    "privacy_notice_deferred": False,
}
PROSECUTION_REQUEST: dict[str, Any] = {
    "id": REQUEST_ID,
    "concertation_id": CONCERTATION_ID,
    "requesting_magistrate": "J. Dupont",
    "criminal_case_reference": "BR.12.34.5678/26",
    "use": "criminal_prosecution",
    "offences": ["cp_398"],
    "persons_named": ["P-001"],
    "decision": "granted",
    "codes": [],
    "decided_at": "2026-11-22T09:37:00Z",
}
LEGAL_BASIS: dict[str, Any] = {
    "id": BASIS_ID,
    "type": "decree",
    "title": "Décret portant le code de la prévention, de l'aide à la jeunesse et de la protection de la jeunesse",
    "enabling_norm": {
        "title": "Décret du 18 janvier 2018 portant le code de la prévention, de l'aide à la jeunesse",
        "date": "2018-01-18",
        "articles": ["art. 1er", "art. 159"],
        "legislator": "community",
        "publication_ref": "M.B. 3 avril 2018",
        "text_url": None,
        "text_sha256": None,
    },
    "implementing_act": None,
    "prosecutor_authorisation": None,
    "determines": {
        "authorised_participants": [
            {
                "kind": "category",
                "person_ref": None,
                "sector": "aid_care",
                "organisation": None,
                "function": "assistant social",
            },
            {
                "kind": "category",
                "person_ref": None,
                "sector": "health",
                "organisation": None,
                "function": "psychologue",
            },
            {
                "kind": "category",
                "person_ref": None,
                "sector": "police",
                "organisation": "Zone de police Bruxelles-Capitale",
                "function": None,
            },
            {
                "kind": "category",
                "person_ref": None,
                "sector": "prosecution",
                "organisation": None,
                "function": "substitut",
            },
            {"kind": "person", "person_ref": "teacher-17", "sector": None, "organisation": None, "function": None},
        ],
        "purposes": ["protect_integrity"],
        "finalite": "Protéger l'intégrité physique et psychique des enfants en danger.",
        "modalities": {
            "convened_by": "le conseiller de l'aide à la jeunesse",
            "chaired_by": "le conseiller de l'aide à la jeunesse",
            "chairing_magistrate_required": False,
            "frequency": "au besoin, au plus une fois par mois",
            "information_of_person": "La famille est informée sauf danger pour l'enfant.",
            "minutes": "Procès-verbal rédigé par le président, chiffré.",
        },
    },
    "valid_from": "2018-04-13",
    "valid_until": None,
    "confidential": False,
    "retention_days": 1825,
    "democratic_control": True,
    "status": "active",
    "retired_at": None,
    "retirement_reason": None,
    "created_at": "2026-11-22T09:01:00Z",
    "version": 1,
}

# ------------------------------------------------------------------------------------------------ requests

REQUESTS: dict[str, Any] = {
    "createDevelopmentToken": {"sub": "sw-alice", "roles": ["participant"], "org": "cpas-schaerbeek"},
    "issueToken": {"grant_type": "client_credentials", "scope": "partner"},
    "createConcertation": {
        "legal_basis_id": BASIS_ID,
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
                {"alternative": "voluntary_aid", "why_insufficient": "La famille a rompu l'accompagnement."}
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
            "issuer": "concertation-dev",
            "subject": "chair-lambert",
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
    },
    "updateConcertation": {
        "subsidiarity": {
            "alternatives_considered": [
                {"alternative": "voluntary_aid", "why_insufficient": "La famille a rompu l'accompagnement."},
                {
                    "alternative": "shared_professional_secrecy",
                    "why_insufficient": "Le secret partagé ne lie pas la police, dont l'information est nécessaire.",
                },
            ],
            "why_concertation_now": "Les faits se répètent depuis trois semaines.",
        }
    },
    "addAgendaItem": {"title": "Comment mettre Léa à l'abri des violences au domicile ?", "is_central_question": True},
    "recordAttendance": {"participant_id": PARTICIPANT_ID, "event": "joined"},
    "addMinutesEntry": {
        "level": "content",
        "content": "L'école a constaté des ecchymoses sur les bras de Léa le 17 novembre.",
        "speaker_id": PARTICIPANT_ID,
        "agenda_item_id": AGENDA_ITEM_ID,
        "offence_tags": ["cp_398"],
        "about_persons": ["P-001"],
        "may_inform_judicial_decision": True,
        "necessity_justification": "Le danger pour l'enfant est actuel.",
    },
    "addParticipant": {
        "issuer": "concertation-dev",
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
    },
    "updateParticipant": {
        "mission_statement": "Accompagnement social de la famille depuis 2024 ; référente du dossier au CPAS."
    },
    "respondToInvitation": {"answer": "accept"},
    "acknowledgeSecrecy": {"notice_version": "2026-11-22.1", "language": "nl"},
    "invokeSilence": {"agenda_item_id": AGENDA_ITEM_ID},
    "recordConsent": {
        "person_id": PERSON_ID,
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
    },
    "recordInformation": {
        "person_id": PERSON_ID,
        "items": ["concertation_held", "participants"],
        "informed_by": "B. Peeters (CPAS)",
        "informed_at": "2026-11-20T14:00:00+01:00",
        "channel": "entretien au CPAS",
    },
    "recordInformationException": {
        "person_id": PERSON_ID,
        "reason": "child_safety_endangered",
        "motivation": "Le père menace l'enfant de représailles s'il apprend que l'école a parlé.",
        "decided_by": "A. Lambert, conseillère SAJ",
        "review_at": "2026-12-22",
    },
    "addPersonConcerned": {
        "reference": "P-002",
        "identity": {"kind": "individual", "family_name": "Dubois", "given_names": "Noah", "birth_date": "2012-01-09"},
        "privacy_notice_given_at": "2026-11-18T10:00:00+01:00",
    },
    "fileProsecutionRequest": {
        "requesting_magistrate": "J. Dupont",
        "criminal_case_reference": "BR.12.34.5678/26",
        "offences": ["cp_398"],
        "persons_named": ["P-001"],
        "motivation": "Poursuites pour coups et blessures volontaires sur l'enfant.",
    },
    "createLegalBasis": {
        "type": "decree",
        "title": (
            "Décret portant le code de la prévention, de l'aide à la jeunesse et de la protection de la jeunesse"
        ),
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
    },
    "retireLegalBasis": {"reason": "Abrogé et remplacé par le décret du 12 juin 2026."},
}

# ------------------------------------------------------------------------------------------------ responses

RESPONSES: dict[str, dict[str, Any]] = {
    "healthz": {"200": {"status": "ok"}},
    "createDevelopmentToken": {
        "200": {
            "access_token": "eyJhbGciOiJFUzI1NiIsImtpZCI6IjR1d3lEOUppNERjZ1hRUTBZQXRlQ2s0…",
            "token_type": "Bearer",
            "expires_in": 3600,
            "issuer": "concertation-dev",
        },
        "404": DEV_SIGN_IN_UNAVAILABLE,
    },
    "issueToken": {
        "200": {
            "access_token": "eyJhbGciOiJFUzI1NiIsImtpZCI6IjR1d3lEOUppNERjZ1hRUTBZQXRlQ2s0…",
            "token_type": "Bearer",
            "expires_in": 300,
            "scope": "partner",
        }
    },
    "readyz": {"200": {"status": "ok", "checks": {"database": True, "keys": True}}},
    "listAlerts": {
        "200": {
            "items": [
                {
                    "request_id": "fbc6d7a9-ca24-5c30-a95b-0d4213075412",
                    "concertation_id": CONCERTATION_ID,
                    "requester": "concertation-dev|pr-dupont",
                    "offences": ["cp_433quinquies"],
                    "use": "criminal_prosecution",
                    "codes": ["offence_outside_concertation_scope"],
                    "at": "2026-11-22T09:40:00Z",
                }
            ],
            "next_cursor": None,
        }
    },
    "listAuditEvents": {
        "200": {
            "items": [
                {
                    "seq": 33,
                    "id": "6a2e1850-352d-5908-a2c2-fe0b843ae403",
                    "occurred_at": "2026-11-22T09:47:00Z",
                    "actor_issuer": "concertation-dev",
                    "actor_subject": "coord-dubois",
                    "action": "legal_basis.retire",
                    "outcome": "success",
                    "object_type": "legal_basis",
                    "object_id": BASIS_ID,
                    "concertation_id": None,
                    "codes": [],
                    "details": {},
                    "prev_hash": "90ca0ddd48a09a54e13d71d90ba5cbe468175e978a4b0f83794e5b5c87ce82e8",
                    "hash": "fcc133220957d19cf80a6e88fe9934040f3a4f29b32d5a441d2cf9261ecc9cb2",
                },
                {
                    "seq": 32,
                    "id": "e0290eac-967b-5908-9e5e-a67ccf113f56",
                    "occurred_at": "2026-11-22T09:46:00Z",
                    "actor_issuer": "concertation-dev",
                    "actor_subject": "coord-dubois",
                    "action": "concertation.cancel",
                    "outcome": "success",
                    "object_type": "concertation",
                    "object_id": "b1af50a9-1a59-5c04-82dd-653806c73808",
                    "concertation_id": "b1af50a9-1a59-5c04-82dd-653806c73808",
                    "codes": [],
                    "details": {"from": "draft", "to": "cancelled"},
                    "prev_hash": "11f62f4f30fa38fec74102eda8f66776a1656f083785018ab4b4de0d06b7253d",
                    "hash": "90ca0ddd48a09a54e13d71d90ba5cbe468175e978a4b0f83794e5b5c87ce82e8",
                },
            ],
            "next_cursor": "c2VxOjMy",
        }
    },
    "verifyAuditChain": {
        "200": {
            "ok": True,
            "events_checked": 34,
            "last_good_seq": 34,
            "last_good_hash": "f28374c5ba67fd2ad97ef8f4afb3a3d2120489dfd24ac5f011dcbf041aeb1b44",
            "first_broken_seq": None,
            "first_broken_id": None,
            "reason": None,
            "elapsed_seconds": 0.0007214119998479873,
        }
    },
    "listConcertations": {
        "200": {
            "items": [
                {
                    "id": CONCERTATION_ID,
                    "state": "draft",
                    "concertation_type": "child_abuse_protocol",
                    "purpose_category": "protect_integrity",
                    "meeting_kind": "case_concertation",
                    "scheduled_start": "2026-12-01T08:00:00Z",
                    "updated_at": "2026-11-22T09:04:00Z",
                    "participant_id": None,
                }
            ],
            "next_cursor": None,
        }
    },
    "createConcertation": {"201": CONCERTATION},
    "getConcertation": {
        "200": {
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
                "prevention_rationale": None,
                "criminal_organisation": None,
            },
            "offence_scope": ["cp_398"],
            "subsidiarity": {
                "alternatives_considered": [
                    {"alternative": "voluntary_aid", "why_insufficient": "La famille a rompu l'accompagnement."}
                ],
                "why_concertation_now": "Les faits se répètent depuis trois semaines.",
            },
            "meeting_kind": "case_concertation",
            "why_person_not_present": "La présence de l'enfant l'exposerait à des représailles.",
            "chair": {
                "name": "A. Lambert",
                "organisation": "SAJ Bruxelles",
                "function": "conseillère",
                "sector": "aid_care",
                "issuer": "concertation-dev",
                "subject": "chair-lambert",
            },
            "requester": {
                "name": "B. Peeters",
                "organisation": "CPAS de Schaerbeek",
                "function": "assistant social",
                "sector": "social_security_cpas",
                "issuer": None,
                "subject": None,
            },
            "initiator_type": "aid_service",
            "scheduled_start": "2026-12-01T08:00:00Z",
            "scheduled_end": "2026-12-01T09:00:00Z",
            "id": CONCERTATION_ID,
            "legal_basis_id": BASIS_ID,
            "org": "cpas-schaerbeek",
            "state": "draft",
            "policy_profile": "safeguards",
            "persons_concerned": [
                {
                    "id": PERSON_ID,
                    "reference": "P-001",
                    "privacy_notice_given_at": "2026-11-18T09:00:00Z",
                    "privacy_notice_deferred": False,
                }
            ],
            "art_458ter_only": False,
            "democratic_control": True,
            "scope_frozen_at": None,
            "created_at": "2026-11-22T09:04:00Z",
            "updated_at": "2026-11-22T09:04:00Z",
            "version": 1,
        }
    },
    "updateConcertation": {
        "200": {
            **CONCERTATION,
            "subsidiarity": {
                "alternatives_considered": [
                    {"alternative": "voluntary_aid", "why_insufficient": "La famille a rompu l'accompagnement."},
                    {
                        "alternative": "shared_professional_secrecy",
                        "why_insufficient": (
                            "Le secret partagé ne lie pas la police, dont l'information est nécessaire."
                        ),
                    },
                ],
                "why_concertation_now": "Les faits se répètent depuis trois semaines.",
            },
            "updated_at": "2026-11-22T09:08:00Z",
            "version": 2,
        },
        "428": IF_MATCH_REQUIRED,
    },
    "listAgendaItems": {
        "200": {
            "items": [
                {
                    "id": AGENDA_ITEM_ID,
                    "position": 1,
                    "title": "Comment mettre Léa à l'abri des violences au domicile ?",
                    "is_central_question": True,
                    "created_at": "2026-11-22T09:19:00Z",
                }
            ],
            "next_cursor": None,
        }
    },
    "addAgendaItem": {
        "201": {
            "id": AGENDA_ITEM_ID,
            "position": 1,
            "title": "Comment mettre Léa à l'abri des violences au domicile ?",
            "is_central_question": True,
            "created_at": "2026-11-22T09:19:00Z",
        }
    },
    "recordAttendance": {"201": ATTENDANCE},
    "getAttendance": {"200": ATTENDANCE},
    "cancelConcertation": {
        "200": {
            **CONCERTATION,
            "id": "b1af50a9-1a59-5c04-82dd-653806c73808",
            "state": "cancelled",
            "persons_concerned": [
                {
                    "id": "804db48e-bf57-58bc-b953-27690ec617ad",
                    "reference": "P-001",
                    "privacy_notice_given_at": "2026-11-18T09:00:00Z",
                    "privacy_notice_deferred": False,
                }
            ],
            "created_at": "2026-11-22T09:45:00Z",
            "updated_at": "2026-11-22T09:46:00Z",
            "version": 2,
        }
    },
    "closeConcertation": {
        "200": {
            **CONCERTATION,
            "subsidiarity": {
                "alternatives_considered": [
                    {"alternative": "voluntary_aid", "why_insufficient": "La famille a rompu l'accompagnement."},
                    {
                        "alternative": "shared_professional_secrecy",
                        "why_insufficient": (
                            "Le secret partagé ne lie pas la police, dont l'information est nécessaire."
                        ),
                    },
                ],
                "why_concertation_now": "Les faits se répètent depuis trois semaines.",
            },
            "state": "closed",
            "persons_concerned": [
                {
                    "id": PERSON_ID,
                    "reference": "P-001",
                    "privacy_notice_given_at": "2026-11-18T09:00:00Z",
                    "privacy_notice_deferred": False,
                },
                {
                    "id": OTHER_PERSON_ID,
                    "reference": "P-002",
                    "privacy_notice_given_at": "2026-11-18T09:00:00Z",
                    "privacy_notice_deferred": False,
                },
            ],
            "scope_frozen_at": "2026-11-22T09:29:00Z",
            "updated_at": "2026-11-22T09:44:00Z",
            "version": 11,
        },
        "409": NOT_COMPLIANT,
    },
    "getComplianceReport": {
        "200": {
            "concertation_id": "68fefae0-6430-5745-9406-a7b79180bc39",
            "state": "draft",
            "policy_profile": "safeguards",
            "compliant": False,
            "art_458ter_only": False,
            "checks": [
                {
                    "rule": "R1",
                    "code": "legal_basis_applies",
                    "status": "pass",
                    "legal_ground": (
                        "art. 458ter §1 al. 1 C. pén. (loi, décret, ordonnance ou autorisation "
                        "motivée du procureur du Roi)"
                    ),
                    "message": (
                        "La concertation repose sur une base légale enregistrée, en vigueur, "
                        "et reste dans ce qu'elle détermine."
                    ),
                    "field": None,
                },
                {
                    "rule": "R10",
                    "code": "purpose_allowed",
                    "status": "pass",
                    "legal_ground": "art. 458ter §1 al. 2 C. pén. (« exclusivement »)",
                    "message": (
                        "La finalité est l'une des trois admises par l'art. 458ter C. pén. ; "
                        "elle est décrite et vise à protéger ou à prévenir."
                    ),
                    "field": None,
                },
                {
                    "rule": "R16",
                    "code": "participants_authorised",
                    "status": "pass",
                    "legal_ground": "art. 458ter §1 al. 3 C. pén. (qui peut participer, finalité, modalités)",
                    "message": "Chaque participant a un profil complet et est couvert par la base légale.",
                    "field": None,
                },
                {
                    "rule": "R26",
                    "code": "persons_concerned_identified",
                    "status": "pass",
                    "legal_ground": "circulaire SPW (précision de l'identification) ; Donnet, Dubois, Guilbau",
                    "message": (
                        "Les personnes concernées sont enregistrées et chaque personne "
                        "protégée en fait partie ou est un tiers."
                    ),
                    "field": None,
                },
                {
                    "rule": "R55",
                    "code": "last_resort_not_justified",
                    "status": "fail",
                    "legal_ground": "recommandation SDJ ; Protocol van Moed (« dernière alternative »)",
                    "message": (
                        "Une concertation de cas doit rester une mesure exceptionnelle, de "
                        "dernier recours : indiquez les alternatives envisagées (aide "
                        "volontaire, secret professionnel partagé, signalement au procureur du "
                        "Roi…), pourquoi chacune est insuffisante et pourquoi la concertation "
                        "est nécessaire maintenant."
                    ),
                    "field": "subsidiarity",
                },
                {
                    "rule": "R28",
                    "code": "person_not_informed",
                    "status": "warn",
                    "legal_ground": "Protocol van Moed ; recommandation SDJ (information de la personne)",
                    "message": (
                        "La concertation ne peut être clôturée sans information complète de la "
                        "personne concernée ou une exception valable."
                    ),
                    "field": "information",
                },
            ],
            "evaluated_at": "2026-11-22T09:56:00Z",
        }
    },
    "endConcertation": {
        "200": {
            **CONCERTATION,
            "subsidiarity": {
                "alternatives_considered": [
                    {"alternative": "voluntary_aid", "why_insufficient": "La famille a rompu l'accompagnement."},
                    {
                        "alternative": "shared_professional_secrecy",
                        "why_insufficient": (
                            "Le secret partagé ne lie pas la police, dont l'information est nécessaire."
                        ),
                    },
                ],
                "why_concertation_now": "Les faits se répètent depuis trois semaines.",
            },
            "state": "held",
            "persons_concerned": [
                {
                    "id": PERSON_ID,
                    "reference": "P-001",
                    "privacy_notice_given_at": "2026-11-18T09:00:00Z",
                    "privacy_notice_deferred": False,
                },
                {
                    "id": OTHER_PERSON_ID,
                    "reference": "P-002",
                    "privacy_notice_given_at": "2026-11-18T09:00:00Z",
                    "privacy_notice_deferred": False,
                },
            ],
            "scope_frozen_at": "2026-11-22T09:29:00Z",
            "updated_at": "2026-11-22T09:42:00Z",
            "version": 9,
        }
    },
    "readMinutes": {"200": MINUTES},
    "addMinutesEntry": {"201": ENTRY},
    "finaliseMinutes": {"200": {**MINUTES, "finalised_at": "2026-11-22T09:43:00Z"}},
    "markDisclosedToPerson": {
        "200": {
            **ENTRY,
            "necessity_justification": None,
            "disclosed_to_person_at": "2026-11-22T09:36:00Z",
            "content": "",
        }
    },
    "listParticipants": {"200": {"items": [PARTICIPANT], "next_cursor": None}},
    "addParticipant": {"201": PARTICIPANT},
    "getParticipant": {"200": PARTICIPANT},
    "updateParticipant": {
        "200": {
            **PARTICIPANT,
            "mission_statement": "Accompagnement social de la famille depuis 2024 ; référente du dossier au CPAS.",
            "version": 2,
        },
        "428": IF_MATCH_REQUIRED,
    },
    "getParticipantFlags": {"200": FLAGS},
    "respondToInvitation": {"200": FLAGS},
    "acknowledgeSecrecy": {
        "201": {
            "participant_id": PARTICIPANT_ID,
            "notice_version": "2026-11-22.1",
            "language": "nl",
            "acknowledged_at": "2026-11-22T09:16:00Z",
        }
    },
    "getSecrecyNotice": {
        "200": {
            "version": "2026-11-22.1",
            "language": "nl",
            "text": (
                "U neemt deel aan een casusoverleg georganiseerd krachtens artikel "
                "458ter van het Strafwetboek. U bent tot geheimhouding verplicht wat "
                "betreft de geheimen die tijdens het overleg worden meegedeeld. Wie "
                "dit geheim schendt, wordt gestraft met de straffen bepaald in artikel "
                "458 van het Strafwetboek: een gevangenisstraf van een jaar tot drie "
                "jaar en een geldboete van honderd euro tot duizend euro, of met een "
                "van die straffen alleen (nominale bedragen, vóór opdeciemen). Een "
                "schending kan bovendien leiden tot een burgerlijke schadevergoeding "
                "en tuchtmaatregelen. De meegedeelde geheimen kunnen slechts "
                "aanleiding geven tot strafvervolging voor de misdrijven waarvoor het "
                "overleg werd georganiseerd. Spreken is een mogelijkheid, nooit een "
                "plicht: u mag zwijgen, voor het hele overleg of voor één agendapunt, "
                "en de vergadering op elk ogenblik verlaten.\n\nWat u hier verneemt, is "
                "uitsluitend ter inzage: neem het in geen enkel dossier of besluit "
                "over."
            ),
        }
    },
    "invokeSilence": {"201": SILENCE},
    "liftSilence": {"200": {**SILENCE, "lifted_at": "2026-11-22T09:33:00Z"}},
    "recordConsent": {"201": CONSENT},
    "withdrawConsent": {"200": {**CONSENT, "withdrawn_at": "2026-11-22T09:45:00Z"}},
    "getConsent": {"200": CONSENT},
    "recordInformation": {"201": INFORMATION},
    "recordInformationException": {"201": INFORMATION_EXCEPTION},
    "getInformationException": {"200": INFORMATION_EXCEPTION},
    "getInformation": {"200": INFORMATION},
    "addPersonConcerned": {"201": PERSON_CONCERNED},
    "getPersonConcerned": {
        "200": {
            "id": OTHER_PERSON_ID,
            "reference": "P-002",
            "privacy_notice_given_at": "2026-11-18T09:00:00Z",
            "privacy_notice_deferred": False,
            "identity": {
                "kind": "individual",
                "family_name": "Dubois",
                "given_names": "Noah",
                "birth_date": "2012-01-09",
                "national_number": None,
            },
        }
    },
    "fileProsecutionRequest": {"201": PROSECUTION_REQUEST, "422": OUT_OF_SCOPE},
    "getProsecutionRequest": {"200": PROSECUTION_REQUEST},
    "getDisclosure": {
        "200": {
            "request_id": REQUEST_ID,
            "offences": ["cp_398"],
            "items": [
                {
                    "id": ENTRY_ID,
                    "agenda_item_id": AGENDA_ITEM_ID,
                    "speaker_id": PARTICIPANT_ID,
                    "attributed_to": [],
                    "entry_type": "statement",
                    "level": "content",
                    "necessity_justification": "Le danger pour l'enfant est actuel.",
                    "offence_tags": ["cp_398"],
                    "about_persons": ["P-001"],
                    "may_inform_judicial_decision": True,
                    "disclosed_to_person_at": "2026-11-22T09:36:00Z",
                    "penal_use_forbidden": False,
                    "recorded_at": "2026-11-22T09:34:00Z",
                    "content": "L'école a constaté des ecchymoses sur les bras de Léa le 17 novembre.",
                }
            ],
            "withheld": 0,
        }
    },
    "scheduleConcertation": {
        "200": {
            **CONCERTATION,
            "subsidiarity": {
                "alternatives_considered": [
                    {"alternative": "voluntary_aid", "why_insufficient": "La famille a rompu l'accompagnement."},
                    {
                        "alternative": "shared_professional_secrecy",
                        "why_insufficient": (
                            "Le secret partagé ne lie pas la police, dont l'information est nécessaire."
                        ),
                    },
                ],
                "why_concertation_now": "Les faits se répètent depuis trois semaines.",
            },
            "state": "scheduled",
            "persons_concerned": [
                {
                    "id": PERSON_ID,
                    "reference": "P-001",
                    "privacy_notice_given_at": "2026-11-18T09:00:00Z",
                    "privacy_notice_deferred": False,
                },
                {
                    "id": OTHER_PERSON_ID,
                    "reference": "P-002",
                    "privacy_notice_given_at": "2026-11-18T09:00:00Z",
                    "privacy_notice_deferred": False,
                },
            ],
            "updated_at": "2026-11-22T09:28:00Z",
            "version": 7,
        },
        "409": NOT_COMPLIANT,
    },
    "startConcertation": {
        "200": {
            **CONCERTATION,
            "subsidiarity": {
                "alternatives_considered": [
                    {"alternative": "voluntary_aid", "why_insufficient": "La famille a rompu l'accompagnement."},
                    {
                        "alternative": "shared_professional_secrecy",
                        "why_insufficient": (
                            "Le secret partagé ne lie pas la police, dont l'information est nécessaire."
                        ),
                    },
                ],
                "why_concertation_now": "Les faits se répètent depuis trois semaines.",
            },
            "state": "in_session",
            "persons_concerned": [
                {
                    "id": PERSON_ID,
                    "reference": "P-001",
                    "privacy_notice_given_at": "2026-11-18T09:00:00Z",
                    "privacy_notice_deferred": False,
                },
                {
                    "id": OTHER_PERSON_ID,
                    "reference": "P-002",
                    "privacy_notice_given_at": "2026-11-18T09:00:00Z",
                    "privacy_notice_deferred": False,
                },
            ],
            "scope_frozen_at": "2026-11-22T09:29:00Z",
            "updated_at": "2026-11-22T09:29:00Z",
            "version": 8,
        },
        "409": NOT_COMPLIANT,
    },
    "listLegalBases": {"200": {"items": [LEGAL_BASIS], "next_cursor": None}},
    "createLegalBasis": {"201": LEGAL_BASIS},
    "getLegalBasis": {"200": LEGAL_BASIS},
    "retireLegalBasis": {
        "200": {
            **LEGAL_BASIS,
            "status": "retired",
            "retired_at": "2026-11-22T09:47:00Z",
            "retirement_reason": "Abrogé et remplacé par le décret du 12 juin 2026.",
            "version": 2,
        }
    },
    "getPolicy": {
        "200": {
            "default_profile": "safeguards",
            "profiles": [
                {
                    "name": "legal_minimum",
                    "rules": {
                        "R7": "warn",
                        "R9": "warn",
                        "R15": "warn",
                        "R22": "warn",
                        "R24": "warn",
                        "R25": "warn",
                        "R33": "warn",
                        "R36": "warn",
                        "R55": "warn",
                    },
                    "default_severity": "fail",
                },
                {
                    "name": "safeguards",
                    "rules": {
                        "R7": "fail",
                        "R9": "fail",
                        "R15": "fail",
                        "R22": "fail",
                        "R24": "fail",
                        "R25": "fail",
                        "R33": "fail",
                        "R36": "fail",
                        "R55": "fail",
                    },
                    "default_severity": "fail",
                },
            ],
            "allow_prosecutor_authorisation_basis": True,
            "min_authorisation_motivation_length": 50,
            "default_retention_days": 1825,
            "concertation_types": [
                "csil_r",
                "family_justice_center",
                "intrafamily_violence_chain",
                "child_abuse_protocol",
                "ad_hoc_prosecutor_authorised",
            ],
            "consent_lifts_secrecy": False,
            "shared_secret_consent_mode": "consent_required",
            "downstream_use_policy": "view_only",
            "necessity_threshold": "more_compelling",
            "offence_catalogue_version": "2026-11-22.1",
        }
    },
    "listOffences": {
        "200": {
            "version": "2026-11-22.1",
            "status": "reference data to verify on Justel before release (EXTERNAL, requirements.md Appendix 2)",
            "items": [
                {
                    "code": "cp_137",
                    "article": "arts. 137–138 C. pén.",
                    "title_fr": "Infraction terroriste",
                    "title_nl": "Terroristisch misdrijf",
                    "title_en": "Terrorist offence",
                    "purposes": ["prevent_terrorist_offences"],
                    "valid_from": "2004-01-08",
                    "valid_until": None,
                    "in_force": True,
                    "to_verify": True,
                    "note": (
                        "Art. 137 defines the terrorist offence (§3 adds further acts, incl. "
                        "the threat), art. 138 its penalties. Law of 19 Dec 2003 (M.B. 29 Dec "
                        "2003); entry into force 8 Jan 2004 to verify."
                    ),
                },
                {
                    "code": "cp_140",
                    "article": "art. 140 C. pén.",
                    "title_fr": "Participation à une activité d'un groupe terroriste ou direction de celui-ci",
                    "title_nl": "Deelneming aan een activiteit van een terroristische groep of leiding ervan",
                    "title_en": "Participation in the activity of a terrorist group, or leading it",
                    "purposes": ["prevent_terrorist_offences"],
                    "valid_from": "2004-01-08",
                    "valid_until": None,
                    "in_force": True,
                    "to_verify": True,
                    "note": (
                        "§1 participation, §2 leader; 'terrorist group' is defined by art. "
                        "139. Law of 19 Dec 2003 (M.B. 29 Dec 2003); entry into force 8 Jan "
                        "2004 to verify."
                    ),
                },
                {
                    "code": "cp_140bis",
                    "article": "art. 140bis C. pén.",
                    "title_fr": "Incitation publique à commettre une infraction terroriste",
                    "title_nl": "Openbaar aanzetten tot het plegen van een terroristisch misdrijf",
                    "title_en": "Public incitement to commit a terrorist offence",
                    "purposes": ["prevent_terrorist_offences"],
                    "valid_from": "2013-03-14",
                    "valid_until": None,
                    "in_force": True,
                    "to_verify": True,
                    "note": (
                        "Inserted by the law of 18 Feb 2013 (M.B. 4 Mar 2013); entry into "
                        "force to verify. Amended in 2016, partly annulled by the "
                        "Constitutional Court (ruling 31/2018, to verify)."
                    ),
                },
            ],
        }
    },
    "listPurposes": {
        "200": [
            {
                "code": "protect_integrity",
                "rule": "R11",
                "title_fr": "Protéger l'intégrité physique et psychique de la personne ou de tiers",
                "title_nl": "De fysieke en psychische integriteit van de persoon of van derden beschermen",
                "title_en": "Protect the physical and psychological integrity of the person or of third parties",
                "requires": ["purpose.protected_persons", "purpose.integrity_dimensions", "purpose.threat_description"],
            },
            {
                "code": "prevent_terrorist_offences",
                "rule": "R12",
                "title_fr": "Prévenir les délits visés au Titre Ier ter du Livre II du Code pénal",
                "title_nl": "De misdrijven bedoeld in Titel Iter van Boek II van het Strafwetboek voorkomen",
                "title_en": "Prevent the offences of Book II, Title I ter of the Penal Code (terrorist offences)",
                "requires": ["offence_scope", "purpose.prevention_rationale"],
            },
            {
                "code": "prevent_criminal_organisation_offences",
                "rule": "R13",
                "title_fr": (
                    "Prévenir les délits commis dans le cadre d'une organisation criminelle (art. 324bis C. pén.)"
                ),
                "title_nl": (
                    "Misdrijven gepleegd in het kader van een criminele organisatie voorkomen (art. 324bis Sw.)"
                ),
                "title_en": "Prevent offences committed within a criminal organisation (art. 324bis Penal Code)",
                "requires": ["offence_scope", "purpose.criminal_organisation"],
            },
        ]
    },
}
