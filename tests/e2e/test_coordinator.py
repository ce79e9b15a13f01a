"""A coordinator's first ten minutes, in the browser, without typing JSON: register a decree, draft a concertation,
see R55 (subsidiarity) fail on the checklist, go to the field, fix it, schedule, invite a participant, add an agenda
item — and the stored state checked through the public API after each step. The checklist is photographed in the
three languages (the French one is the README's).

A second test: the sign-in lapses while a draft is being typed; the "Sign in again" dialog opens over the form, the
typed values stay, and the refused call is sent again after the new sign-in.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from playwright.sync_api import Page, Route, expect

from tests.conftest import ROOT
from tests.e2e import story
from tests.e2e.conftest import People, Service, fill_sign_in, screen, shoot, sign_in, t, tomorrow, unique

SCREENSHOTS = ROOT / "docs" / "screenshots"
#: The README's screenshots are refreshed only on request (`UPDATE_SCREENSHOTS=1 pytest tests/e2e`): a test run
#: leaves the checkout as it found it.
UPDATE_SCREENSHOTS = os.environ.get("UPDATE_SCREENSHOTS") == "1"
#: The purpose's English title, as /v1/reference/purposes gives it.
PURPOSE = "Protect the physical and psychological integrity of the person or of third parties"


def register_decree(page: Page, title: str) -> None:
    """The legal-basis form, filled as a coordinator would from the decree's text."""
    page.get_by_role("link", name="Legal bases", exact=True).click()
    screen(page, "legal-bases").get_by_role("link", name="Register a legal basis").click()
    form = screen(page, "legal-basis-form")
    form.get_by_label("Type", exact=True).select_option(label="Decree")
    form.get_by_label("Title", exact=True).fill(title)
    form.get_by_label("Title of the enabling norm", exact=True).fill(
        "Décret du 18 janvier 2018 portant le code de la prévention"
    )
    form.get_by_label("Date of the norm", exact=True).fill("2018-01-18")
    form.get_by_label("Articles (one per line)", exact=True).fill("art. 1er\nart. 159")
    form.get_by_label("Legislator", exact=True).select_option(label="Community")
    form.get_by_label("Publication reference", exact=True).fill("M.B. 3 avril 2018")
    form.get_by_label("Kind", exact=True).select_option(label="Category of professionals")
    form.get_by_label("Sector", exact=True).select_option(label="Aid and care")
    form.get_by_label("Function", exact=True).fill("assistant social")
    form.get_by_role("checkbox", name=PURPOSE).check()
    form.get_by_label("Finalité", exact=True).fill("Protéger l'intégrité physique et psychique des enfants en danger.")
    form.get_by_label("Convened by", exact=True).fill("le conseiller de l'aide à la jeunesse")
    form.get_by_label("Chaired by", exact=True).fill("le conseiller de l'aide à la jeunesse")
    form.get_by_label("Frequency", exact=True).fill("au besoin")
    form.get_by_label("Information of the person", exact=True).fill(
        "La famille est informée sauf danger pour l'enfant."
    )
    form.get_by_label("Minutes (modalities)", exact=True).fill("Procès-verbal rédigé par le président, chiffré.")
    form.get_by_label("Valid from", exact=True).fill("2018-04-13")
    form.get_by_role("button", name="Register", exact=True).click()
    expect(screen(page, "legal-basis").get_by_role("heading", level=1)).to_have_text(title)


def draft_without_subsidiarity(page: Page, basis_title: str, reference: str) -> None:
    """The guided draft, complete but for the subsidiarity (R55): what a hurried coordinator would send."""
    page.get_by_role("link", name="Concertations", exact=True).click()
    screen(page, "concertations").get_by_role("link", name="Draft a concertation").click()
    form = screen(page, "concertation-form")
    form.get_by_label("Legal basis", exact=True).select_option(label=basis_title)
    form.get_by_label("Concertation type", exact=True).select_option(label="Child abuse protocol")
    form.get_by_label("Purpose", exact=True).select_option(label=PURPOSE)
    form.get_by_label("Objective", exact=True).select_option(label="Protect")
    form.get_by_label("Purpose statement", exact=True).fill("Mettre fin aux violences répétées subies par l'enfant.")
    form.get_by_role("button", name="Add a protected person").click()
    form.get_by_label("Reference of the protected person", exact=True).fill(reference)
    form.get_by_label("Role of the protected person", exact=True).select_option(label="Person concerned")
    form.get_by_role("checkbox", name="Physical", exact=True).check()
    form.get_by_label("Threat", exact=True).fill("Coups répétés signalés par l'école.")
    form.get_by_role("checkbox", name="art. 398 C. pén. — Intentional assault and battery").check()
    form.get_by_label("Reference", exact=True).fill(reference)
    form.get_by_label("Identity kind", exact=True).select_option(label="Individual")
    form.get_by_label("Family name", exact=True).fill("Martin")
    form.get_by_label("Given names", exact=True).fill("Léa")
    form.get_by_label("Birth date", exact=True).fill("2014-05-02")
    form.get_by_label("Privacy notice given on", exact=True).fill("2026-11-18")
    form.get_by_label("Meeting kind", exact=True).select_option(label="Case concertation")
    form.get_by_label("Why the person is not present", exact=True).fill("Sa présence l'exposerait à des représailles.")
    form.get_by_label("Chair — name", exact=True).fill("A. Lambert")
    form.get_by_label("Chair — organisation", exact=True).fill("SAJ Bruxelles")
    form.get_by_label("Chair — function", exact=True).fill("conseillère")
    form.get_by_label("Requester — name", exact=True).fill("B. Peeters")
    form.get_by_label("Requester — organisation", exact=True).fill("CPAS de Schaerbeek")
    form.get_by_label("Requester — function", exact=True).fill("assistant social")
    form.get_by_label("Initiator type", exact=True).select_option(label="Aid service")
    form.get_by_label("Scheduled start", exact=True).fill(tomorrow().strftime("%Y-%m-%dT%H:%M"))
    form.get_by_role("button", name="Save the draft").click()


def concertation_id(page: Page) -> str:
    expect(page).to_have_url(re.compile(r"/console/concertations/[0-9a-f-]{36}$"))
    return page.url.rsplit("/", 1)[1]


def test_a_coordinator_registers_drafts_fixes_schedules_and_invites(
    people: People, service: Service, artifacts: Path
) -> None:
    api = service.api
    page, _ = people.person()
    org, login = unique("cpas"), unique("coord")
    sign_in(page, "coordinator", login, org)
    title = f"Décret aide à la jeunesse — {unique('e2e')}"
    register_decree(page, title)
    coordinator = story.Person(login, org, "coordinator", api.login(login, "coordinator", org))
    bases = api.get("/v1/legal-bases", coordinator.headers, limit=200)["items"]
    (basis,) = [b for b in bases if b["title"] == title]
    assert basis["type"] == "decree" and basis["determines"]["purposes"] == ["protect_integrity"]

    reference = unique("P")
    draft_without_subsidiarity(page, title, reference)
    cid = concertation_id(page)
    stored = api.get(f"/v1/concertations/{cid}", coordinator.headers)
    assert stored["state"] == "draft" and stored["offence_scope"] == ["cp_398"]
    assert [p["reference"] for p in stored["persons_concerned"]] == [reference]

    # The checklist: R55 fails, with its legal ground and a way to the field.
    overview = screen(page, "concertation")
    compliance = overview.get_by_role("region", name="Compliance")
    expect(compliance.get_by_role("status")).to_contain_text("Not compliant")
    failing = compliance.get_by_role("listitem").filter(has_text="R55").first
    expect(failing).to_contain_text("Fails")
    report = api.get(f"/v1/concertations/{cid}/compliance", coordinator.headers)
    failed = sorted({c["rule"] for c in report["checks"] if c["status"] == "fail"})
    assert "R55" in failed, report
    for lang, label in (("fr", "FR"), ("nl", "NL"), ("en", "EN")):
        page.get_by_role("button", name=label, exact=True).click()
        region = overview.get_by_role("region", name=t(lang, "compliance.title"))
        expect(region.get_by_role("listitem").filter(has_text="R55").first).to_be_visible()
        shot = shoot(page, artifacts, service, f"compliance-{lang}")
        if lang == "fr" and service.database == "sqlite" and UPDATE_SCREENSHOTS:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shot, SCREENSHOTS / "compliance-fr.png")
    french = api.client.get(
        f"/v1/concertations/{cid}/compliance", headers={**coordinator.headers, "Accept-Language": "fr"}
    ).json()
    r55 = next(c for c in french["checks"] if c["rule"] == "R55" and c["status"] == "fail")
    page.get_by_role("button", name="FR", exact=True).click()
    region = overview.get_by_role("region", name=t("fr", "compliance.title"))
    expect(region.get_by_role("listitem").filter(has_text="R55").first).to_contain_text(r55["message"])
    expect(region.get_by_role("listitem").filter(has_text="R55").first).to_contain_text(r55["legal_ground"])
    page.get_by_role("button", name="EN", exact=True).click()

    failing.get_by_role("button", name="Go to the field").click()
    edit = overview.get_by_role("region", name="Edit")
    focused = page.evaluate("document.activeElement.closest('[data-field]')?.getAttribute('data-field')")
    assert focused is not None and focused.startswith("subsidiarity"), focused
    edit.get_by_role("checkbox", name="Voluntary aid", exact=True).check()
    edit.get_by_label("Why it is insufficient (Voluntary aid)", exact=True).fill("La famille a rompu l'accompagnement.")
    edit.get_by_label("Why a concertation now", exact=True).fill("Les faits se répètent depuis trois semaines.")
    edit.get_by_role("button", name="Save the changes").click()
    expect(edit.get_by_role("status")).to_have_text("The changes are saved.")
    expect(compliance.get_by_role("status")).to_have_text("Every check passes: the concertation complies.")
    stored = api.get(f"/v1/concertations/{cid}", coordinator.headers)
    assert stored["subsidiarity"]["alternatives_considered"][0]["alternative"] == "voluntary_aid"

    lifecycle = overview.get_by_role("group", name="Lifecycle")
    lifecycle.get_by_role("button", name="Schedule", exact=True).click()
    expect(lifecycle.get_by_role("button", name="Start the session")).to_be_visible()
    layout = screen(page, "concertation-layout")
    expect(layout.get_by_text(t("en", "enum.ConcertationState.scheduled"), exact=True).first).to_be_visible()
    assert api.get(f"/v1/concertations/{cid}", coordinator.headers)["state"] == "scheduled"

    # Invite a participant: the profile is checked against the basis while typing.
    layout.get_by_role("navigation", name="Sections").get_by_role("link", name="Participants").click()
    participants = screen(page, "participants")
    invite = participants.get_by_role("form", name="Invite a participant")
    subject = unique("sw")
    invite.get_by_label("Login name", exact=True).fill(subject)
    invite.get_by_label("Display name", exact=True).fill("Alice Renard")
    invite.get_by_label("Organisation", exact=True).fill("CPAS de Schaerbeek")
    invite.get_by_label("Sector", exact=True).select_option(label="Aid and care")
    invite.get_by_label("Function", exact=True).fill("assistant social")
    expect(invite.get_by_role("status")).to_contain_text("Legal basis: the profile matches")
    invite.get_by_label("Mission", exact=True).fill("Accompagnement social de la famille depuis 2024.")
    invite.get_by_role("checkbox", name="Bound by professional secrecy").check()
    invite.get_by_label("Source of the secrecy", exact=True).select_option(label="Arts. 36 and 50 CPAS Organic Law")
    invite.get_by_role("button", name="Invite", exact=True).click()
    table = participants.get_by_role("table", name="Participants")
    expect(table).to_contain_text("Alice Renard")
    listed = api.get(f"/v1/concertations/{cid}/participants", coordinator.headers)["items"]
    assert [(p["subject"], p["display_name"]) for p in listed] == [(subject, "Alice Renard")]
    shoot(page, artifacts, service, "participants-en")

    layout.get_by_role("navigation", name="Sections").get_by_role("link", name="Agenda").click()
    agenda = screen(page, "agenda")
    agenda.get_by_label("Agenda item", exact=True).fill("Comment mettre l'enfant à l'abri ?")
    agenda.get_by_role("checkbox", name="Central question").check()
    agenda.get_by_role("button", name="Add to the agenda").click()
    expect(agenda.get_by_role("list", name="Agenda items")).to_contain_text("Comment mettre l'enfant à l'abri ?")
    items = api.get(f"/v1/concertations/{cid}/agenda-items", coordinator.headers)["items"]
    assert [(i["title"], i["is_central_question"]) for i in items] == [("Comment mettre l'enfant à l'abri ?", True)]


def test_a_lapsed_sign_in_keeps_the_form_and_sends_the_refused_call_again(people: People, service: Service) -> None:
    api = service.api
    coordinator = story.person(api, "coordinator")
    basis = story.decree(api, coordinator)
    page, watch = people.person()
    sign_in(page, "coordinator", coordinator.sub, coordinator.org)
    page.get_by_role("link", name="Concertations", exact=True).click()
    screen(page, "concertations").get_by_role("link", name="Draft a concertation").click()
    form = screen(page, "concertation-form")
    form.get_by_label("Legal basis", exact=True).select_option(label=basis["title"])
    form.get_by_label("Purpose", exact=True).select_option(label=PURPOSE)
    form.get_by_label("Purpose statement", exact=True).fill("Mettre fin aux violences au domicile.")
    form.get_by_label("Threat", exact=True).fill("Coups signalés par l'école.")

    # The service answers the next save 401, as it does when the token has expired.
    lapsed: list[str] = []

    def once(route: Route) -> None:
        if route.request.method == "POST" and not lapsed:
            lapsed.append(route.request.url)
            route.fulfill(
                status=401,
                content_type="application/problem+json",
                body='{"type":"about:blank","title":"Unauthorized","status":401,"detail":"The token has expired.",'
                '"code":"invalid_token","violations":[]}',
            )
        else:
            route.fallback()

    page.route(f"{service.base_url}/v1/concertations", once)
    form.get_by_role("button", name="Save the draft").click()
    dialog = page.get_by_role("dialog", name="Sign in again")
    expect(dialog).to_be_visible()
    # The form is still there under the dialog, as typed.
    expect(form.get_by_label("Purpose statement", exact=True)).to_have_value("Mettre fin aux violences au domicile.")
    expect(form.get_by_label("Threat", exact=True)).to_have_value("Coups signalés par l'école.")
    fill_sign_in(dialog, "coordinator", coordinator.sub, coordinator.org)
    expect(dialog).to_be_hidden()
    cid = concertation_id(page)
    stored = api.get(f"/v1/concertations/{cid}", coordinator.headers)
    assert stored["purpose"]["statement"] == "Mettre fin aux violences au domicile."
    posts = [r for r in watch.requests if r == f"POST {service.base_url}/v1/concertations"]
    assert len(lapsed) == 1 and len(posts) == 2, watch.requests  # refused once, sent again once
