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
