"""The legal grounds cited in violations, in one place so that a citation is written once.

Statutory wording is quoted in `requirements.md`; cross-references marked EXTERNAL there are to be verified on
Justel before release (Appendix 2).
"""

from __future__ import annotations

ART_458TER = "art. 458ter §1 C. pén."
ART_458TER_BASIS = "art. 458ter §1 al. 1 C. pén. (loi, décret, ordonnance ou autorisation motivée du procureur du Roi)"
ART_458TER_DETERMINES = "art. 458ter §1 al. 3 C. pén. (qui peut participer, finalité, modalités)"
ART_458TER_PURPOSE = "art. 458ter §1 al. 2 C. pén. (« exclusivement »)"
ART_458TER_SCOPE = "art. 458ter §2 C. pén. (poursuite des seuls délits pour lesquels la concertation a été organisée)"
ART_458TER_SECRECY = "art. 458ter §2 C. pén. et art. 458 C. pén."
ART_458TER_TITLE_I_TER = "art. 458ter §1 C. pén. et Livre II, Titre Ier ter C. pén."
ART_458TER_324BIS = "art. 458ter §1 C. pén. et art. 324bis C. pén."
LAW_6_JULY_2017 = "loi du 6 juillet 2017 (Pot-pourri V), art. 458ter C. pén."
REC_SDJ = "recommandation SDJ (avis sur le projet Pot-pourri V)"
REC_SDJ_SUBSIDIARITY = "recommandation SDJ ; Protocol van Moed (« dernière alternative »)"
REC_SDJ_PROSECUTOR = "recommandation SDJ (accord préalable et éclairé pour la présence du procureur)"
REC_MEERSSEMAN = "recommandation Meersseman ; Donnet, Dubois, Guilbau"
REC_NOUWYNCK = "recommandation Nouwynck ; Donnet, Dubois, Guilbau (transparence du mandat)"
PILOT_CO3 = "pratique CO3 ; Meersseman (présence de la personne)"
PILOT_PVM = "Protocol van Moed ; conception (président et demandeur)"
CIRCULAR_PRECISION = "circulaire SPW (précision de l'identification) ; Donnet, Dubois, Guilbau"
SECRECY_OF_EXISTENCE = "art. 458 C. pén. (le secret couvre jusqu'à l'existence du suivi) ; Meersseman"
STRICT_INTERPRETATION = "interprétation stricte des exceptions (circulaire SPW)"
DESIGN = "conception (mise en œuvre d'art. 458ter C. pén.)"

# The other regimes of disclosure (rule book sections I and L).
SHARED_SECRECY = "secret professionnel partagé : conditions cumulatives (jurisprudence ; circulaire CPAS)"
NO_SHARED_SECRECY_AT_SCHOOL = "Donnet, Dubois, Guilbau (pas de secret partagé avec les enseignants)"
CONSENT_NOT_SUFFICIENT = "art. 458 C. pén. (le secret est d'ordre public) ; Nouwynck"
MASTER_OF_SECRET = "Donnet, Dubois, Guilbau (le maître du secret n'est pas tenu par le secret partagé)"  # noqa: S105 - a citation, not a password
TEAM_SHARING = "recommandation Meersseman ; circulaire CPAS (travail en équipe)"
HIERARCHY_SHARING = "Donnet, Dubois, Guilbau (hiérarchie : données anonymes, jamais imposé)"
NO_EXCHANGE_WITH_RELATIVES = "recommandation Meersseman (refuser tout échange entre deux portes ou au téléphone)"
ART_458BIS = "art. 458bis C. pén."
ART_458BIS_THRESHOLD = "art. 458bis C. pén. (péril grave et imminent, danger sérieux et réel) ; Nouwynck"
ART_458BIS_DUTY_TO_HELP = "art. 458bis C. pén. (« sans préjudice » de l'art. 422bis C. pén.)"
ART_458QUATER_LAWYER = "art. 458quater C. pén. (l'avocat et les informations de son client)"
# Art. 46bis/1 C. i. cr. (rule book section J).
ART_46BIS1 = "art. 46bis/1 C. i. cr. (décision écrite et motivée du procureur du Roi)"
ART_46BIS1_TERRORISM = "art. 46bis/1 C. i. cr. (recherches en matière d'infractions terroristes) ; C. const. 44/2019"
ART_46BIS1_INSTITUTION = (
    "art. 46bis/1 C. i. cr. (l'obligation vise l'institution) ; circulaire du Ministre de l'Intégration sociale"
)
ART_46BIS1_ADMINISTRATIVE = "art. 46bis/1 C. i. cr. (renseignements administratifs) ; C. const. 44/2019"
ART_46BIS1_FINE = "art. 46bis/1, dernier alinéa, C. i. cr. (amende de 26 à 10 000 euros)"
ART_46BIS1_SECRECY = "art. 46bis/1 C. i. cr. (secret de la demande)"
CC_44_2019 = "C. const., arrêt 44/2019 du 14 mars 2019 (annulation de l'obligation de déclaration active)"
STATE_OF_NECESSITY = "état de nécessité (Cass., 18 juin 2010) ; art. 458 C. pén."
NECESSITY_ASSESSMENT = "Donnet, Dubois, Guilbau ; recommandation Meersseman (se concerter, parler à la personne)"
ART_422BIS = "art. 422bis C. pén. (abstention coupable : orientation, jamais un déclencheur)"
ART_29_CIC = "art. 29 C. i. cr. (ne prévaut pas sur le secret professionnel)"
SUSPECT_NO_SHIELD = "Nouwynck ; Donnet, Dubois, Guilbau (le professionnel lui-même soupçonné)"
FWB_MALTREATMENT_DECREE = (
    "décret de la Communauté française du 12 mai 2004, art. 3 §2 (enfants victimes de maltraitance)"
)


# ------------------------------------------------------------------------------------------- in the reader's language
#
# The Penal Code is official in French and in Dutch (the Strafwetboek, "Sw."): a Dutch reader gets the Dutch
# citation of the same article. There is no official English text: an English reader gets the citation in English
# and, in brackets, the French official one it translates, so that it can be looked up on Justel as written. The
# French constants above stay the keys: policies and the audit trail cite them, only the answer is translated.

_DUTCH_OFFICIAL: dict[str, str] = {
    ART_458TER: "art. 458ter §1 Sw.",
    ART_458TER_BASIS: "art. 458ter §1, eerste lid Sw. (wet, decreet, ordonnantie of gemotiveerde machtiging van de "
    "procureur des Konings)",
    ART_458TER_DETERMINES: "art. 458ter §1, derde lid Sw. (wie mag deelnemen, doel, nadere regels)",
    ART_458TER_PURPOSE: "art. 458ter §1, tweede lid Sw. (« uitsluitend »)",
    ART_458TER_SCOPE: "art. 458ter §2 Sw. (enkel vervolging van de misdrijven waarvoor het overleg werd georganiseerd)",
    ART_458TER_SECRECY: "art. 458ter §2 Sw. en art. 458 Sw.",
    ART_458TER_TITLE_I_TER: "art. 458ter §1 Sw. en Boek II, Titel Iter Sw.",
    ART_458TER_324BIS: "art. 458ter §1 Sw. en art. 324bis Sw.",
    LAW_6_JULY_2017: "wet van 6 juli 2017 (Potpourri V), art. 458ter Sw.",
    REC_SDJ: "aanbeveling DVJ/SDJ (advies over het ontwerp Potpourri V)",
    REC_SDJ_SUBSIDIARITY: "aanbeveling DVJ/SDJ; Protocol van Moed (« laatste alternatief »)",
    REC_SDJ_PROSECUTOR: "aanbeveling DVJ/SDJ (voorafgaande en geïnformeerde instemming met de aanwezigheid van de "
    "procureur)",
    REC_MEERSSEMAN: "aanbeveling Meersseman; Donnet, Dubois, Guilbau",
    REC_NOUWYNCK: "aanbeveling Nouwynck; Donnet, Dubois, Guilbau (transparantie over het mandaat)",
    PILOT_CO3: "praktijk CO3; Meersseman (aanwezigheid van de persoon)",
    PILOT_PVM: "Protocol van Moed; ontwerp (voorzitter en aanvrager)",
    CIRCULAR_PRECISION: "omzendbrief SPW (nauwkeurige identificatie); Donnet, Dubois, Guilbau",
    SECRECY_OF_EXISTENCE: "art. 458 Sw. (het geheim dekt zelfs het bestaan van de begeleiding); Meersseman",
    STRICT_INTERPRETATION: "strikte interpretatie van de uitzonderingen (omzendbrief SPW)",
    DESIGN: "ontwerp (uitvoering van art. 458ter Sw.)",
    SHARED_SECRECY: "gedeeld beroepsgeheim: cumulatieve voorwaarden (rechtspraak; OCMW-omzendbrief)",
    NO_SHARED_SECRECY_AT_SCHOOL: "Donnet, Dubois, Guilbau (geen gedeeld geheim met leerkrachten)",
    CONSENT_NOT_SUFFICIENT: "art. 458 Sw. (het geheim is van openbare orde); Nouwynck",
    MASTER_OF_SECRET: "Donnet, Dubois, Guilbau (de meester van het geheim is niet gebonden door het gedeeld geheim)",
    TEAM_SHARING: "aanbeveling Meersseman; OCMW-omzendbrief (teamwerk)",
    HIERARCHY_SHARING: "Donnet, Dubois, Guilbau (hiërarchie: anonieme gegevens, nooit opgelegd)",
    NO_EXCHANGE_WITH_RELATIVES: "aanbeveling Meersseman (geen uitwisseling tussen de deur of aan de telefoon)",
    ART_458BIS: "art. 458bis Sw.",
    ART_458BIS_THRESHOLD: "art. 458bis Sw. (ernstig en dreigend gevaar, ernstig en reëel gevaar); Nouwynck",
    ART_458BIS_DUTY_TO_HELP: "art. 458bis Sw. (« onverminderd » art. 422bis Sw.)",
    ART_458QUATER_LAWYER: "art. 458quater Sw. (de advocaat en de informatie van zijn cliënt)",
    ART_46BIS1: "art. 46bis/1 Sv. (schriftelijke en met redenen omklede beslissing van de procureur des Konings)",
    ART_46BIS1_TERRORISM: "art. 46bis/1 Sv. (onderzoek naar terroristische misdrijven); GwH 44/2019",
    ART_46BIS1_INSTITUTION: "art. 46bis/1 Sv. (de verplichting rust op de instelling); omzendbrief van de Minister van "
    "Maatschappelijke Integratie",
    ART_46BIS1_ADMINISTRATIVE: "art. 46bis/1 Sv. (administratieve inlichtingen); GwH 44/2019",
    ART_46BIS1_FINE: "art. 46bis/1, laatste lid, Sv. (geldboete van 26 tot 10 000 euro)",
    ART_46BIS1_SECRECY: "art. 46bis/1 Sv. (geheimhouding van het verzoek)",
    CC_44_2019: "GwH, arrest 44/2019 van 14 maart 2019 (vernietiging van de actieve meldingsplicht)",
    STATE_OF_NECESSITY: "noodtoestand (Cass. 18 juni 2010); art. 458 Sw.",
    NECESSITY_ASSESSMENT: "Donnet, Dubois, Guilbau; aanbeveling Meersseman (overleggen, met de persoon spreken)",
    ART_422BIS: "art. 422bis Sw. (schuldig hulpverzuim: richtsnoer, nooit een automatische trigger)",
    ART_29_CIC: "art. 29 Sv. (primeert niet op het beroepsgeheim)",
    SUSPECT_NO_SHIELD: "Nouwynck; Donnet, Dubois, Guilbau (de beroepsbeoefenaar zelf verdacht)",
    FWB_MALTREATMENT_DECREE: "decreet van de Franse Gemeenschap van 12 mei 2004, art. 3 §2 (kinderen die slachtoffer "
    "zijn van mishandeling)",
}

_ENGLISH: dict[str, str] = {
    ART_458TER: "Penal Code, art. 458ter §1",
    ART_458TER_BASIS: "Penal Code, art. 458ter §1 para. 1 (a law, decree, ordinance or motivated authorisation of the "
    "procureur du Roi)",
    ART_458TER_DETERMINES: "Penal Code, art. 458ter §1 para. 3 (who may take part, purpose, arrangements)",
    ART_458TER_PURPOSE: "Penal Code, art. 458ter §1 para. 2 (« exclusively »)",
    ART_458TER_SCOPE: "Penal Code, art. 458ter §2 (prosecution only of the offences the concertation was organised "
    "for)",
    ART_458TER_SECRECY: "Penal Code, art. 458ter §2 and art. 458",
    ART_458TER_TITLE_I_TER: "Penal Code, art. 458ter §1 and Book II, Title I ter",
    ART_458TER_324BIS: "Penal Code, art. 458ter §1 and art. 324bis",
    LAW_6_JULY_2017: "Law of 6 July 2017 (Pot-pourri V), Penal Code art. 458ter",
    REC_SDJ: "SDJ recommendation (opinion on the Pot-pourri V bill)",
    REC_SDJ_SUBSIDIARITY: "SDJ recommendation; Protocol van Moed (« last alternative »)",
    REC_SDJ_PROSECUTOR: "SDJ recommendation (prior informed agreement to the prosecutor's presence)",
    REC_MEERSSEMAN: "Meersseman recommendation; Donnet, Dubois, Guilbau",
    REC_NOUWYNCK: "Nouwynck recommendation; Donnet, Dubois, Guilbau (transparency of the mandate)",
    PILOT_CO3: "CO3 practice; Meersseman (presence of the person)",
    PILOT_PVM: "Protocol van Moed; design (chair and requester)",
    CIRCULAR_PRECISION: "SPW circular (precise identification); Donnet, Dubois, Guilbau",
    SECRECY_OF_EXISTENCE: "Penal Code, art. 458 (secrecy covers even the existence of the follow-up); Meersseman",
    STRICT_INTERPRETATION: "strict interpretation of exceptions (SPW circular)",
    DESIGN: "design (implementing Penal Code art. 458ter)",
    SHARED_SECRECY: "shared professional secrecy: cumulative conditions (case law; CPAS circular)",
    NO_SHARED_SECRECY_AT_SCHOOL: "Donnet, Dubois, Guilbau (no shared secrecy with teachers)",
    CONSENT_NOT_SUFFICIENT: "Penal Code, art. 458 (secrecy is a matter of public order); Nouwynck",
    MASTER_OF_SECRET: "Donnet, Dubois, Guilbau (the master of the secret is not bound by shared secrecy)",
    TEAM_SHARING: "Meersseman recommendation; CPAS circular (team work)",
    HIERARCHY_SHARING: "Donnet, Dubois, Guilbau (hierarchy: anonymous data, never compelled)",
    NO_EXCHANGE_WITH_RELATIVES: "Meersseman recommendation (no exchange in the corridor or on the telephone)",
    ART_458BIS: "Penal Code, art. 458bis",
    ART_458BIS_THRESHOLD: "Penal Code, art. 458bis (grave and imminent danger, serious and real danger); Nouwynck",
    ART_458BIS_DUTY_TO_HELP: "Penal Code, art. 458bis (« without prejudice » to art. 422bis)",
    ART_458QUATER_LAWYER: "Penal Code, art. 458quater (the lawyer and his client's information)",
    ART_46BIS1: "Code of Criminal Procedure, art. 46bis/1 (a written, motivated decision of the procureur du Roi)",
    ART_46BIS1_TERRORISM: "Code of Criminal Procedure, art. 46bis/1 (investigations into terrorist offences); "
    "Constitutional Court 44/2019",
    ART_46BIS1_INSTITUTION: "Code of Criminal Procedure, art. 46bis/1 (the duty lies on the institution); circular of "
    "the Minister of Social Integration",
    ART_46BIS1_ADMINISTRATIVE: "Code of Criminal Procedure, art. 46bis/1 (administrative information); "
    "Constitutional Court 44/2019",
    ART_46BIS1_FINE: "Code of Criminal Procedure, art. 46bis/1, last paragraph (a fine of 26 to 10,000 euros)",
    ART_46BIS1_SECRECY: "Code of Criminal Procedure, art. 46bis/1 (secrecy of the request)",
    CC_44_2019: "Constitutional Court, ruling 44/2019 of 14 March 2019 (the active reporting duty annulled)",
    STATE_OF_NECESSITY: "state of necessity (Court of Cassation, 18 June 2010); Penal Code, art. 458",
    NECESSITY_ASSESSMENT: "Donnet, Dubois, Guilbau; Meersseman recommendation (consult, talk to the person)",
    ART_422BIS: "Penal Code, art. 422bis (failure to assist: guidance, never a trigger)",
    ART_29_CIC: "Code of Criminal Procedure, art. 29 (does not override professional secrecy)",
    SUSPECT_NO_SHIELD: "Nouwynck; Donnet, Dubois, Guilbau (the professional himself a suspect)",
    FWB_MALTREATMENT_DECREE: "Decree of the French Community of 12 May 2004, art. 3 §2 (child victims of maltreatment)",
}

#: Every ground, as the policies cite it (French official form).
ALL: tuple[str, ...] = tuple(_DUTCH_OFFICIAL)


def cite(ground: str, language: str) -> str:
    """`ground` as a reader of `language` (fr, nl, en) can read it: the French official citation, its Dutch official
    counterpart, or an English rendering that keeps the French official citation it translates."""
    if language == "nl":
        return _DUTCH_OFFICIAL.get(ground, f"{ground} (Franse officiële tekst)")
    if language == "en":
        english = _ENGLISH.get(ground)
        return f"{english} [French official text: {ground}]" if english else f"{ground} [French official text]"
    return ground
