"""Who handles and who sees the institution's requests (R80, R83, R90)."""

from __future__ import annotations

import pytest

from policies.access import (
    Actor,
    Visibility,
    admin_request_visibility,
    is_request_handler,
    is_signatory,
    may_register_admin_request,
)
from policies.vocab import Role


def actor(*roles: Role, org: str | None = "cpas-a") -> Actor:
    return Actor("iss", "sub", frozenset(roles), org)


@pytest.mark.parametrize(
    ("who", "handler", "signatory", "registers", "sees"),
    [
        (actor(Role.DIRECTOR_GENERAL), True, True, True, Visibility.MANAGE),
        (actor(Role.PRESIDENT), True, True, True, Visibility.MANAGE),
        (actor(Role.REQUEST_HANDLER), True, False, True, Visibility.MANAGE),
        (actor(Role.DIRECTOR_GENERAL, org="cpas-b"), True, True, True, Visibility.NONE),
        (actor(Role.DIRECTOR_GENERAL, org=None), False, False, False, Visibility.NONE),
        (actor(Role.PARTICIPANT), False, False, True, Visibility.NONE),
        (actor(Role.COORDINATOR), False, False, True, Visibility.NONE),
        (actor(Role.PARTNER), False, False, False, Visibility.NONE),
        (actor(Role.AUDITOR), False, False, False, Visibility.NONE),
        (actor(Role.PROSECUTOR), False, False, False, Visibility.NONE),
        (actor(Role.ADMIN), False, False, False, Visibility.NONE),
        (actor(), False, False, False, Visibility.NONE),
    ],
    ids=[
        "director-general",
        "president",
        "referent",
        "another-institution",
        "no-institution",
        "worker",
        "coordinator",
        "partner",
        "auditor",
        "prosecutor",
        "admin",
        "no-role",
    ],
)
def test_the_request_desk(who: Actor, handler: bool, signatory: bool, registers: bool, sees: Visibility) -> None:
    assert is_request_handler(who) is handler
    assert is_signatory(who) is signatory
    assert may_register_admin_request(who) is registers
    assert admin_request_visibility(who, "cpas-a") is sees
