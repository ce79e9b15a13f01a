"""The API documentation works offline: /docs (Swagger UI) and /redoc (ReDoc) load everything from the service.

The browser's every request to a host other than the loopback is aborted and recorded; the pages must still list
the operations, nothing must have tried to leave the machine, and no script may have failed.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import People, Service, off_the_loopback


@pytest.mark.parametrize(
    ("path", "operation"),
    [("/docs", "createConcertation"), ("/redoc", "Draft a concertation")],
    ids=["swagger-ui", "redoc"],
)
def test_docs_offline(people: People, service: Service, path: str, operation: str) -> None:
    page, watch = people.person(console=False)  # every request off the loopback is aborted and recorded
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path}: {response and response.status}"
    listed(page, path, operation)
    # The document the page rendered is the service's own, and every operation of it is there.
    document = service.api.client.get("/openapi.json").json()
    ids = [op["operationId"] for item in document["paths"].values() for op in item.values() if "operationId" in op]
    assert "createConcertation" in ids and len(ids) > 40
    if path == "/docs":
        text = page.locator("body").inner_text()
        missing = [op for op in ("listLegalBases", "scheduleConcertation", "verifyAuditChain") if op not in text]
        assert not missing, f"Swagger UI does not list {missing}"
    else:
        # ReDoc gives every operation a section whose heading links to `#tag/<tag>/operation/<operationId>`.
        anchors = page.locator("h2 a[href*='/operation/']").evaluate_all(
            "links => links.map(a => a.getAttribute('href').split('/operation/')[1])"
        )
        absent = sorted(set(ids) - set(anchors))
        assert not absent, f"ReDoc does not list {absent}"
        heading = page.locator("h2", has=page.locator("a[href$='/operation/scheduleConcertation']"))
        expect(heading).to_have_text("Schedule the concertation")
    assert watch.left == [], f"{path} tried to reach the outside: {watch.left}"
    tried = [r.split(" ", 1)[1] for r in watch.requests if off_the_loopback(r.split(" ", 1)[1])]
    assert tried == [], f"{path} sent requests off the loopback: {tried}"
    assert watch.csp == [], watch.csp
    assert watch.errors == [], f"{path} raised script errors: {watch.errors}"
    assert any(r.endswith(("/openapi.json",)) for r in watch.requests), watch.requests


def listed(page: Page, path: str, operation: str) -> None:
    """Wait until the page shows the operations (Swagger UI: its operation blocks; ReDoc: its operation sections)."""
    if path == "/docs":
        expect(page.locator(".opblock").first).to_be_visible()
        expect(page.get_by_text(operation, exact=True).first).to_be_visible()
        expect(page.locator(".opblock").nth(40)).to_be_attached()
    else:
        expect(page.get_by_role("menuitem").first).to_be_attached()
        # The operation's section in the document (the menu's entries are folded under their tags).
        expect(page.locator("h2").filter(has_text=operation).first).to_be_visible()
