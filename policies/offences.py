"""The versioned catalogue of offences a concertation's prosecution scope may name (R12–R14, R49, R113).

**Reference data, not law.** R113 asks for legal reference data with validity dates; this module is that table
for offences of the Penal Code (C. pén. / Sw.). Every entry is `EXTERNAL` in the sense of requirements.md §0 and
Appendix 2: the seeds only speak of « infractions terroristes » and « organisation criminelle », so article numbers,
titles and dates were supplied from outside the seeds and must be checked on Justel / the Moniteur belge before
release. That is why every entry carries `to_verify=True`: a verified catalogue flips it entry by entry and bumps
`CATALOGUE_VERSION`. Where an entry-into-force date is not known for sure, its `note` says so.

**Why each offence lists the purposes it may serve.** Art. 458ter allows a concertation « exclusivement » to protect
physical and psychological integrity, to prevent the offences of Book II, Title I ter (terrorism, R12), or to
prevent offences committed within a criminal organisation as defined by art. 324bis (R13). The offences declared
at creation form the prosecution scope (R14), and secrets shared in the meeting may only ever lead to the
prosecution of those offences (R49). An offence therefore belongs in a scope only if it fits the concertation's
purpose: the terrorist offences serve only the terrorism purpose; the participation offences of art. 324ter
serve only the criminal-organisation purpose; offences against the person serve the integrity purpose, and the
few that are typically organised (trafficking in human beings, exploitation of prostitution) also the
criminal-organisation one. For that purpose the organisation link itself is checked separately (R13). The list
for it is deliberately narrow (fail closed, R115): widening it to any offence that can be committed within an
organisation is a product decision, not a guess made here.

**Definitions are not offences.** Art. 139 (terrorist group) and art. 324bis (criminal organisation) define
notions that the offences use; they cannot be prosecuted on their own and are not entries. The same goes for
art. 392 (definition of "volontaire") and art. 417/5 (consent).

**The 2022 renumbering.** The law of 21 March 2022 on sexual criminal law (M.B. 30 March 2022, in force
1 June 2022) moved sexual offences out of Book II, Title VII (arts. 371/1–378bis, 379–380ter, 383bis…) into a new
chapter I/1 of Title VIII (arts. 417/1 ff.): attentat à la pudeur became « atteinte à l'intégrité sexuelle »
(art. 417/7), voyeurism is art. 417/8, non-consensual dissemination art. 417/9 and rape art. 417/11. The old
entries are kept with `valid_until` so that a concertation dated before that day is still judged by the law then
in force; validity is the half-open interval ``[valid_from, valid_until)``, so an old entry's `valid_until` is
its successor's `valid_from`. The offences against minors, child sexual abuse material and the exploitation of
prostitution were moved as well; their new numbers could not be verified, so they are not yet in this catalogue
and the corresponding old entries have no successor here.

**Not modelled: the new Penal Code.** The law of 29 February 2024 introducing a new Book II of the Penal Code
(M.B. 8 April 2024) renumbers every offence in this file and is announced to apply from April 2026. Whether and
when it applies, and how its articles map onto these codes, must be settled before release; until then every
entry here stays `valid_until=None` unless the 2022 reform ended it.

**Codes.** ``cp_`` + the article number in lowercase: ``cp_398``, ``cp_140bis``; a slash becomes ``_``
(art. 417/11 → ``cp_417_11``); a paragraph is ``_par<n>`` (art. 324ter §1 → ``cp_324ter_par1``); a group of
articles kept together is ``_to_`` (arts. 327–330 → ``cp_327_to_330``). Codes are stable: an article that is
renumbered gets a new entry, never a changed code.

Pure standard library, no clock: every date is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from policies.vocab import PurposeCategory

__all__ = [
    "CATALOGUE_STATUS",
    "CATALOGUE_VERSION",
    "OFFENCES",
    "Offence",
    "check_catalogue",
    "get_offence",
    "is_in_force",
    "offences_for",
]

#: Bumped whenever an entry, a date or a purpose changes, so that a decision can name the data it used (R113).
CATALOGUE_VERSION: str = "2026-11-22.1"
CATALOGUE_STATUS: str = "reference data to verify on Justel before release (EXTERNAL, requirements.md Appendix 2)"

CODE_PATTERN = re.compile(r"^cp_[0-9a-z_]+$")
MAX_TITLE_LENGTH = 120


@dataclass(frozen=True, slots=True)
class Offence:
    """One offence of the Penal Code, valid on ``[valid_from, valid_until)``, and the purposes it may serve."""

    code: str
    article: str
    title_fr: str
    title_nl: str
    title_en: str
    purposes: frozenset[PurposeCategory]
    valid_from: date
    valid_until: date | None
    to_verify: bool
    note: str = ""

    def __post_init__(self) -> None:
        # An entry that breaks these rules cannot exist, so a validator never meets a half-formed offence.
        if not CODE_PATTERN.fullmatch(self.code):
            raise ValueError(f"offence code {self.code!r} does not match {CODE_PATTERN.pattern}")
        if not self.article.strip():
            raise ValueError(f"{self.code}: article is empty")
        for lang, title in (("fr", self.title_fr), ("nl", self.title_nl), ("en", self.title_en)):
            if not title.strip():
                raise ValueError(f"{self.code}: title_{lang} is empty")
            if len(title) > MAX_TITLE_LENGTH:
                raise ValueError(f"{self.code}: title_{lang} is longer than {MAX_TITLE_LENGTH} characters")
        if not self.purposes:
            raise ValueError(f"{self.code}: serves no purpose")
        if not all(isinstance(p, PurposeCategory) for p in self.purposes):
            raise ValueError(f"{self.code}: purposes must be PurposeCategory values")
        if self.valid_until is not None and self.valid_until <= self.valid_from:
            raise ValueError(f"{self.code}: valid_until must be after valid_from")


_INTEGRITY = frozenset({PurposeCategory.PROTECT_INTEGRITY})
_TERRORISM = frozenset({PurposeCategory.PREVENT_TERRORIST_OFFENCES})
_ORGANISATION = frozenset({PurposeCategory.PREVENT_CRIMINAL_ORGANISATION_OFFENCES})
_INTEGRITY_AND_ORGANISATION = _INTEGRITY | _ORGANISATION

#: Entry into force of the Penal Code of 8 June 1867; used for articles that date from it (later rewordings in note).
_CODE_1867 = date(1867, 10, 15)
#: Law of 19 December 2003 on terrorist offences (M.B. 29 December 2003): Book II, Title I ter.
_LAW_2003_TERRORISM = date(2004, 1, 8)
#: Law of 18 February 2013 (M.B. 4 March 2013): arts. 140bis–140quinquies.
_LAW_2013_TERRORISM = date(2013, 3, 14)
#: Law of 28 November 2000 on the criminal protection of minors (M.B. 17 March 2001).
_LAW_2000_MINORS = date(2001, 3, 27)
#: Law of 21 March 2022 on sexual criminal law (M.B. 30 March 2022), in force 1 June 2022.
_LAW_2022_SEXUAL = date(2022, 6, 1)

_NOTE_2003 = "Law of 19 Dec 2003 (M.B. 29 Dec 2003); entry into force 8 Jan 2004 to verify."
_NOTE_2013 = "Inserted by the law of 18 Feb 2013 (M.B. 4 Mar 2013); entry into force to verify."
_NOTE_1996 = (
    "Law of 28 Oct 1996 (M.B. 24 Nov 1996), in force date to verify; 324bis/324ter reworded by the law of "
    "10 Aug 2005. The organisation link itself is checked under R13."
)
_NOTE_2000 = "Current wording from the law of 28 Nov 2000 (M.B. 17 Mar 2001); in force 27 Mar 2001 to verify."
_NOTE_REPLACED_2022 = "Repealed on 1 June 2022 by the law of 21 March 2022; "
_NOTE_NEW_2022 = "Inserted by the law of 21 March 2022, in force 1 June 2022; numbering in chapter I/1 to verify. "


def _offence(
    *,
    code: str,
    article: str,
    fr: str,
    nl: str,
    en: str,
    purposes: frozenset[PurposeCategory],
    valid_from: date,
    valid_until: date | None = None,
    note: str = "",
) -> Offence:
    return Offence(code, article, fr, nl, en, purposes, valid_from, valid_until, to_verify=True, note=note)


OFFENCES: tuple[Offence, ...] = (
    # --- Book II, Title I ter: terrorist offences (R12) -------------------------------------------------------
    _offence(
        code="cp_137",
        article="arts. 137–138 C. pén.",
        fr="Infraction terroriste",
        nl="Terroristisch misdrijf",
        en="Terrorist offence",
        purposes=_TERRORISM,
        valid_from=_LAW_2003_TERRORISM,
        note="Art. 137 defines the terrorist offence (§3 adds further acts, incl. the threat), art. 138 its penalties. "
        + _NOTE_2003,
    ),
    _offence(
        code="cp_140",
        article="art. 140 C. pén.",
        fr="Participation à une activité d'un groupe terroriste ou direction de celui-ci",
        nl="Deelneming aan een activiteit van een terroristische groep of leiding ervan",
        en="Participation in the activity of a terrorist group, or leading it",
        purposes=_TERRORISM,
        valid_from=_LAW_2003_TERRORISM,
        note="§1 participation, §2 leader; 'terrorist group' is defined by art. 139. " + _NOTE_2003,
    ),
    _offence(
        code="cp_140bis",
        article="art. 140bis C. pén.",
        fr="Incitation publique à commettre une infraction terroriste",
        nl="Openbaar aanzetten tot het plegen van een terroristisch misdrijf",
        en="Public incitement to commit a terrorist offence",
        purposes=_TERRORISM,
        valid_from=_LAW_2013_TERRORISM,
        note=_NOTE_2013 + " Amended in 2016, partly annulled by the Constitutional Court (ruling 31/2018, to verify).",
    ),
    _offence(
        code="cp_140ter",
        article="art. 140ter C. pén.",
        fr="Recrutement en vue de commettre une infraction terroriste",
        nl="Werving voor het plegen van een terroristisch misdrijf",
        en="Recruitment for the commission of a terrorist offence",
        purposes=_TERRORISM,
        valid_from=_LAW_2013_TERRORISM,
        note=_NOTE_2013,
    ),
    _offence(
        code="cp_140quater",
        article="art. 140quater C. pén.",
        fr="Donner des instructions ou une formation en vue de commettre une infraction terroriste",
        nl="Geven van onderrichtingen of een opleiding voor het plegen van een terroristisch misdrijf",
        en="Providing instruction or training for the commission of a terrorist offence",
        purposes=_TERRORISM,
        valid_from=_LAW_2013_TERRORISM,
        note=_NOTE_2013,
    ),
    _offence(
        code="cp_140quinquies",
        article="art. 140quinquies C. pén.",
        fr="Se faire donner des instructions ou suivre une formation en vue de commettre une infraction terroriste",
        nl="Zich laten onderrichten of een opleiding volgen voor het plegen van een terroristisch misdrijf",
        en="Receiving instruction or training for the commission of a terrorist offence",
        purposes=_TERRORISM,
        valid_from=_LAW_2013_TERRORISM,
        note=_NOTE_2013 + " Extended in 2016 (self-training); to verify.",
    ),
    _offence(
        code="cp_140sexies",
        article="art. 140sexies C. pén.",
        fr="Quitter ou entrer sur le territoire national en vue de commettre une infraction terroriste",
        nl="Het nationaal grondgebied verlaten of betreden met het oog op het plegen van een terroristisch misdrijf",
        en="Travelling from or to Belgium to commit a terrorist offence",
        purposes=_TERRORISM,
        valid_from=date(2015, 8, 15),
        note="Inserted by the law of 20 July 2015 (M.B. 5 Aug 2015); entering Belgium added in 2016. Dates to verify.",
    ),
    _offence(
        code="cp_140septies",
        article="art. 140septies C. pén.",
        fr="Préparation d'une infraction terroriste",
        nl="Voorbereiding van een terroristisch misdrijf",
        en="Preparation of a terrorist offence",
        purposes=_TERRORISM,
        valid_from=date(2017, 1, 1),
        note="Inserted by the law of 14 Dec 2016 (M.B. 22 Dec 2016); entry into force to verify.",
    ),
    _offence(
        code="cp_141",
        article="art. 141 C. pén.",
        fr="Fourniture de moyens matériels, y compris une aide financière, à une infraction terroriste",
        nl="Verstrekken van materiële middelen, met inbegrip van financiële hulp, voor een terroristisch misdrijf",
        en="Providing material resources, including financial support, for a terrorist offence",
        purposes=_TERRORISM,
        valid_from=_LAW_2003_TERRORISM,
        note="Outside the cases of art. 140. " + _NOTE_2003,
    ),
    # --- Criminal organisation, art. 324ter (R13); art. 324bis is the definition, not an entry ----------------
    _offence(
        code="cp_324ter_par1",
        article="art. 324ter §1 C. pén.",
        fr="Faire partie d'une organisation criminelle",
        nl="Deel uitmaken van een criminele organisatie",
        en="Membership of a criminal organisation",
        purposes=_ORGANISATION,
        valid_from=date(1996, 12, 4),
        note="Knowingly and willingly, where the organisation uses intimidation, violence, corruption… " + _NOTE_1996,
    ),
    _offence(
        code="cp_324ter_par2",
        article="art. 324ter §2 C. pén.",
        fr="Participation à une activité licite d'une organisation criminelle",
        nl="Deelneming aan een legale activiteit van een criminele organisatie",
        en="Participation in a lawful activity of a criminal organisation",
        purposes=_ORGANISATION,
        valid_from=date(1996, 12, 4),
        note="Knowing that the participation contributes to its aims. " + _NOTE_1996,
    ),
    _offence(
        code="cp_324ter_par3",
        article="art. 324ter §3 C. pén.",
        fr="Participation à la prise de décision d'une organisation criminelle",
        nl="Deelneming aan het nemen van beslissingen binnen een criminele organisatie",
        en="Participation in the decision-making of a criminal organisation",
        purposes=_ORGANISATION,
        valid_from=date(1996, 12, 4),
        note=_NOTE_1996,
    ),
    _offence(
        code="cp_324ter_par4",
        article="art. 324ter §4 C. pén.",
        fr="Direction d'une organisation criminelle",
        nl="Leidende persoon van een criminele organisatie",
        en="Leading a criminal organisation",
        purposes=_ORGANISATION,
        valid_from=date(1996, 12, 4),
        note=_NOTE_1996,
    ),
    # --- Threats and deprivation of liberty (integrity) --------------------------------------------------------
    _offence(
        code="cp_327_to_330",
        article="arts. 327–330 C. pén.",
        fr="Menaces d'attentat contre les personnes",
        nl="Bedreiging met een aanslag op personen",
        en="Threats of an attack on persons",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
        note="Kept as one group: the split between the articles (order/condition, gestures) is to verify. "
        "Threats against property only are outside the integrity purpose.",
    ),
    _offence(
        code="cp_347bis",
        article="art. 347bis C. pén.",
        fr="Prise d'otages",
        nl="Gijzeling",
        en="Hostage taking",
        purposes=_INTEGRITY,
        valid_from=date(1975, 7, 2),
        note="Inserted by the law of 2 July 1975; date is that of the law, entry into force to verify.",
    ),
    # --- Sexual offences before 1 June 2022 (Book II, Title VII) ----------------------------------------------
    _offence(
        code="cp_371_1",
        article="art. 371/1 C. pén.",
        fr="Voyeurisme",
        nl="Voyeurisme",
        en="Voyeurism",
        purposes=_INTEGRITY,
        valid_from=date(2016, 2, 29),
        valid_until=_LAW_2022_SEXUAL,
        note="Law of 1 Feb 2016 (M.B. 19 Feb 2016), in force date to verify. "
        + _NOTE_REPLACED_2022
        + "successor: cp_417_8.",
    ),
    _offence(
        code="cp_372",
        article="art. 372 C. pén.",
        fr="Attentat à la pudeur sans violences ni menaces sur un mineur",
        nl="Aanranding van de eerbaarheid zonder geweld of bedreiging op een minderjarige",
        en="Indecent assault without violence or threats on a minor",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
        valid_until=_LAW_2022_SEXUAL,
        note="Wording as amended (notably 2000). "
        + _NOTE_REPLACED_2022
        + "successor in the minors' section of chapter I/1 (not yet catalogued).",
    ),
    _offence(
        code="cp_373",
        article="art. 373 C. pén.",
        fr="Attentat à la pudeur avec violences ou menaces",
        nl="Aanranding van de eerbaarheid met geweld of bedreiging",
        en="Indecent assault with violence or threats",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
        valid_until=_LAW_2022_SEXUAL,
        note=_NOTE_REPLACED_2022 + "successor: cp_417_7.",
    ),
    _offence(
        code="cp_375",
        article="art. 375 C. pén.",
        fr="Viol",
        nl="Verkrachting",
        en="Rape",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
        valid_until=_LAW_2022_SEXUAL,
        note="Definition rewritten by the law of 4 July 1989. " + _NOTE_REPLACED_2022 + "successor: cp_417_11.",
    ),
    _offence(
        code="cp_376",
        article="art. 376 C. pén.",
        fr="Viol ou attentat à la pudeur aggravé (mort, tortures, séquestration)",
        nl="Verzwaarde verkrachting of aanranding van de eerbaarheid (dood, foltering, opsluiting)",
        en="Aggravated rape or indecent assault (death, torture, confinement)",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
        valid_until=_LAW_2022_SEXUAL,
        note="Aggravating circumstances of arts. 372–375; exact list to verify. "
        + _NOTE_REPLACED_2022
        + "successors not yet catalogued.",
    ),
    _offence(
        code="cp_377",
        article="art. 377 C. pén.",
        fr="Viol ou attentat à la pudeur aggravé par la qualité de l'auteur (ascendant, autorité)",
        nl="Verkrachting of aanranding van de eerbaarheid verzwaard door de hoedanigheid van de dader",
        en="Rape or indecent assault aggravated by the offender's position (ascendant, authority)",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
        valid_until=_LAW_2022_SEXUAL,
        note="Exact list of qualities to verify. "
        + _NOTE_REPLACED_2022
        + "incest now has its own provisions (not yet catalogued).",
    ),
    _offence(
        code="cp_377quater",
        article="art. 377quater C. pén.",
        fr="Approche d'un mineur par des moyens électroniques en vue de commettre une infraction sexuelle",
        nl="Benaderen van een minderjarige via elektronische middelen om een seksueel misdrijf te plegen",
        en="Approaching a minor online to commit a sexual offence (grooming)",
        purposes=_INTEGRITY,
        valid_from=date(2014, 5, 10),
        valid_until=_LAW_2022_SEXUAL,
        note="Inserted by the law of 10 Apr 2014; publication and in force date to verify. "
        + _NOTE_REPLACED_2022
        + "successor not yet catalogued.",
    ),
    _offence(
        code="cp_379",
        article="art. 379 C. pén.",
        fr="Incitation d'un mineur à la débauche ou à la prostitution",
        nl="Aanzetten van een minderjarige tot ontucht of prostitutie",
        en="Inciting a minor to debauchery or prostitution",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
        valid_until=_LAW_2022_SEXUAL,
        note="Wording as amended in 1995 and 2000. " + _NOTE_REPLACED_2022 + "successor not yet catalogued.",
    ),
    _offence(
        code="cp_380",
        article="art. 380 C. pén.",
        fr="Exploitation de la débauche ou de la prostitution d'autrui",
        nl="Exploitatie van ontucht of prostitutie van een ander",
        en="Exploiting the debauchery or prostitution of others",
        purposes=_INTEGRITY_AND_ORGANISATION,
        valid_from=_CODE_1867,
        valid_until=_LAW_2022_SEXUAL,
        note="Covers adults and minors (§§4–5). "
        + _NOTE_REPLACED_2022
        + "pimping moved to art. 433quater/1 ff. (number to verify; not yet catalogued).",
    ),
    _offence(
        code="cp_383bis",
        article="art. 383bis §§1–2 C. pén.",
        fr="Pédopornographie (matériel d'abus sexuels d'enfants)",
        nl="Kinderpornografie (materiaal van seksueel misbruik van kinderen)",
        en="Child sexual abuse material",
        purposes=_INTEGRITY,
        valid_from=date(1995, 5, 5),
        valid_until=_LAW_2022_SEXUAL,
        note="Inserted by the law of 13 Apr 1995, in force date to verify. "
        + _NOTE_REPLACED_2022
        + "successor not yet catalogued.",
    ),
    # --- Sexual offences from 1 June 2022 (Book II, Title VIII, chapter I/1) ------------------------------------
    _offence(
        code="cp_417_7",
        article="art. 417/7 C. pén.",
        fr="Atteinte à l'intégrité sexuelle",
        nl="Aantasting van de seksuele integriteit",
        en="Sexual assault (violation of sexual integrity)",
        purposes=_INTEGRITY,
        valid_from=_LAW_2022_SEXUAL,
        note=_NOTE_NEW_2022 + "Replaces the attentat à la pudeur (cp_373).",
    ),
    _offence(
        code="cp_417_8",
        article="art. 417/8 C. pén.",
        fr="Voyeurisme",
        nl="Voyeurisme",
        en="Voyeurism",
        purposes=_INTEGRITY,
        valid_from=_LAW_2022_SEXUAL,
        note=_NOTE_NEW_2022 + "Replaces cp_371_1.",
    ),
    _offence(
        code="cp_417_9",
        article="art. 417/9 C. pén.",
        fr="Diffusion non consentie de contenus à caractère sexuel",
        nl="Niet-consensuele verspreiding van seksueel getinte inhoud",
        en="Non-consensual dissemination of sexual content",
        purposes=_INTEGRITY,
        valid_from=_LAW_2022_SEXUAL,
        note=_NOTE_NEW_2022 + "The 2020 provisions it replaces (arts. 371/2–371/3) are not catalogued.",
    ),
    _offence(
        code="cp_417_11",
        article="art. 417/11 C. pén.",
        fr="Viol",
        nl="Verkrachting",
        en="Rape",
        purposes=_INTEGRITY,
        valid_from=_LAW_2022_SEXUAL,
        note=_NOTE_NEW_2022 + "Replaces cp_375.",
    ),
    # --- Forced marriage -----------------------------------------------------------------------------------------
    _offence(
        code="cp_391sexies",
        article="art. 391sexies C. pén.",
        fr="Mariage forcé",
        nl="Gedwongen huwelijk",
        en="Forced marriage",
        purposes=_INTEGRITY,
        valid_from=date(2007, 6, 25),
        note="Inserted by the law of 25 Apr 2007 (M.B. 15 June 2007); entry into force to verify.",
    ),
    # --- Homicide and intentional bodily harm (Title VIII, chapter I) -------------------------------------------
    _offence(
        code="cp_393",
        article="art. 393 C. pén.",
        fr="Meurtre",
        nl="Doodslag",
        en="Intentional homicide",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
    ),
    _offence(
        code="cp_394",
        article="art. 394 C. pén.",
        fr="Assassinat",
        nl="Moord",
        en="Murder (premeditated intentional homicide)",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
    ),
    _offence(
        code="cp_397",
        article="art. 397 C. pén.",
        fr="Empoisonnement",
        nl="Vergiftiging",
        en="Poisoning (homicide by a lethal substance)",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
        note="Art. 396 (infanticide in the 1867 text) is not catalogued: its current state is to verify.",
    ),
    _offence(
        code="cp_398",
        article="art. 398 C. pén.",
        fr="Coups et blessures volontaires",
        nl="Opzettelijke slagen en verwondingen",
        en="Intentional assault and battery",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
    ),
    _offence(
        code="cp_399",
        article="art. 399 C. pén.",
        fr="Coups et blessures volontaires ayant causé une maladie ou une incapacité de travail",
        nl="Opzettelijke slagen en verwondingen met ziekte of arbeidsongeschiktheid tot gevolg",
        en="Intentional assault causing illness or inability to work",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
    ),
    _offence(
        code="cp_400",
        article="art. 400 C. pén.",
        fr="Coups et blessures volontaires causant une maladie incurable, une incapacité permanente ou une mutilation",
        nl="Opzettelijke slagen en verwondingen met ongeneeslijke ziekte, blijvende ongeschiktheid of verminking",
        en="Intentional assault causing incurable illness, permanent incapacity or serious mutilation",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
    ),
    _offence(
        code="cp_401",
        article="art. 401 C. pén.",
        fr="Coups et blessures volontaires ayant causé la mort sans intention de la donner",
        nl="Opzettelijke slagen en verwondingen met de dood tot gevolg, zonder het oogmerk om te doden",
        en="Intentional assault causing death without intent to kill",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
    ),
    _offence(
        code="cp_402_to_405",
        article="arts. 402–405 C. pén.",
        fr="Administration volontaire de substances pouvant donner la mort ou altérer gravement la santé",
        nl="Opzettelijke toediening van stoffen die de dood kunnen veroorzaken of de gezondheid zwaar kunnen schaden",
        en="Wilfully administering substances that can kill or seriously harm health",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
        note="Kept as one group (graded by the consequences); the split between the articles is to verify.",
    ),
    _offence(
        code="cp_405bis",
        article="art. 405bis C. pén.",
        fr="Violences (art. 398 à 405) sur un mineur ou une personne vulnérable — circonstance aggravante",
        nl="Geweld (art. 398 tot 405) tegen een minderjarige of kwetsbare persoon — verzwarende omstandigheid",
        en="Violence (arts. 398–405) against a minor or vulnerable person — aggravating circumstance",
        purposes=_INTEGRITY,
        valid_from=_LAW_2000_MINORS,
        note="Cited together with the base offence. " + _NOTE_2000,
    ),
    _offence(
        code="cp_405ter",
        article="art. 405ter C. pén.",
        fr="Violences sur un mineur par un parent ou une personne ayant autorité — circonstance aggravante",
        nl="Geweld tegen een minderjarige door een ouder of persoon met gezag — verzwarende omstandigheid",
        en="Violence against a minor by a parent or person in authority — aggravating circumstance",
        purposes=_INTEGRITY,
        valid_from=_LAW_2000_MINORS,
        note="Cited together with the base offence. " + _NOTE_2000,
    ),
    _offence(
        code="cp_409",
        article="art. 409 C. pén.",
        fr="Mutilation des organes génitaux d'une personne de sexe féminin",
        nl="Verminking van de genitaliën van een persoon van het vrouwelijk geslacht",
        en="Female genital mutilation",
        purposes=_INTEGRITY,
        valid_from=_LAW_2000_MINORS,
        note="Inserted by the law of 28 Nov 2000; entry into force 27 Mar 2001 to verify.",
    ),
    _offence(
        code="cp_410",
        article="art. 410 C. pén.",
        fr="Violences (art. 398 à 405) envers un ascendant, le conjoint ou le partenaire — circonstance aggravante",
        nl="Geweld (art. 398 tot 405) tegen een bloedverwant in opgaande lijn, echtgenoot of partner — verzwaring",
        en="Violence (arts. 398–405) against an ascendant, spouse or partner — aggravating circumstance",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
        note="Cited together with the base offence; spouse and partner added by the law of 24 Nov 1997 "
        "(intimate partner violence). Wording and dates to verify.",
    ),
    _offence(
        code="cp_417ter",
        article="art. 417ter C. pén.",
        fr="Torture",
        nl="Foltering",
        en="Torture",
        purposes=_INTEGRITY,
        valid_from=date(2002, 8, 24),
        note="Arts. 417bis–417quinquies inserted by the law of 14 June 2002 (M.B. 14 Aug 2002); date to verify.",
    ),
    _offence(
        code="cp_417quater",
        article="art. 417quater C. pén.",
        fr="Traitement inhumain",
        nl="Onmenselijke behandeling",
        en="Inhuman treatment",
        purposes=_INTEGRITY,
        valid_from=date(2002, 8, 24),
        note="Law of 14 June 2002 (M.B. 14 Aug 2002); date to verify.",
    ),
    _offence(
        code="cp_417quinquies",
        article="art. 417quinquies C. pén.",
        fr="Traitement dégradant",
        nl="Onterende behandeling",
        en="Degrading treatment",
        purposes=_INTEGRITY,
        valid_from=date(2002, 8, 24),
        note="Law of 14 June 2002 (M.B. 14 Aug 2002); date to verify.",
    ),
    # --- Failure to assist, abandonment, deprivation of care ------------------------------------------------------
    _offence(
        code="cp_422bis",
        article="art. 422bis C. pén.",
        fr="Abstention coupable (non-assistance à personne en grand péril)",
        nl="Schuldig hulpverzuim (geen hulp verlenen aan een persoon in groot gevaar)",
        en="Failure to assist a person in grave danger",
        purposes=_INTEGRITY,
        valid_from=date(1961, 1, 6),
        note="Inserted by the law of 6 Jan 1961; date is that of the law, entry into force to verify.",
    ),
    _offence(
        code="cp_423",
        article="art. 423 C. pén.",
        fr="Délaissement ou abandon dans le besoin d'un mineur ou d'une personne vulnérable",
        nl="Verlaten of achterlaten in behoeftige toestand van een minderjarige of kwetsbare persoon",
        en="Abandoning a minor or vulnerable person in need",
        purposes=_INTEGRITY,
        valid_from=_LAW_2000_MINORS,
        note="Earlier wordings are not modelled. " + _NOTE_2000,
    ),
    _offence(
        code="cp_425_to_426",
        article="arts. 425–426 C. pén.",
        fr="Privation d'aliments ou de soins d'un mineur ou d'une personne vulnérable",
        nl="Onthouding van voedsel of verzorging aan een minderjarige of kwetsbare persoon",
        en="Depriving a minor or vulnerable person of food or care",
        purposes=_INTEGRITY,
        valid_from=_LAW_2000_MINORS,
        note="Kept as one group; what art. 426 adds to art. 425 is to verify. " + _NOTE_2000,
    ),
    _offence(
        code="cp_434",
        article="art. 434 C. pén.",
        fr="Arrestation ou détention arbitraire par un particulier",
        nl="Wederrechtelijke vrijheidsberoving door een particulier",
        en="Unlawful arrest or detention by a private person",
        purposes=_INTEGRITY,
        valid_from=_CODE_1867,
        note="Aggravated forms (arts. 435–438: duration, threats, torture) are not catalogued separately; to verify.",
    ),
    # --- Trafficking in human beings, harassment -------------------------------------------------------------------
    _offence(
        code="cp_433quinquies",
        article="art. 433quinquies C. pén.",
        fr="Traite des êtres humains",
        nl="Mensenhandel",
        en="Trafficking in human beings",
        purposes=_INTEGRITY_AND_ORGANISATION,
        valid_from=date(2005, 9, 12),
        note="Inserted by the law of 10 Aug 2005 (M.B. 2 Sept 2005); entry into force to verify. Aggravating "
        "circumstances (433septies, 433octies) and smuggling (special law of 15 Dec 1980) are not catalogued.",
    ),
    _offence(
        code="cp_442bis",
        article="art. 442bis C. pén.",
        fr="Harcèlement",
        nl="Belaging",
        en="Harassment (stalking)",
        purposes=_INTEGRITY,
        valid_from=date(1998, 12, 27),
        note="Inserted by the law of 30 Oct 1998 (M.B. 17 Dec 1998); entry into force to verify.",
    ),
)


def check_catalogue(offences: Iterable[Offence]) -> dict[str, Offence]:
    """Index a catalogue by code; a code used twice makes the whole catalogue unusable (fail closed, R115)."""
    index: dict[str, Offence] = {}
    for offence in offences:
        if offence.code in index:
            raise ValueError(f"offence code {offence.code!r} appears twice in the catalogue")
        index[offence.code] = offence
    return index


_BY_CODE: Mapping[str, Offence] = check_catalogue(OFFENCES)
_BY_PURPOSE: Mapping[PurposeCategory, tuple[Offence, ...]] = {
    purpose: tuple(o for o in OFFENCES if purpose in o.purposes) for purpose in PurposeCategory
}


def get_offence(code: str) -> Offence | None:
    """The catalogue entry for `code`, or None. Codes are exact: no case folding, no trimming."""
    return _BY_CODE.get(code)


def is_in_force(offence: Offence, on: date) -> bool:
    """R113 — whether the entry applies on `on`: ``valid_from <= on < valid_until``."""
    return offence.valid_from <= on and (offence.valid_until is None or on < offence.valid_until)


def offences_for(purpose: PurposeCategory, on: date) -> tuple[Offence, ...]:
    """R12–R14 — the offences in force on `on` that a concertation with this purpose may put in its scope.

    In catalogue order. An unknown purpose gets nothing (R115).
    """
    return tuple(o for o in _BY_PURPOSE.get(purpose, ()) if is_in_force(o, on))
