"""R36: the data-protection notice is given at first contact (or deferred under R30) — refused in `safeguards`, a
warning in `legal_minimum`."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api import payloads
from tests.conftest import Token

WITHOUT_NOTICE = {
    "reference": "P-002",
    "identity": {"kind": "individual", "national_number": "12010912345"},
}


@pytest.mark.parametrize(
    ("profile", "extra", "status"),
    [
        ("safeguards", {}, 422),
        ("safeguards", {"privacy_notice_deferred": True}, 201),
        ("safeguards", {"privacy_notice_given_at": "2026-11-20T10:00:00+01:00"}, 201),
        ("legal_minimum", {}, 201),
    ],
    ids=["safeguards: refused", "deferred under R30", "given", "legal minimum: accepted"],
)
def test_r36_privacy_notice_at_first_contact(
    client: TestClient, auth: Token, profile: str, extra: dict[str, object], status: int
) -> None:
    coordinator = auth("coord-r36", "coordinator")
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    c = client.post(
        "/v1/concertations", json=payloads.concertation(basis["id"], policy_profile=profile), headers=coordinator
    ).json()
    r = client.post(
        f"/v1/concertations/{c['id']}/persons-concerned", json={**WITHOUT_NOTICE, **extra}, headers=coordinator
    )
    assert r.status_code == status, r.text
    if status == 422:
        assert [(v["rule"], v["code"]) for v in r.json()["violations"]] == [("R36", "privacy_notice_missing")]
    else:
        assert r.json()["privacy_notice_deferred"] is bool(extra.get("privacy_notice_deferred", False))
