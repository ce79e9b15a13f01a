"""D20 — the messages of the service in French, Dutch and English (default French).

Rule ids and codes are language-neutral; what a person reads is chosen here from the `Accept-Language` header.
Every code a policy can report, every state-machine refusal and every error of the API has a message in the three
languages, written for a coordinator who is not a lawyer: what is wrong, how to fix it, and the article where it
helps. Legal terms follow each language's usage: « procureur du Roi », « concertation de cas », « secret
professionnel », « art. 458ter C. pén. »; « procureur des Konings », « casusoverleg », « beroepsgeheim »,
« art. 458ter Sw. »; "Crown Prosecutor", "case concertation", "professional secrecy". The other regimes likewise:
« secret professionnel partagé », « maître du secret », « état de nécessité », « art. 458bis C. pén. »; « gedeeld
beroepsgeheim », « meester van het geheim », « noodtoestand », « art. 458bis Sw. »; "shared professional secrecy",
"master of the secret", "state of necessity", "art. 458bis of the Penal Code".

Templates take `{param}` placeholders filled from a violation's `params`. Those carry codes, field names, dates and
offence codes, never personal data, and no template asks for more: a pseudonymous person reference is located by
the violation's `field`, not repeated in prose. A vocabulary value (a state, a transition, a sector…) is shown
under its label in the reader's language. Rendering never raises: a missing placeholder shows as "?", an unknown
code gets a generic message naming it, an unknown language falls back to French.

`tests/policies/test_messages.py` parses every policy module and fails when a code has no message.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from policies.vocab import (
    AdminDataCategory,
    Art46bis1Issuer,
    BasisType,
    ConcertationState,
    HierarchyPurpose,
    InvestigationType,
    ItemPurpose,
    Legislator,
    PurposeCategory,
    ReportRecipient,
    Sector,
    Transition,
)

LANGUAGES: tuple[str, ...] = ("fr", "nl", "en")
DEFAULT_LANGUAGE = "fr"

#: Longest parameter value rendered into a message; longer values are cut (a message is not a data dump).
MAX_PARAM_LENGTH = 120

#: `negotiate` reads at most this much of an `Accept-Language` header, and at most this many language ranges.
MAX_HEADER_LENGTH = 4096
MAX_LANGUAGE_RANGES = 32

Texts = Mapping[str, str]


def _freeze(table: Mapping[str, Mapping[str, str]]) -> Mapping[str, Texts]:
    return MappingProxyType({str(key): MappingProxyType(dict(texts)) for key, texts in table.items()})


#: The value a policy passes when a fact it labels was not answered.
_UNKNOWN = "unknown"


#: Labels of vocabulary values, by the name of the parameter that carries them: param -> value -> language -> label.
LABELS: Mapping[str, Mapping[str, Texts]] = MappingProxyType(
    {
        "state": _freeze(
            {
                ConcertationState.DRAFT: {"fr": "brouillon", "nl": "ontwerp", "en": "draft"},
                ConcertationState.SCHEDULED: {"fr": "planifiée", "nl": "gepland", "en": "scheduled"},
                ConcertationState.IN_SESSION: {"fr": "en séance", "nl": "in zitting", "en": "in session"},
                ConcertationState.HELD: {"fr": "tenue", "nl": "gehouden", "en": "held"},
                ConcertationState.CLOSED: {"fr": "clôturée", "nl": "afgesloten", "en": "closed"},
                ConcertationState.CANCELLED: {"fr": "annulée", "nl": "geannuleerd", "en": "cancelled"},
            }
        ),
        "transition": _freeze(
            {
                Transition.SCHEDULE: {"fr": "planifier", "nl": "plannen", "en": "schedule"},
                Transition.START: {"fr": "ouvrir la séance", "nl": "de zitting openen", "en": "start the session"},
                Transition.END: {"fr": "clore la séance", "nl": "de zitting beëindigen", "en": "end the session"},
                Transition.CLOSE: {"fr": "clôturer", "nl": "afsluiten", "en": "close"},
                Transition.CANCEL: {"fr": "annuler", "nl": "annuleren", "en": "cancel"},
            }
        ),
        "category": _freeze(
            {
                PurposeCategory.PROTECT_INTEGRITY: {
                    "fr": "protéger l'intégrité physique et psychique",
                    "nl": "de fysieke en psychische integriteit beschermen",
                    "en": "protect physical and psychological integrity",
                },
                PurposeCategory.PREVENT_TERRORIST_OFFENCES: {
                    "fr": "prévenir des infractions terroristes",
                    "nl": "terroristische misdrijven voorkomen",
                    "en": "prevent terrorist offences",
                },
                PurposeCategory.PREVENT_CRIMINAL_ORGANISATION_OFFENCES: {
                    "fr": "prévenir des délits commis dans le cadre d'une organisation criminelle",
                    "nl": "misdrijven gepleegd in het raam van een criminele organisatie voorkomen",
                    "en": "prevent offences committed within a criminal organisation",
                },
                # R81 — the categories of an art. 46bis/1 request item.
                AdminDataCategory.IDENTITY_DATA: {
                    "fr": "données d'identité",
                    "nl": "identiteitsgegevens",
                    "en": "identity data",
                },
                AdminDataCategory.DOMICILE_ADDRESS: {
                    "fr": "adresse du domicile",
                    "nl": "domicilieadres",
                    "en": "domicile address",
                },
                AdminDataCategory.KNOWN_ADDRESSES: {
                    "fr": "adresses connues",
                    "nl": "gekende adressen",
                    "en": "known addresses",
                },
                AdminDataCategory.RESIDENCE: {"fr": "résidence", "nl": "verblijfplaats", "en": "residence"},
                AdminDataCategory.HOUSEHOLD_SITUATION: {
                    "fr": "situation de ménage",
                    "nl": "gezinssituatie",
                    "en": "household situation",
                },
                AdminDataCategory.DATA_PROVIDED_IN_APPLICATION: {
                    "fr": "données communiquées dans une demande à l'institution",
                    "nl": "gegevens meegedeeld in een aanvraag bij de instelling",
                    "en": "data given in an application to the institution",
                },
                AdminDataCategory.ALLOWANCE_GRANTED_OR_REFUSED: {
                    "fr": "allocation ou aide accordée ou refusée",
                    "nl": "toegekende of geweigerde uitkering of hulp",
                    "en": "allowance or aid granted or refused",
                },
                AdminDataCategory.CONFIDENCES: {
                    "fr": "confidences",
                    "nl": "vertrouwelijke mededelingen",
                    "en": "confidences",
                },
                AdminDataCategory.STATE_OF_MIND: {
                    "fr": "état d'esprit",
                    "nl": "gemoedstoestand",
                    "en": "state of mind",
                },
                AdminDataCategory.MEDICAL_DATA: {
                    "fr": "données médicales",
                    "nl": "medische gegevens",
                    "en": "medical data",
                },
                AdminDataCategory.SOCIAL_REPORTS: {
                    "fr": "rapports sociaux",
                    "nl": "sociale verslagen",
                    "en": "social reports",
                },
                AdminDataCategory.CASE_NOTES: {"fr": "notes de suivi", "nl": "dossiernotities", "en": "case notes"},
                AdminDataCategory.CONCERTATION_MINUTES: {
                    "fr": "procès-verbaux de concertation",
                    "nl": "notulen van overleg",
                    "en": "concertation minutes",
                },
                AdminDataCategory.OTHER: {
                    "fr": "autre (hors liste)",
                    "nl": "andere (niet in de lijst)",
                    "en": "other (not listed)",
                },
            }
        ),
        "sector": _freeze(
            {
                Sector.AID_CARE: {"fr": "aide et soins", "nl": "hulp- en zorgverlening", "en": "aid and care"},
                Sector.HEALTH: {"fr": "santé", "nl": "gezondheidszorg", "en": "health"},
                Sector.SOCIAL_SECURITY_CPAS: {
                    "fr": "sécurité sociale / CPAS",
                    "nl": "sociale zekerheid / OCMW",
                    "en": "social security / CPAS",
                },
                Sector.POLICE: {"fr": "police", "nl": "politie", "en": "police"},
                Sector.PROSECUTION: {"fr": "parquet", "nl": "parket", "en": "public prosecutor's office"},
                Sector.LOCAL_ADMINISTRATION: {
                    "fr": "administration locale",
                    "nl": "lokaal bestuur",
                    "en": "local administration",
                },
                Sector.SCHOOL: {"fr": "école", "nl": "school", "en": "school"},
                Sector.JUSTICE_HOUSE: {"fr": "maison de justice", "nl": "justitiehuis", "en": "house of justice"},
                Sector.LAWYER: {"fr": "avocat", "nl": "advocaat", "en": "lawyer"},
                Sector.OTHER: {"fr": "autre", "nl": "andere", "en": "other"},
            }
        ),
        "type": _freeze(
            {
                BasisType.LAW: {"fr": "loi", "nl": "wet", "en": "law"},
                BasisType.DECREE: {"fr": "décret", "nl": "decreet", "en": "decree"},
                BasisType.ORDINANCE: {"fr": "ordonnance", "nl": "ordonnantie", "en": "ordinance"},
                BasisType.PROSECUTOR_AUTHORISATION: {
                    "fr": "autorisation motivée du procureur du Roi",
                    "nl": "gemotiveerde machtiging van de procureur des Konings",
                    "en": "reasoned authorisation of the Crown Prosecutor",
                },
            }
        ),
        "legislator": _freeze(
            {
                Legislator.FEDERAL: {
                    "fr": "législateur fédéral",
                    "nl": "federale wetgever",
                    "en": "federal legislator",
                },
                Legislator.COMMUNITY: {"fr": "Communauté", "nl": "Gemeenschap", "en": "Community"},
                Legislator.REGION: {"fr": "Région", "nl": "Gewest", "en": "Region"},
                Legislator.BRUSSELS_CAPITAL: {
                    "fr": "Région de Bruxelles-Capitale",
                    "nl": "Brussels Hoofdstedelijk Gewest",
                    "en": "Brussels-Capital Region",
                },
            }
        ),
        # R71 — what a shared item serves ("unknown": not answered).
        "serves": _freeze(
            {
                ItemPurpose.CARE_OF_PERSON: {
                    "fr": "aide à la personne",
                    "nl": "hulp aan de persoon",
                    "en": "care of the person",
                },
                ItemPurpose.CONTROL: {"fr": "contrôle", "nl": "controle", "en": "control"},
                ItemPurpose.SANCTION: {"fr": "sanction", "nl": "sanctie", "en": "sanction"},
                ItemPurpose.PROSECUTION: {"fr": "poursuites", "nl": "vervolging", "en": "prosecution"},
                _UNKNOWN: {"fr": "non indiqué", "nl": "niet opgegeven", "en": "not given"},
            }
        ),
        # R76 — why a worker shares with the hierarchy ("unknown": not answered).
        "purpose": _freeze(
            {
                HierarchyPurpose.SUPERVISION: {"fr": "supervision", "nl": "supervisie", "en": "supervision"},
                HierarchyPurpose.SUPPORT: {"fr": "soutien", "nl": "ondersteuning", "en": "support"},
                HierarchyPurpose.DEMAND_OF_HIERARCHY: {
                    "fr": "demande de la hiérarchie",
                    "nl": "vraag van de hiërarchie",
                    "en": "demand of the hierarchy",
                },
                _UNKNOWN: {"fr": "non indiqué", "nl": "niet opgegeven", "en": "not given"},
            }
        ),
        # R101 — who an art. 458bis report goes to ("unknown": not answered).
        "recipient": _freeze(
            {
                ReportRecipient.PROCUREUR_DU_ROI: {
                    "fr": "procureur du Roi",
                    "nl": "procureur des Konings",
                    "en": "Crown Prosecutor",
                },
                ReportRecipient.POLICE: {"fr": "police", "nl": "politie", "en": "police"},
                ReportRecipient.OTHER: {"fr": "autre destinataire", "nl": "andere ontvanger", "en": "other recipient"},
                _UNKNOWN: {"fr": "non indiqué", "nl": "niet opgegeven", "en": "not given"},
            }
        ),
        # R78 — who issued an art. 46bis/1 request ("unknown": not answered).
        "issuer": _freeze(
            {
                Art46bis1Issuer.PROCUREUR_DU_ROI: {
                    "fr": "procureur du Roi",
                    "nl": "procureur des Konings",
                    "en": "Crown Prosecutor",
                },
                Art46bis1Issuer.POLICE: {"fr": "police", "nl": "politie", "en": "police"},
                Art46bis1Issuer.OTHER: {"fr": "autre auteur", "nl": "andere afzender", "en": "other issuer"},
                _UNKNOWN: {"fr": "non indiqué", "nl": "niet opgegeven", "en": "not given"},
            }
        ),
        # R79 — the investigation an art. 46bis/1 request serves ("unknown": not answered).
        "investigation": _freeze(
            {
                InvestigationType.TERRORIST_OFFENCES: {
                    "fr": "infractions terroristes",
                    "nl": "terroristische misdrijven",
                    "en": "terrorist offences",
                },
                InvestigationType.SOCIAL_FRAUD: {"fr": "fraude sociale", "nl": "sociale fraude", "en": "social fraud"},
                InvestigationType.DRUGS: {"fr": "stupéfiants", "nl": "drugs", "en": "drugs"},
                InvestigationType.GENERAL_CRIME: {
                    "fr": "criminalité générale",
                    "nl": "algemene criminaliteit",
                    "en": "general crime",
                },
                InvestigationType.OTHER: {"fr": "autre enquête", "nl": "ander onderzoek", "en": "other investigation"},
                _UNKNOWN: {"fr": "non indiqué", "nl": "niet opgegeven", "en": "not given"},
            }
        ),
        # R99 — the conditions of the state of necessity, by the field policies/necessity.py names.
        "condition": _freeze(
            {
                "danger.grave": {"fr": "un danger grave", "nl": "een ernstig gevaar", "en": "a grave danger"},
                "danger.imminent": {
                    "fr": "un danger imminent",
                    "nl": "een dreigend gevaar",
                    "en": "an imminent danger",
                },
                "danger.harm_to_another": {
                    "fr": "un danger pour autrui",
                    "nl": "een gevaar voor een ander",
                    "en": "a danger to another person",
                },
                "danger.time": {
                    "fr": "un danger actuel ou à venir (et non des faits passés qui ne se reproduiront pas)",
                    "nl": "een gevaar dat nu bestaat of nog komt (geen feiten uit het verleden die zich niet herhalen)",
                    "en": "a danger present or to come (not past facts that will not recur)",
                },
                "danger.description": {
                    "fr": "la description du danger",
                    "nl": "de beschrijving van het gevaar",
                    "en": "a description of the danger",
                },
                "interest_protected": {
                    "fr": "l'intérêt à protéger, décrit et pesé contre le secret",
                    "nl": "het te beschermen belang, beschreven en afgewogen tegen het geheim",
                    "en": "the interest to protect, described and weighed against secrecy",
                },
                "subsidiarity": {
                    "fr": (
                        "l'absence d'autre moyen d'écarter le danger (subsidiarité), avec les solutions déjà essayées"
                    ),
                    "nl": (
                        "geen ander middel om het gevaar af te wenden (subsidiariteit), met de al geprobeerde "
                        "oplossingen"
                    ),
                    "en": "no other way to avert the danger (subsidiarity), with the alternatives already tried",
                },
                "proportionality": {
                    "fr": "une révélation limitée à ce qui écarte le danger (proportionnalité)",
                    "nl": "een bekendmaking beperkt tot wat het gevaar afwendt (proportionaliteit)",
                    "en": "a disclosure limited to what averts the danger (proportionality)",
                },
                "assessed_by": {
                    "fr": "qui a fait l'appréciation, et quand",
                    "nl": "wie de afweging maakte, en wanneer",
                    "en": "who made the assessment, and when",
                },
            }
        ),
    }
)

_TEMPLATES: dict[str, dict[str, str]] = {
    # R1–R5, R8, R113 — the legal-basis registry (policies/legal_basis.py).
    "legal_basis_type_invalid": {
        "fr": (
            "Le type de base légale « {value} » n'est pas admis : l'art. 458ter C. pén. n'admet qu'une loi, un "
            "décret, une ordonnance ou une autorisation motivée du procureur du Roi. Choisissez l'un de ces quatre "
            "types."
        ),
        "nl": (
            "Het type rechtsgrond “{value}” is niet toegelaten: art. 458ter Sw. aanvaardt alleen een wet, een "
            "decreet, een ordonnantie of een gemotiveerde machtiging van de procureur des Konings. Kies een van die "
            "vier types."
        ),
        "en": (
            "The legal basis type “{value}” is not allowed: art. 458ter of the Penal Code admits only a law, a "
            "decree, an ordinance or a reasoned authorisation of the Crown Prosecutor. Choose one of these four types."
        ),
    },
    "not_a_legal_basis": {
        "fr": (
            "Ce fondement n'est pas une base légale au sens de l'art. 458ter C. pén. : une circulaire, un protocole "
            "ou accord entre services, un règlement interne, le consentement de la personne, le secret professionnel "
            "partagé, l'urgence ou l'état de nécessité ne justifient pas une concertation de cas. Enregistrez la loi, "
            "le décret ou l'ordonnance (ou l'arrêté pris en vertu de ceux-ci), ou une autorisation motivée du "
            "procureur du Roi."
        ),
        "nl": (
            "Dit is geen rechtsgrond in de zin van art. 458ter Sw.: een omzendbrief, een protocol of akkoord tussen "
            "diensten, een intern reglement, de toestemming van de betrokkene, het gedeeld beroepsgeheim, "
            "dringendheid of noodtoestand rechtvaardigen geen casusoverleg. Registreer de wet, het decreet of de "
            "ordonnantie (of het besluit dat krachtens die norm is genomen), of een gemotiveerde machtiging van de "
            "procureur des Konings."
        ),
        "en": (
            "This is not a legal basis within the meaning of art. 458ter of the Penal Code: a circular, a protocol or "
            "agreement between services, an internal rule, the person's consent, shared professional secrecy, urgency "
            "or a state of necessity do not justify a case concertation. Record the law, decree or ordinance (or the "
            "act adopted under it), or a reasoned authorisation of the Crown Prosecutor."
        ),
    },
    "basis_kind_mismatch": {
        "fr": (
            "La base légale mélange deux régimes : une autorisation du procureur du Roi ne comporte ni norme "
            "habilitante ni acte d'exécution, et une loi, un décret ou une ordonnance ne comporte pas d'autorisation "
            "du procureur. Retirez les éléments qui ne correspondent pas au type choisi."
        ),
        "nl": (
            "De rechtsgrond vermengt twee regelingen: een machtiging van de procureur des Konings heeft geen "
            "machtigende norm of uitvoeringsbesluit, en een wet, decreet of ordonnantie heeft geen machtiging van de "
            "procureur. Verwijder de gegevens die niet bij het gekozen type passen."
        ),
        "en": (
            "The legal basis mixes two regimes: a Crown Prosecutor's authorisation has no enabling norm or "
            "implementing act, and a law, decree or ordinance has no prosecutor's authorisation. Remove the elements "
            "that do not match the chosen type."
        ),
    },
    "basis_not_identified": {
        "fr": (
            "La norme n'est pas identifiée avec précision : indiquez son intitulé, sa date, les articles visés, le "
            "législateur et la référence de sa publication au Moniteur belge (et les mêmes données pour l'acte pris "
            "en vertu de celle-ci)."
        ),
        "nl": (
            "De norm is niet nauwkeurig geïdentificeerd: vermeld het opschrift, de datum, de betrokken artikelen, de "
            "wetgever en de referentie van de bekendmaking in het Belgisch Staatsblad (en dezelfde gegevens voor het "
            "besluit dat krachtens die norm is genomen)."
        ),
        "en": (
            "The norm is not precisely identified: give its title, its date, the articles relied on, the legislator "
            "and the reference of its publication in the Belgian Official Gazette (and the same for any act adopted "
            "under it)."
        ),
    },
    "legislator_mismatch": {
        "fr": (
            "Le type de norme « {type} » ne correspond pas au législateur indiqué (« {legislator} ») : une loi est "
            "adoptée par le législateur fédéral, un décret par une Communauté ou une Région, une ordonnance par la "
            "Région de Bruxelles-Capitale. Corrigez le type ou le législateur."
        ),
        "nl": (
            "Het normtype “{type}” past niet bij de opgegeven wetgever (“{legislator}”): een wet wordt aangenomen "
            "door de federale wetgever, een decreet door een Gemeenschap of een Gewest, een ordonnantie door het "
            "Brussels Hoofdstedelijk Gewest. Corrigeer het type of de wetgever."
        ),
        "en": (
            "The norm type “{type}” does not match the legislator given (“{legislator}”): a law is adopted by the "
            "federal legislator, a decree by a Community or a Region, an ordinance by the Brussels-Capital Region. "
            "Correct the type or the legislator."
        ),
    },
    "implementing_act_before_norm": {
        "fr": (
            "L'acte d'exécution est daté d'avant la norme en vertu de laquelle il aurait été pris, ce qui est "
            "impossible : vérifiez les deux dates."
        ),
        "nl": (
            "Het uitvoeringsbesluit dateert van vóór de norm krachtens welke het zou zijn genomen, wat onmogelijk is: "
            "controleer beide data."
        ),
        "en": (
            "The implementing act is dated before the norm it was supposedly adopted under, which is impossible: "
            "check both dates."
        ),
    },
    "basis_not_democratically_controlled": {
        "fr": (
            "Ce service n'accepte que les concertations organisées par ou en vertu d'une loi, d'un décret ou d'une "
            "ordonnance : une autorisation du procureur du Roi échappe au contrôle démocratique d'une assemblée. "
            "Choisissez une base légale de ce type."
        ),
        "nl": (
            "Deze dienst aanvaardt alleen overleg dat bij of krachtens een wet, een decreet of een ordonnantie is "
            "georganiseerd: een machtiging van de procureur des Konings ontsnapt aan de democratische controle van "
            "een parlement. Kies een dergelijke rechtsgrond."
        ),
        "en": (
            "This service accepts only concertations organised by or under a law, a decree or an ordinance: a Crown "
            "Prosecutor's authorisation escapes the democratic control of a parliament. Choose a legal basis of that "
            "kind."
        ),
    },
    "authorisation_not_motivated": {
        "fr": (
            "L'autorisation du procureur du Roi doit être motivée (art. 458ter C. pén.) : joignez une motivation "
            "suffisamment développée qui expose les faits, pourquoi une concertation est nécessaire et pourquoi avec "
            "cette finalité."
        ),
        "nl": (
            "De machtiging van de procureur des Konings moet gemotiveerd zijn (art. 458ter Sw.): voeg een voldoende "
            "uitgewerkte motivering toe die de feiten beschrijft, waarom een overleg nodig is en waarom met dit doel."
        ),
        "en": (
            "The Crown Prosecutor's authorisation must be reasoned (art. 458ter of the Penal Code): add a "
            "sufficiently detailed statement of reasons setting out the facts, why a concertation is needed and why "
            "for this purpose."
        ),
    },
    "authorisation_not_written": {
        "fr": (
            "Une autorisation orale ou téléphonique du procureur du Roi n'est pas acceptée : enregistrez "
            "l'autorisation écrite et joignez le document signé."
        ),
        "nl": (
            "Een mondelinge of telefonische machtiging van de procureur des Konings wordt niet aanvaard: registreer "
            "de schriftelijke machtiging en voeg het ondertekende document toe."
        ),
        "en": (
            "An oral or telephone authorisation of the Crown Prosecutor is not accepted: record the written "
            "authorisation and attach the signed document."
        ),
    },
    "authorisation_signatory_invalid": {
        "fr": (
            "L'autorisation doit émaner du procureur du Roi ou d'un substitut agissant en son nom : indiquez qui l'a "
            "signée."
        ),
        "nl": (
            "De machtiging moet uitgaan van de procureur des Konings of van een substituut die in zijn naam handelt: "
            "vermeld wie ze heeft ondertekend."
        ),
        "en": (
            "The authorisation must come from the Crown Prosecutor or from a deputy prosecutor acting in his name: "
            "state who signed it."
        ),
    },
    "substitute_delegation_missing": {
        "fr": (
            "L'autorisation est signée par un substitut au nom du procureur du Roi : indiquez la référence de la "
            "délégation qui l'y habilite."
        ),
        "nl": (
            "De machtiging is door een substituut in naam van de procureur des Konings ondertekend: vermeld de "
            "referentie van de delegatie die hem daartoe bevoegd maakt."
        ),
        "en": (
            "The authorisation is signed by a deputy prosecutor on behalf of the Crown Prosecutor: give the reference "
            "of the delegation that empowers him to do so."
        ),
    },
    "authorisation_incomplete": {
        "fr": (
            "L'autorisation du procureur du Roi est incomplète : indiquez le nom du signataire, le parquet qui l'a "
            "délivrée et sa date."
        ),
        "nl": (
            "De machtiging van de procureur des Konings is onvolledig: vermeld de naam van de ondertekenaar, het "
            "parket dat ze heeft afgeleverd en de datum."
        ),
        "en": (
            "The Crown Prosecutor's authorisation is incomplete: give the signatory's name, the public prosecutor's "
            "office that issued it and its date."
        ),
    },
    "basis_incomplete": {
        "fr": (
            "La base légale doit déterminer au moins qui peut participer, avec quelle finalité et selon quelles "
            "modalités (art. 458ter C. pén.) : complétez les participants autorisés, les finalités, l'énoncé de la "
            "finalité et les modalités (convocation, présidence, fréquence, information de la personne, "
            "procès-verbal)."
        ),
        "nl": (
            "De rechtsgrond moet minstens bepalen wie mag deelnemen, met welk doel en volgens welke nadere regels "
            "(art. 458ter Sw.): vul de toegelaten deelnemers, de doelen, de omschrijving van het doel en de nadere "
            "regels aan (bijeenroeping, voorzitterschap, frequentie, informatie van de betrokkene, verslag)."
        ),
        "en": (
            "The legal basis must determine at least who may take part, for what purpose and under which arrangements "
            "(art. 458ter of the Penal Code): complete the authorised participants, the purposes, the statement of "
            "purpose and the arrangements (convening, chair, frequency, informing the person, minutes)."
        ),
    },
    "authorised_participant_unclear": {
        "fr": (
            "Un participant autorisé par la base légale n'est pas désigné clairement : nommez une personne, ou une "
            "catégorie avec son secteur et son organisation ou sa fonction."
        ),
        "nl": (
            "Een door de rechtsgrond toegelaten deelnemer is niet duidelijk aangewezen: noem een persoon, of een "
            "categorie met haar sector en haar organisatie of functie."
        ),
        "en": (
            "A participant authorised by the legal basis is not clearly designated: name a person, or a category with "
            "its sector and its organisation or function."
        ),
    },
    "validity_period_invalid": {
        "fr": "La période de validité de la base légale se termine avant de commencer : corrigez la date de fin.",
        "nl": "De geldigheidsperiode van de rechtsgrond eindigt vóór ze begint: corrigeer de einddatum.",
        "en": "The validity period of the legal basis ends before it starts: correct the end date.",
    },
    # The concertation itself (policies/concertation.py) and R115 (policies/strict.py).
    "legal_basis_missing": {
        "fr": (
            "Aucune base légale enregistrée n'est indiquée : une concertation de cas ne peut reposer que sur une base "
            "du registre (art. 458ter C. pén.). Choisissez-en une."
        ),
        "nl": (
            "Er is geen geregistreerde rechtsgrond opgegeven: een casusoverleg kan alleen steunen op een rechtsgrond "
            "uit het register (art. 458ter Sw.). Kies er een."
        ),
        "en": (
            "No registered legal basis is given: a case concertation can only rest on a basis from the registry (art. "
            "458ter of the Penal Code). Choose one."
        ),
    },
    "legal_basis_retired": {
        "fr": (
            "La base légale choisie a été retirée du registre et ne fonde plus aucune concertation : choisissez une "
            "base en vigueur."
        ),
        "nl": (
            "De gekozen rechtsgrond is uit het register ingetrokken en kan geen overleg meer dragen: kies een "
            "rechtsgrond die van kracht is."
        ),
        "en": (
            "The chosen legal basis has been retired from the registry and no longer grounds any concertation: choose "
            "a basis in force."
        ),
    },
    "legal_basis_not_in_force": {
        "fr": (
            "La base légale n'est pas en vigueur à la date prévue de la réunion : changez la date ou choisissez une "
            "base en vigueur à cette date."
        ),
        "nl": (
            "De rechtsgrond is niet van kracht op de geplande datum van de vergadering: wijzig de datum of kies een "
            "rechtsgrond die op die datum van kracht is."
        ),
        "en": (
            "The legal basis is not in force on the planned meeting date: change the date or choose a basis in force "
            "on that date."
        ),
    },
    "outside_basis": {
        "fr": (
            "La finalité « {category} » n'est pas prévue par la base légale choisie, alors que la concertation doit "
            "rester dans ce que sa base détermine (art. 458ter C. pén.) : choisissez une finalité prévue par la base, "
            "ou une autre base."
        ),
        "nl": (
            "Het doel “{category}” is niet voorzien in de gekozen rechtsgrond, terwijl het overleg binnen die "
            "rechtsgrond moet blijven (art. 458ter Sw.): kies een doel dat de rechtsgrond voorziet, of een andere "
            "rechtsgrond."
        ),
        "en": (
            "The purpose “{category}” is not provided for by the chosen legal basis, and a concertation must stay "
            "within what its basis determines (art. 458ter of the Penal Code): choose a purpose the basis provides "
            "for, or another basis."
        ),
    },
    "chairing_magistrate_required": {
        "fr": (
            "La base légale exige que la concertation soit présidée par un magistrat du parquet : désignez un "
            "magistrat du ministère public comme président."
        ),
        "nl": (
            "De rechtsgrond vereist dat het overleg wordt voorgezeten door een parketmagistraat: wijs een magistraat "
            "van het openbaar ministerie aan als voorzitter."
        ),
        "en": (
            "The legal basis requires the concertation to be chaired by a magistrate of the public prosecutor's "
            "office: appoint such a magistrate as chair."
        ),
    },
    "basis_not_accessible": {
        "fr": (
            "La base légale est confidentielle, alors que les invités doivent pouvoir la lire avant d'accepter : "
            "rendez-la consultable ou choisissez une base publiée."
        ),
        "nl": (
            "De rechtsgrond is vertrouwelijk, terwijl de genodigden hem moeten kunnen lezen voordat ze aanvaarden: "
            "maak hem raadpleegbaar of kies een bekendgemaakte rechtsgrond."
        ),
        "en": (
            "The legal basis is confidential, yet invitees must be able to read it before accepting: make it readable "
            "or choose a published basis."
        ),
    },
    "concertation_type_required": {
        "fr": "Le type de concertation n'est pas indiqué : choisissez-le dans la liste des types configurés.",
        "nl": "Het type overleg is niet opgegeven: kies het uit de lijst van geconfigureerde types.",
        "en": "The concertation type is missing: choose it from the list of configured types.",
    },
    "concertation_type_unknown": {
        "fr": (
            "Le type de concertation « {value} » ne figure pas dans la liste configurée : choisissez un type de cette "
            "liste."
        ),
        "nl": "Het type overleg “{value}” staat niet in de geconfigureerde lijst: kies een type uit die lijst.",
        "en": "The concertation type “{value}” is not in the configured list: choose a type from that list.",
    },
    "purpose_required": {
        "fr": (
            "La finalité de la concertation n'est pas indiquée : l'art. 458ter C. pén. n'en admet que trois (protéger "
            "l'intégrité physique et psychique, prévenir des infractions terroristes, prévenir des délits commis dans "
            "le cadre d'une organisation criminelle). Choisissez-en une."
        ),
        "nl": (
            "Het doel van het overleg is niet opgegeven: art. 458ter Sw. laat er slechts drie toe (de fysieke en "
            "psychische integriteit beschermen, terroristische misdrijven voorkomen, misdrijven gepleegd in het raam "
            "van een criminele organisatie voorkomen). Kies er een."
        ),
        "en": (
            "The purpose of the concertation is missing: art. 458ter of the Penal Code allows only three (protecting "
            "physical and psychological integrity, preventing terrorist offences, preventing offences committed "
            "within a criminal organisation). Choose one."
        ),
    },
    "purpose_not_allowed": {
        "fr": (
            "La finalité « {value} » n'est pas admise : une concertation de cas peut exclusivement viser la "
            "protection de l'intégrité physique et psychique, la prévention d'infractions terroristes ou celle de "
            "délits commis dans le cadre d'une organisation criminelle (art. 458ter C. pén.). Choisissez l'une de ces "
            "trois finalités."
        ),
        "nl": (
            "Het doel “{value}” is niet toegelaten: een casusoverleg mag uitsluitend de bescherming van de fysieke en "
            "psychische integriteit, het voorkomen van terroristische misdrijven of het voorkomen van misdrijven "
            "gepleegd in het raam van een criminele organisatie beogen (art. 458ter Sw.). Kies een van die drie "
            "doelen."
        ),
        "en": (
            "The purpose “{value}” is not allowed: a case concertation may exclusively aim to protect physical and "
            "psychological integrity, to prevent terrorist offences or to prevent offences committed within a "
            "criminal organisation (art. 458ter of the Penal Code). Choose one of these three purposes."
        ),
    },
    "purpose_statement_required": {
        "fr": (
            "La finalité concrète de la concertation n'est pas décrite : expliquez en quelques phrases ce qu'elle "
            "doit protéger ou prévenir."
        ),
        "nl": (
            "Het concrete doel van het overleg is niet beschreven: leg in enkele zinnen uit wat het moet beschermen "
            "of voorkomen."
        ),
        "en": (
            "The concrete purpose of the concertation is not described: explain in a few sentences what it is meant "
            "to protect or prevent."
        ),
    },
    "objective_required": {
        "fr": "L'objectif attendu de la réunion n'est pas indiqué : précisez s'il s'agit de protéger ou de prévenir.",
        "nl": "Het beoogde doel van de vergadering is niet opgegeven: vermeld of het gaat om beschermen of voorkomen.",
        "en": "The expected objective of the meeting is missing: state whether it is to protect or to prevent.",
    },
    "purpose_not_preventive": {
        "fr": (
            "Rassembler des preuves n'est pas une finalité admise par l'art. 458ter C. pén., qui permet seulement de "
            "protéger ou de prévenir : reformulez l'objectif de la concertation."
        ),
        "nl": (
            "Bewijs verzamelen is geen doel dat art. 458ter Sw. toelaat; het artikel laat alleen beschermen of "
            "voorkomen toe: herformuleer het doel van het overleg."
        ),
        "en": (
            "Gathering evidence is not a purpose allowed by art. 458ter of the Penal Code, which only allows "
            "protection or prevention: restate the objective of the concertation."
        ),
    },
    "protected_persons_required": {
        "fr": (
            "Pour protéger l'intégrité, indiquez qui est protégé (la personne concernée et/ou des tiers), quelle "
            "intégrité est menacée (physique, psychique) et quelle est la menace."
        ),
        "nl": (
            "Vermeld voor de bescherming van de integriteit wie beschermd wordt (de betrokkene en/of derden), welke "
            "integriteit bedreigd is (fysiek, psychisch) en wat de dreiging is."
        ),
        "en": (
            "For the integrity purpose, state who is protected (the person concerned and/or third parties), which "
            "integrity is at risk (physical, psychological) and what the threat is."
        ),
    },
    "offence_refs_required": {
        "fr": (
            "Pour une finalité de prévention, indiquez les infractions à prévenir : ce seront aussi les seules "
            "infractions pour lesquelles des poursuites pourront un jour se fonder sur la concertation (art. 458ter "
            "§2 C. pén.)."
        ),
        "nl": (
            "Vermeld voor een preventief doel de te voorkomen misdrijven: dat zijn ook de enige misdrijven waarvoor "
            "een vervolging ooit op het overleg kan steunen (art. 458ter, § 2 Sw.)."
        ),
        "en": (
            "For a prevention purpose, list the offences to be prevented: they will also be the only offences for "
            "which a prosecution may ever rely on the concertation (art. 458ter §2 of the Penal Code)."
        ),
    },
    "prevention_rationale_required": {
        "fr": (
            "Expliquez quelle infraction terroriste future la concertation doit prévenir (Livre II, Titre Ier ter C. "
            "pén.)."
        ),
        "nl": "Leg uit welk toekomstig terroristisch misdrijf het overleg moet voorkomen (Boek II, Titel Iter Sw.).",
        "en": (
            "Explain which future terrorist offence the concertation is meant to prevent (Book II, Title I ter of the "
            "Penal Code)."
        ),
    },
    "no_criminal_organisation_link": {
        "fr": (
            "Décrivez l'organisation criminelle en cause au sens de l'art. 324bis C. pén. (association structurée et "
            "durable) : une infraction isolée, sans lien avec une organisation, ne suffit pas."
        ),
        "nl": (
            "Beschrijf de betrokken criminele organisatie in de zin van art. 324bis Sw. (een gestructureerde "
            "vereniging die langer bestaat): een losstaand misdrijf zonder band met een organisatie volstaat niet."
        ),
        "en": (
            "Describe the criminal organisation involved within the meaning of art. 324bis of the Penal Code (a "
            "structured, lasting association): an isolated offence without a link to an organisation is not enough."
        ),
    },
    "offence_outside_purpose": {
        "fr": (
            "L'infraction {offence} ne relève pas de la finalité de la concertation : retirez-la de la liste des "
            "infractions pour lesquelles la concertation est organisée, ou revoyez la finalité (art. 458ter §2 C. "
            "pén.)."
        ),
        "nl": (
            "Het misdrijf {offence} past niet bij het doel van het overleg: verwijder het uit de lijst van misdrijven "
            "waarvoor het overleg is georganiseerd, of herzie het doel (art. 458ter, § 2 Sw.)."
        ),
        "en": (
            "Offence {offence} does not fit the purpose of the concertation: remove it from the list of offences for "
            "which the concertation is organised, or revise the purpose (art. 458ter §2 of the Penal Code)."
        ),
    },
    "offence_ref_not_terrorist": {
        "fr": (
            "L'infraction {offence} n'est pas une infraction terroriste du Livre II, Titre Ier ter C. pén. : "
            "retirez-la ou choisissez une infraction de ce titre."
        ),
        "nl": (
            "Het misdrijf {offence} is geen terroristisch misdrijf van Boek II, Titel Iter Sw.: verwijder het of kies "
            "een misdrijf uit die titel."
        ),
        "en": (
            "Offence {offence} is not a terrorist offence of Book II, Title I ter of the Penal Code: remove it or "
            "choose an offence from that title."
        ),
    },
    "offence_ref_not_criminal_organisation": {
        "fr": (
            "L'infraction {offence} ne fait pas partie des infractions retenues pour prévenir les délits d'une "
            "organisation criminelle (art. 324bis C. pén.) : retirez-la ou choisissez une infraction du catalogue "
            "adaptée à cette finalité."
        ),
        "nl": (
            "Het misdrijf {offence} hoort niet bij de misdrijven die in aanmerking komen om misdrijven van een "
            "criminele organisatie te voorkomen (art. 324bis Sw.): verwijder het of kies een misdrijf uit de "
            "catalogus dat bij dit doel past."
        ),
        "en": (
            "Offence {offence} is not among the offences accepted for preventing offences of a criminal organisation "
            "(art. 324bis of the Penal Code): remove it or choose a catalogue offence suited to this purpose."
        ),
    },
    "offence_duplicated": {
        "fr": (
            "L'infraction {offence} figure deux fois dans la liste des infractions pour lesquelles la concertation "
            "est organisée : supprimez le doublon."
        ),
        "nl": (
            "Het misdrijf {offence} staat twee keer in de lijst van misdrijven waarvoor het overleg is georganiseerd: "
            "verwijder het dubbele."
        ),
        "en": (
            "Offence {offence} appears twice in the list of offences for which the concertation is organised: remove "
            "the duplicate."
        ),
    },
    "offence_unknown": {
        "fr": (
            "Le code d'infraction {offence} ne figure pas dans le catalogue des infractions : choisissez une "
            "infraction du catalogue."
        ),
        "nl": (
            "De misdrijfcode {offence} staat niet in de catalogus van misdrijven: kies een misdrijf uit de catalogus."
        ),
        "en": "The offence code {offence} is not in the offence catalogue: choose an offence from the catalogue.",
    },
    "offence_not_in_force": {
        "fr": (
            "L'infraction {offence} n'est pas en vigueur le {on} : choisissez l'infraction applicable à cette date, "
            "ou changez la date de la réunion."
        ),
        "nl": (
            "Het misdrijf {offence} is niet van kracht op {on}: kies het misdrijf dat op die datum van toepassing is, "
            "of wijzig de datum van de vergadering."
        ),
        "en": (
            "Offence {offence} is not in force on {on}: choose the offence applicable on that date, or change the "
            "meeting date."
        ),
    },
    "last_resort_not_justified": {
        "fr": (
            "Une concertation de cas doit rester une mesure exceptionnelle, de dernier recours : indiquez les "
            "alternatives envisagées (aide volontaire, secret professionnel partagé, signalement au procureur du "
            "Roi…), pourquoi chacune est insuffisante et pourquoi la concertation est nécessaire maintenant."
        ),
        "nl": (
            "Een casusoverleg moet een uitzonderlijke maatregel en een laatste redmiddel blijven: vermeld de "
            "overwogen alternatieven (vrijwillige hulpverlening, gedeeld beroepsgeheim, melding aan de procureur des "
            "Konings…), waarom elk ervan ontoereikend is en waarom het overleg nu nodig is."
        ),
        "en": (
            "A case concertation must remain an exceptional, last-resort measure: list the alternatives considered "
            "(voluntary aid, shared professional secrecy, a report to the Crown Prosecutor…), why each one is "
            "insufficient and why a concertation is needed now."
        ),
    },
    "person_concerned_required": {
        "fr": (
            "Aucune personne concernée n'est enregistrée : ajoutez au moins la personne que la concertation concerne."
        ),
        "nl": "Er is geen betrokkene geregistreerd: voeg minstens de persoon toe op wie het overleg betrekking heeft.",
        "en": "No person concerned is recorded: add at least the person the concertation is about.",
    },
    "protected_person_unknown": {
        "fr": (
            "Une personne protégée indiquée comme « personne concernée » ne figure pas parmi les personnes concernées "
            "de la concertation : ajoutez-la, ou corrigez sa référence ou son rôle."
        ),
        "nl": (
            "Een beschermde persoon die als “betrokkene” is aangeduid, staat niet bij de betrokkenen van het overleg: "
            "voeg die persoon toe, of corrigeer de referentie of de rol."
        ),
        "en": (
            "A protected person marked as “person concerned” is not among the persons concerned of the concertation: "
            "add them, or correct the reference or the role."
        ),
    },
    "person_not_identified": {
        "fr": (
            "La personne concernée doit être identifiée individuellement, un libellé familial (« famille X ») ne "
            "suffit pas : indiquez son numéro de registre national, ou ses nom, prénoms et date de naissance."
        ),
        "nl": (
            "De betrokkene moet individueel geïdentificeerd worden, een gezinslabel (“familie X”) volstaat niet: "
            "vermeld het rijksregisternummer, of de naam, de voornamen en de geboortedatum."
        ),
        "en": (
            "The person concerned must be identified individually, a family label (“family X”) is not enough: give "
            "the national register number, or the family name, given names and date of birth."
        ),
    },
    "person_reference_ambiguous": {
        "fr": (
            "Cette référence de personne est déjà utilisée dans la concertation : donnez à chaque personne concernée "
            "une référence unique."
        ),
        "nl": "Deze persoonsreferentie wordt in het overleg al gebruikt: geef elke betrokkene een unieke referentie.",
        "en": (
            "This person reference is already used in the concertation: give each person concerned a unique reference."
        ),
    },
    "meeting_kind_required": {
        "fr": (
            "La forme de la réunion n'est pas indiquée : choisissez concertation de cas (sans la personne concernée) "
            "ou concertation-client (avec la personne ou sa famille)."
        ),
        "nl": (
            "De vorm van de vergadering is niet opgegeven: kies casusoverleg (zonder de betrokkene) of cliëntoverleg "
            "(met de betrokkene of het gezin)."
        ),
        "en": (
            "The kind of meeting is missing: choose case concertation (without the person concerned) or client "
            "concertation (with the person or their family)."
        ),
    },
    "absence_not_justified": {
        "fr": (
            "La personne concernée ne participe pas à cette concertation de cas : expliquez brièvement pourquoi elle "
            "n'est pas présente."
        ),
        "nl": "De betrokkene neemt niet deel aan dit casusoverleg: leg kort uit waarom die niet aanwezig is.",
        "en": "The person concerned does not attend this case concertation: briefly explain why they are not present.",
    },
    "chair_required": {
        "fr": "Le président de la concertation n'est pas désigné : indiquez son nom, son organisation et sa fonction.",
        "nl": "De voorzitter van het overleg is niet aangewezen: vermeld naam, organisatie en functie.",
        "en": "The chair of the concertation is not appointed: give their name, organisation and function.",
    },
    "requester_required": {
        "fr": "Le demandeur de la concertation n'est pas indiqué : précisez son nom, son organisation et sa fonction.",
        "nl": "De aanvrager van het overleg is niet opgegeven: vermeld naam, organisatie en functie.",
        "en": "The requester of the concertation is missing: give their name, organisation and function.",
    },
    "initiator_required": {
        "fr": "Indiquez qui a pris l'initiative de la concertation : un service d'aide, le parquet ou un autre acteur.",
        "nl": (
            "Vermeld wie het initiatief tot het overleg heeft genomen: een hulpverleningsdienst, het parket of een "
            "andere actor."
        ),
        "en": (
            "State who took the initiative for the concertation: an aid service, the public prosecutor's office or "
            "another party."
        ),
    },
    "date_required": {
        "fr": "La date de la réunion n'est pas fixée : indiquez la date et l'heure de début.",
        "nl": "De datum van de vergadering is niet vastgelegd: vermeld de datum en het beginuur.",
        "en": "The meeting date is not set: give the start date and time.",
    },
    "before_458ter_in_force": {
        "fr": (
            "La réunion est datée d'avant l'entrée en vigueur de l'art. 458ter C. pén. ({in_force}) et ne peut donc "
            "pas s'en prévaloir : corrigez la date."
        ),
        "nl": (
            "De vergadering dateert van vóór de inwerkingtreding van art. 458ter Sw. ({in_force}) en kan zich er dus "
            "niet op beroepen: corrigeer de datum."
        ),
        "en": (
            "The meeting is dated before art. 458ter of the Penal Code came into force ({in_force}) and so cannot "
            "rely on it: correct the date."
        ),
    },
    "schedule_inverted": {
        "fr": "La fin de la réunion est fixée avant son début, ou au même moment : corrigez l'heure de fin.",
        "nl": "Het einde van de vergadering ligt vóór of op het begin: corrigeer het einduur.",
        "en": "The meeting is set to end before or when it starts: correct the end time.",
    },
    "participant_profile_incomplete": {
        "fr": (
            "Le profil du participant est incomplet : indiquez son organisation, son secteur, sa fonction, sa "
            "mission, s'il est tenu au secret professionnel et en vertu de quoi, s'il est avocat et s'il travaille "
            "sous mandat (et de qui)."
        ),
        "nl": (
            "Het profiel van de deelnemer is onvolledig: vermeld organisatie, sector, functie en opdracht, of hij "
            "door het beroepsgeheim gebonden is en op welke grond, of hij advocaat is en of hij onder mandaat werkt "
            "(en van wie)."
        ),
        "en": (
            "The participant's profile is incomplete: give their organisation, sector, function and mission, whether "
            "they are bound by professional secrecy and on what ground, whether they are a lawyer and whether they "
            "work under a mandate (and whose)."
        ),
    },
    "secrecy_source_inconsistent": {
        "fr": (
            "La source du secret ne correspond pas à la réponse « tenu au secret professionnel » : un participant "
            "tenu au secret en indique la source légale, un participant qui ne l'est pas (un enseignant, par exemple) "
            "relève du devoir de discrétion. Corrigez l'une ou l'autre réponse."
        ),
        "nl": (
            "De bron van het geheim strookt niet met het antwoord op “gebonden door het beroepsgeheim”: een deelnemer "
            "die eraan gebonden is, vermeldt de wettelijke bron, wie dat niet is (bijvoorbeeld een leerkracht) valt "
            "onder de discretieplicht. Corrigeer een van beide antwoorden."
        ),
        "en": (
            "The source of secrecy does not match the answer to “bound by professional secrecy”: a participant who is "
            "bound gives its legal source, one who is not (a teacher, for instance) falls under the duty of "
            "discretion. Correct one of the two answers."
        ),
    },
    "lawyer_flag_inconsistent": {
        "fr": (
            "Le participant relève du secteur « avocat » mais n'est pas indiqué comme avocat : corrigez le secteur ou "
            "cette indication."
        ),
        "nl": (
            "De deelnemer behoort tot de sector “advocaat” maar is niet als advocaat aangeduid: corrigeer de sector "
            "of die aanduiding."
        ),
        "en": (
            "The participant is in the “lawyer” sector but is not marked as a lawyer: correct the sector or that flag."
        ),
    },
    "magistrate_outside_prosecution": {
        "fr": (
            "Une fonction de magistrat du parquet (procureur du Roi, substitut) n'est possible que dans le secteur « "
            "parquet » : corrigez le secteur ou la fonction."
        ),
        "nl": (
            "Een functie van parketmagistraat (procureur des Konings, substituut) is alleen mogelijk in de sector "
            "“parket”: corrigeer de sector of de functie."
        ),
        "en": (
            "A prosecutor's function (Crown Prosecutor, deputy prosecutor) is possible only in the “public "
            "prosecutor's office” sector: correct the sector or the function."
        ),
    },
    "works_with_unknown_person": {
        "fr": (
            "Le participant est lié à une personne qui ne figure pas parmi les personnes concernées de la "
            "concertation : corrigez la référence ou ajoutez cette personne."
        ),
        "nl": (
            "De deelnemer is gekoppeld aan een persoon die niet bij de betrokkenen van het overleg staat: corrigeer "
            "de referentie of voeg die persoon toe."
        ),
        "en": (
            "The participant is linked to a person who is not among the persons concerned of the concertation: "
            "correct the reference or add that person."
        ),
    },
    "participant_not_authorised": {
        "fr": (
            "Ce participant (secteur « {sector} ») n'est pas couvert par la base légale, qui détermine qui peut "
            "participer (art. 458ter C. pén.) : n'invitez que les personnes ou catégories qu'elle désigne."
        ),
        "nl": (
            "Deze deelnemer (sector “{sector}”) valt niet onder de rechtsgrond, die bepaalt wie mag deelnemen (art. "
            "458ter Sw.): nodig alleen de personen of categorieën uit die hij aanwijst."
        ),
        "en": (
            "This participant (sector “{sector}”) is not covered by the legal basis, which determines who may take "
            "part (art. 458ter of the Penal Code): invite only the persons or categories it designates."
        ),
    },
    "police_parquet_not_shared_secrecy": {
        "fr": (
            "Dès que la police ou le parquet prennent part à l'échange (autour de la table, comme destinataire ou "
            "comme professionnel qui partage), ce n'est pas du secret professionnel partagé : seul l'art. 458ter C. "
            "pén. peut le justifier, dans ses limites. Enregistrez-le comme concertation de cas."
        ),
        "nl": (
            "Zodra politie of parket deelnemen aan de uitwisseling (aan tafel, als ontvanger of als beroepsbeoefenaar "
            "die deelt), is ze geen gedeeld beroepsgeheim: alleen art. 458ter Sw. kan ze rechtvaardigen, binnen de "
            "grenzen ervan. Registreer ze als casusoverleg."
        ),
        "en": (
            "Once the police or the public prosecutor's office take part in the exchange (at the table, as a recipient "
            "or as the professional who shares), it is not shared professional secrecy: only art. 458ter of the Penal "
            "Code can justify it, within its limits. Record it as a case concertation."
        ),
    },
    "shared_secrecy_is_not_a_concertation": {
        "fr": (
            "Le secret professionnel partagé est un régime distinct, avec ses propres conditions cumulatives : "
            "enregistrez cet échange comme échange en secret partagé, et non comme concertation de cas."
        ),
        "nl": (
            "Het gedeeld beroepsgeheim is een aparte regeling met eigen cumulatieve voorwaarden: registreer deze "
            "uitwisseling als uitwisseling onder gedeeld beroepsgeheim, niet als casusoverleg."
        ),
        "en": (
            "Shared professional secrecy is a separate regime with its own cumulative conditions: record this "
            "exchange as a shared-secrecy exchange, not as a case concertation."
        ),
    },
    "unknown_value": {
        "fr": (
            "La valeur « {value} » n'est pas reconnue pour le champ {field} : une valeur inconnue est toujours "
            "refusée, jamais acceptée par défaut. Choisissez l'une des valeurs admises."
        ),
        "nl": (
            "De waarde “{value}” wordt niet herkend voor het veld {field}: een onbekende waarde wordt altijd "
            "geweigerd, nooit standaard aanvaard. Kies een van de toegelaten waarden."
        ),
        "en": (
            "The value “{value}” is not recognised for the field {field}: an unknown value is always refused, never "
            "accepted by default. Choose one of the allowed values."
        ),
    },
    # Checks that pass (the `passed` codes of policies/compliance.py, and the R20 tag).
    "legal_basis_applies": {
        "fr": "La concertation repose sur une base légale enregistrée, en vigueur, et reste dans ce qu'elle détermine.",
        "nl": (
            "Het overleg steunt op een geregistreerde rechtsgrond die van kracht is, en blijft binnen wat die "
            "rechtsgrond bepaalt."
        ),
        "en": (
            "The concertation rests on a registered legal basis in force and stays within what that basis determines."
        ),
    },
    "concertation_type_declared": {
        "fr": "Le type de concertation est indiqué et figure dans la liste configurée.",
        "nl": "Het type overleg is opgegeven en staat in de geconfigureerde lijst.",
        "en": "The concertation type is given and is in the configured list.",
    },
    "purpose_allowed": {
        "fr": (
            "La finalité est l'une des trois admises par l'art. 458ter C. pén. ; elle est décrite et vise à protéger "
            "ou à prévenir."
        ),
        "nl": (
            "Het doel is een van de drie die art. 458ter Sw. toelaat; het is beschreven en strekt tot beschermen of "
            "voorkomen."
        ),
        "en": (
            "The purpose is one of the three allowed by art. 458ter of the Penal Code; it is described and aims to "
            "protect or to prevent."
        ),
    },
    "offence_scope_valid": {
        "fr": (
            "Les infractions pour lesquelles la concertation est organisée figurent au catalogue, sont en vigueur à "
            "la date de la réunion et correspondent à sa finalité."
        ),
        "nl": (
            "De misdrijven waarvoor het overleg is georganiseerd, staan in de catalogus, zijn van kracht op de datum "
            "van de vergadering en passen bij het doel."
        ),
        "en": (
            "The offences for which the concertation is organised are in the catalogue, in force on the meeting date "
            "and consistent with its purpose."
        ),
    },
    "participants_authorised": {
        "fr": "Chaque participant a un profil complet et est couvert par la base légale.",
        "nl": "Elke deelnemer heeft een volledig profiel en valt onder de rechtsgrond.",
        "en": "Every participant has a complete profile and is covered by the legal basis.",
    },
    "chair_and_requester_named": {
        "fr": "Le président, le demandeur et l'initiateur de la concertation sont indiqués.",
        "nl": "De voorzitter, de aanvrager en de initiatiefnemer van het overleg zijn opgegeven.",
        "en": "The chair, the requester and the initiator of the concertation are given.",
    },
    "meeting_kind_declared": {
        "fr": (
            "La forme de la réunion est indiquée et, pour une concertation de cas, l'absence de la personne concernée "
            "est expliquée."
        ),
        "nl": (
            "De vorm van de vergadering is opgegeven en, bij een casusoverleg, is de afwezigheid van de betrokkene "
            "uitgelegd."
        ),
        "en": (
            "The kind of meeting is given and, for a case concertation, the absence of the person concerned is "
            "explained."
        ),
    },
    "persons_concerned_identified": {
        "fr": "Les personnes concernées sont enregistrées et chaque personne protégée en fait partie ou est un tiers.",
        "nl": "De betrokkenen zijn geregistreerd en elke beschermde persoon is een van hen of een derde.",
        "en": "The persons concerned are recorded and every protected person is one of them or a third party.",
    },
    "last_resort_justified": {
        "fr": (
            "Le caractère exceptionnel de la concertation est justifié : les alternatives envisagées et la nécessité "
            "d'agir maintenant sont expliquées."
        ),
        "nl": (
            "Het uitzonderlijke karakter van het overleg is verantwoord: de overwogen alternatieven en de noodzaak om "
            "nu op te treden zijn uitgelegd."
        ),
        "en": (
            "The exceptional character of the concertation is justified: the alternatives considered and the need to "
            "act now are explained."
        ),
    },
    "dates_valid": {
        "fr": (
            "La réunion est datée après l'entrée en vigueur de l'art. 458ter C. pén. et se termine après avoir "
            "commencé."
        ),
        "nl": "De vergadering dateert van na de inwerkingtreding van art. 458ter Sw. en eindigt na haar begin.",
        "en": "The meeting is dated after art. 458ter of the Penal Code came into force and ends after it starts.",
    },
    "art_458ter_only": {
        "fr": (
            "La police ou le parquet participent : l'échange n'est justifié que par l'art. 458ter C. pén., jamais par "
            "le secret professionnel partagé."
        ),
        "nl": (
            "Politie of parket nemen deel: de uitwisseling wordt alleen door art. 458ter Sw. gerechtvaardigd, nooit "
            "door het gedeeld beroepsgeheim."
        ),
        "en": (
            "The police or the public prosecutor's office take part: the exchange is justified only by art. 458ter of "
            "the Penal Code, never by shared professional secrecy."
        ),
    },
    "no_police_or_parquet": {
        "fr": "Ni la police ni le parquet ne participent à la concertation.",
        "nl": "Politie noch parket neemt deel aan het overleg.",
        "en": "Neither the police nor the public prosecutor's office takes part in the concertation.",
    },
    # R67–R72, R75, R76, R112 — shared professional secrecy (policies/shared_secrecy.py).
    "shared_secret_discloser_not_bound": {
        "fr": (
            "Seul un professionnel lui-même tenu au secret professionnel peut partager un secret en secret "
            "professionnel partagé : indiquez que vous y êtes tenu et en vertu de quoi. Si vous n'êtes tenu qu'au "
            "devoir de discrétion, comme le personnel scolaire (enseignants, direction, éducateurs), cet échange n'est "
            "pas possible sous ce régime."
        ),
        "nl": (
            "Alleen een beroepsbeoefenaar die zelf door het beroepsgeheim gebonden is, kan een geheim onder gedeeld "
            "beroepsgeheim delen: vermeld dat u eraan gebonden bent en op welke grond. Valt u alleen onder de "
            "discretieplicht, zoals schoolpersoneel (leerkrachten, directie, opvoeders), dan is deze uitwisseling "
            "onder deze regeling niet mogelijk."
        ),
        "en": (
            "Only a professional who is himself bound by professional secrecy can share a secret under shared "
            "professional secrecy: state that you are bound and on what ground. If you are under a duty of discretion "
            "only, as school staff are (teachers, management, educators), this exchange is not possible under this "
            "regime."
        ),
    },
    "shared_secret_recipients_required": {
        "fr": (
            "Aucun destinataire n'est indiqué, alors que le secret professionnel partagé se vérifie destinataire par "
            "destinataire : indiquez chaque professionnel, équipe ou membre de la hiérarchie avec qui vous voulez "
            "partager."
        ),
        "nl": (
            "Er is geen ontvanger opgegeven, terwijl het gedeeld beroepsgeheim per ontvanger wordt nagegaan: vermeld "
            "elke beroepsbeoefenaar, elk team of elk lid van de hiërarchie met wie u wilt delen."
        ),
        "en": (
            "No recipient is given, yet shared professional secrecy is checked recipient by recipient: give every "
            "professional, team or member of the hierarchy you want to share with."
        ),
    },
    "no_exchange_with_relatives": {
        "fr": (
            "Un proche de la personne concernée n'est jamais destinataire d'un échange ponctuel en son absence (entre "
            "deux portes, au téléphone) : retirez-le des destinataires. Un proche ne peut participer qu'à une "
            "concertation-client préparée avec la personne elle-même."
        ),
        "nl": (
            "Een naaste van de betrokkene is nooit ontvanger van een losse uitwisseling buiten diens aanwezigheid "
            "(tussen de deur, aan de telefoon): verwijder hem uit de ontvangers. Een naaste kan alleen deelnemen aan "
            "een cliëntoverleg dat met de betrokkene zelf is voorbereid."
        ),
        "en": (
            "A relative of the person concerned is never the recipient of an ad-hoc exchange in the person's absence "
            "(in the corridor, on the telephone): remove them from the recipients. A relative can only take part in a "
            "client concertation prepared with the person."
        ),
    },
    "shared_secret_recipient_not_bound": {
        "fr": (
            "Ce destinataire n'est pas tenu au secret professionnel (ou la source de ce secret n'est pas indiquée), "
            "alors que le secret ne se partage qu'entre personnes qui y sont tenues : retirez-le, ou indiquez qu'il y "
            "est tenu et en vertu de quoi. Le personnel scolaire (enseignants, direction, éducateurs) n'y est pas tenu "
            ": avec lui, il n'y a pas de secret professionnel partagé."
        ),
        "nl": (
            "Deze ontvanger is niet door het beroepsgeheim gebonden (of de bron ervan is niet opgegeven), terwijl het "
            "geheim alleen gedeeld wordt tussen personen die eraan gebonden zijn: verwijder hem, of vermeld dat hij "
            "eraan gebonden is en op welke grond. Schoolpersoneel (leerkrachten, directie, opvoeders) is er niet aan "
            "gebonden: met hen is er geen gedeeld beroepsgeheim."
        ),
        "en": (
            "This recipient is not bound by professional secrecy (or its source is not given), and a secret is shared "
            "only among persons who are bound: remove the recipient, or state that they are bound and on what ground. "
            "School staff (teachers, management, educators) are not bound: there is no shared professional secrecy "
            "with them."
        ),
    },
    "recipient_secrecy_evidence_missing": {
        "fr": (
            "Indiquez sur quoi vous vous fondez pour croire que ce destinataire est tenu au secret professionnel (sa "
            "déclaration, la loi qui régit sa profession) : cette trace vous protège, car la jurisprudence excuse "
            "celui qui pouvait légitimement le croire."
        ),
        "nl": (
            "Vermeld waarop u steunt om aan te nemen dat deze ontvanger door het beroepsgeheim gebonden is (zijn "
            "verklaring, de wet die zijn beroep regelt): dat spoor beschermt u, want de rechtspraak verschoont wie dat "
            "rechtmatig kon aannemen."
        ),
        "en": (
            "State what makes you believe this recipient is bound by professional secrecy (their declaration, the law "
            "governing their profession): this record protects you, since case law excuses a discloser who could "
            "legitimately believe it."
        ),
    },
    "shared_secret_mission_mismatch": {
        "fr": (
            "Le secret ne se partage qu'entre personnes chargées d'une même mission auprès de la même personne, "
            "établie avant tout partage : la même fonction ne suffit pas, et un intervenant sous mandat judiciaire n'a "
            "pas la même mission qu'un intervenant d'aide. Indiquez la mission commune de chacun et s'il agit sous "
            "mandat judiciaire, ou retirez ce destinataire."
        ),
        "nl": (
            "Het geheim wordt alleen gedeeld tussen personen met dezelfde opdracht rond dezelfde persoon, vastgesteld "
            "vóór er iets gedeeld wordt: dezelfde functie volstaat niet, en wie onder gerechtelijk mandaat werkt, "
            "heeft niet dezelfde opdracht als een hulpverlener. Vermeld voor iedereen de gemeenschappelijke opdracht "
            "en of hij onder gerechtelijk mandaat werkt, of verwijder deze ontvanger."
        ),
        "en": (
            "A secret is shared only among persons in charge of the same mission around the same person, established "
            "before anything is shared: the same function is not enough, and a worker under a judicial mandate does "
            "not have the same mission as an aid worker. Give everyone's common mission and whether they work under a "
            "judicial mandate, or remove this recipient."
        ),
    },
    "shared_secret_no_consent": {
        "fr": (
            "Avant tout partage, la personne concernée (le maître du secret) doit avoir accepté ce qui sera partagé et "
            "avec qui : son accord manque, ou ne couvre pas tous les destinataires et toutes les informations. "
            "Parlez-en avec elle et enregistrez un accord préalable qui les nomme, ou ne partagez pas ce qu'il ne "
            "couvre pas."
        ),
        "nl": (
            "Vóór er iets gedeeld wordt, moet de betrokkene (de meester van het geheim) ingestemd hebben met wat "
            "gedeeld wordt en met wie: die toestemming ontbreekt, of dekt niet alle ontvangers en alle informatie. "
            "Bespreek het met hem en registreer een voorafgaande toestemming die ze vermeldt, of deel niet wat ze niet "
            "dekt."
        ),
        "en": (
            "Before anything is shared, the person concerned (the master of the secret) must have agreed to what will "
            "be shared and with whom: that agreement is missing, or does not cover every recipient and every item. "
            "Talk it over with the person and record a prior agreement naming them, or do not share what it does not "
            "cover."
        ),
    },
    "shared_secret_not_informed": {
        "fr": (
            "La personne concernée (le maître du secret) doit au moins avoir été informée que le secret peut être "
            "partiellement levé au sein de l'équipe : informez-la de ce qui sera partagé et avec qui, et "
            "enregistrez-le avant de partager."
        ),
        "nl": (
            "De betrokkene (de meester van het geheim) moet minstens geïnformeerd zijn dat het geheim binnen het team "
            "gedeeltelijk kan worden opgeheven: informeer hem over wat gedeeld wordt en met wie, en registreer dat "
            "vóór u deelt."
        ),
        "en": (
            "The person concerned (the master of the secret) must at least have been told that secrecy may be partly "
            "lifted within the team: tell the person what will be shared and with whom, and record it before sharing."
        ),
    },
    "shared_secret_items_required": {
        "fr": (
            "Aucune information à partager n'est indiquée : décrivez chaque information séparément, pour que sa "
            "nécessité puisse être vérifiée."
        ),
        "nl": (
            "Er is geen te delen informatie opgegeven: beschrijf elk gegeven afzonderlijk, zodat de noodzaak ervan kan "
            "worden nagegaan."
        ),
        "en": "No item to share is given: describe each item separately, so that its necessity can be checked.",
    },
    "shared_secret_purpose_invalid": {
        "fr": (
            "En secret professionnel partagé, une information ne se partage que pour l'aide à la personne concernée et "
            "dans son intérêt exclusif, jamais pour contrôler, sanctionner ou poursuivre : ce n'est pas le cas, ou ce "
            "n'est pas indiqué, pour cette information. Retirez-la du partage, ou précisez qu'elle sert l'aide à la "
            "personne, dans son intérêt."
        ),
        "nl": (
            "Onder gedeeld beroepsgeheim wordt informatie alleen gedeeld voor de hulp aan de betrokkene en in diens "
            "uitsluitend belang, nooit om te controleren, te sanctioneren of te vervolgen: voor dit gegeven is dat "
            "niet zo, of niet opgegeven. Haal het uit de uitwisseling, of vermeld dat het de hulp aan de betrokkene "
            "dient, in diens belang."
        ),
        "en": (
            "Under shared professional secrecy an item is shared only for the care of the person concerned and in "
            "their exclusive interest, never for control, sanction or prosecution: for this item that is not the case, "
            "or is not stated. Remove it from the exchange, or state that it serves the person's care, in their "
            "interest."
        ),
    },
    "shared_secret_necessity_not_justified": {
        "fr": (
            "Expliquez pourquoi cette information est strictement nécessaire à la mission commune : on ne partage que "
            "ce qui est indispensable pour aider la personne, rien de plus."
        ),
        "nl": (
            "Leg uit waarom dit gegeven strikt noodzakelijk is voor de gemeenschappelijke opdracht: er wordt alleen "
            "gedeeld wat onmisbaar is om de betrokkene te helpen, niets meer."
        ),
        "en": (
            "Explain why this item is strictly necessary for the common mission: only what is indispensable to help "
            "the person is shared, nothing more."
        ),
    },
    "team_member_not_bound": {
        "fr": (
            "Une équipe ne peut recevoir le secret que si tous ses membres, personnel administratif compris, sont "
            "tenus au secret professionnel : vérifiez-le et indiquez-le, ou partagez seulement avec les professionnels "
            "qui y sont tenus."
        ),
        "nl": (
            "Een team kan het geheim alleen ontvangen als al zijn leden, administratief personeel inbegrepen, door het "
            "beroepsgeheim gebonden zijn: ga dat na en vermeld het, of deel alleen met de beroepsbeoefenaars die eraan "
            "gebonden zijn."
        ),
        "en": (
            "A team can receive the secret only if all its members, administrative staff included, are bound by "
            "professional secrecy: check and state it, or share only with the professionals who are bound."
        ),
    },
    "team_sharing_notice_missing": {
        "fr": (
            "Pour partager avec une équipe, la personne concernée doit avoir été informée que des échanges entre "
            "collègues sont possibles, sous le sceau du secret professionnel partagé : informez-la et enregistrez-le."
        ),
        "nl": (
            "Om met een team te delen, moet de betrokkene geïnformeerd zijn dat collega's onderling informatie kunnen "
            "uitwisselen onder gedeeld beroepsgeheim: informeer hem en registreer dat."
        ),
        "en": (
            "To share with a team, the person concerned must have been told that colleagues may exchange information "
            "under shared professional secrecy: inform the person and record it."
        ),
    },
    "hierarchy_cannot_compel": {
        "fr": (
            "La hiérarchie ne reçoit d'informations sur une personne accompagnée que pour la supervision ou le soutien "
            "du travailleur (motif indiqué : « {purpose} ») : elle ne peut pas les exiger pour un autre motif, car il "
            "serait illégal de l'imposer. Ne partagez pas, ou indiquez s'il s'agit d'une supervision ou d'un soutien."
        ),
        "nl": (
            "De hiërarchie krijgt alleen informatie over een begeleide persoon voor supervisie of ondersteuning van de "
            "werker (opgegeven reden: “{purpose}”): ze kan die niet om een andere reden eisen, want het opleggen ervan "
            "zou onwettig zijn. Deel niet, of vermeld of het om supervisie of ondersteuning gaat."
        ),
        "en": (
            "The hierarchy receives information about a person being supported only for the worker's supervision or "
            "support (reason given: “{purpose}”): it cannot demand it for any other reason, as imposing it would be "
            "unlawful. Do not share, or state whether it is for supervision or support."
        ),
    },
    "hierarchy_items_not_pseudonymised": {
        "fr": (
            "Avec la hiérarchie, ne partagez si possible que des données pseudonymisées : pseudonymisez cette "
            "information, ou expliquez pourquoi ce n'est pas possible."
        ),
        "nl": (
            "Deel met de hiërarchie zo mogelijk alleen gepseudonimiseerde gegevens: pseudonimiseer dit gegeven, of leg "
            "uit waarom dat niet kan."
        ),
        "en": (
            "With the hierarchy, share only pseudonymised data where possible: pseudonymise this item, or explain why "
            "that is not possible."
        ),
    },
    "not_shared_secrecy": {
        "fr": (
            "Cet échange n'est pas du secret professionnel partagé : ses conditions cumulatives ne sont pas toutes "
            "remplies (voir {rules}). Seule une concertation de cas (art. 458ter C. pén. : base légale, finalité "
            "admise, participants autorisés) pourrait le justifier ; sinon, ne partagez pas."
        ),
        "nl": (
            "Deze uitwisseling is geen gedeeld beroepsgeheim: niet alle cumulatieve voorwaarden zijn vervuld (zie "
            "{rules}). Alleen een casusoverleg (art. 458ter Sw.: rechtsgrond, toegelaten doel, toegelaten deelnemers) "
            "zou ze kunnen rechtvaardigen; deel anders niet."
        ),
        "en": (
            "This exchange is not shared professional secrecy: not all its cumulative conditions are met (see "
            "{rules}). Only a case concertation (art. 458ter of the Penal Code: legal basis, allowed purpose, "
            "authorised participants) could justify it; otherwise, do not share."
        ),
    },
    # R101–R103, R21 — a report to the procureur du Roi under art. 458bis (policies/art_458bis.py).
    "discloser_not_bound": {
        "fr": (
            "L'art. 458bis C. pén. vise la personne tenue au secret professionnel (« dépositaire de secrets par état "
            "ou par profession ») : indiquez que vous y êtes tenu et en vertu de quoi ; sinon, ce régime ne s'applique "
            "pas à vous."
        ),
        "nl": (
            "Art. 458bis Sw. betreft wie door het beroepsgeheim gebonden is (“uit hoofde van zijn staat of beroep "
            "houder van geheimen”): vermeld dat u eraan gebonden bent en op welke grond; anders is deze regeling niet "
            "op u van toepassing."
        ),
        "en": (
            "Art. 458bis of the Penal Code concerns a person bound by professional secrecy (“by status or profession a "
            "holder of secrets”): state that you are bound and on what ground; otherwise this regime does not apply to "
            "you."
        ),
    },
    "report_offence_required": {
        "fr": (
            "Le signalement ne dit pas quelle infraction : l'art. 458bis C. pén. ne vaut que pour les infractions "
            "qu'il énumère (GET /v1/reference/art-458bis-offences). Choisissez-la dans cette liste."
        ),
        "nl": (
            "De melding zegt niet om welk misdrijf het gaat: art. 458bis Sw. geldt alleen voor de misdrijven die het "
            "opsomt (GET /v1/reference/art-458bis-offences). Kies het in die lijst."
        ),
        "en": (
            "The report does not say which offence: art. 458bis of the Penal Code applies only to the offences it "
            "lists (GET /v1/reference/art-458bis-offences). Choose it from that list."
        ),
    },
    "offence_not_in_458bis_list": {
        "fr": (
            "L'infraction {offence} ne figure pas parmi celles que l'art. 458bis C. pén. énumère, ou n'est pas en "
            "vigueur à la date du signalement : un signalement n'est pas possible sur cette base. Vérifiez le code de "
            "l'infraction ; pour une autre infraction, voyez si l'état de nécessité s'applique."
        ),
        "nl": (
            "Het misdrijf {offence} staat niet in de lijst van art. 458bis Sw., of is niet van kracht op de datum van "
            "de melding: een melding op die grond is niet mogelijk. Controleer de misdrijfcode; ga voor een ander "
            "misdrijf na of noodtoestand van toepassing is."
        ),
        "en": (
            "Offence {offence} is not among those listed by art. 458bis of the Penal Code, or is not in force on the "
            "date of the report: a report on that ground is not possible. Check the offence code; for another offence, "
            "see whether a state of necessity applies."
        ),
    },
    "victim_not_minor_or_vulnerable": {
        "fr": (
            "L'art. 458bis C. pén. ne vise qu'une infraction commise sur un mineur ou sur une personne vulnérable en "
            "raison de son âge, d'un état de grossesse, de la violence entre partenaires, d'une maladie, d'une "
            "infirmité ou d'une déficience physique ou mentale : indiquez ce qui s'applique à la victime ; si rien ne "
            "s'applique, ce régime n'est pas ouvert."
        ),
        "nl": (
            "Art. 458bis Sw. betreft alleen een misdrijf gepleegd op een minderjarige of op een persoon die kwetsbaar "
            "is wegens leeftijd, zwangerschap, partnergeweld, een ziekte of een lichamelijk of geestelijk gebrek of "
            "onvolwaardigheid: vermeld wat op het slachtoffer van toepassing is; als niets van toepassing is, staat "
            "deze regeling niet open."
        ),
        "en": (
            "Art. 458bis of the Penal Code covers only an offence committed against a minor or against a person "
            "vulnerable because of age, pregnancy, partner violence, illness, infirmity or a physical or mental "
            "deficiency: state what applies to the victim; if nothing does, this regime is not open."
        ),
    },
    "danger_not_established": {
        "fr": (
            "L'art. 458bis C. pén. exige soit un danger grave et imminent pour l'intégrité physique ou mentale de la "
            "victime, soit des indices d'un danger sérieux et réel que d'autres mineurs ou personnes vulnérables en "
            "soient victimes : indiquez lequel existe. Sans l'un d'eux, un signalement n'est pas possible sur cette "
            "base."
        ),
        "nl": (
            "Art. 458bis Sw. vereist ofwel een ernstig en dreigend gevaar voor de fysieke of psychische integriteit "
            "van het slachtoffer, ofwel aanwijzingen van een ernstig en reëel gevaar dat andere minderjarigen of "
            "kwetsbare personen slachtoffer worden: vermeld welk van beide bestaat. Zonder een van beide is een "
            "melding op die grond niet mogelijk."
        ),
        "en": (
            "Art. 458bis of the Penal Code requires either a grave and imminent danger to the victim's physical or "
            "mental integrity, or indications of a serious and real danger that other minors or vulnerable persons "
            "will become victims: state which one exists. Without either, a report on that ground is not possible."
        ),
    },
    "protection_possible_without_report": {
        "fr": (
            "Un signalement au procureur du Roi n'est possible que si vous ne pouvez pas protéger l'intégrité de la "
            "victime, seul ou avec l'aide de tiers (art. 458bis C. pén.) : indiquez que c'est le cas ; sinon, "
            "organisez cette protection avec les services qui peuvent y contribuer."
        ),
        "nl": (
            "Een melding aan de procureur des Konings is alleen mogelijk als u de integriteit van het slachtoffer niet "
            "kunt beschermen, alleen of met hulp van derden (art. 458bis Sw.): vermeld dat dit zo is; organiseer "
            "anders die bescherming met de diensten die eraan kunnen bijdragen."
        ),
        "en": (
            "A report to the Crown Prosecutor is possible only if you cannot protect the victim's integrity, alone or "
            "with the help of others (art. 458bis of the Penal Code): state that this is so; otherwise, organise that "
            "protection with the services that can contribute to it."
        ),
    },
    "recipient_must_be_procureur": {
        "fr": (
            "Un signalement sur la base de l'art. 458bis C. pén. ne peut être adressé qu'au procureur du Roi "
            "(destinataire indiqué : « {recipient} ») : ni la police ni un autre service ne peuvent le recevoir. "
            "Adressez-le au procureur du Roi."
        ),
        "nl": (
            "Een melding op grond van art. 458bis Sw. kan alleen aan de procureur des Konings worden gericht "
            "(opgegeven ontvanger: “{recipient}”): politie noch een andere dienst kan ze ontvangen. Richt ze aan de "
            "procureur des Konings."
        ),
        "en": (
            "A report under art. 458bis of the Penal Code can be addressed only to the Crown Prosecutor (recipient "
            "given: “{recipient}”): neither the police nor any other service may receive it. Address it to the Crown "
            "Prosecutor."
        ),
    },
    "danger_not_real": {
        "fr": (
            "Un signalement doit reposer sur des faits (ce que vous avez constaté, ce que la victime ou un tiers vous "
            "a rapporté, avec dates et sources), pas sur une simple inquiétude ou une rumeur (art. 458bis C. pén.) : "
            "décrivez ces faits."
        ),
        "nl": (
            "Een melding moet op feiten steunen (wat u hebt vastgesteld, wat het slachtoffer of een derde u heeft "
            "verteld, met data en bronnen), niet op loutere ongerustheid of een gerucht (art. 458bis Sw.): beschrijf "
            "die feiten."
        ),
        "en": (
            "A report must rest on facts (what you observed, what the victim or a third party told you, with dates and "
            "sources), not on mere worry or rumour (art. 458bis of the Penal Code): describe those facts."
        ),
    },
    "follow_up_plan_required": {
        "fr": (
            "Un signalement (art. 458bis C. pén.) ou une révélation en état de nécessité ne met pas fin à votre devoir "
            "d'aider la personne : enregistrez un plan de suivi qui dit si vous poursuivez l'accompagnement ou passez "
            "le relais à un professionnel mieux outillé."
        ),
        "nl": (
            "Een melding (art. 458bis Sw.) of een bekendmaking in noodtoestand beëindigt uw plicht om de persoon te "
            "helpen niet: registreer een opvolgingsplan dat zegt of u de begeleiding voortzet of overdraagt aan een "
            "beter toegeruste beroepsbeoefenaar."
        ),
        "en": (
            "A report (art. 458bis of the Penal Code) or a disclosure under a state of necessity does not end your "
            "duty to help the person: record a follow-up plan saying whether you continue the support or hand over to "
            "a better-equipped professional."
        ),
    },
    # R99, R100, R104, R105, R74 — the state of necessity and grounds that open no regime (policies/necessity.py).
    "necessity_conditions_not_met": {
        "fr": (
            "L'état de nécessité n'est admis que si chacune de ses conditions est remplie et enregistrée, au cas par "
            "cas (Cass., 18 juin 2010) ; une réponse manquante ou « inconnue » vaut refus. Il manque ici : "
            "{condition}. Complétez ce point ou, s'il n'est pas rempli, ne révélez pas le secret sur cette base."
        ),
        "nl": (
            "Noodtoestand wordt alleen aanvaard als elke voorwaarde vervuld en geregistreerd is, geval per geval "
            "(Cass. 18 juni 2010); een ontbrekend of “onbekend” antwoord geldt als weigering. Hier ontbreekt: "
            "{condition}. Vul dit punt aan of maak, als het niet vervuld is, het geheim niet op die grond bekend."
        ),
        "en": (
            "A state of necessity is admitted only if each of its conditions is met and recorded, case by case (Court "
            "of Cassation, 18 June 2010); a missing or “unknown” answer counts as a refusal. Missing here: "
            "{condition}. Complete this point or, if it is not met, do not reveal the secret on this ground."
        ),
    },
    "necessity_not_consulted": {
        "fr": (
            "L'état de nécessité ne se pèse pas seul : consultez des collègues tenus au secret professionnel ou un "
            "avocat, et indiquez qui vous avez consulté."
        ),
        "nl": (
            "Noodtoestand wordt niet alleen afgewogen: raadpleeg collega's die door het beroepsgeheim gebonden zijn of "
            "een advocaat, en vermeld wie u hebt geraadpleegd."
        ),
        "en": (
            "A state of necessity is not weighed alone: consult colleagues bound by professional secrecy or a lawyer, "
            "and state whom you consulted."
        ),
    },
    "person_not_spoken_to": {
        "fr": (
            "Parlez de la révélation avec la personne concernée, même en urgence, et enregistrez-le ; si c'est "
            "impossible, indiquez pourquoi."
        ),
        "nl": (
            "Bespreek de bekendmaking met de betrokkene, ook bij dringendheid, en registreer dat; als dat onmogelijk "
            "is, vermeld waarom."
        ),
        "en": (
            "Talk about the disclosure with the person concerned, even in an emergency, and record it; if that is "
            "impossible, state why."
        ),
    },
    "art_29_does_not_override_secrecy": {
        "fr": (
            "L'art. 29 C. i. cr. (le devoir des fonctionnaires de dénoncer au procureur du Roi les crimes et délits) "
            "ne l'emporte pas sur le secret professionnel : il ne permet pas de révéler un secret. Fondez-vous plutôt, "
            "si leurs conditions sont remplies, sur l'art. 458bis C. pén., l'état de nécessité ou une concertation de "
            "cas (art. 458ter C. pén.)."
        ),
        "nl": (
            "Art. 29 Sv. (de plicht van ambtenaren om misdaden en wanbedrijven aan de procureur des Konings te melden) "
            "primeert niet op het beroepsgeheim: het laat niet toe een geheim bekend te maken. Steun veeleer, als hun "
            "voorwaarden vervuld zijn, op art. 458bis Sw., de noodtoestand of een casusoverleg (art. 458ter Sw.)."
        ),
        "en": (
            "Art. 29 of the Code of Criminal Procedure (the officials' duty to report crimes and offences to the Crown "
            "Prosecutor) does not override professional secrecy: it does not allow a secret to be revealed. Rely "
            "instead, if their conditions are met, on art. 458bis of the Penal Code, the state of necessity or a case "
            "concertation (art. 458ter of the Penal Code)."
        ),
    },
    "art_422bis_is_guidance_only": {
        "fr": (
            "L'art. 422bis C. pén. (abstention coupable) vous oblige à aider une personne exposée à un péril grave, "
            "mais ce n'est pas une raison de révéler un secret : le service l'affiche comme repère et n'en déduit "
            "aucune démarche. Portez assistance, et fondez une éventuelle révélation sur l'art. 458bis C. pén. ou "
            "l'état de nécessité, si leurs conditions sont remplies."
        ),
        "nl": (
            "Art. 422bis Sw. (schuldig hulpverzuim) verplicht u iemand in groot gevaar te helpen, maar is geen reden "
            "om een geheim bekend te maken: de dienst toont het als richtsnoer en leidt er geen enkele stap uit af. "
            "Verleen hulp, en steun een eventuele bekendmaking op art. 458bis Sw. of de noodtoestand, als hun "
            "voorwaarden vervuld zijn."
        ),
        "en": (
            "Art. 422bis of the Penal Code (failure to assist) obliges you to help a person exposed to grave danger, "
            "but it is no reason to reveal a secret: the service shows it as guidance and derives no step from it. "
            "Give help, and base any disclosure on art. 458bis of the Penal Code or the state of necessity, if their "
            "conditions are met."
        ),
    },
    "consent_alone_not_sufficient": {
        "fr": (
            "L'accord de la personne ne suffit pas, à lui seul, à lever le secret professionnel, qui est d'ordre "
            "public (art. 458 C. pén.) : il compte dans l'appréciation, mais l'échange doit remplir toutes les "
            "conditions d'un régime (secret professionnel partagé, concertation de cas, art. 458bis C. pén. ou état de "
            "nécessité)."
        ),
        "nl": (
            "De toestemming van de betrokkene volstaat op zich niet om het beroepsgeheim op te heffen, dat van "
            "openbare orde is (art. 458 Sw.): ze telt mee in de afweging, maar de uitwisseling moet aan alle "
            "voorwaarden van een regeling voldoen (gedeeld beroepsgeheim, casusoverleg, art. 458bis Sw. of "
            "noodtoestand)."
        ),
        "en": (
            "The person's consent alone does not lift professional secrecy, which is a matter of public order (art. "
            "458 of the Penal Code): it counts in the assessment, but the exchange must meet all the conditions of a "
            "regime (shared professional secrecy, case concertation, art. 458bis of the Penal Code or state of "
            "necessity)."
        ),
    },
    # R73, R35, R111 — which regime lets me speak: conditions met and guidance (policies/routing.py).
    "recipients_bound_by_secrecy": {
        "fr": (
            "Le professionnel qui partage et chaque destinataire sont tenus au secret professionnel, avec sa source "
            "indiquée ; aucun destinataire n'appartient à la police, au parquet ou à l'école, ni n'est un proche de la "
            "personne."
        ),
        "nl": (
            "De beroepsbeoefenaar die deelt en elke ontvanger zijn door het beroepsgeheim gebonden, met opgave van de "
            "bron; geen enkele ontvanger behoort tot politie, parket of school of is een naaste van de betrokkene."
        ),
        "en": (
            "The professional who shares and every recipient are bound by professional secrecy, with its source given; "
            "no recipient belongs to the police, the public prosecutor's office or a school, or is a relative of the "
            "person."
        ),
    },
    "same_mission": {
        "fr": (
            "Tous ont la même mission déclarée auprès de la même personne, établie avant le partage, et le même statut "
            "au regard d'un mandat judiciaire."
        ),
        "nl": (
            "Allen hebben dezelfde opgegeven opdracht rond dezelfde persoon, vastgesteld vóór het delen, en hetzelfde "
            "statuut ten aanzien van een gerechtelijk mandaat."
        ),
        "en": (
            "Everyone has the same declared mission around the same person, established before sharing, and the same "
            "status as to a judicial mandate."
        ),
    },
    "master_of_secret_agrees": {
        "fr": (
            "La personne concernée (le maître du secret) sait ce qui sera partagé et avec qui et, quand votre service "
            "l'exige, elle a donné son accord préalable pour chaque destinataire et chaque information."
        ),
        "nl": (
            "De betrokkene (de meester van het geheim) weet wat gedeeld wordt en met wie en heeft, wanneer uw dienst "
            "dat vereist, vooraf ingestemd voor elke ontvanger en elk gegeven."
        ),
        "en": (
            "The person concerned (the master of the secret) knows what will be shared and with whom and, where your "
            "service requires it, gave prior agreement for every recipient and every item."
        ),
    },
    "items_strictly_necessary": {
        "fr": (
            "Chaque information est justifiée comme strictement nécessaire à la mission commune et sert l'aide à la "
            "personne, dans son intérêt exclusif."
        ),
        "nl": (
            "Elk gegeven is verantwoord als strikt noodzakelijk voor de gemeenschappelijke opdracht en dient de hulp "
            "aan de betrokkene, in diens uitsluitend belang."
        ),
        "en": (
            "Every item is justified as strictly necessary for the common mission and serves the person's care, in "
            "their exclusive interest."
        ),
    },
    "team_sharing_allowed": {
        "fr": (
            "Aucune équipe n'est destinataire, ou chaque équipe destinataire n'a que des membres tenus au secret "
            "professionnel et la personne a été informée des échanges possibles entre collègues."
        ),
        "nl": (
            "Er is geen team als ontvanger, of elk ontvangend team heeft alleen leden die door het beroepsgeheim "
            "gebonden zijn en de betrokkene werd geïnformeerd over mogelijke uitwisselingen tussen collega's."
        ),
        "en": (
            "No team is a recipient, or every recipient team has only members bound by professional secrecy and the "
            "person was told that colleagues may exchange information."
        ),
    },
    "hierarchy_sharing_allowed": {
        "fr": (
            "La hiérarchie n'est pas destinataire, ou elle l'est pour la supervision ou le soutien du travailleur, "
            "avec des données pseudonymisées ou une raison enregistrée de ne pas le faire."
        ),
        "nl": (
            "De hiërarchie is geen ontvanger, of ze is het voor supervisie of ondersteuning van de werker, met "
            "gepseudonimiseerde gegevens of een geregistreerde reden om dat niet te doen."
        ),
        "en": (
            "The hierarchy is not a recipient, or it is one for the worker's supervision or support, with "
            "pseudonymised data or a recorded reason not to."
        ),
    },
    "no_registered_basis_fits": {
        "fr": (
            "Aucune base légale enregistrée et en vigueur ne prévoit cette finalité en couvrant toutes les personnes "
            "de l'échange : une concertation de cas (art. 458ter C. pén.) n'est pas possible telle quelle. Retirez les "
            "personnes que la base ne désigne pas, ou faites enregistrer une base légale qui les couvre."
        ),
        "nl": (
            "Geen enkele geregistreerde rechtsgrond die van kracht is, voorziet dit doel en dekt alle personen van de "
            "uitwisseling: een casusoverleg (art. 458ter Sw.) is zo niet mogelijk. Verwijder de personen die de "
            "rechtsgrond niet aanwijst, of laat een rechtsgrond registreren die hen dekt."
        ),
        "en": (
            "No registered legal basis in force provides for this purpose while covering everyone in the exchange: a "
            "case concertation (art. 458ter of the Penal Code) is not possible as it stands. Remove the persons the "
            "basis does not designate, or have a legal basis registered that covers them."
        ),
    },
    "registered_basis_fits": {
        "fr": (
            "Au moins une base légale enregistrée, en vigueur et non retirée, prévoit cette finalité et couvre chaque "
            "personne de l'échange : une concertation de cas (art. 458ter C. pén.) est possible sur cette base."
        ),
        "nl": (
            "Minstens één geregistreerde rechtsgrond die van kracht is en niet is ingetrokken, voorziet dit doel en "
            "dekt elke persoon van de uitwisseling: een casusoverleg (art. 458ter Sw.) is op die grond mogelijk."
        ),
        "en": (
            "At least one registered legal basis, in force and not retired, provides for this purpose and covers "
            "everyone in the exchange: a case concertation (art. 458ter of the Penal Code) is possible on that basis."
        ),
    },
    "lawyer_not_exposing_client": {
        "fr": (
            "Le professionnel n'est pas avocat, ou l'information ne vient pas de son client : l'exclusion de l'art. "
            "458quater C. pén. ne s'applique pas."
        ),
        "nl": (
            "De beroepsbeoefenaar is geen advocaat, of de informatie komt niet van zijn cliënt: de uitsluiting van "
            "art. 458quater Sw. is niet van toepassing."
        ),
        "en": (
            "The professional is not a lawyer, or the information does not come from their client: the exclusion of "
            "art. 458quater of the Penal Code does not apply."
        ),
    },
    "art_458bis_conditions_met": {
        "fr": (
            "Les conditions de l'art. 458bis C. pén. sont réunies : infraction de la liste, victime mineure ou "
            "vulnérable, danger grave et réel, impossibilité de la protéger autrement, information au seul procureur "
            "du Roi. Informer reste une faculté, jamais une obligation, et ne met pas fin à votre aide."
        ),
        "nl": (
            "De voorwaarden van art. 458bis Sw. zijn vervuld: misdrijf uit de lijst, minderjarig of kwetsbaar "
            "slachtoffer, ernstig en reëel gevaar, geen andere manier om het te beschermen, melding alleen aan de "
            "procureur des Konings. Melden blijft een mogelijkheid, nooit een verplichting, en beëindigt uw hulp niet."
        ),
        "en": (
            "The conditions of art. 458bis of the Penal Code are met: a listed offence, a minor or vulnerable victim, "
            "a grave and real danger, no other way to protect the victim, the Crown Prosecutor as the only recipient. "
            "Reporting remains an option, never an obligation, and does not end your help."
        ),
    },
    "necessity_conditions_met": {
        "fr": (
            "Chaque condition de l'état de nécessité est remplie et enregistrée : un danger grave et imminent pour "
            "autrui, actuel ou à venir ; un intérêt à protéger pesé contre le secret ; aucun autre moyen de l'écarter "
            "; une révélation limitée à ce qui l'écarte ; qui en a fait l'appréciation."
        ),
        "nl": (
            "Elke voorwaarde van de noodtoestand is vervuld en geregistreerd: een ernstig en dreigend gevaar voor een "
            "ander, nu of in de toekomst; een te beschermen belang afgewogen tegen het geheim; geen ander middel om "
            "het af te wenden; een bekendmaking beperkt tot wat het afwendt; wie de afweging maakte."
        ),
        "en": (
            "Every condition of the state of necessity is met and recorded: a grave and imminent danger to another, "
            "present or to come; an interest to protect weighed against secrecy; no other way to avert it; a "
            "disclosure limited to what averts it; who made the assessment."
        ),
    },
    "necessity_assessed_with_others": {
        "fr": (
            "La révélation a été pesée avec des collègues tenus au secret professionnel ou avec un avocat, et la "
            "personne concernée a été entendue (ou la raison de ne pas lui parler est enregistrée)."
        ),
        "nl": (
            "De bekendmaking werd afgewogen met collega's die door het beroepsgeheim gebonden zijn of met een "
            "advocaat, en er werd met de betrokkene gesproken (of de reden om dat niet te doen is geregistreerd)."
        ),
        "en": (
            "The disclosure was weighed with colleagues bound by professional secrecy or with a lawyer, and the person "
            "concerned was spoken to (or the reason for not doing so is recorded)."
        ),
    },
    "follow_up_planned": {
        "fr": (
            "Un plan de suivi est enregistré : l'aide à la personne se poursuit, ou le relais est passé à un "
            "professionnel mieux outillé."
        ),
        "nl": (
            "Er is een opvolgingsplan geregistreerd: de hulp aan de persoon gaat door, of wordt overgedragen aan een "
            "beter toegeruste beroepsbeoefenaar."
        ),
        "en": (
            "A follow-up plan is recorded: the help to the person continues, or is handed over to a better-equipped "
            "professional."
        ),
    },
    "invoked_ground_admissible": {
        "fr": (
            "La révélation ne s'appuie pas sur un fondement qui, à lui seul, n'ouvre aucun régime (l'art. 29 C. i. "
            "cr., l'art. 422bis C. pén. ou le seul accord de la personne)."
        ),
        "nl": (
            "De bekendmaking steunt niet op een grond die op zich geen enkele regeling opent (art. 29 Sv., art. 422bis "
            "Sw. of alleen de toestemming van de betrokkene)."
        ),
        "en": (
            "The disclosure does not rest on a ground that opens no regime by itself (art. 29 of the Code of Criminal "
            "Procedure, art. 422bis of the Penal Code or the person's consent alone)."
        ),
    },
    "master_of_secret_not_restricted": {
        "fr": (
            "La personne concernée parle d'elle-même : en tant que maître du secret, elle n'est tenue ni par les "
            "conditions du secret professionnel partagé ni par celles des autres régimes."
        ),
        "nl": (
            "De betrokkene spreekt over zichzelf: als meester van het geheim is hij niet gebonden door de voorwaarden "
            "van het gedeeld beroepsgeheim, noch door die van de andere regelingen."
        ),
        "en": (
            "The person concerned is speaking about themselves: as the master of the secret, they are bound neither by "
            "the conditions of shared professional secrecy nor by those of the other regimes."
        ),
    },
    "secrecy_does_not_shield_suspect": {
        "fr": (
            "Si vous êtes vous-même soupçonné d'une infraction, le secret professionnel ne vous protège pas : vous ne "
            "pouvez pas l'invoquer pour faire obstacle à une enquête sur vos propres actes."
        ),
        "nl": (
            "Als u zelf verdacht wordt van een misdrijf, beschermt het beroepsgeheim u niet: u kunt het niet inroepen "
            "om een onderzoek naar uw eigen handelen te verhinderen."
        ),
        "en": (
            "If you are yourself suspected of an offence, professional secrecy does not shield you: you cannot invoke "
            "it to block an investigation into your own conduct."
        ),
    },
    # SPEC §3 — the life cycle (policies/lifecycle.py).
    "invalid_transition": {
        "fr": (
            "L'action « {transition} » n'est pas possible quand la concertation est à l'état « {state} » : vérifiez "
            "son état actuel (l'ordre est brouillon, planifiée, en séance, tenue, clôturée ; l'annulation n'est "
            "possible qu'avant la clôture)."
        ),
        "nl": (
            "De actie “{transition}” is niet mogelijk wanneer het overleg de status “{state}” heeft: controleer de "
            "huidige status (de volgorde is ontwerp, gepland, in zitting, gehouden, afgesloten; annuleren kan alleen "
            "vóór het afsluiten)."
        ),
        "en": (
            "The action “{transition}” is not possible while the concertation is “{state}”: check its current state "
            "(the order is draft, scheduled, in session, held, closed; cancelling is possible only before closing)."
        ),
    },
    "concertation_not_editable": {
        "fr": (
            "Une concertation à l'état « {state} » ne peut plus être modifiée : si nécessaire, organisez une nouvelle "
            "concertation."
        ),
        "nl": (
            "Een overleg met de status “{state}” kan niet meer gewijzigd worden: organiseer zo nodig een nieuw overleg."
        ),
        "en": "A concertation that is “{state}” can no longer be changed: if needed, organise a new concertation.",
    },
    "foundations_fixed": {
        "fr": (
            "La base légale, la finalité et le profil sont figés dès que la concertation est planifiée (état actuel : "
            "« {state} ») : pour les changer, annulez-la et créez-en une nouvelle."
        ),
        "nl": (
            "De rechtsgrond, het doel en het profiel liggen vast zodra het overleg gepland is (huidige status: "
            "“{state}”): annuleer het en maak een nieuw overleg aan om ze te wijzigen."
        ),
        "en": (
            "The legal basis, purpose and profile are fixed once the concertation is scheduled (current state: "
            "“{state}”): to change them, cancel it and create a new one."
        ),
    },
    "scope_frozen": {
        "fr": (
            "Depuis l'ouverture de la première séance, la liste des infractions ne peut plus qu'être réduite (ajout "
            "refusé : {offences}) : pour d'autres infractions, organisez une nouvelle concertation sur sa propre base "
            "(art. 458ter §2 C. pén.)."
        ),
        "nl": (
            "Sinds de eerste zitting is geopend, kan de lijst van misdrijven alleen nog worden ingekort (geweigerde "
            "toevoeging: {offences}): organiseer voor andere misdrijven een nieuw overleg met een eigen rechtsgrond "
            "(art. 458ter, § 2 Sw.)."
        ),
        "en": (
            "Since the first session started, the list of offences can only be narrowed (addition refused: "
            "{offences}): for other offences, organise a new concertation on its own basis (art. 458ter §2 of the "
            "Penal Code)."
        ),
    },
    # The API and the transport (SPEC §2, §4, §5).
    "dev_sign_in_unavailable": {
        "fr": (
            "La connexion de développement n'est pas disponible ici : l'émetteur de développement est désactivé "
            "(CONCERTATION_DEV_ISSUER_ENABLED=false) ou la demande ne vient pas de cette machine. Connectez-vous "
            "auprès de votre fournisseur d'identité."
        ),
        "nl": (
            "Aanmelden voor ontwikkeling is hier niet beschikbaar: de ontwikkelingsuitgever is uitgeschakeld "
            "(CONCERTATION_DEV_ISSUER_ENABLED=false) of het verzoek komt niet van deze machine. Meld u aan bij uw "
            "identiteitsprovider."
        ),
        "en": (
            "Development sign-in is not available here: the development issuer is switched off "
            "(CONCERTATION_DEV_ISSUER_ENABLED=false) or the request does not come from this machine. Sign in with "
            "your identity provider."
        ),
    },
    "not_found": {
        "fr": "Cette ressource n'existe pas ou vous n'y avez pas accès : vérifiez l'identifiant.",
        "nl": "Deze resource bestaat niet of u hebt er geen toegang toe: controleer de identificatiecode.",
        "en": "This resource does not exist or you have no access to it: check the identifier.",
    },
    "authentication_required": {
        "fr": (
            "Une authentification est requise : connectez-vous ou envoyez un jeton d'accès valide (en-tête "
            "Authorization: Bearer)."
        ),
        "nl": (
            "Authenticatie is vereist: meld u aan of stuur een geldig toegangstoken mee (header Authorization: Bearer)."
        ),
        "en": "Authentication is required: sign in or send a valid access token (Authorization: Bearer header).",
    },
    "token_invalid": {
        "fr": "Le jeton d'accès n'est pas valide : reconnectez-vous pour en obtenir un nouveau.",
        "nl": "Het toegangstoken is ongeldig: meld u opnieuw aan om een nieuw token te krijgen.",
        "en": "The access token is not valid: sign in again to obtain a new one.",
    },
    "token_expired": {
        "fr": "Le jeton d'accès a expiré : reconnectez-vous pour en obtenir un nouveau.",
        "nl": "Het toegangstoken is verlopen: meld u opnieuw aan om een nieuw token te krijgen.",
        "en": "The access token has expired: sign in again to obtain a new one.",
    },
    "token_missing_claim": {
        "fr": (
            "Il manque au jeton d'accès une donnée obligatoire (émetteur, audience, sujet ou expiration) : demandez "
            "un jeton complet à votre fournisseur d'identité."
        ),
        "nl": (
            "Het toegangstoken mist een verplicht gegeven (uitgever, doelgroep, onderwerp of vervaldatum): vraag een "
            "volledig token aan uw identiteitsprovider."
        ),
        "en": (
            "The access token lacks a required claim (issuer, audience, subject or expiry): ask your identity "
            "provider for a complete token."
        ),
    },
    "token_unknown_issuer": {
        "fr": (
            "Le jeton d'accès a été émis par un émetteur que ce service ne reconnaît pas : connectez-vous via le "
            "fournisseur d'identité prévu."
        ),
        "nl": (
            "Het toegangstoken is uitgegeven door een uitgever die deze dienst niet kent: meld u aan via de voorziene "
            "identiteitsprovider."
        ),
        "en": (
            "The access token was issued by an issuer this service does not recognise: sign in through the intended "
            "identity provider."
        ),
    },
    "token_unknown_key": {
        "fr": (
            "Le jeton d'accès est signé par une clé que ce service ne connaît pas : reconnectez-vous et, si le "
            "problème persiste, contactez l'administrateur."
        ),
        "nl": (
            "Het toegangstoken is ondertekend met een sleutel die deze dienst niet kent: meld u opnieuw aan en neem "
            "contact op met de beheerder als het probleem aanhoudt."
        ),
        "en": (
            "The access token is signed with a key this service does not know: sign in again and, if the problem "
            "persists, contact the administrator."
        ),
    },
    "token_forbidden_header": {
        "fr": (
            "L'en-tête du jeton d'accès contient un paramètre refusé pour raison de sécurité (crit, jku, x5u, jwk) ou "
            "le jeton est chiffré : utilisez un jeton signé ordinaire."
        ),
        "nl": (
            "De header van het toegangstoken bevat een om veiligheidsredenen geweigerde parameter (crit, jku, x5u, "
            "jwk) of het token is versleuteld: gebruik een gewoon ondertekend token."
        ),
        "en": (
            "The access token header carries a parameter refused for security reasons (crit, jku, x5u, jwk) or the "
            "token is encrypted: use an ordinary signed token."
        ),
    },
    "token_too_large": {
        "fr": "Le jeton d'accès est trop volumineux : demandez un jeton plus court à votre fournisseur d'identité.",
        "nl": "Het toegangstoken is te groot: vraag een korter token aan uw identiteitsprovider.",
        "en": "The access token is too large: ask your identity provider for a shorter token.",
    },
    "forbidden": {
        "fr": "Votre rôle ne permet pas cette action : demandez-la au coordinateur ou au président de la concertation.",
        "nl": "Uw rol laat deze actie niet toe: vraag ze aan de coördinator of de voorzitter van het overleg.",
        "en": "Your role does not allow this action: ask the coordinator or the chair of the concertation.",
    },
    "invalid_payload": {
        "fr": "Le contenu de la demande n'est pas valide : corrigez les champs signalés et renvoyez-la.",
        "nl": "De inhoud van het verzoek is ongeldig: corrigeer de aangeduide velden en verstuur het opnieuw.",
        "en": "The request content is not valid: correct the fields reported and send it again.",
    },
    "malformed_json": {
        "fr": "Le corps de la demande n'est pas un JSON valide : vérifiez sa syntaxe.",
        "nl": "De inhoud van het verzoek is geen geldige JSON: controleer de syntaxis.",
        "en": "The request body is not valid JSON: check its syntax.",
    },
    "unknown_field": {
        "fr": "Le champ {field} n'est pas prévu : retirez-le de la demande.",
        "nl": "Het veld {field} is niet voorzien: verwijder het uit het verzoek.",
        "en": "The field {field} is not expected: remove it from the request.",
    },
    "missing_field": {
        "fr": "Le champ {field} est obligatoire : complétez-le.",
        "nl": "Het veld {field} is verplicht: vul het in.",
        "en": "The field {field} is required: fill it in.",
    },
    "value_invalid": {
        "fr": "La valeur du champ {field} n'est pas valide : vérifiez son format.",
        "nl": "De waarde van het veld {field} is ongeldig: controleer het formaat.",
        "en": "The value of the field {field} is not valid: check its format.",
    },
    "value_too_long": {
        "fr": "Le champ {field} dépasse la longueur maximale de {limit} caractères : raccourcissez-le.",
        "nl": "Het veld {field} overschrijdt de maximale lengte van {limit} tekens: maak het korter.",
        "en": "The field {field} exceeds the maximum length of {limit} characters: shorten it.",
    },
    "too_many_items": {
        "fr": "Le champ {field} contient plus de {limit} éléments : réduisez la liste.",
        "nl": "Het veld {field} bevat meer dan {limit} elementen: beperk de lijst.",
        "en": "The field {field} holds more than {limit} items: shorten the list.",
    },
    "precondition_required": {
        "fr": (
            "Cette modification exige l'en-tête If-Match avec l'ETag de la version lue : relisez la ressource et "
            "renvoyez la demande avec cet en-tête."
        ),
        "nl": (
            "Deze wijziging vereist de header If-Match met de ETag van de gelezen versie: lees de resource opnieuw en "
            "verstuur het verzoek met die header."
        ),
        "en": (
            "This change requires the If-Match header with the ETag of the version you read: read the resource again "
            "and resend the request with that header."
        ),
    },
    "precondition_failed": {
        "fr": (
            "La ressource a été modifiée depuis votre dernière lecture (ETag différent) : relisez-la, puis refaites "
            "votre modification."
        ),
        "nl": (
            "De resource is gewijzigd sinds u ze het laatst las (andere ETag): lees ze opnieuw en breng uw wijziging "
            "dan opnieuw aan."
        ),
        "en": "The resource has changed since you last read it (ETag mismatch): read it again, then redo your change.",
    },
    # SPEC §2 — Idempotency-Key (api/idempotency.py).
    "idempotency_key_invalid": {
        "fr": (
            "L'en-tête {header} doit apparaître une seule fois et compter de 1 à 255 caractères ASCII imprimables : "
            "corrigez-le et renvoyez la demande."
        ),
        "nl": (
            "De header {header} mag maar één keer voorkomen en moet 1 tot 255 afdrukbare ASCII-tekens tellen: "
            "verbeter hem en verstuur het verzoek opnieuw."
        ),
        "en": (
            "The {header} header must appear once and hold 1 to 255 printable ASCII characters: correct it and send "
            "the request again."
        ),
    },
    "idempotency_key_reused": {
        "fr": (
            "Cette valeur de {header} a déjà servi pour une autre demande (autre méthode, chemin ou contenu) : "
            "utilisez une nouvelle clé pour une nouvelle demande."
        ),
        "nl": (
            "Deze waarde van {header} is al gebruikt voor een ander verzoek (andere methode, pad of inhoud): gebruik "
            "een nieuwe sleutel voor een nieuw verzoek."
        ),
        "en": (
            "This {header} value was already used for another request (another method, path or body): use a new key "
            "for a new request."
        ),
    },
    "idempotency_in_flight": {
        "fr": (
            "Une demande portant la même valeur de {header} est encore en cours : attendez sa réponse, puis "
            "réessayez pour obtenir la même réponse."
        ),
        "nl": (
            "Een verzoek met dezelfde waarde van {header} is nog bezig: wacht op het antwoord en probeer het dan "
            "opnieuw om hetzelfde antwoord te krijgen."
        ),
        "en": (
            "A request with the same {header} value is still being processed: wait for its response, then retry to "
            "get that same response."
        ),
    },
    "idempotency_response_lost": {
        "fr": (
            "La demande portant cette valeur de {header} a déjà été exécutée, mais sa réponse a été perdue (arrêt du "
            "serveur) : elle ne sera pas exécutée une seconde fois. `outcome` indique ce qui a été fait ; consultez "
            "l'objet concerné."
        ),
        "nl": (
            "Het verzoek met deze waarde van {header} is al uitgevoerd, maar het antwoord ging verloren (de server "
            "viel uit): het wordt geen tweede keer uitgevoerd. `outcome` zegt wat er gebeurde; raadpleeg het "
            "betrokken object."
        ),
        "en": (
            "The request with this {header} value was already carried out, but its response was lost (the server "
            "stopped): it will not run a second time. `outcome` says what was done; read the object it names."
        ),
    },
    "payload_too_large": {
        "fr": "La demande est trop volumineuse : réduisez sa taille et renvoyez-la.",
        "nl": "Het verzoek is te groot: verklein het en verstuur het opnieuw.",
        "en": "The request is too large: reduce its size and send it again.",
    },
    "unsupported_media_type": {
        "fr": (
            "Ce format de contenu n'est pas pris en charge : envoyez la demande en JSON (Content-Type: "
            "application/json)."
        ),
        "nl": (
            "Dit inhoudsformaat wordt niet ondersteund: verstuur het verzoek als JSON (Content-Type: application/json)."
        ),
        "en": "This content format is not supported: send the request as JSON (Content-Type: application/json).",
    },
    "not_compliant": {
        "fr": (
            "Ce changement d'état est refusé parce que des contrôles de conformité échouent : consultez le rapport de "
            "conformité, corrigez les points signalés et réessayez."
        ),
        "nl": (
            "Deze statuswijziging wordt geweigerd omdat conformiteitscontroles mislukken: raadpleeg het "
            "conformiteitsrapport, corrigeer de aangeduide punten en probeer opnieuw."
        ),
        "en": (
            "This state change is refused because compliance checks fail: read the compliance report, fix the points "
            "it lists and try again."
        ),
    },
    "legal_basis_already_retired": {
        "fr": "Cette base légale a déjà été retirée du registre : aucune autre action n'est nécessaire.",
        "nl": "Deze rechtsgrond is al uit het register ingetrokken: er is geen verdere actie nodig.",
        "en": "This legal basis has already been retired from the registry: no further action is needed.",
    },
    "rate_limited": {
        "fr": "Trop de demandes en peu de temps : patientez quelques instants avant de réessayer.",
        "nl": "Te veel verzoeken in korte tijd: wacht even voordat u het opnieuw probeert.",
        "en": "Too many requests in a short time: wait a moment before trying again.",
    },
    # R101, R103 — the records of art. 458bis reports and states of necessity (the API).
    # R77 — a relay of child maltreatment under the FWB decree of 12 May 2004 (policies/shared_secrecy.py).
    "relay_recipient_not_specialised": {
        "fr": (
            "Le décret du 12 mai 2004 (art. 3 §2) permet de relayer une situation de maltraitance vers un service "
            "spécialisé (centre PMS, service PSE, équipe SOS Enfants, conseiller de l'aide à la jeunesse…) : "
            "indiquez lequel est ce destinataire, ou n'utilisez pas ce relais."
        ),
        "nl": (
            "Het decreet van 12 mei 2004 (art. 3 §2) laat toe een situatie van mishandeling door te geven aan een "
            "gespecialiseerde dienst (PMS-centrum, PSE-dienst, SOS Enfants-team, consulent van de jeugdhulp…): "
            "geef aan welke deze ontvanger is, of gebruik deze doorgifte niet."
        ),
        "en": (
            "The decree of 12 May 2004 (art. 3 §2) allows a maltreatment situation to be relayed to a specialised "
            "service (a PMS centre, a PSE service, an SOS Enfants team, the youth-aid adviser…): say which one this "
            "recipient is, or do not use this relay."
        ),
    },
    "relay_item_not_indispensable": {
        "fr": (
            "Un relais ne porte que sur les informations indispensables à la prise en charge de l'enfant (décret du "
            "12 mai 2004, art. 3 §2) : confirmez que cet élément l'est, ou retirez-le."
        ),
        "nl": (
            "Een doorgifte betreft alleen de informatie die onmisbaar is voor de opvang van het kind (decreet van "
            "12 mei 2004, art. 3 §2): bevestig dat dit element dat is, of laat het weg."
        ),
        "en": (
            "A relay covers only the information indispensable to the child's care (decree of 12 May 2004, art. 3 "
            "§2): confirm that this item is, or leave it out."
        ),
    },
    "relay_family_not_informed": {
        "fr": (
            "L'enfant et sa famille doivent être informés du relais, sauf exception motivée (danger pour l'enfant ou "
            "contraire à son intérêt) avec une date de réexamen : indiquez quand ils l'ont été, ou l'exception."
        ),
        "nl": (
            "Het kind en zijn gezin moeten over de doorgifte worden geïnformeerd, behalve bij een gemotiveerde "
            "uitzondering (gevaar voor het kind of strijdig met zijn belang) met een herzieningsdatum: geef aan "
            "wanneer dat gebeurde, of de uitzondering."
        ),
        "en": (
            "The child and the family must be told of the relay, unless a motivated exception (a danger to the "
            "child, or contrary to its interest) with a review date says why not yet: give when they were told, or "
            "the exception."
        ),
    },
    "relay_within_the_decree": {
        "fr": (
            "Le relais reste dans le cadre du décret du 12 mai 2004 : un service spécialisé, les seules informations "
            "indispensables, l'enfant et la famille informés (ou une exception motivée)."
        ),
        "nl": (
            "De doorgifte blijft binnen het decreet van 12 mei 2004: een gespecialiseerde dienst, alleen de "
            "onmisbare informatie, het kind en het gezin geïnformeerd (of een gemotiveerde uitzondering)."
        ),
        "en": (
            "The relay stays within the decree of 12 May 2004: a specialised service, only the indispensable "
            "information, the child and the family told (or a motivated exception)."
        ),
    },
    "necessity_record_refused": {
        "fr": (
            "Cette révélation ne peut pas être enregistrée comme un état de nécessité : les points signalés disent "
            "quelles conditions manquent ou ne sont pas établies (une réponse manquante ou « inconnue » est un refus). "
            "Complétez-les ; à défaut, le secret professionnel s'impose."
        ),
        "nl": (
            "Deze onthulling kan niet als noodtoestand worden geregistreerd: de aangeduide punten zeggen welke "
            "voorwaarden ontbreken of niet vaststaan (een ontbrekend of « onbekend » antwoord is een weigering). "
            "Vul ze aan; anders geldt het beroepsgeheim."
        ),
        "en": (
            "This disclosure cannot be recorded as a state of necessity: the points listed say which conditions are "
            "missing or not established (a missing or “unknown” answer is a refusal). Complete them; otherwise "
            "professional secrecy prevails."
        ),
    },
    "art_458bis_conditions_not_met": {
        "fr": (
            "Ce signalement est refusé : les conditions de l'art. 458bis C. pén. ne sont pas toutes réunies, et les "
            "points signalés disent lesquelles. Corrigez-les ou, si elles ne peuvent pas l'être, ne signalez pas sur "
            "cette base : signaler reste une faculté, jamais une obligation."
        ),
        "nl": (
            "Deze melding wordt geweigerd: niet alle voorwaarden van art. 458bis Sw. zijn vervuld, en de aangeduide "
            "punten zeggen welke. Verbeter ze of meld, als dat niet kan, niet op die grond: melden blijft een "
            "mogelijkheid, nooit een verplichting."
        ),
        "en": (
            "This report is refused: not all the conditions of art. 458bis of the Penal Code are met, and the points "
            "listed say which. Correct them or, if they cannot be corrected, do not report on that ground: reporting "
            "remains an option, never an obligation."
        ),
    },
    "regime_record_not_editable": {
        "fr": (
            "Cet enregistrement est clôturé et ne peut plus être modifié : aucun suivi ne peut plus y être ajouté. Si "
            "une nouvelle révélation ou un nouveau signalement est nécessaire, créez un nouvel enregistrement."
        ),
        "nl": (
            "Deze registratie is afgesloten en kan niet meer worden gewijzigd: er kan geen opvolging meer aan worden "
            "toegevoegd. Maak een nieuwe registratie aan als een nieuwe bekendmaking of melding nodig is."
        ),
        "en": (
            "This record is closed and can no longer be changed: no follow-up can be added to it. If a new disclosure "
            "or report is needed, create a new record."
        ),
    },
    "follow_up_closes_without_plan": {
        "fr": (
            "Un passage de relais doit dire à qui il est fait (par sa fonction), car un signalement (art. 458bis C. "
            "pén.) ou une révélation en état de nécessité ne met pas fin au devoir d'aide : indiquez qui reprend "
            "l'accompagnement, ou enregistrez que vous le poursuivez. L'enregistrement ne se clôture qu'après un tel "
            "suivi."
        ),
        "nl": (
            "Een overdracht moet vermelden aan wie (met diens functie), want een melding (art. 458bis Sw.) of een "
            "bekendmaking in noodtoestand beëindigt de hulpplicht niet: vermeld wie de begeleiding overneemt, of "
            "registreer dat u ze voortzet. De registratie wordt pas na zo'n opvolging afgesloten."
        ),
        "en": (
            "A hand-over must say to whom (by function), since a report (art. 458bis of the Penal Code) or a "
            "disclosure under a state of necessity does not end the duty to help: state who takes over the support, or "
            "record that you continue it. The record closes only after such a follow-up."
        ),
    },
    # R78–R84, D16 — the procureur du Roi's request for administrative information (policies/art_46bis1.py).
    "art46bis1_not_procureur": {
        "fr": (
            "Cette demande émane de « {issuer} » : l'art. 46bis/1 C. i. cr. ne permet qu'au procureur du Roi de "
            "requérir des renseignements administratifs d'une institution de sécurité sociale, par une décision écrite "
            "et motivée ; la police ne fait que relayer cette décision. Demandez la décision écrite du procureur du "
            "Roi ; sans elle, ne communiquez rien."
        ),
        "nl": (
            "Dit verzoek komt van “{issuer}”: art. 46bis/1 Sv. laat alleen de procureur des Konings toe om bij een "
            "instelling van sociale zekerheid administratieve inlichtingen te vorderen, bij een schriftelijke en "
            "gemotiveerde beslissing; de politie geeft die beslissing alleen door. Vraag de schriftelijke beslissing "
            "van de procureur des Konings; deel zonder die beslissing niets mee."
        ),
        "en": (
            "This request comes from “{issuer}”: art. 46bis/1 of the Code of Criminal Procedure allows only the Crown "
            "Prosecutor to require administrative information from a social-security institution, by a written, "
            "reasoned decision; the police only relay that decision. Ask for the Crown Prosecutor's written decision; "
            "without it, disclose nothing."
        ),
    },
    "art46bis1_decision_missing": {
        "fr": (
            "La décision écrite du procureur du Roi manque (le document, avec sa date) : l'art. 46bis/1 C. i. cr. "
            "exige une décision écrite ; une demande orale, par téléphone ou par simple e-mail, même venant de la "
            "police, n'en est pas une. Joignez la décision écrite et datée ; sans elle, la demande ne peut pas être "
            "enregistrée."
        ),
        "nl": (
            "De schriftelijke beslissing van de procureur des Konings ontbreekt (het document, met zijn datum): art. "
            "46bis/1 Sv. vereist een schriftelijke beslissing; een mondeling of telefonisch verzoek of een loutere "
            "e-mail, ook van de politie, is er geen. Voeg de gedateerde schriftelijke beslissing toe; zonder die "
            "beslissing kan het verzoek niet worden geregistreerd."
        ),
        "en": (
            "The Crown Prosecutor's written decision is missing (the document, with its date): art. 46bis/1 of the "
            "Code of Criminal Procedure requires a written decision; an oral request, a phone call or a mere e-mail, "
            "even from the police, is not one. Attach the dated written decision; without it, the request cannot be "
            "recorded."
        ),
    },
    "art46bis1_not_motivated": {
        "fr": (
            "La décision du procureur du Roi n'est pas motivée : l'art. 46bis/1 C. i. cr. exige une décision motivée, "
            "qui dit pourquoi ces renseignements sont nécessaires à l'enquête. Indiquez la motivation que porte la "
            "décision ; si elle n'en a pas, demandez une décision motivée."
        ),
        "nl": (
            "De beslissing van de procureur des Konings is niet gemotiveerd: art. 46bis/1 Sv. vereist een gemotiveerde "
            "beslissing, die zegt waarom deze inlichtingen nodig zijn voor het onderzoek. Vermeld de motivering die de "
            "beslissing bevat; heeft ze er geen, vraag dan een gemotiveerde beslissing."
        ),
        "en": (
            "The Crown Prosecutor's decision gives no reasons: art. 46bis/1 of the Code of Criminal Procedure requires "
            "a reasoned decision, saying why this information is needed for the investigation. Enter the reasons the "
            "decision gives; if it gives none, ask for a reasoned decision."
        ),
    },
    "art46bis1_not_terrorism": {
        "fr": (
            "L'enquête indiquée (« {investigation} ») n'est pas une enquête sur des infractions terroristes : l'art. "
            "46bis/1 C. i. cr. ne vaut que « dans le cadre de recherches en matière d'infractions terroristes » (livre "
            "II, titre Ier ter du Code pénal), jamais pour une fraude sociale, des stupéfiants ou la criminalité en "
            "général. Ne communiquez rien sur cette base."
        ),
        "nl": (
            "Het opgegeven onderzoek (“{investigation}”) is geen onderzoek naar terroristische misdrijven: art. "
            "46bis/1 Sv. geldt alleen in het kader van een onderzoek naar terroristische misdrijven (boek II, titel "
            "Iter van het Strafwetboek), nooit voor sociale fraude, drugs of criminaliteit in het algemeen. Deel op "
            "die grond niets mee."
        ),
        "en": (
            "The investigation given (“{investigation}”) is not an investigation into terrorist offences: art. 46bis/1 "
            "of the Code of Criminal Procedure applies only within investigations into terrorist offences (Book II, "
            "Title I ter of the Penal Code), never to social fraud, drugs or crime in general. Disclose nothing on "
            "that basis."
        ),
    },
    "art46bis1_offence_required": {
        "fr": (
            "La demande ne dit pas quelle infraction terroriste est visée : l'art. 46bis/1 C. i. cr. ne vaut que pour "
            "une enquête sur des infractions du livre II, titre Ier ter du Code pénal. Indiquez au moins une de ces "
            "infractions, telle que la décision du procureur du Roi la mentionne."
        ),
        "nl": (
            "Het verzoek zegt niet om welk terroristisch misdrijf het gaat: art. 46bis/1 Sv. geldt alleen voor een "
            "onderzoek naar misdrijven van boek II, titel Iter van het Strafwetboek. Vermeld ten minste één van die "
            "misdrijven, zoals de beslissing van de procureur des Konings het vermeldt."
        ),
        "en": (
            "The request does not say which terrorist offence is concerned: art. 46bis/1 of the Code of Criminal "
            "Procedure applies only to an investigation into offences of Book II, Title I ter of the Penal Code. Give "
            "at least one of those offences, as the Crown Prosecutor's decision states it."
        ),
    },
    "art46bis1_offence_not_terrorist": {
        "fr": (
            "L'infraction {offence} n'est pas une infraction terroriste du livre II, titre Ier ter du Code pénal, ou "
            "n'était pas en vigueur à la date de la décision : l'art. 46bis/1 C. i. cr. ne vaut que pour ces "
            "infractions. Vérifiez le code de l'infraction ; pour une autre infraction, cette base ne permet de rien "
            "communiquer."
        ),
        "nl": (
            "Het misdrijf {offence} is geen terroristisch misdrijf van boek II, titel Iter van het Strafwetboek, of "
            "was niet van kracht op de datum van de beslissing: art. 46bis/1 Sv. geldt alleen voor die misdrijven. "
            "Controleer de misdrijfcode; voor een ander misdrijf laat deze grond geen enkele mededeling toe."
        ),
        "en": (
            "Offence {offence} is not a terrorist offence of Book II, Title I ter of the Penal Code, or was not in "
            "force on the date of the decision: art. 46bis/1 of the Code of Criminal Procedure applies only to those "
            "offences. Check the offence code; for another offence, this ground allows no disclosure at all."
        ),
    },
    "art46bis1_items_required": {
        "fr": (
            "La demande ne dit pas quels renseignements sont demandés : l'art. 46bis/1 C. i. cr. ne permet de requérir "
            "que des renseignements administratifs, examinés un par un. Indiquez chaque renseignement demandé et sa "
            "catégorie (identité, adresses, résidence, données d'une demande, allocation accordée ou refusée…)."
        ),
        "nl": (
            "Het verzoek zegt niet welke inlichtingen gevraagd worden: art. 46bis/1 Sv. laat alleen toe "
            "administratieve inlichtingen te vorderen, die één voor één worden beoordeeld. Vermeld elke gevraagde "
            "inlichting en haar categorie (identiteit, adressen, verblijfplaats, gegevens uit een aanvraag, toegekende "
            "of geweigerde uitkering…)."
        ),
        "en": (
            "The request does not say what information is asked for: art. 46bis/1 of the Code of Criminal Procedure "
            "allows only administrative information to be required, each item examined on its own. List each item "
            "asked for and its category (identity, addresses, residence, data from an application, allowance granted "
            "or refused…)."
        ),
    },
    "duplicate_item_reference": {
        "fr": (
            "Une même référence d'élément figure deux fois dans la liste : chaque renseignement demandé, et la "
            "décision qui y répond, n'y apparaît qu'une fois. Supprimez le doublon."
        ),
        "nl": (
            "Eenzelfde elementreferentie staat twee keer in de lijst: elke gevraagde inlichting, en de beslissing "
            "erover, komt er maar één keer in voor. Verwijder het dubbele."
        ),
        "en": (
            "The same item reference appears twice in the list: each item asked for, and the decision on it, appears "
            "in it only once. Remove the duplicate."
        ),
    },
    "art46bis1_not_administrative": {
        "fr": (
            "L'élément {item} (« {category} ») n'est pas un renseignement administratif : l'art. 46bis/1 C. i. cr., "
            "tel que la Cour constitutionnelle le lit (arrêt 44/2019), ne vise que des données purement "
            "administratives — identité, adresses, résidence, données communiquées dans une demande, allocation "
            "accordée ou refusée — jamais les confidences, l'état d'esprit, les données médicales, les rapports "
            "sociaux, les notes de suivi ou les procès-verbaux de concertation. Cet élément est refusé : ne le "
            "communiquez pas."
        ),
        "nl": (
            "Element {item} (“{category}”) is geen administratieve inlichting: art. 46bis/1 Sv., zoals het "
            "Grondwettelijk Hof het leest (arrest 44/2019), betreft alleen zuiver administratieve gegevens — "
            "identiteit, adressen, verblijfplaats, gegevens uit een aanvraag, toegekende of geweigerde uitkering — "
            "nooit vertrouwelijke mededelingen, gemoedstoestand, medische gegevens, sociale verslagen, dossiernotities "
            "of notulen van overleg. Dit element wordt geweigerd: deel het niet mee."
        ),
        "en": (
            "Item {item} (“{category}”) is not administrative information: art. 46bis/1 of the Code of Criminal "
            "Procedure, as the Constitutional Court reads it (judgment 44/2019), covers only purely administrative "
            "data — identity, addresses, residence, data given in an application, an allowance granted or refused — "
            "never confidences, state of mind, medical data, social reports, case notes or concertation minutes. This "
            "item is refused: do not disclose it."
        ),
    },
    "art46bis1_item_not_requested": {
        "fr": (
            "L'élément {item} ne figure pas dans la demande : la réponse de l'institution ne porte que sur les "
            "renseignements que la décision du procureur du Roi requiert (art. 46bis/1 C. i. cr.). Retirez cette "
            "décision ou corrigez la référence."
        ),
        "nl": (
            "Element {item} staat niet in het verzoek: het antwoord van de instelling betreft alleen de inlichtingen "
            "die de beslissing van de procureur des Konings vordert (art. 46bis/1 Sv.). Verwijder deze beslissing of "
            "corrigeer de referentie."
        ),
        "en": (
            "Item {item} is not in the request: the institution's answer covers only the information the Crown "
            "Prosecutor's decision requires (art. 46bis/1 of the Code of Criminal Procedure). Remove this decision or "
            "correct the reference."
        ),
    },
    "art46bis1_item_decision_missing": {
        "fr": (
            "La réponse ne dit rien de l'élément {item} : l'institution se prononce sur chaque renseignement demandé "
            "(art. 46bis/1 C. i. cr.) — communiqué, refusé parce qu'il n'est pas administratif, ou refusé pour une "
            "autre raison. Indiquez sa décision pour cet élément."
        ),
        "nl": (
            "Het antwoord zegt niets over element {item}: de instelling beslist over elke gevraagde inlichting (art. "
            "46bis/1 Sv.) — meegedeeld, geweigerd omdat ze niet administratief is, of om een andere reden geweigerd. "
            "Vermeld haar beslissing voor dit element."
        ),
        "en": (
            "The answer says nothing about item {item}: the institution decides on each item asked for (art. 46bis/1 "
            "of the Code of Criminal Procedure) — provided, refused as not administrative, or refused for another "
            "reason. Give its decision on this item."
        ),
    },
    "art46bis1_item_admissible": {
        "fr": (
            "L'élément {item} (« {category} ») est un renseignement administratif que l'art. 46bis/1 C. i. cr. permet "
            "de requérir : il ne peut pas être refusé comme non administratif. Communiquez-le, ou refusez-le pour une "
            "autre raison en sachant que ce refus est punissable d'une amende."
        ),
        "nl": (
            "Element {item} (“{category}”) is een administratieve inlichting die art. 46bis/1 Sv. toelaat te vorderen: "
            "ze kan niet als niet-administratief worden geweigerd. Deel ze mee, of weiger ze om een andere reden, "
            "wetende dat die weigering met een geldboete strafbaar is."
        ),
        "en": (
            "Item {item} (“{category}”) is administrative information that art. 46bis/1 of the Code of Criminal "
            "Procedure allows to be required: it cannot be refused as not administrative. Provide it, or refuse it for "
            "another reason, knowing that such a refusal is punishable by a fine."
        ),
    },
    "art46bis1_refusal_punishable": {
        "fr": (
            "Vous refusez l'élément {item}, qui est un renseignement administratif : l'art. 46bis/1 C. i. cr. punit "
            "d'une amende de {fine} le refus de communiquer les renseignements requis. La décision appartient à "
            "l'institution ; assurez-vous que ce refus est voulu et motivé."
        ),
        "nl": (
            "U weigert element {item}, dat een administratieve inlichting is: art. 46bis/1 Sv. bestraft de weigering "
            "om de gevorderde inlichtingen mee te delen met een geldboete van {fine}. De beslissing komt de instelling "
            "toe; zorg ervoor dat deze weigering bewust en gemotiveerd is."
        ),
        "en": (
            "You are refusing item {item}, which is administrative information: art. 46bis/1 of the Code of Criminal "
            "Procedure punishes a refusal to provide the information required with a fine of {fine}. The decision is "
            "the institution's; make sure this refusal is deliberate and reasoned."
        ),
    },
    "answer_not_by_institution": {
        "fr": (
            "Seule l'institution répond à une demande fondée sur l'art. 46bis/1 C. i. cr., par ses signataires (le "
            "directeur général, le président) : la loi vise l'institution, pas le travailleur. Si la demande vous a "
            "été adressée, référez-en au directeur général ou au président ; ne répondez pas vous-même."
        ),
        "nl": (
            "Alleen de instelling antwoordt op een verzoek op grond van art. 46bis/1 Sv., via haar ondertekenaars (de "
            "algemeen directeur, de voorzitter): de wet betreft de instelling, niet de werker. Werd het verzoek aan u "
            "gericht, verwijs het dan naar de algemeen directeur of de voorzitter; antwoord niet zelf."
        ),
        "en": (
            "Only the institution answers a request under art. 46bis/1 of the Code of Criminal Procedure, through its "
            "signatories (the director general, the president): the law addresses the institution, not the worker. If "
            "the request was addressed to you, refer it to the director general or the president; do not answer it "
            "yourself."
        ),
    },
    "active_reporting_duty_annulled": {
        "fr": (
            "Aucun membre du personnel n'a à « déclarer » au procureur du Roi des indices d'infraction terroriste : la "
            "Cour constitutionnelle a annulé cette obligation de dénonciation active (arrêt 44/2019 du 14 mars 2019), "
            "et ce service ne l'organise pas. Une révélation volontaire n'est possible qu'en état de nécessité, si ses "
            "conditions sont réunies : enregistrez-la par POST /v1/necessity-records."
        ),
        "nl": (
            "Geen personeelslid hoeft aanwijzingen van een terroristisch misdrijf aan de procureur des Konings te "
            "“verklaren”: het Grondwettelijk Hof heeft die actieve aangifteplicht vernietigd (arrest 44/2019 van 14 "
            "maart 2019), en deze dienst voorziet er niet in. Een vrijwillige bekendmaking is alleen mogelijk in "
            "noodtoestand, als de voorwaarden ervan vervuld zijn: registreer ze via POST /v1/necessity-records."
        ),
        "en": (
            "No staff member has to “declare” indications of a terrorist offence to the Crown Prosecutor: the "
            "Constitutional Court annulled that active reporting duty (judgment 44/2019 of 14 March 2019), and this "
            "service does not organise it. A voluntary disclosure is possible only under a state of necessity, if its "
            "conditions are met: record it through POST /v1/necessity-records."
        ),
    },
    # R80, R83 — a request received by a worker, re-routed to the institution's handlers (the API).
    "art46bis1_rerouted": {
        "fr": (
            "La demande a été transmise aux personnes que l'institution a désignées pour la traiter (le directeur "
            "général, le président) : la loi vise l'institution, pas le travailleur. Vous ne la verrez plus ; son "
            "existence même est secrète (art. 46bis/1 C. i. cr.) : n'en parlez ni à la personne concernée ni à vos "
            "collègues."
        ),
        "nl": (
            "Het verzoek werd doorgegeven aan wie de instelling heeft aangeduid om het te behandelen (de algemeen "
            "directeur, de voorzitter): de wet betreft de instelling, niet de werker. U zult het niet meer zien; zelfs "
            "het bestaan ervan is geheim (art. 46bis/1 Sv.): spreek er niet over, noch met de betrokkene noch met "
            "collega's."
        ),
        "en": (
            "The request was transmitted to the institution's designated handlers (the director general, the "
            "president): the law addresses the institution, not the worker. You will not see it again; its very "
            "existence is secret (art. 46bis/1 of the Code of Criminal Procedure): do not speak of it, neither to the "
            "person concerned nor to colleagues."
        ),
    },
    # POST /oauth/token — the client-credentials grant (RFC 6749 §4.4, §5.2).
    "invalid_request": {
        "fr": (
            "La demande de jeton est mal formée : envoyez grant_type=client_credentials en "
            "application/x-www-form-urlencoded, chaque paramètre une seule fois, et une seule méthode "
            "d'authentification du client."
        ),
        "nl": (
            "Het tokenverzoek is slecht gevormd: stuur grant_type=client_credentials als "
            "application/x-www-form-urlencoded, elke parameter één keer, en één enkele authenticatiemethode van de "
            "client."
        ),
        "en": (
            "The token request is malformed: send grant_type=client_credentials as application/x-www-form-urlencoded, "
            "each parameter once, and one client authentication method only."
        ),
    },
    "invalid_client": {
        "fr": (
            "L'authentification du client a échoué (client inconnu ou désactivé, ou secret erroné) : vérifiez le "
            "client_id et le client_secret reçus de l'administrateur."
        ),
        "nl": (
            "De authenticatie van de client is mislukt (onbekende of uitgeschakelde client, of verkeerd geheim): "
            "controleer de client_id en het client_secret die u van de beheerder kreeg."
        ),
        "en": (
            "Client authentication failed (unknown or disabled client, or wrong secret): check the client_id and "
            "client_secret the administrator gave you."
        ),
    },
    "unsupported_grant_type": {
        "fr": "Ce type d'autorisation n'est pas pris en charge : seul grant_type=client_credentials l'est.",
        "nl": "Dit type toekenning wordt niet ondersteund: alleen grant_type=client_credentials.",
        "en": "This grant type is not supported: only grant_type=client_credentials is.",
    },
    "invalid_scope": {
        "fr": (
            "La portée demandée n'est pas valide : indiquez, séparés par des espaces, des rôles attribués à ce client, "
            "ou omettez scope pour les recevoir tous."
        ),
        "nl": (
            "De gevraagde scope is ongeldig: geef, gescheiden door spaties, rollen op die aan deze client zijn "
            "toegekend, of laat scope weg om ze allemaal te krijgen."
        ),
        "en": (
            "The requested scope is not valid: name, separated by spaces, roles granted to this client, or leave "
            "scope out to receive them all."
        ),
    },
    "client_credentials_disabled": {
        "fr": (
            "Ce service n'émet pas de jetons : son propre émetteur est désactivé (CONCERTATION_DEV_ISSUER_ENABLED). "
            "Obtenez un jeton auprès du fournisseur d'identité prévu."
        ),
        "nl": (
            "Deze dienst geeft geen tokens uit: zijn eigen uitgever is uitgeschakeld "
            "(CONCERTATION_DEV_ISSUER_ENABLED). Vraag een token aan bij de voorziene identiteitsprovider."
        ),
        "en": (
            "This service does not issue tokens: its own issuer is disabled (CONCERTATION_DEV_ISSUER_ENABLED). "
            "Obtain a token from the intended identity provider."
        ),
    },
    "client_exists": {
        "fr": "Un client porte déjà ce client_id : choisissez-en un autre.",
        "nl": "Er bestaat al een client met deze client_id: kies een andere.",
        "en": "A client with this client_id already exists: choose another one.",
    },
    "overloaded": {
        "fr": "Le service est momentanément surchargé : réessayez dans quelques secondes.",
        "nl": "De dienst is tijdelijk overbelast: probeer het over enkele seconden opnieuw.",
        "en": "The service is momentarily overloaded: try again in a few seconds.",
    },
    "database_conflict": {
        "fr": (
            "La base de données a interrompu cette opération pour en laisser passer une autre, plusieurs fois de "
            "suite ; rien n'a été modifié. Réessayez dans un instant (avec la même Idempotency-Key)."
        ),
        "nl": (
            "De databank heeft deze bewerking herhaaldelijk afgebroken om een andere voorrang te geven; er is niets "
            "gewijzigd. Probeer het zo dadelijk opnieuw (met dezelfde Idempotency-Key)."
        ),
        "en": (
            "The database aborted this operation several times in a row to let another one through; nothing was "
            "changed. Try again in a moment (with the same Idempotency-Key)."
        ),
    },
    "integrity_error": {
        "fr": (
            "Une donnée chiffrée ne peut pas être déchiffrée à sa place : elle a été déplacée ou altérée. Rien n'est "
            "renvoyé et l'incident est consigné dans le journal d'audit ; prévenez l'administrateur."
        ),
        "nl": (
            "Versleutelde gegevens kunnen op hun plaats niet worden ontsleuteld: ze zijn verplaatst of gewijzigd. "
            "Er wordt niets teruggegeven en het incident staat in het auditlogboek; verwittig de beheerder."
        ),
        "en": (
            "Encrypted data cannot be decrypted in its place: it was moved or altered. Nothing is returned and the "
            "incident is in the audit trail; alert the administrator."
        ),
    },
    "content_destroyed": {
        "fr": "Le contenu de cette concertation a été détruit à l'expiration de sa durée de conservation.",
        "nl": "De inhoud van dit casusoverleg werd vernietigd toen de bewaartermijn verstreek.",
        "en": "The content of this concertation was destroyed when its retention period expired.",
    },
    "method_not_allowed": {
        "fr": "Cette méthode HTTP n'est pas permise sur cette adresse : consultez la documentation de l'API (/docs).",
        "nl": "Deze HTTP-methode is op dit adres niet toegestaan: raadpleeg de API-documentatie (/docs).",
        "en": "This HTTP method is not allowed on this path: see the API documentation (/docs).",
    },
    "participant_already_invited": {
        "fr": (
            "Cette personne est déjà invitée à cette concertation : modifiez son profil au lieu de l'inviter à nouveau."
        ),
        "nl": (
            "Deze persoon is al uitgenodigd voor dit casusoverleg: wijzig het profiel in plaats van opnieuw uit te "
            "nodigen."
        ),
        "en": "This person is already invited to this concertation: change the profile instead of inviting again.",
    },
    "login_incomplete": {
        "fr": (
            "Indiquez à la fois l'émetteur (issuer) et l'identifiant (subject) de connexion du participant, ou "
            "aucun des deux."
        ),
        "nl": "Geef zowel de uitgever (issuer) als de login (subject) van de deelnemer op, of geen van beide.",
        "en": "Give both the login issuer and subject of the participant, or neither.",
    },
    "participant_refused": {
        "fr": (
            "Ce participant a refusé l'invitation (ou ne l'a pas encore acceptée) : il ne peut être ni "
            "marqué présent, ni cité ; la concertation se poursuit sans lui."
        ),
        "nl": (
            "Deze deelnemer heeft de uitnodiging geweigerd (of nog niet aanvaard): hij kan niet als aanwezig "
            "worden vermeld of geciteerd; het overleg gaat zonder hem door."
        ),
        "en": (
            "This participant refused the invitation (or has not accepted it yet): he cannot be marked "
            "present or quoted; the concertation goes on without him."
        ),
    },
    "participant_invoked_silence": {
        "fr": (
            "Ce participant fait usage de son droit de se taire : rien ne peut lui être attribué tant qu'il "
            "ne l'a pas levé lui-même."
        ),
        "nl": (
            "Deze deelnemer maakt gebruik van zijn zwijgrecht: niets kan hem worden toegeschreven zolang hij "
            "het niet zelf opheft."
        ),
        "en": (
            "This participant has invoked the right to remain silent: nothing can be attributed to him until "
            "he lifts it himself."
        ),
    },
    "participant_not_present": {
        "fr": (
            "Ce participant n'était pas présent à ce moment (il n'avait pas rejoint la réunion ou l'avait "
            "quittée) : rien ne peut lui être attribué."
        ),
        "nl": (
            "Deze deelnemer was op dat ogenblik niet aanwezig (nog niet aangesloten of al vertrokken): niets "
            "kan hem worden toegeschreven."
        ),
        "en": (
            "This participant was not present at that moment (not yet joined, or already left): nothing can "
            "be attributed to him."
        ),
    },
    "disclosure_cannot_be_compelled": {
        "fr": (
            "L'art. 458ter C. pén. permet de parler, il n'y oblige jamais : aucune information ne peut être "
            "exigée d'un participant."
        ),
        "nl": (
            "Art. 458ter Sw. laat toe te spreken, maar verplicht daar nooit toe: van een deelnemer kan geen "
            "enkele informatie worden geëist."
        ),
        "en": (
            "Art. 458ter of the Penal Code allows speaking but never compels it: no information can be "
            "required from a participant."
        ),
    },
    "negative_inference_forbidden": {
        "fr": (
            "Aucune conclusion défavorable ne peut être tirée du silence ou du refus d'un participant : ce "
            "champ n'est pas admis."
        ),
        "nl": (
            "Uit het zwijgen of de weigering van een deelnemer mag geen nadelige gevolgtrekking worden "
            "gemaakt: dit veld is niet toegestaan."
        ),
        "en": ("No adverse inference may be drawn from a participant's silence or refusal: this field is not allowed."),
    },
    "lawyer_flags_required": {
        "fr": (
            "Une contribution d'avocat doit indiquer si l'information est confidentielle pour son client et "
            "si elle peut l'exposer à des poursuites (art. 458quater C. pén.)."
        ),
        "nl": (
            "Een bijdrage van een advocaat moet aangeven of de informatie vertrouwelijk is voor zijn cliënt "
            "en of ze hem aan vervolging kan blootstellen (art. 458quater Sw.)."
        ),
        "en": (
            "A lawyer's contribution must state whether the information is confidential to the client and "
            "whether it may expose the client to prosecution (art. 458quater of the Penal Code)."
        ),
    },
    "art_458quater_lawyer": {
        "fr": (
            "L'art. 458quater C. pén. exclut l'avocat pour les informations confidentielles de son client "
            "susceptibles de l'exposer à des poursuites : ni une concertation de cas ni un signalement au procureur "
            "du Roi ne peuvent les couvrir. Si l'information ne vient pas du client de l'avocat ou ne peut pas "
            "l'exposer à des poursuites, indiquez-le ; sinon, elle est refusée et n'est pas conservée."
        ),
        "nl": (
            "Art. 458quater Sw. sluit de advocaat uit voor vertrouwelijke informatie van zijn cliënt die hem "
            "aan vervolging kan blootstellen: noch een casusoverleg noch een melding aan de procureur des Konings "
            "kan ze dekken. Komt de informatie niet van de cliënt van de advocaat of kan ze die cliënt niet aan "
            "vervolging blootstellen, vermeld dat dan; anders wordt ze geweigerd en niet bewaard."
        ),
        "en": (
            "Art. 458quater of the Penal Code excludes a lawyer's client-confidential information that may "
            "expose the client to prosecution: neither a case concertation nor a report to the Crown Prosecutor can "
            "cover it. If the information does not come from the lawyer's client or cannot expose that client to "
            "prosecution, state so; otherwise it is refused and not stored."
        ),
    },
    "no_consent_motivation_required": {
        "fr": (
            "Sans consentement donné (refusé, non demandé ou impossible), indiquez pourquoi la concertation "
            "a lieu quand même."
        ),
        "nl": (
            "Zonder gegeven toestemming (geweigerd, niet gevraagd of onmogelijk) moet u motiveren waarom het "
            "overleg toch plaatsvindt."
        ),
        "en": (
            "Without consent given (refused, not asked or impossible), state why the concertation takes "
            "place nonetheless."
        ),
    },
    "consent_not_informed": {
        "fr": (
            "Un consentement à la présence du parquet doit être éclairé : il manque des éléments "
            "d'information ({missing})."
        ),
        "nl": (
            "Een toestemming voor de aanwezigheid van het parket moet geïnformeerd zijn: er ontbreken "
            "informatie-elementen ({missing})."
        ),
        "en": (
            "A consent to the presence of the public prosecutor must be informed: information items are "
            "missing ({missing})."
        ),
    },
    "prosecutor_presence_no_consent": {
        "fr": (
            "Un magistrat du parquet ne peut participer qu'avec l'accord préalable et éclairé de la personne "
            "concernée, non retiré : enregistrez-le d'abord."
        ),
        "nl": (
            "Een parketmagistraat mag enkel deelnemen met de voorafgaande, geïnformeerde en niet ingetrokken "
            "toestemming van de betrokkene: registreer die eerst."
        ),
        "en": (
            "A public prosecutor's magistrate may take part only with the prior, informed, unwithdrawn "
            "consent of the person concerned: record it first."
        ),
    },
    "information_incomplete": {
        "fr": "L'information de la personne concernée est incomplète : il manque {missing}.",
        "nl": "De informatie aan de betrokkene is onvolledig: {missing} ontbreekt.",
        "en": "The information given to the person concerned is incomplete: {missing} is missing.",
    },
    "information_exception_invalid": {
        "fr": (
            "Ne pas informer la personne n'est admis que pour la sécurité ou l'intérêt d'un enfant, motivé, "
            "décidé par une personne nommée et avec une date de réexamen future."
        ),
        "nl": (
            "De betrokkene niet informeren kan enkel voor de veiligheid of het belang van een kind, "
            "gemotiveerd, beslist door een genoemde persoon en met een toekomstige herzieningsdatum."
        ),
        "en": (
            "Not informing the person is allowed only for a child's safety or interest, motivated, decided "
            "by a named person, with a future review date."
        ),
    },
    "information_exception_expired": {
        "fr": (
            "L'exception à l'information de la personne a dépassé sa date de réexamen : informez la personne "
            "ou réexaminez l'exception avant de clôturer."
        ),
        "nl": (
            "De uitzondering op de informatie van de betrokkene is over haar herzieningsdatum: informeer de "
            "persoon of herzie de uitzondering vóór het afsluiten."
        ),
        "en": (
            "The exception to informing the person is past its review date: inform the person or review the "
            "exception before closing."
        ),
    },
    "person_not_informed": {
        "fr": (
            "La concertation ne peut être clôturée sans information complète de la personne concernée ou une "
            "exception valable."
        ),
        "nl": (
            "Het overleg kan niet worden afgesloten zonder volledige informatie aan de betrokkene of een "
            "geldige uitzondering."
        ),
        "en": (
            "The concertation cannot be closed without complete information of the person concerned or a "
            "valid exception."
        ),
    },
    "mandate_not_disclosed": {
        "fr": (
            "Un participant sous mandat doit avoir informé la personne de son mandat et de la transmission "
            "d'informations à l'autorité mandante."
        ),
        "nl": (
            "Een deelnemer onder mandaat moet de betrokkene hebben ingelicht over zijn mandaat en over de "
            "doorgifte van informatie aan de opdrachtgevende overheid."
        ),
        "en": (
            "A participant under a mandate must have told the person of the mandate and that information "
            "goes to the mandating authority."
        ),
    },
    "prosecutor_presence_consented": {
        "fr": "Aucun magistrat du parquet ne participe sans l'accord préalable et éclairé de la personne concernée.",
        "nl": "Geen parketmagistraat neemt deel zonder de voorafgaande, geïnformeerde toestemming van de betrokkene.",
        "en": (
            "No public prosecutor's magistrate takes part without the prior, informed consent of the person concerned."
        ),
    },
    "person_informed": {
        "fr": (
            "La personne concernée a été informée de la concertation, ou une exception motivée est en cours de "
            "validité."
        ),
        "nl": "De betrokkene werd over het overleg geïnformeerd, of een gemotiveerde uitzondering is nog geldig.",
        "en": "The person concerned has been informed of the concertation, or a motivated exception is still valid.",
    },
    "flag_not_disclosable": {
        "fr": (
            "La réponse d'un participant et son silence ne sont visibles que par lui-même et par le "
            "coordinateur ou le président."
        ),
        "nl": (
            "Het antwoord en het zwijgen van een deelnemer zijn enkel zichtbaar voor hemzelf en voor de "
            "coördinator of de voorzitter."
        ),
        "en": "A participant's answer and silence are visible only to himself and to the coordinator or chair.",
    },
    "not_your_participation": {
        "fr": (
            "Seul le participant lui-même peut répondre à son invitation, prendre connaissance de l'avis de "
            "secret, s'y engager ou invoquer son droit de se taire."
        ),
        "nl": (
            "Enkel de deelnemer zelf kan op zijn uitnodiging antwoorden, de geheimhoudingsverklaring lezen "
            "en aanvaarden of zijn zwijgrecht inroepen."
        ),
        "en": (
            "Only the participant himself can answer his invitation, read and acknowledge the secrecy "
            "notice, or invoke his right to remain silent."
        ),
    },
    "notice_version_outdated": {
        "fr": "L'avis de secret a changé : relisez la version {version} et confirmez-la.",
        "nl": "De geheimhoudingsverklaring is gewijzigd: lees versie {version} opnieuw en bevestig ze.",
        "en": "The secrecy notice has changed: read version {version} again and acknowledge it.",
    },
    "already_acknowledged": {
        "fr": "Ce participant a déjà pris connaissance de l'avis de secret et s'y est engagé.",
        "nl": "Deze deelnemer heeft de geheimhoudingsverklaring al gelezen en aanvaard.",
        "en": "This participant has already acknowledged the secrecy notice.",
    },
    "agenda_item_unknown": {
        "fr": "Ce point de l'ordre du jour n'appartient pas à cette concertation.",
        "nl": "Dit agendapunt hoort niet bij dit casusoverleg.",
        "en": "This agenda item does not belong to this concertation.",
    },
    "silence_already_lifted": {
        "fr": "Ce silence a déjà été levé.",
        "nl": "Dit zwijgen werd al opgeheven.",
        "en": "This silence has already been lifted.",
    },
    "not_in_session": {
        "fr": "Les présences ne s'enregistrent que pendant une séance : démarrez d'abord la concertation.",
        "nl": "Aanwezigheden worden enkel tijdens een zitting geregistreerd: start eerst het overleg.",
        "en": "Attendance is recorded only during a session: start the concertation first.",
    },
    "already_present": {
        "fr": "Ce participant est déjà enregistré comme présent.",
        "nl": "Deze deelnemer staat al als aanwezig geregistreerd.",
        "en": "This participant is already recorded as present.",
    },
    "not_present": {
        "fr": "Ce participant n'est pas enregistré comme présent : il ne peut pas quitter la séance.",
        "nl": "Deze deelnemer staat niet als aanwezig geregistreerd: hij kan de zitting niet verlaten.",
        "en": "This participant is not recorded as present: he cannot leave the session.",
    },
    "person_unknown": {
        "fr": "Cette personne concernée n'appartient pas à cette concertation.",
        "nl": "Deze betrokkene hoort niet bij dit casusoverleg.",
        "en": "This person concerned does not belong to this concertation.",
    },
    "consent_already_withdrawn": {
        "fr": "Ce consentement a déjà été retiré.",
        "nl": "Deze toestemming werd al ingetrokken.",
        "en": "This consent has already been withdrawn.",
    },
    "privacy_notice_missing": {
        "fr": (
            "Indiquez quand la personne concernée a reçu l'information sur la protection de ses données (dès le "
            "premier contact), ou si elle est différée pour la sécurité d'un enfant."
        ),
        "nl": (
            "Geef aan wanneer de betrokkene de informatie over de bescherming van zijn gegevens heeft ontvangen "
            "(vanaf het eerste contact), of dat ze is uitgesteld voor de veiligheid van een kind."
        ),
        "en": (
            "State when the person concerned received the data-protection notice (at first contact), or that it is "
            "deferred for a child's safety."
        ),
    },
    "participant_not_accepted": {
        "fr": (
            "Ce participant n'a pas encore accepté l'invitation : il ne peut pas être marqué présent tant qu'il ne "
            "l'a pas acceptée lui-même."
        ),
        "nl": (
            "Deze deelnemer heeft de uitnodiging nog niet aanvaard: hij kan niet als aanwezig worden vermeld zolang "
            "hij ze niet zelf heeft aanvaard."
        ),
        "en": (
            "This participant has not accepted the invitation yet: he cannot be marked present until he accepts it "
            "himself."
        ),
    },
    "minutes_finalised": {
        "fr": "Le procès-verbal est finalisé : il ne peut plus être modifié.",
        "nl": "De notulen zijn afgesloten: ze kunnen niet meer worden gewijzigd.",
        "en": "The minutes are finalised: they can no longer be changed.",
    },
    "minutes_not_writable": {
        "fr": "Le procès-verbal ne s'écrit que pendant ou après une séance (état « {state} »).",
        "nl": "De notulen worden enkel tijdens of na een zitting opgesteld (toestand « {state} »).",
        "en": "Minutes are written only during or after a session (state “{state}”).",
    },
    "judicial_investigation_flag_required": {
        "fr": (
            "Une contribution de la police ou du parquet doit indiquer si elle provient d'une instruction "
            "judiciaire (secret de l'instruction)."
        ),
        "nl": (
            "Een bijdrage van politie of parket moet aangeven of ze uit een gerechtelijk onderzoek komt "
            "(geheim van het onderzoek)."
        ),
        "en": (
            "A police or parquet contribution must state whether it comes from a judicial investigation "
            "(secrecy of the investigation)."
        ),
    },
    "investigation_secrecy_not_confirmed": {
        "fr": (
            "Une information issue d'une instruction judiciaire ne peut être consignée que si son auteur "
            "confirme qu'elle peut être partagée."
        ),
        "nl": (
            "Informatie uit een gerechtelijk onderzoek kan enkel worden genotuleerd als de auteur bevestigt "
            "dat ze mag worden gedeeld."
        ),
        "en": (
            "Information from a judicial investigation can be recorded only if its author confirms it may be shared."
        ),
    },
    "youth_report_penal_exposure": {
        "fr": (
            "Un rapport d'étude sociale ou médico-psychologique de la protection de la jeunesse ne peut "
            "servir à des fins pénales : il ne peut être versé dans une concertation où siègent la police ou "
            "le parquet (Cour de cassation)."
        ),
        "nl": (
            "Een maatschappelijk of medisch-psychologisch onderzoeksverslag van de jeugdbescherming mag niet "
            "voor strafrechtelijke doeleinden dienen: het kan niet worden ingebracht in een overleg waaraan "
            "politie of parket deelnemen (Hof van Cassatie)."
        ),
        "en": (
            "A youth-protection social or medico-psychological report cannot serve penal purposes: it cannot "
            "be entered in a concertation where police or the parquet take part (Court of Cassation)."
        ),
    },
    "necessity_justification_required": {
        "fr": (
            "Une information de contenu (et non de processus) doit être justifiée comme strictement "
            "nécessaire à la finalité de la concertation."
        ),
        "nl": (
            "Inhoudelijke informatie (en niet over het proces) moet worden verantwoord als strikt "
            "noodzakelijk voor het doel van het overleg."
        ),
        "en": (
            "Content (rather than process) information must be justified as strictly necessary for the "
            "purpose of the concertation."
        ),
    },
    "offence_tag_outside_scope": {
        "fr": (
            "L'infraction {offence} ne fait pas partie des infractions pour lesquelles la concertation a été organisée."
        ),
        "nl": "Het misdrijf {offence} behoort niet tot de misdrijven waarvoor het overleg werd georganiseerd.",
        "en": "Offence {offence} is not among the offences for which the concertation was organised.",
    },
    "requester_not_prosecutor": {
        "fr": (
            "Seul un magistrat du parquet peut demander à utiliser le procès-verbal d'une concertation à des "
            "fins de poursuite."
        ),
        "nl": "Enkel een parketmagistraat kan vragen de notulen van een overleg voor vervolging te gebruiken.",
        "en": (
            "Only a magistrate of the public prosecutor's office may ask to use the minutes of a "
            "concertation for prosecution."
        ),
    },
    "non_penal_use_not_allowed": {
        "fr": (
            "Les secrets d'une concertation ne peuvent servir qu'à la poursuite pénale des délits pour "
            "lesquels elle a été organisée (art. 458ter C. pén.) ; tout autre usage ({use}) violerait le "
            "secret professionnel."
        ),
        "nl": (
            "De geheimen van een overleg kunnen enkel dienen voor de strafvervolging van de misdrijven "
            "waarvoor het werd georganiseerd (art. 458ter Sw.); elk ander gebruik ({use}) zou het "
            "beroepsgeheim schenden."
        ),
        "en": (
            "The secrets of a concertation may serve only the prosecution of the offences for which it was "
            "organised (art. 458ter of the Penal Code); any other use ({use}) would breach professional "
            "secrecy."
        ),
    },
    "prosecution_request_incomplete": {
        "fr": "La demande doit indiquer le dossier pénal, les infractions visées et sa motivation.",
        "nl": "Het verzoek moet het strafdossier, de beoogde misdrijven en de motivering vermelden.",
        "en": "The request must name the criminal case, the offences concerned and its motivation.",
    },
    "empty_prosecution_scope": {
        "fr": (
            "Cette concertation n'a été organisée pour aucune infraction : aucune poursuite pénale ne peut "
            "se fonder sur ce qui y a été dit (art. 458ter C. pén.)."
        ),
        "nl": (
            "Dit overleg werd voor geen enkel misdrijf georganiseerd: geen enkele strafvervolging kan "
            "steunen op wat er werd gezegd (art. 458ter Sw.)."
        ),
        "en": (
            "This concertation was organised for no offence: no prosecution may rest on what was said in it "
            "(art. 458ter of the Penal Code)."
        ),
    },
    "offence_outside_concertation_scope": {
        "fr": (
            "Refusé en entier : les infractions {offences} ne sont pas celles pour lesquelles la "
            "concertation a été organisée ; les secrets qui y sont communiqués ne peuvent donner lieu à la "
            "poursuite que de ces seuls délits (art. 458ter C. pén.) et un autre usage violerait le secret "
            "professionnel."
        ),
        "nl": (
            "Volledig geweigerd: de misdrijven {offences} zijn niet die waarvoor het overleg werd "
            "georganiseerd; de meegedeelde geheimen kunnen enkel tot vervolging van die misdrijven leiden "
            "(art. 458ter Sw.) en elk ander gebruik zou het beroepsgeheim schenden."
        ),
        "en": (
            "Refused whole: offences {offences} are not those for which the concertation was organised; its "
            "secrets may lead to prosecution for those offences only (art. 458ter of the Penal Code), and "
            "any other use would breach professional secrecy."
        ),
    },
    "prosecution_request_refused": {
        "fr": "Cette demande a été refusée : aucune information ne peut être communiquée sur sa base.",
        "nl": "Dit verzoek werd geweigerd: op grond ervan kan geen informatie worden meegedeeld.",
        "en": "This request was refused: no information can be disclosed on its basis.",
    },
    "speaker_not_a_participant": {
        "fr": "Seuls les participants de cette concertation peuvent être cités au procès-verbal (art. 458ter C. pén.).",
        "nl": "Enkel deelnemers aan dit overleg kunnen in de notulen worden geciteerd (art. 458ter Sw.).",
        "en": "Only participants of this concertation can be quoted in the minutes (art. 458ter of the Penal Code).",
    },
    "contradictoire_at_risk": {
        "fr": (
            "Des éléments du procès-verbal pouvant fonder une décision judiciaire ({entries}) n'ont pas été portés à "
            "la connaissance de la personne concernée : faites-le (principe du contradictoire) ou justifiez une "
            "exception valable avant de clôturer."
        ),
        "nl": (
            "Elementen uit de notulen die een rechterlijke beslissing kunnen onderbouwen ({entries}), werden niet aan "
            "de betrokkene meegedeeld: doe dat (tegensprekelijkheid) of verantwoord een geldige uitzondering vóór "
            "het afsluiten."
        ),
        "en": (
            "Minutes entries that may inform a judicial decision ({entries}) were not made known to the person "
            "concerned: do so (adversarial principle) or justify a valid exception before closing."
        ),
    },
    "adversarial_principle_respected": {
        "fr": "Ce qui peut fonder une décision judiciaire a été porté à la connaissance de la personne concernée.",
        "nl": "Wat een rechterlijke beslissing kan onderbouwen, werd aan de betrokkene meegedeeld.",
        "en": "What may inform a judicial decision has been made known to the person concerned.",
    },
    "already_disclosed": {
        "fr": "Cet élément a déjà été porté à la connaissance de la personne.",
        "nl": "Dit element werd al aan de betrokkene meegedeeld.",
        "en": "This entry has already been made known to the person.",
    },
    "internal_error": {
        "fr": (
            "Une erreur interne est survenue : réessayez plus tard et, si le problème persiste, contactez "
            "l'administrateur."
        ),
        "nl": (
            "Er is een interne fout opgetreden: probeer het later opnieuw en neem contact op met de beheerder als het "
            "probleem aanhoudt."
        ),
        "en": "An internal error occurred: try again later and, if the problem persists, contact the administrator.",
    },
    "service_unavailable": {
        "fr": "Le service est momentanément indisponible : réessayez dans quelques instants.",
        "nl": "De dienst is tijdelijk niet beschikbaar: probeer het over enkele ogenblikken opnieuw.",
        "en": "The service is temporarily unavailable: try again in a few moments.",
    },
    "invalid_cursor": {
        "fr": "Le curseur de pagination n'est pas valide ou a expiré : reprenez la liste depuis la première page.",
        "nl": "De pagineringscursor is ongeldig of verlopen: begin de lijst opnieuw vanaf de eerste pagina.",
        "en": "The pagination cursor is not valid or has expired: start the list again from the first page.",
    },
    "invalid_limit": {
        "fr": "Le paramètre limit doit être un nombre entier entre 1 et 200 : corrigez-le.",
        "nl": "De parameter limit moet een geheel getal tussen 1 en 200 zijn: corrigeer hem.",
        "en": "The limit parameter must be a whole number between 1 and 200: correct it.",
    },
}

#: code -> language -> template, with `{param}` placeholders. Grouped by where the code comes from.
MESSAGES: Mapping[str, Texts] = _freeze(_TEMPLATES)

#: What `message` says about a code it does not know (it names the code so that support can look it up).
_UNKNOWN_CODE: Texts = MappingProxyType(
    {
        "fr": "La demande n'a pas pu aboutir (code {code}) : si le problème persiste, contactez l'administrateur.",
        "nl": "Het verzoek kon niet worden uitgevoerd (code {code}): neem contact op met de beheerder als het probleem "
        "aanhoudt.",
        "en": "The request could not be completed (code {code}): if the problem persists, contact the administrator.",
    }
)

#: HTTP status -> short problem title (RFC 9457 `title`).
TITLES: Mapping[int, Texts] = MappingProxyType(
    {
        status: MappingProxyType(texts)
        for status, texts in {
            400: {"fr": "Requête incorrecte", "nl": "Ongeldig verzoek", "en": "Bad request"},
            401: {"fr": "Authentification requise", "nl": "Authenticatie vereist", "en": "Authentication required"},
            403: {"fr": "Action interdite", "nl": "Actie niet toegestaan", "en": "Forbidden"},
            404: {"fr": "Introuvable", "nl": "Niet gevonden", "en": "Not found"},
            409: {"fr": "Conflit avec l'état actuel", "nl": "Conflict met de huidige status", "en": "Conflict"},
            412: {"fr": "La ressource a changé", "nl": "De resource is gewijzigd", "en": "Precondition failed"},
            413: {"fr": "Demande trop volumineuse", "nl": "Verzoek te groot", "en": "Content too large"},
            415: {"fr": "Format non pris en charge", "nl": "Formaat niet ondersteund", "en": "Unsupported media type"},
            422: {"fr": "Contenu non conforme", "nl": "Ongeldige inhoud", "en": "Unprocessable content"},
            428: {"fr": "Précondition requise", "nl": "Voorwaarde vereist", "en": "Precondition required"},
            429: {"fr": "Trop de requêtes", "nl": "Te veel verzoeken", "en": "Too many requests"},
            500: {"fr": "Erreur interne", "nl": "Interne fout", "en": "Internal server error"},
            503: {"fr": "Service indisponible", "nl": "Dienst niet beschikbaar", "en": "Service unavailable"},
        }.items()
    }
)

_UNKNOWN_TITLE: Texts = MappingProxyType({"fr": "Erreur", "nl": "Fout", "en": "Error"})


class _Lenient(string.Formatter):
    """`str.format` that renders a placeholder it has no value for as "?" instead of raising."""

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        return kwargs.get(key, "?") if isinstance(key, str) else "?"


_FORMATTER = _Lenient()


def _language(language: str) -> str:
    """One of LANGUAGES: `language` itself, its primary subtag ("nl-BE" -> "nl"), or the default."""
    primary = str(language).strip().lower().replace("_", "-").split("-", 1)[0]
    return primary if primary in LANGUAGES else DEFAULT_LANGUAGE


def _clip(value: str) -> str:
    return value if len(value) <= MAX_PARAM_LENGTH else value[: MAX_PARAM_LENGTH - 1] + "…"


def label(param: str, value: str, language: str) -> str:
    """The label of a vocabulary `value` carried by `param` (a state, a sector…) in `language`; else the value."""
    texts = LABELS.get(param, {}).get(str(value))
    return texts[_language(language)] if texts is not None else _clip(str(value))


def message(code: str, language: str, params: Mapping[str, str] | None = None) -> str:
    """The message for `code` in `language`, its placeholders filled from `params`. Never raises."""
    lang = _language(language)
    templates = MESSAGES.get(code)
    if templates is None:
        return _FORMATTER.vformat(_UNKNOWN_CODE[lang], (), {"code": _clip(str(code))})
    values = {str(name): label(str(name), value, lang) for name, value in (params or {}).items()}
    return _FORMATTER.vformat(templates[lang], (), values)


def title(status: int, language: str) -> str:
    """The short problem title of an HTTP `status` in `language` (a generic one for a status not listed)."""
    return TITLES.get(status, _UNKNOWN_TITLE)[_language(language)]


_RANGE = re.compile(r"\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*")
_QUALITY = re.compile(r"q=(0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)")


def negotiate(accept_language: str | None) -> str:
    """The language to answer in, from an `Accept-Language` header (RFC 9110 §12.5.4). Never raises.

    Each range counts for its primary subtag ("nl-BE" is Dutch); "*" stands for every language the header does not
    name. The language with the highest quality wins, the earlier range on a tie. A malformed range or quality value
    is skipped; q=0 means "not this one". Nothing acceptable, no header or a header of garbage gives French. Only the
    first MAX_HEADER_LENGTH characters and MAX_LANGUAGE_RANGES ranges are read, so a huge header costs nothing.
    """
    if not isinstance(accept_language, str):
        return DEFAULT_LANGUAGE
    named: dict[str, tuple[float, int]] = {}
    wildcard: tuple[float, int] | None = None
    items = accept_language[:MAX_HEADER_LENGTH].split(",", MAX_LANGUAGE_RANGES)[:MAX_LANGUAGE_RANGES]
    for position, item in enumerate(items):
        tag, *parameters = (part.strip().lower() for part in item.split(";"))
        tag = tag.replace("_", "-")
        if not _RANGE.fullmatch(tag):
            continue
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.replace(" ", "").partition("=")
            if name == "q":
                valid = _QUALITY.fullmatch(f"q={value}")
                quality = float(valid.group(1)) if valid else 0.0
                break
        primary = tag.split("-", 1)[0]
        if tag == "*":
            if wildcard is None:
                wildcard = (quality, position)
        elif primary in LANGUAGES and (primary not in named or quality > named[primary][0]):
            named[primary] = (quality, position)
    ranked: list[tuple[float, int, int, str]] = []
    for order, lang in enumerate(LANGUAGES):
        weight = named.get(lang, wildcard)
        if weight is not None and weight[0] > 0:
            ranked.append((-weight[0], weight[1], order, lang))
    return min(ranked)[3] if ranked else DEFAULT_LANGUAGE
