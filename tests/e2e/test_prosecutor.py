"""A session and its minutes, then the prosecutor, in the browser.

- The session: a concertation made through the API is started; on the minutes screen the coordinator marks the
  participant present (R42) and writes an entry about P-001 tagged with the offence of the scope; the API reads it
  back, attributed to her.
- The prosecutor files a request for an offence outside the concertation's scope: the alert shows R49 and
  "art. 458ter §2", and says the refused request is kept and alerted (R54); the API's audit trail (as an auditor)
  holds the refusal with R49's code, and the coordinator's alerts list it. The session ends, the minutes are finalised
  and the concertation closed (API); the prosecutor corrects the offence and files again: granted, and the disclosure
  read on the screen holds the entry, the other one withheld (R53) — as the API says.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from tests.e2e import story
from tests.e2e.conftest import Api, People, Service, screen, shoot, sign_in, t

ORG = "cpas-schaerbeek"
OUT_OF_SCOPE = "arts. 137–138 C. pén. — Terrorist offence"
IN_SCOPE = "art. 398 C. pén. — Intentional assault and battery"
ENTRY = "L'enfant décrit les coups reçus le 2 décembre."


def in_session_with_an_entry(people: People, service: Service, artifacts: Path) -> tuple[story.Person, str, str]:
    """A concertation in session; the coordinator marks Alice present and writes an entry on the minutes screen, and
    a process note is added through the API: (coordinator, concertation id, the entry's id)."""
    api = service.api
    alice = story.unique("sw-alice")
    coordinator = story.person(api, "coordinator")
    basis = story.decree(api, coordinator)
    cid = story.concertation(api, coordinator, basis["id"])["id"]
    pid = story.invite(api, coordinator, cid, alice)["id"]
    alice_headers = api.login(alice, "participant", ORG)
    story.acknowledge(api, alice_headers, cid, pid)
    story.answer(api, alice_headers, cid, pid, "accept")
    story.step(api, coordinator, cid, "schedule", "start")

    page, _ = people.person()
    sign_in(page, "coordinator", coordinator.sub, coordinator.org, path=f"/console/concertations/{cid}/minutes")
    minutes = screen(page, "minutes")
    name = f"Alice {alice}"
    expect(minutes.get_by_role("status").filter(has_text="Minutes open")).to_contain_text("entries: 0")
    minutes.get_by_role("button", name=t("en", "minutes.markPresent", name=name), exact=True).click()
    expect(minutes.get_by_role("button", name=t("en", "minutes.markLeft", name=name), exact=True)).to_be_visible()
    form = minutes.get_by_role("form", name=t("en", "minutes.add"))
    form.get_by_label(t("en", "minutes.speaker"), exact=True).select_option(label=f"{name} — CPAS de Schaerbeek")
    form.get_by_label(t("en", "minutes.level"), exact=True).select_option(label=t("en", "enum.Level.content"))
    form.get_by_label(t("en", "minutes.necessity"), exact=True).fill("Le danger pour l'enfant est actuel.")
    form.get_by_role("checkbox", name=IN_SCOPE).check()
    form.get_by_role("checkbox", name="P-001", exact=True).check()
    form.get_by_label(t("en", "minutes.content"), exact=True).fill(ENTRY)
    form.get_by_role("button", name=t("en", "minutes.submit")).click()
    entries = minutes.get_by_role("region", name=t("en", "minutes.entries"))
    expect(entries.get_by_role("listitem")).to_have_count(1)
    expect(entries).to_contain_text(ENTRY)
    expect(minutes.get_by_role("status").filter(has_text="Minutes open")).to_contain_text("entries: 1")
    shoot(page, artifacts, service, "minutes-en")
    read = api.get(f"/v1/concertations/{cid}/minutes", coordinator.headers)
    assert [(e["content"], e["offence_tags"], e["about_persons"], e["speaker_id"]) for e in read["items"]] == [
        (ENTRY, ["cp_398"], ["P-001"], pid)
    ]
    # A process note, not tagged with any offence: never disclosed to a prosecutor (R53).
    api.post(f"/v1/concertations/{cid}/minutes", coordinator.headers, {"level": "process", "content": "Pause."})
    return coordinator, cid, read["items"][0]["id"]


def file_request(page: Page, cid: str, offence: str) -> Any:
    """Fill the prosecution form (offence `offence` checked) and file it; the form."""
    form = screen(page, "prosecution").get_by_role("form", name="File a request")
    form.get_by_label("Concertation id", exact=True).fill(cid)
    form.get_by_label("Requesting magistrate", exact=True).fill("Substitut J. Dupont")
    form.get_by_label("Criminal case reference", exact=True).fill("BR.12.34.5678/26")
    form.get_by_role("checkbox", name=offence, exact=True).check()
    form.get_by_label("Persons named (references, comma-separated)", exact=True).fill("P-001")
    form.get_by_label("Motivation", exact=True).fill("Poursuites pour les faits décrits par l'enfant.")
    form.get_by_role("button", name="File the request").click()
    return form


def close_with_final_minutes(api: Api, coordinator: story.Person, cid: str) -> None:
    """End the session, finalise the minutes (with their ETag), inform the person (R28) and close the concertation."""
    story.step(api, coordinator, cid, "end")
    url = f"/v1/concertations/{cid}/minutes"
    tag = api.client.get(url, headers=coordinator.headers).headers["ETag"]
    r = api.client.post(f"{url}/finalise", headers={**coordinator.headers, "If-Match": tag})
    assert r.status_code == 200, r.text
    story.inform(api, coordinator, cid)
    assert story.step(api, coordinator, cid, "close")["state"] == "closed"
    assert api.get(url, coordinator.headers)["finalised_at"] is not None


def test_minutes_in_session_then_a_prosecutor_refused_out_of_scope_and_granted_within_it(
    people: People, service: Service, artifacts: Path
) -> None:
    api = service.api
    coordinator, cid, entry_id = in_session_with_an_entry(people, service, artifacts)

    page, _ = people.person()
    prosecutor = story.unique("subst")
    sign_in(page, "prosecutor", prosecutor, "parquet-bruxelles", path="/console/prosecution")
    form = file_request(page, cid, OUT_OF_SCOPE)
    alert = screen(page, "prosecution").get_by_role("alert")
    expect(alert).to_contain_text("R49")
    expect(alert).to_contain_text("art. 458ter §2")
    expect(screen(page, "prosecution")).to_contain_text(t("en", "prosecution.kept"))
    for lang, label in (("fr", "FR"), ("nl", "NL"), ("en", "EN")):
        page.get_by_role("button", name=label, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "prosecution.title"))
        expect(screen(page, "prosecution").get_by_role("alert")).to_contain_text("R49")
        shoot(page, artifacts, service, f"prosecution-refused-{lang}")

    # Kept and audited: the auditor finds the refusal with its rule; the coordinator is alerted.
    auditor = api.login(story.unique("dpo"), "auditor", ORG)
    refused = story.audit_events(api, auditor, concertation_id=cid, outcome="refused")
    assert [(e["action"], e["actor_subject"], e["codes"], e["details"]["alert"]) for e in refused] == [
        ("prosecution_request.create", prosecutor, ["offence_outside_concertation_scope"], True)  # R49's code
    ], refused
    alerts = api.get("/v1/alerts", coordinator.headers)["items"]
    assert [a for a in alerts if a.get("concertation_id") == cid], alerts

    # The concertation closed with its minutes final, the magistrate corrects the offence: granted whole.
    close_with_final_minutes(api, coordinator, cid)
    form.get_by_role("checkbox", name=OUT_OF_SCOPE, exact=True).uncheck()
    file_request(page, cid, IN_SCOPE)
    decision = screen(page, "prosecution-request")
    expect(decision.get_by_role("status")).to_contain_text("Granted")
    decision.get_by_role("button", name="Read the disclosure").click()
    disclosed = decision.get_by_role("list", name="Disclosed entries")
    expect(disclosed.get_by_role("listitem")).to_have_count(1)
    expect(disclosed).to_contain_text(ENTRY)
    expect(decision.get_by_role("region", name="Disclosure")).to_contain_text("1 other entries are withheld (R53)")
    shoot(page, artifacts, service, "disclosure-en")
    request_id = page.url.rsplit("/", 1)[1]
    headers = api.login(prosecutor, "prosecutor", "parquet-bruxelles")
    stored = api.get(f"/v1/concertations/{cid}/prosecution-requests/{request_id}", headers)
    assert (stored["decision"], stored["offences"], stored["codes"]) == ("granted", ["cp_398"], [])
    events = story.audit_events(api, auditor, concertation_id=cid, action="prosecution_request.disclosure")
    assert [(e["actor_subject"], e["outcome"]) for e in events] == [(prosecutor, "success")], events
