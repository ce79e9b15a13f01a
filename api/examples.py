"""Examples for the OpenAPI document, keyed by operationId and injected by `api.openapi.refine`.

One case throughout, as in the README's curl path and `tests/api/payloads.py`: a youth-aid decree of the French
Community, a concertation about a child (Léa), a CPAS social worker (Alice), the SAJ counsellor who chairs, a
magistrate of the Brussels parquet (J. Dupont) asking for the minutes; beside it, the other regimes of disclosure:
Alice sharing with a psychologist of the same mission under shared professional secrecy, with the person's consent, a
report to the procureur du Roi of beatings of a child (art. 458bis, `cp_398`), a state-of-necessity record. The ids are
shared, so one answer's id is the next request's. Responses were taken from the service (walked by
`tests/openapi/walk.py`) and trimmed; every example is checked against its schema, and every request body is sent to
the service, by tests/openapi/.
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
EXCHANGE_ID = "1e2852fc-d08f-576c-a8a8-b334516bbbf8"
REPORT_ID = "e30e64d2-cc31-5706-bca9-48eaaaa83460"
NECESSITY_ID = "15aff608-247c-53e7-938f-d07f75a05f23"

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
NOT_SHARED_SECRECY: dict[str, Any] = {
    "type": "https://concertation.example/problems/not_shared_secrecy",
    "title": "Contenu non conforme",
    "status": 422,
    "detail": (
        "Cet échange n'est pas du secret professionnel partagé : ses conditions "
        "cumulatives ne sont pas toutes remplies (règles R20). Seule une "
        "concertation de cas (art. 458ter C. pén. : base légale, finalité "
        "admise, participants autorisés) pourrait le justifier ; sinon, ne "
        "partagez pas."
    ),
    "code": "not_shared_secrecy",
    "violations": [
        {
            "rule": "R67",
            "code": "not_shared_secrecy",
            "legal_ground": "secret professionnel partagé : conditions cumulatives (jurisprudence ; circulaire CPAS)",
            "message": (
                "Cet échange n'est pas du secret professionnel partagé : ses conditions "
                "cumulatives ne sont pas toutes remplies (règles R20). Seule une "
                "concertation de cas (art. 458ter C. pén. : base légale, finalité "
                "admise, participants autorisés) pourrait le justifier ; sinon, ne "
                "partagez pas."
            ),
            "field": None,
        },
        {
            "rule": "R20",
            "code": "police_parquet_not_shared_secrecy",
            "legal_ground": "recommandation SDJ (avis sur le projet Pot-pourri V)",
            "message": (
                "Dès que la police ou le parquet prennent part à l'échange (autour de "
                "la table, comme destinataire ou comme professionnel qui partage), ce "
                "n'est pas du secret professionnel partagé : seul l'art. 458ter C. pén. "
                "peut le justifier, dans ses limites. Enregistrez-le comme "
                "concertation de cas."
            ),
            "field": "recipients[0].sector",
        },
    ],
}
REPORT_ON_A_RUMOUR: dict[str, Any] = {
    "type": "https://concertation.example/problems/art_458bis_conditions_not_met",
    "title": "Contenu non conforme",
    "status": 422,
    "detail": (
        "Ce signalement est refusé : les conditions de l'art. 458bis C. pén. ne "
        "sont pas toutes réunies, et les points signalés disent lesquelles. "
        "Corrigez-les ou, si elles ne peuvent pas l'être, ne signalez pas sur "
        "cette base : signaler reste une faculté, jamais une obligation."
    ),
    "code": "art_458bis_conditions_not_met",
    "violations": [
        {
            "rule": "R102",
            "code": "danger_not_real",
            "legal_ground": "art. 458bis C. pén. (péril grave et imminent, danger sérieux et réel) ; Nouwynck",
            "message": (
                "Un signalement doit reposer sur des faits (ce que vous avez constaté, "
                "ce que la victime ou un tiers vous a rapporté, avec dates et sources), "
                "pas sur une simple inquiétude ou une rumeur (art. 458bis C. pén.) : "
                "décrivez ces faits."
            ),
            "field": "factual_basis",
        }
    ],
}
NECESSITY_WEIGHED_ALONE: dict[str, Any] = {
    "type": "https://concertation.example/problems/necessity_record_refused",
    "title": "Contenu non conforme",
    "status": 422,
    "detail": (
        "Cette révélation ne peut pas être enregistrée comme un état de "
        "nécessité : les points signalés disent quelles conditions manquent ou "
        "ne sont pas établies (une réponse manquante ou « inconnue » est un "
        "refus). Complétez-les ; à défaut, le secret professionnel s'impose."
    ),
    "code": "necessity_record_refused",
    "violations": [
        {
            "rule": "R100",
            "code": "necessity_not_consulted",
            "legal_ground": (
                "Donnet, Dubois, Guilbau ; recommandation Meersseman (se concerter, parler à la personne)"
            ),
            "message": (
                "L'état de nécessité ne se pèse pas seul : consultez des collègues "
                "tenus au secret professionnel ou un avocat, et indiquez qui vous avez "
                "consulté."
            ),
            "field": "consulted",
        }
    ],
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

# The other regimes (shared professional secrecy, art. 458bis, state of necessity): Alice, of the CPAS, and a
# psychologist of the same mission (mission M-F12) around a mother (P-001); beatings of a child (child-7).
DISCLOSER: dict[str, Any] = {
    "reference": "sw-alice",
    "sector": "social_security_cpas",
    "organisation": "CPAS de Schaerbeek",
    "function": "assistant social",
    "bound_by_professional_secrecy": True,
    "secrecy_source": "arts_36_50_cpas_organic_law",
    "mission_id": "M-F12",
    "judicial_mandate": False,
}
RECIPIENT: dict[str, Any] = {
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
SHARED_ITEM: dict[str, Any] = {
    "reference": "item-1",
    "content": "Madame dort mal depuis la perte de son emploi et craint de ne plus pouvoir payer le loyer.",
    "necessity_justification": "Le suivi psychologique commun doit tenir compte de l'angoisse liée au logement.",
    "in_interest_of_person": True,
    "serves": "care_of_person",
    "pseudonymised": True,
}
MASTER: dict[str, Any] = {
    "consent": "given",
    "consent_recipients": ["psy-karim"],
    "consent_items": ["item-1"],
    "consent_given_at": "2026-11-20T10:00:00+01:00",
    "informed": True,
    "informed_at": "2026-11-20T10:00:00+01:00",
}
DANGER: dict[str, Any] = {
    "description": "L'enfant présente des ecchymoses répétées ; le père a menacé de recommencer ce soir.",
    "grave": True,
    "imminent": True,
    "harm_to_another": True,
    "time": "present",
    "grave_and_imminent_danger_to_victim": True,
    "serious_danger_to_other_victims": False,
    "unable_to_protect_alone_or_with_third_parties": True,
}
FACTUAL_BASIS: dict[str, Any] = {
    "kinds": ["observed", "disclosed_by_victim"],
    "description": "Ecchymoses constatées le 20 novembre ; l'enfant a dit que son père le frappe.",
    "observed_on": "2026-11-20",
}
WEIGHING: dict[str, Any] = {
    "interest_protected": "La vie de l'enfant, plus impérieuse que le secret.",
    "weighing": "more_compelling",
}
SUBSIDIARITY: dict[str, Any] = {
    "no_other_means": True,
    "alternatives_tried": ["Appel au réseau familial, sans réponse."],
}
PROPORTIONALITY: dict[str, Any] = {
    "disclosure_limited_to_averting": True,
    "disclosed": "Adresse actuelle et menace proférée ce soir.",
    "disclosed_to": "service d'urgence de la zone de police",
}

ART_422BIS_GUIDANCE = (
    "Art. 422bis C. pén. (abstention coupable) : est puni d'un "
    "emprisonnement de huit jours à un an et d'une amende de 50 à 500 euros "
    "celui qui s'abstient de venir en aide ou de procurer une aide à une "
    "personne exposée à un péril grave, soit qu'il ait constaté lui-même la "
    "situation de cette personne, soit que cette situation lui soit "
    "décrite par ceux qui sollicitent son intervention ; pas d'infraction "
    "lorsque l'aide comporterait un danger sérieux pour soi-même ou pour "
    "autrui, ou en cas de doute raisonnable sur la gravité du péril. Cette "
    "information vous oriente ; le service n'en déduit aucune démarche."
)
SHARED_SECRECY_CONDITIONS: list[dict[str, Any]] = [
    {
        "rule": "R68",
        "code": "recipients_bound_by_secrecy",
        "status": "pass",
        "legal_ground": "secret professionnel partagé : conditions cumulatives (jurisprudence ; circulaire CPAS)",
        "message": (
            "Le professionnel qui partage et chaque destinataire sont tenus au "
            "secret professionnel, avec sa source indiquée ; aucun destinataire "
            "n'appartient à la police, au parquet ou à l'école, ni n'est un proche "
            "de la personne."
        ),
        "field": None,
    },
    {
        "rule": "R69",
        "code": "same_mission",
        "status": "pass",
        "legal_ground": "secret professionnel partagé : conditions cumulatives (jurisprudence ; circulaire CPAS)",
        "message": (
            "Tous ont la même mission déclarée auprès de la même personne, établie "
            "avant le partage, et le même statut au regard d'un mandat judiciaire."
        ),
        "field": None,
    },
    {
        "rule": "R70",
        "code": "master_of_secret_agrees",
        "status": "pass",
        "legal_ground": "secret professionnel partagé : conditions cumulatives (jurisprudence ; circulaire CPAS)",
        "message": (
            "La personne concernée (le maître du secret) sait ce qui sera partagé "
            "et avec qui et, quand votre service l'exige, elle a donné son accord "
            "préalable pour chaque destinataire et chaque information."
        ),
        "field": None,
    },
    {
        "rule": "R71",
        "code": "items_strictly_necessary",
        "status": "pass",
        "legal_ground": "secret professionnel partagé : conditions cumulatives (jurisprudence ; circulaire CPAS)",
        "message": (
            "Chaque information est justifiée comme strictement nécessaire à la "
            "mission commune et sert l'aide à la personne, dans son intérêt "
            "exclusif."
        ),
        "field": None,
    },
    {
        "rule": "R75",
        "code": "team_sharing_allowed",
        "status": "pass",
        "legal_ground": "recommandation Meersseman ; circulaire CPAS (travail en équipe)",
        "message": (
            "Aucune équipe n'est destinataire, ou chaque équipe destinataire n'a "
            "que des membres tenus au secret professionnel et la personne a été "
            "informée des échanges possibles entre collègues."
        ),
        "field": None,
    },
    {
        "rule": "R76",
        "code": "hierarchy_sharing_allowed",
        "status": "pass",
        "legal_ground": "Donnet, Dubois, Guilbau (hiérarchie : données anonymes, jamais imposé)",
        "message": (
            "La hiérarchie n'est pas destinataire, ou elle l'est pour la "
            "supervision ou le soutien du travailleur, avec des données "
            "pseudonymisées ou une raison enregistrée de ne pas le faire."
        ),
        "field": None,
    },
]
FOLLOW_UP_PLANNED: dict[str, Any] = {
    "rule": "R103",
    "code": "follow_up_planned",
    "status": "pass",
    "legal_ground": "art. 458bis C. pén. (« sans préjudice » de l'art. 422bis C. pén.)",
    "message": (
        "Un plan de suivi est enregistré : l'aide à la personne se poursuit, ou le relais est passé à un "
        "professionnel mieux outillé."
    ),
    "field": None,
}
DISCLOSER_SHOWN: dict[str, Any] = {
    **DISCLOSER,
    "is_lawyer": False,
    "information_from_own_client": None,
    "suspected": False,
}
SHARED_SECRET_EXCHANGE: dict[str, Any] = {
    "id": EXCHANGE_ID,
    "regime": "shared_secrecy",
    "status": "recorded",
    "person_ref": "P-001",
    "conditions": SHARED_SECRECY_CONDITIONS,
    "created_at": "2026-11-22T09:49:00Z",
    "created_by": "concertation-dev|sw-alice",
    "version": 1,
    "discloser": DISCLOSER_SHOWN,
    "recipients": [{**RECIPIENT, "all_members_bound": None, "magistrate_function": None, "specialised_service": None}],
    "items": [{**SHARED_ITEM, "indispensable_for_care": None}],
    "master": {
        "consent": "given",
        "consent_recipients": ["psy-karim"],
        "consent_items": ["item-1"],
        "consent_given_at": "2026-11-20T09:00:00Z",
        "informed": True,
        "informed_at": "2026-11-20T09:00:00Z",
        "team_sharing_notice_given": None,
        "child_and_family_informed_at": None,
        "information_exception": None,
    },
    "hierarchy_purpose": None,
    "initiated_by_hierarchy": None,
    "why_not_pseudonymised": None,
    "consent_mode": "consent_required",
}
ART_458BIS_REPORT: dict[str, Any] = {
    "id": REPORT_ID,
    "regime": "art_458bis_report",
    "status": "follow_up_open",
    "person_ref": "child-7",
    "conditions": [
        {
            "rule": "R101",
            "code": "art_458bis_conditions_met",
            "status": "pass",
            "legal_ground": "art. 458bis C. pén.",
            "message": (
                "Les conditions de l'art. 458bis C. pén. sont réunies : infraction de "
                "la liste, victime mineure ou vulnérable, danger grave et réel, "
                "impossibilité de la protéger autrement, information au seul procureur "
                "du Roi. Informer reste une faculté, jamais une obligation, et ne met "
                "pas fin à votre aide."
            ),
            "field": None,
        },
        FOLLOW_UP_PLANNED,
    ],
    "created_at": "2026-11-22T09:52:00Z",
    "created_by": "concertation-dev|sw-alice",
    "version": 1,
    "discloser": DISCLOSER_SHOWN,
    "offence": "cp_398",
    "offence_list_version": "2026-12-07.1",
    "victim": {"is_minor": True, "vulnerabilities": []},
    "danger": DANGER,
    "recipient": "procureur_du_roi",
    "judicial_district": "Bruxelles",
    "factual_basis": FACTUAL_BASIS,
    "follow_up_plan": "Maintenir les visites à domicile et relayer vers SOS Enfants.",
    "follow_ups": [],
    "art_422bis_guidance": ART_422BIS_GUIDANCE,
}
NECESSITY_RECORD: dict[str, Any] = {
    "id": NECESSITY_ID,
    "regime": "state_of_necessity",
    "status": "follow_up_open",
    "person_ref": "P-001",
    "conditions": [
        {
            "rule": "R99",
            "code": "necessity_conditions_met",
            "status": "pass",
            "legal_ground": "état de nécessité (Cass., 18 juin 2010) ; art. 458 C. pén.",
            "message": (
                "Chaque condition de l'état de nécessité est remplie et enregistrée : "
                "un danger grave et imminent pour autrui, actuel ou à venir ; un "
                "intérêt à protéger pesé contre le secret ; aucun autre moyen de "
                "l'écarter ; une révélation limitée à ce qui l'écarte ; qui en a fait "
                "l'appréciation."
            ),
            "field": None,
        },
        {
            "rule": "R100",
            "code": "necessity_assessed_with_others",
            "status": "pass",
            "legal_ground": (
                "Donnet, Dubois, Guilbau ; recommandation Meersseman (se concerter, parler à la personne)"
            ),
            "message": (
                "La révélation a été pesée avec des collègues tenus au secret "
                "professionnel ou avec un avocat, et la personne concernée a été "
                "entendue (ou la raison de ne pas lui parler est enregistrée)."
            ),
            "field": None,
        },
        FOLLOW_UP_PLANNED,
        {
            "rule": "R105",
            "code": "invoked_ground_admissible",
            "status": "pass",
            "legal_ground": "état de nécessité (Cass., 18 juin 2010) ; art. 458 C. pén.",
            "message": (
                "La révélation ne s'appuie pas sur un fondement qui, à lui seul, "
                "n'ouvre aucun régime (l'art. 29 C. i. cr., l'art. 422bis C. pén. ou le "
                "seul accord de la personne)."
            ),
            "field": None,
        },
    ],
    "created_at": "2026-11-22T09:56:00Z",
    "created_by": "concertation-dev|sw-alice",
    "version": 1,
    "discloser": DISCLOSER_SHOWN,
    "danger": DANGER,
    "weighing": WEIGHING,
    "subsidiarity": SUBSIDIARITY,
    "proportionality": PROPORTIONALITY,
    "consulted": ["secret_bound_colleague"],
    "person_spoken_to": True,
    "why_person_not_spoken_to": None,
    "assessed_by": "Alice Renard, assistante sociale",
    "assessed_at": "2026-11-22T08:00:00Z",
    "follow_up_plan": "Poursuivre l'accompagnement de la mère ; rendez-vous fixé demain.",
    "invoked_ground": "none",
    "follow_ups": [],
    "threshold": "more_compelling",
    "art_422bis_guidance": ART_422BIS_GUIDANCE,
}
CLASSIFICATION: dict[str, Any] = {
    "routing": "shared_secrecy",
    "open_regimes": ["shared_secrecy"],
    "regimes": [
        {
            "regime": "shared_secrecy",
            "open": True,
            "conditions": SHARED_SECRECY_CONDITIONS,
            "bases": [],
            "record_at": "/v1/shared-secret-exchanges",
        },
        {
            "regime": "art_458ter_concertation",
            "open": False,
            "conditions": [
                {
                    "rule": "R10",
                    "code": "purpose_required",
                    "status": "fail",
                    "legal_ground": "art. 458ter §1 al. 2 C. pén. (« exclusivement »)",
                    "message": (
                        "La finalité de la concertation n'est pas indiquée : l'art. 458ter C. "
                        "pén. n'en admet que trois (protéger l'intégrité physique et psychique, "
                        "prévenir des infractions terroristes, prévenir des délits commis dans "
                        "le cadre d'une organisation criminelle). Choisissez-en une."
                    ),
                    "field": "purpose_category",
                },
                {
                    "rule": "R16",
                    "code": "no_registered_basis_fits",
                    "status": "fail",
                    "legal_ground": "art. 458ter §1 al. 3 C. pén. (qui peut participer, finalité, modalités)",
                    "message": (
                        "Aucune base légale enregistrée et en vigueur ne prévoit cette finalité "
                        "en couvrant toutes les personnes de l'échange : une concertation de "
                        "cas (art. 458ter C. pén.) n'est pas possible telle quelle. Retirez les "
                        "personnes que la base ne désigne pas, ou faites enregistrer une base "
                        "légale qui les couvre."
                    ),
                    "field": "recipients",
                },
                {
                    "rule": "R21",
                    "code": "lawyer_not_exposing_client",
                    "status": "pass",
                    "legal_ground": "art. 458quater C. pén. (l'avocat et les informations de son client)",
                    "message": (
                        "Le professionnel n'est pas avocat, ou l'information ne vient pas de "
                        "son client : l'exclusion de l'art. 458quater C. pén. ne s'applique "
                        "pas."
                    ),
                    "field": None,
                },
            ],
            "bases": [],
            "record_at": None,
        },
        {
            "regime": "art_458bis_report",
            "open": False,
            "conditions": [
                {
                    "rule": "R101",
                    "code": "victim_not_minor_or_vulnerable",
                    "status": "fail",
                    "legal_ground": "art. 458bis C. pén.",
                    "message": (
                        "L'art. 458bis C. pén. ne vise qu'une infraction commise sur un mineur "
                        "ou sur une personne vulnérable en raison de son âge, d'un état de "
                        "grossesse, de la violence entre partenaires, d'une maladie, d'une "
                        "infirmité ou d'une déficience physique ou mentale : indiquez ce qui "
                        "s'applique à la victime ; si rien ne s'applique, ce régime n'est pas "
                        "ouvert."
                    ),
                    "field": "victim",
                },
                {
                    "rule": "R101",
                    "code": "danger_not_established",
                    "status": "fail",
                    "legal_ground": "art. 458bis C. pén. (péril grave et imminent, danger sérieux et réel) ; Nouwynck",
                    "message": (
                        "L'art. 458bis C. pén. exige soit un danger grave et imminent pour "
                        "l'intégrité physique ou mentale de la victime, soit des indices d'un "
                        "danger sérieux et réel que d'autres mineurs ou personnes vulnérables "
                        "en soient victimes : indiquez lequel existe. Sans l'un d'eux, un "
                        "signalement n'est pas possible sur cette base."
                    ),
                    "field": "danger",
                },
            ],
            "bases": [],
            "record_at": None,
        },
        {
            "regime": "state_of_necessity",
            "open": False,
            "conditions": [
                {
                    "rule": "R99",
                    "code": "necessity_conditions_not_met",
                    "status": "fail",
                    "legal_ground": "état de nécessité (Cass., 18 juin 2010) ; art. 458 C. pén.",
                    "message": (
                        "L'état de nécessité n'est admis que si chacune de ses conditions est "
                        "remplie et enregistrée, au cas par cas (Cass., 18 juin 2010) ; une "
                        "réponse manquante ou « inconnue » vaut refus. Il manque ici : un "
                        "danger grave. Complétez ce point ou, s'il n'est pas rempli, ne révélez "
                        "pas le secret sur cette base."
                    ),
                    "field": "danger.grave",
                },
                {
                    "rule": "R100",
                    "code": "necessity_not_consulted",
                    "status": "fail",
                    "legal_ground": (
                        "Donnet, Dubois, Guilbau ; recommandation Meersseman (se concerter, parler à la personne)"
                    ),
                    "message": (
                        "L'état de nécessité ne se pèse pas seul : consultez des collègues "
                        "tenus au secret professionnel ou un avocat, et indiquez qui vous avez "
                        "consulté."
                    ),
                    "field": "consulted",
                },
            ],
            "bases": [],
            "record_at": None,
        },
    ],
    "guidance": [],
    "art_422bis_guidance": ART_422BIS_GUIDANCE,
    "consent_mode": "consent_required",
    "offence_list_version": "2026-12-07.1",
    "evaluated_at": "2026-11-22T09:48:00Z",
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
    "classifyDisclosure": {
        "discloser": DISCLOSER,
        "recipients": [RECIPIENT],
        "items": [{k: v for k, v in SHARED_ITEM.items() if k != "content"}],
        "master": MASTER,
    },
    "createSharedSecretExchange": {
        "person_ref": "P-001",
        "discloser": DISCLOSER,
        "recipients": [RECIPIENT],
        "items": [SHARED_ITEM],
        "master": MASTER,
    },
    "createArt458bisReport": {
        "person_ref": "child-7",
        "discloser": DISCLOSER,
        "offence": "cp_398",
        "victim": {"is_minor": True, "vulnerabilities": []},
        "danger": DANGER,
        "recipient": "procureur_du_roi",
        "judicial_district": "Bruxelles",
        "factual_basis": FACTUAL_BASIS,
        "follow_up_plan": "Maintenir les visites à domicile et relayer vers SOS Enfants.",
    },
    "addFollowUpToArt458bisReport": {
        "outcome": "support_continues",
        "note": "Visites à domicile maintenues ; premier contact pris avec l'équipe SOS Enfants.",
    },
    "createNecessityRecord": {
        "person_ref": "P-001",
        "discloser": DISCLOSER,
        "danger": DANGER,
        "weighing": WEIGHING,
        "subsidiarity": SUBSIDIARITY,
        "proportionality": PROPORTIONALITY,
        "consulted": ["secret_bound_colleague"],
        "person_spoken_to": True,
        "assessed_by": "Alice Renard, assistante sociale",
        "assessed_at": "2026-11-22T09:00:00+01:00",
        "follow_up_plan": "Poursuivre l'accompagnement de la mère ; rendez-vous fixé demain.",
    },
    "addFollowUpToNecessityRecord": {
        "outcome": "handed_over",
        "note": "La mère et l'enfant sont hébergés en maison d'accueil ; le suivi y est confié.",
        "handed_over_to": "assistante sociale de la maison d'accueil",
    },
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
    "classifyDisclosure": {"200": CLASSIFICATION},
    "createSharedSecretExchange": {"201": SHARED_SECRET_EXCHANGE, "422": NOT_SHARED_SECRECY},
    "listSharedSecretExchanges": {
        "200": {
            "items": [
                {
                    "id": EXCHANGE_ID,
                    "regime": "shared_secrecy",
                    "status": "recorded",
                    "created_at": "2026-11-22T09:49:00Z",
                    "updated_at": "2026-11-22T09:49:00Z",
                    "version": 1,
                }
            ],
            "next_cursor": None,
        }
    },
    "getSharedSecretExchange": {"200": SHARED_SECRET_EXCHANGE},
    "createArt458bisReport": {"201": ART_458BIS_REPORT, "422": REPORT_ON_A_RUMOUR},
    "listArt458bisReports": {
        "200": {
            "items": [
                {
                    "id": REPORT_ID,
                    "regime": "art_458bis_report",
                    "status": "follow_up_open",
                    "created_at": "2026-11-22T09:52:00Z",
                    "updated_at": "2026-11-22T09:52:00Z",
                    "version": 1,
                }
            ],
            "next_cursor": None,
        }
    },
    "getArt458bisReport": {"200": ART_458BIS_REPORT},
    "addFollowUpToArt458bisReport": {
        "200": {
            **ART_458BIS_REPORT,
            "version": 2,
            "follow_ups": [
                {
                    "outcome": "support_continues",
                    "note": "Visites à domicile maintenues ; premier contact pris avec l'équipe SOS Enfants.",
                    "handed_over_to": None,
                    "recorded_at": "2026-11-22T09:55:00Z",
                    "recorded_by": "concertation-dev|sw-alice",
                }
            ],
        },
        "428": IF_MATCH_REQUIRED,
    },
    "createNecessityRecord": {"201": NECESSITY_RECORD, "422": NECESSITY_WEIGHED_ALONE},
    "listNecessityRecords": {
        "200": {
            "items": [
                {
                    "id": NECESSITY_ID,
                    "regime": "state_of_necessity",
                    "status": "follow_up_open",
                    "created_at": "2026-11-22T09:56:00Z",
                    "updated_at": "2026-11-22T09:56:00Z",
                    "version": 1,
                }
            ],
            "next_cursor": None,
        }
    },
    "getNecessityRecord": {"200": NECESSITY_RECORD},
    "addFollowUpToNecessityRecord": {
        "200": {
            **NECESSITY_RECORD,
            "version": 2,
            "follow_ups": [
                {
                    "outcome": "handed_over",
                    "note": "La mère et l'enfant sont hébergés en maison d'accueil ; le suivi y est confié.",
                    "handed_over_to": "assistante sociale de la maison d'accueil",
                    "recorded_at": "2026-11-22T09:59:00Z",
                    "recorded_by": "concertation-dev|sw-alice",
                }
            ],
        },
        "428": IF_MATCH_REQUIRED,
    },
    "listArt458bisOffences": {
        "200": {
            "version": "2026-12-07.1",
            "status": "reference data to verify on Justel before release (EXTERNAL, requirements.md Appendix 2)",
            "items": [
                {
                    "code": "cp_393",
                    "listed_as": "arts. 392–394",
                    "article": "art. 393 C. pén.",
                    "title_fr": "Meurtre",
                    "title_nl": "Doodslag",
                    "title_en": "Intentional homicide",
                    "in_force": True,
                    "to_verify": True,
                    "note": "As printed in seed 004.",
                },
                {
                    "code": "cp_398",
                    "listed_as": "arts. 396–405ter",
                    "article": "art. 398 C. pén.",
                    "title_fr": "Coups et blessures volontaires",
                    "title_nl": "Opzettelijke slagen en verwondingen",
                    "title_en": "Intentional assault and battery",
                    "in_force": True,
                    "to_verify": True,
                    "note": "As printed in seed 004.",
                },
                {
                    "code": "cp_399",
                    "listed_as": "arts. 396–405ter",
                    "article": "art. 399 C. pén.",
                    "title_fr": "Coups et blessures volontaires ayant causé une maladie ou une incapacité de travail",
                    "title_nl": "Opzettelijke slagen en verwondingen met ziekte of arbeidsongeschiktheid tot gevolg",
                    "title_en": "Intentional assault causing illness or inability to work",
                    "in_force": True,
                    "to_verify": True,
                    "note": "As printed in seed 004.",
                },
            ],
        }
    },
}
