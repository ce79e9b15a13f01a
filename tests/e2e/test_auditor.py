"""The auditor (the data protection officer) in the browser: the audit trail, paged, filtered, and its chain verified.

A prosecutor's out-of-scope request is refused through the API (so that the trail holds a refusal of this test's
own), and the trail has more than a page of events. The audit screen lists the newest 50; **Next page** shows the
50 before them, without a gap or a repeat (the chain's `seq` runs on by one); **Previous page** comes back; the
filters (concertation, outcome Refused) find exactly the refusal; **Verify the chain** says "The chain holds", as
the API does. The screen is photographed in the three languages.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, expect

from tests.api import payloads
from tests.e2e import story
from tests.e2e.conftest import People, Service, screen, shoot, sign_in, t

PAGE = 50


def top(table: Locator) -> Locator:
    """The Seq cell of the table's first row."""
    return table.locator("tbody tr td:first-child").first


def seqs(table: Locator) -> list[int]:
    """The Seq column of an audit table, top to bottom."""
    expect(top(table)).to_be_visible()
    return [int(s) for s in table.locator("tbody tr td:first-child").all_inner_texts()]


def test_the_auditor_pages_filters_and_verifies_the_chain(people: People, service: Service, artifacts: Path) -> None:
    api = service.api
    coordinator = story.person(api, "coordinator")
    basis = story.decree(api, coordinator)
    cid = story.concertation(api, coordinator, basis["id"])["id"]
    story.step(api, coordinator, cid, "schedule", "start")
    prosecutor = api.login(story.unique("subst"), "prosecutor", "parquet-bruxelles")
    r = api.client.post(
        f"/v1/concertations/{cid}/prosecution-requests",
        headers=prosecutor,
        json=payloads.prosecution_request(offences=["cp_137"]),
    )
    assert r.status_code in (403, 409, 422) and [v["rule"] for v in r.json()["violations"]] == ["R49"], r.text
    auditor = story.person(api, "auditor", "dpo", org="cpas-schaerbeek")
    # More than two pages of events, whatever ran before on this server.
    have = len(api.get("/v1/audit-events", auditor.headers, limit=2 * PAGE + 10)["items"])
    for n in range(2 * PAGE + 10 - have):
        api.post(f"/v1/concertations/{cid}/agenda-items", coordinator.headers, {"title": f"Point {n}"})

    page, _ = people.person()
    sign_in(page, "auditor", auditor.sub, auditor.org, path="/console/audit")
    audit = screen(page, "audit")
    first = seqs(audit.get_by_role("table", name="Audit events (page 1)"))
    assert len(first) == PAGE and first == list(range(first[0], first[0] - PAGE, -1)), first
    audit.get_by_role("button", name="Next page", exact=True).click()
    # The page before: it starts right below the first one's last event (the table shows the new rows once read).
    expect(top(audit.get_by_role("table", name="Audit events (page 2)"))).to_have_text(str(first[-1] - 1))
    second = seqs(audit.get_by_role("table", name="Audit events (page 2)"))
    assert second == list(range(first[-1] - 1, first[-1] - 1 - PAGE, -1)), (first, second)
    audit.get_by_role("button", name="Previous page", exact=True).click()
    expect(top(audit.get_by_role("table", name="Audit events (page 1)"))).not_to_have_text(str(second[0]))
    again = seqs(audit.get_by_role("table", name="Audit events (page 1)"))
    # The newest page again (and the listings themselves, audited, on top of it).
    assert again[0] > first[0] and first[0] in again, (first, again)
    expect(audit.get_by_role("button", name="Previous page", exact=True)).to_have_count(0)

    filters = audit.get_by_role("form", name="Filters")
    filters.get_by_label("Concertation id", exact=True).fill(cid)
    filters.get_by_label("Outcome", exact=True).select_option(label="Refused")
    filters.get_by_role("button", name="Apply the filters", exact=True).click()
    table = audit.get_by_role("table", name="Audit events (page 1)")
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(table.locator("tbody tr")).to_contain_text("prosecution_request.create")
    expect(table.locator("tbody tr")).to_contain_text("offence_outside_concertation_scope")
    (refused,) = story.audit_events(api, auditor.headers, concertation_id=cid, outcome="refused")
    assert seqs(table) == [refused["seq"]]
    expect(audit.get_by_role("button", name="Next page", exact=True)).to_have_count(0)

    audit.get_by_role("button", name="Verify the chain", exact=True).click()
    verdict = audit.get_by_role("region", name="Chain verification").get_by_role("status")
    expect(verdict).to_contain_text("The chain holds")
    checked = int(verdict.inner_text().split("The chain holds: ", 1)[1].split(" ", 1)[0])
    report = api.get("/v1/audit-events/verify", auditor.headers)
    assert report["ok"] is True and report["events_checked"] >= checked >= second[-1], (report, checked)
    for lang, label in (("fr", "FR"), ("nl", "NL"), ("en", "EN")):
        page.get_by_role("button", name=label, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "audit.title"))
        expect(audit.get_by_role("region", name=t(lang, "audit.chain")).get_by_role("status")).to_contain_text(
            t(lang, "audit.holds", n="@").split("@")[0].strip()
        )
        shoot(page, artifacts, service, f"audit-{lang}")
