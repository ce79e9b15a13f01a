"""The secrecy notice a participant acknowledges before reading anything (R19, R43, R45, R48, D6, D20).

Art. 458ter: « Les participants sont tenus au secret relativement aux secrets communiqués durant la concertation.
Toute personne violant ce secret sera punie des peines prévues à l'article 458 » — an imprisonment of one to three
years and a fine of one hundred to one thousand euros, or one of these penalties only (art. 458 C. pén.; amounts
nominal, before the décimes additionnels). Civil damages and disciplinary measures may follow too (R43). A
participant not bound by professional secrecy is, outside the concertation, held to a duty of discretion (R48). What
he may do with what he learns is the deployment's downstream-use policy (R45, D6).

The notice is versioned: an acknowledgement records the version it acknowledged.
"""

from __future__ import annotations

from collections.abc import Mapping

NOTICE_VERSION = "2026-11-22.1"

_DUTY: Mapping[str, str] = {
    "fr": (
        "Vous participez à une concertation de cas organisée en vertu de l'article 458ter du Code pénal. Vous êtes "
        "tenu(e) au secret relativement aux secrets communiqués durant la concertation. Toute personne violant ce "
        "secret est punie des peines prévues à l'article 458 du Code pénal : un emprisonnement d'un an à trois ans et "
        "une amende de cent euros à mille euros, ou une de ces peines seulement (montants nominaux, avant décimes "
        "additionnels). Une violation peut en outre entraîner des dommages et intérêts au civil et des mesures "
        "disciplinaires. Les secrets communiqués ne peuvent donner lieu à la poursuite pénale que des seuls délits "
        "pour lesquels la concertation a été organisée. Parler est une faculté, jamais une obligation : vous pouvez "
        "vous taire, pour toute la concertation ou pour un point de l'ordre du jour, et quitter la réunion à tout "
        "moment."
    ),
    "nl": (
        "U neemt deel aan een casusoverleg georganiseerd krachtens artikel 458ter van het Strafwetboek. U bent tot "
        "geheimhouding verplicht wat betreft de geheimen die tijdens het overleg worden meegedeeld. Wie dit geheim "
        "schendt, wordt gestraft met de straffen bepaald in artikel 458 van het Strafwetboek: een gevangenisstraf van "
        "een jaar tot drie jaar en een geldboete van honderd euro tot duizend euro, of met een van die straffen alleen "
        "(nominale bedragen, vóór opdeciemen). Een schending kan bovendien leiden tot een burgerlijke "
        "schadevergoeding en tuchtmaatregelen. De meegedeelde geheimen kunnen slechts aanleiding geven tot "
        "strafvervolging voor de misdrijven waarvoor het overleg werd georganiseerd. Spreken is een mogelijkheid, "
        "nooit een plicht: u mag zwijgen, voor het hele overleg of voor één agendapunt, en de vergadering op elk "
        "ogenblik verlaten."
    ),
    "en": (
        "You take part in a case concertation organised under article 458ter of the Belgian Penal Code. You are bound "
        "to secrecy about the secrets communicated during the concertation. Whoever breaches this secrecy is punished "
        "with the penalties of article 458 of the Penal Code: imprisonment from one to three years and a fine from "
        "one hundred to one thousand euros, or one of these penalties only (nominal amounts, before the statutory "
        "surcharges). A breach may also lead to civil damages and disciplinary measures. The secrets communicated may "
        "lead to prosecution only for the offences for which the concertation was organised. Speaking is a faculty, "
        "never a duty: you may stay silent, for the whole concertation or for one agenda item, and leave the meeting "
        "at any time."
    ),
}

_DISCRETION: Mapping[str, str] = {
    "fr": (
        "Vous n'êtes pas tenu(e) au secret professionnel : en dehors de la concertation, vous restez tenu(e) à un "
        "devoir de discrétion, dont la violation peut engager votre responsabilité civile ou entraîner des sanctions "
        "disciplinaires ; ce qui est dit dans la concertation vous lie sous les peines de l'article 458."
    ),
    "nl": (
        "U bent niet tot het beroepsgeheim gehouden: buiten het overleg blijft u gehouden tot een discretieplicht, "
        "waarvan de schending uw burgerlijke aansprakelijkheid of tuchtsancties kan meebrengen; wat in het overleg "
        "wordt gezegd, bindt u onder de straffen van artikel 458."
    ),
    "en": (
        "You are not bound by professional secrecy: outside the concertation you remain held to a duty of discretion, "
        "whose breach may engage your civil liability or lead to disciplinary sanctions; what is said in the "
        "concertation binds you under the penalties of article 458."
    ),
}

_DOWNSTREAM: Mapping[str, Mapping[str, str]] = {
    "view_only": {
        "fr": "Ce que vous apprenez ici est à consulter uniquement : ne le reprenez dans aucun dossier ni décision.",
        "nl": "Wat u hier verneemt, is uitsluitend ter inzage: neem het in geen enkel dossier of besluit over.",
        "en": "What you learn here is for viewing only: do not carry it into any file or decision.",
    },
    "may_inform_own_decisions_without_citing": {
        "fr": "Ce que vous apprenez ici peut éclairer vos propres décisions, sans jamais être cité ni transmis.",
        "nl": "Wat u hier verneemt, mag uw eigen beslissingen onderbouwen, zonder ooit te worden geciteerd of "
        "doorgegeven.",
        "en": "What you learn here may inform your own decisions, without ever being quoted or passed on.",
    },
}

_JUDICIAL: Mapping[str, str] = {
    "fr": (
        "La police ou le parquet participent : ce qui leur est révélé n'est pas du secret professionnel partagé et "
        "n'est justifié que dans les limites de l'article 458ter."
    ),
    "nl": (
        "Politie of parket nemen deel: wat hun wordt onthuld, is geen gedeeld beroepsgeheim en is enkel binnen de "
        "grenzen van artikel 458ter gerechtvaardigd."
    ),
    "en": (
        "Police or the public prosecutor take part: what is disclosed to them is not shared professional secrecy and "
        "is justified only within the limits of article 458ter."
    ),
}


def secrecy_notice(language: str, *, bound_by_secrecy: bool, downstream_use_policy: str, judicial: bool) -> str:
    """The notice this participant acknowledges, in his language (French by default, D20)."""
    lang = language if language in _DUTY else "fr"
    parts = [_DUTY[lang]]
    if not bound_by_secrecy:
        parts.append(_DISCRETION[lang])
    if judicial:
        parts.append(_JUDICIAL[lang])
    parts.append(_DOWNSTREAM.get(downstream_use_policy, _DOWNSTREAM["view_only"])[lang])
    return "\n\n".join(parts)
