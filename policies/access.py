"""Who may see and do what (SPEC §4; R27, R44, R45, R107).

The existence of a concertation is itself secret (R27): whoever is not entitled to it gets exactly what an unknown
id gets. Coordinators manage the concertations of their own organisation; the chair manages the one he chairs;
participants see their own — the invitation and its basis, and its content only once they have acknowledged
secrecy (R19) and as long as they have not refused (R39); partner systems of the organising service see status
metadata only (R45, R107); prosecutors, auditors and administrators reach no concertation through these paths
(minutes reach a prosecutor only through a granted request, R49).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import IntEnum

from policies.vocab import Role


class Visibility(IntEnum):
    """How much of a concertation an actor may see; each level includes the ones below."""

    NONE = 0
    METADATA = 1
    PARTICIPANT = 2  # invited: the invitation and its legal basis only (R9, R19)
    ACKNOWLEDGED = 3  # acknowledged secrecy and did not refuse: the concertation's content (R19, R44)
    MANAGE = 4


@dataclass(frozen=True, slots=True)
class Actor:
    """The authenticated caller, keyed on (issuer, subject)."""

    issuer: str
    subject: str
    roles: frozenset[Role]
    org: str | None


@dataclass(frozen=True, slots=True)
class Principal:
    """The (issuer, subject) pair under which a person acts."""

    issuer: str
    subject: str


@dataclass(frozen=True, slots=True)
class ConcertationAccess:
    """The facts access depends on."""

    org: str
    chair: Principal | None
    participants: Collection[Principal]
    acknowledged: Collection[Principal] = ()


def _is(actor: Actor, who: Principal | None) -> bool:
    return who is not None and who.issuer == actor.issuer and who.subject == actor.subject


def concertation_visibility(actor: Actor, c: ConcertationAccess) -> Visibility:
    """The highest visibility any of the actor's roles gives him on this concertation."""
    if Role.COORDINATOR in actor.roles and actor.org is not None and actor.org == c.org:
        return Visibility.MANAGE
    if _is(actor, c.chair):
        return Visibility.MANAGE
    if any(_is(actor, p) for p in c.acknowledged):
        return Visibility.ACKNOWLEDGED
    if any(_is(actor, p) for p in c.participants):
        return Visibility.PARTICIPANT
    if Role.PARTNER in actor.roles and actor.org is not None and actor.org == c.org:
        return Visibility.METADATA
    return Visibility.NONE


def may_create_concertation(actor: Actor) -> bool:
    """Only a coordinator of an identified organisation organises concertations."""
    return Role.COORDINATOR in actor.roles and actor.org is not None


def may_register_basis(actor: Actor) -> bool:
    """Coordinators register and retire legal bases in the shared registry."""
    return Role.COORDINATOR in actor.roles


def may_read_registry(actor: Actor) -> bool:
    """The registry and the reference data are public to every authenticated caller (R9: bases must be readable)."""
    return bool(actor.roles)


# ------------------------------------------------------------------ the other regimes of disclosure (R67, R99, R101)


@dataclass(frozen=True, slots=True)
class RecordAccess:
    """The facts access to a disclosure record depends on: the discloser's organisation, and who recorded it."""

    org: str
    author: Principal


def may_record_disclosure(actor: Actor) -> bool:
    """A professional (participant role) or a coordinator of an identified organisation records, and asks which
    regime applies; a partner system, a prosecutor, an auditor or an administrator does neither."""
    return bool(actor.roles & {Role.COORDINATOR, Role.PARTICIPANT}) and actor.org is not None


def may_list_records(actor: Actor) -> bool:
    """Professionals and coordinators list their organisation's records (a professional his own), its partner systems
    their status metadata; nobody lists another organisation's."""
    return actor.org is not None and bool(actor.roles & {Role.COORDINATOR, Role.PARTICIPANT, Role.PARTNER})


def lists_only_own_records(actor: Actor) -> bool:
    """A professional who is not a coordinator or a partner system of the organisation lists only what he recorded."""
    return not (actor.roles & {Role.COORDINATOR, Role.PARTNER})


def record_visibility(actor: Actor, r: RecordAccess) -> Visibility:
    """Only the discloser's organisation sees its records: whoever recorded it and the organisation's coordinators
    in full; the organisation's partner systems status metadata only (R45, R107); nobody else (a 404, R27)."""
    if _is(actor, r.author):
        return Visibility.MANAGE
    if actor.org is None or actor.org != r.org:
        return Visibility.NONE
    if Role.COORDINATOR in actor.roles:
        return Visibility.MANAGE
    if Role.PARTNER in actor.roles:
        return Visibility.METADATA
    return Visibility.NONE


# ------------------------------------------------------------------ the institution's request desk (R80, R83, R90)

#: R83, R87 — the institution's designated handlers: the director general, the president, the designated referent.
REQUEST_HANDLERS: frozenset[Role] = frozenset({Role.DIRECTOR_GENERAL, Role.PRESIDENT, Role.REQUEST_HANDLER})
#: R80, R90 — who answers in the institution's name: its signatories, never an individual worker.
SIGNATORIES: frozenset[Role] = frozenset({Role.DIRECTOR_GENERAL, Role.PRESIDENT})


def is_request_handler(actor: Actor) -> bool:
    """R83 — one of the institution's designated handlers (of an identified institution)."""
    return actor.org is not None and bool(actor.roles & REQUEST_HANDLERS)


def is_signatory(actor: Actor) -> bool:
    """R80, R90 — answers in the institution's name."""
    return actor.org is not None and bool(actor.roles & SIGNATORIES)


def may_register_admin_request(actor: Actor) -> bool:
    """R80 — a handler registers a request; a professional who received one registers it too, and it is re-routed to
    the handlers at once (he never sees it again)."""
    return actor.org is not None and bool(actor.roles & (REQUEST_HANDLERS | {Role.PARTICIPANT, Role.COORDINATOR}))


def admin_request_visibility(actor: Actor, org: str) -> Visibility:
    """R83 — the request is secret: its institution's designated handlers see it; anyone else, the worker who
    received it, an auditor or a partner system included, gets what an unknown id gets."""
    if is_request_handler(actor) and actor.org == org:
        return Visibility.MANAGE
    return Visibility.NONE
