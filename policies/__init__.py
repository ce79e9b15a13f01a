"""The law, in code: pure functions from facts to decisions (standard library only, no clock, no I/O).

Start with `legal_basis` (R1–R5, R8), `concertation` (R6–R26, R55), `compliance` (the report), `lifecycle`
(SPEC §3, R51) and `access` (R27, R45). `offences` is the versioned offence catalogue (R113), `messages` the
French/Dutch/English texts (D20), `profiles` how `legal_minimum` and `safeguards` weigh each rule (D1).
"""
