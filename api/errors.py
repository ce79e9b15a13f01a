"""One error tree. Each error carries its HTTP status and stable code; `api.problems` renders it as problem+json.

Services raise these; they never import FastAPI. Violations carry rule ids and codes; messages are produced at
rendering time in the caller's language (D20).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from policies.decision import Finding, Violation

Item = Violation | Finding


class DomainError(Exception):
    status: int = 400
    code: str = "bad_request"

    def __init__(
        self,
        code: str | None = None,
        *,
        violations: Iterable[Item] = (),
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.code = code or type(self).code
        self.violations: tuple[Item, ...] = tuple(violations)
        self.params: Mapping[str, str] = params or {}
        self.headers: Mapping[str, str] = headers or {}
        super().__init__(self.code)


class Unauthenticated(DomainError):
    status, code = 401, "authentication_required"


class Forbidden(DomainError):
    status, code = 403, "forbidden"


class NotFound(DomainError):
    status, code = 404, "not_found"


class Conflict(DomainError):
    status, code = 409, "conflict"


class PreconditionFailed(DomainError):
    status, code = 412, "precondition_failed"


class PayloadTooLarge(DomainError):
    status, code = 413, "payload_too_large"


class Unprocessable(DomainError):
    status, code = 422, "invalid_payload"


class Gone(DomainError):
    """D18: the content was destroyed with its data key at the end of its retention."""

    status, code = 410, "content_destroyed"


class IntegrityFailure(DomainError):
    """SPEC §6: a ciphertext that does not open in its place. Audited; never a plaintext, never a fallback."""

    status, code = 500, "integrity_error"


class PreconditionRequired(DomainError):
    status, code = 428, "precondition_required"


def refused(violations: Iterable[Item], *, status: int = 422, code: str | None = None) -> DomainError:
    """A rule refuses the request: 422 for a payload, 409 for a state change, 403 for an action a rule forbids on a
    visible object (R40). The code is the first violation's unless the refusal has its own (`not_compliant`: a state
    change refused because checks fail)."""
    items = tuple(violations)
    cls: type[DomainError] = {409: Conflict, 403: Forbidden}.get(status, Unprocessable)
    return cls(code or (items[0].code if items else None), violations=items)
