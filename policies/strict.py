"""R115 — exceptions are interpreted strictly: an unknown value is refused, never accepted.

Where a more precise rule speaks about the field, the refusal names that rule: an unknown basis type is not a
458ter basis (R1, or R3 for a circular, a protocol…); an unknown purpose is not one of the three of art. 458ter
(R10); an implementing act that is not a regulatory act is not adopted « en vertu de » a norm (R3); an exception to
informing the person has only the reasons of R30.
"""

from __future__ import annotations

from policies import grounds
from policies.decision import Violation
from policies.legal_basis import unknown_basis_type
from policies.person_concerned import PILOT_PVM_EXCEPTION


def unknown_value(field: str, value: str) -> Violation:
    """The violation for `value`, unknown in the closed vocabulary of `field` (a dotted path)."""
    params = {"field": field, "value": value}
    if field == "type":
        return unknown_basis_type(value)
    if field == "purpose.category":
        return Violation("R10", "purpose_not_allowed", grounds.ART_458TER_PURPOSE, field, params)
    if field == "implementing_act.kind":
        return Violation("R3", "not_a_legal_basis", grounds.ART_458TER_BASIS, field, params)
    if field == "prosecutor_authorisation.form":
        return Violation("R4", "authorisation_not_written", grounds.DESIGN, field, params)
    if field == "reason":
        return Violation("R30", "information_exception_invalid", PILOT_PVM_EXCEPTION, field, params)
    if field == "meeting_kind":
        return Violation("R24", "meeting_kind_required", grounds.PILOT_CO3, field, params)
    return Violation("R115", "unknown_value", grounds.STRICT_INTERPRETATION, field, params)
