"""Which regime? Shared secrecy, art. 458bis and the state of necessity, in the browser (README "Which regime?").

- A social worker (participant) describes an exchange with the psychologist of the same mission, with the person's
  agreement: the answer routes it to shared secrecy, every condition of that regime passes; "Record" opens the
  exchange form filled with the same facts, the content of the item is added, and the recorded exchange is in the
  list — as the API says.
- The same with a teacher: shared secrecy is closed with R72 and its legal ground (as the API gives them), and
  recording it anyway is refused (422) with the same rule; nothing is stored.
- A report to the procureur du Roi (art. 458bis): classified, recorded from the answer, then closed by a follow-up
  sent with the record's ETag.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from tests.e2e import story
from tests.e2e.conftest import Api, Headers, People, Service, screen, shoot, sign_in, t

ORG = "cpas-schaerbeek"
MISSION = "M-F12"
JUSTIFICATION = "Le suivi psychologique commun doit en tenir compte."
CONTENT = "Madame dort mal depuis la perte de son emploi."


def label(key: str, **values: Any) -> str:
    return t("en", key, **values)


def fill_discloser(form: Any) -> None:
    """Alice: a social worker bound by art. 458 C. pén., on mission M-F12 (her reference is her login, prefilled)."""
    form.get_by_label(label("facts.discloserFunction"), exact=True).fill("assistant social")
    form.get_by_label(label("facts.discloserMission"), exact=True).fill(MISSION)


def fill_recipient(form: Any, reference: str, sector: str, function: str, *, bound: bool) -> None:
    """The first recipient; a bound one on the same mission, with the evidence of his secrecy."""
    n = {"n": 1}
    form.get_by_label(label("facts.recipientReference", **n), exact=True).fill(reference)
    form.get_by_label(label("facts.recipientSector", **n), exact=True).select_option(
        label=label(f"enum.Sector.{sector}")
    )
    form.get_by_label(label("facts.recipientFunction", **n), exact=True).fill(function)
    if bound:
        form.get_by_label(label("facts.recipientMission", **n), exact=True).fill(MISSION)
        form.get_by_label(label("facts.recipientBound", **n), exact=True).check()
        form.get_by_label(label("facts.recipientSource", **n), exact=True).select_option(
            label=label("enum.SecrecySource.art_458_cp")
        )
        form.get_by_label(label("facts.recipientEvidence", **n), exact=True).fill(
            "Psychologue agréé (art. 458 C. pén.)."
        )


def fill_item(form: Any, reference: str, content: str | None = None) -> None:
    n = {"n": 1}
    form.get_by_label(label("facts.itemReference", **n), exact=True).fill(reference)
    if content is not None:
        form.get_by_label(label("facts.itemContent", **n), exact=True).fill(content)
    form.get_by_label(label("facts.itemJustification", **n), exact=True).fill(JUSTIFICATION)
    form.get_by_label(label("facts.itemInInterest", **n), exact=True).check()
    form.get_by_label(label("facts.itemServes", **n), exact=True).select_option(
        label=label("enum.ItemPurpose.care_of_person")
    )
    form.get_by_label(label("facts.itemPseudonymised", **n), exact=True).check()


def fill_consent(form: Any, recipient: str, item: str) -> None:
    form.get_by_label(label("facts.consent"), exact=True).select_option(label=label("enum.ConsentStatus.given"))
    form.get_by_role("group", name=label("facts.consentRecipients")).get_by_role("checkbox", name=recipient).check()
    form.get_by_role("group", name=label("facts.consentItems")).get_by_role("checkbox", name=item).check()


def classify(page: Page) -> Any:
    """Ask "Which regime?"; the answer's region once shown."""
    root = screen(page, "disclosures")
    root.get_by_role("button", name=label("classify.submit"), exact=True).click()
    answer = root.get_by_role("region", name=label("classify.result"))
    expect(answer).to_be_visible()
    return answer


def regime(answer: Any, name: str) -> Any:
    return answer.get_by_role("region", name=label(f"enum.Regime.{name}"), exact=True)


def conditions(scope: Any, name: str) -> Any:
    return scope.get_by_role("list", name=label("classify.conditionsOf", regime=label(f"enum.Regime.{name}")))


def with_rule(items: Any, page: Page, rule: str) -> Any:
    """The list items whose rule id (not merely their message) is `rule`."""
    return items.filter(has=page.locator(".rule").get_by_text(rule, exact=True))


def api_classify(api: Api, who: Headers, body: dict[str, Any]) -> dict[str, Any]:
    r = api.client.post("/v1/disclosures/classify", headers={**who, "Accept-Language": "en"}, json=body)
    assert r.status_code == 200, r.text
    answer: dict[str, Any] = r.json()
    return answer


def test_shared_secrecy_with_the_psychologist_of_the_mission_is_routed_there_and_recorded(
    people: People, service: Service, artifacts: Path
) -> None:
    api = service.api
    alice = story.unique("sw-alice")
    page, _ = people.person()
    sign_in(page, "participant", alice, ORG, path="/console/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name=label("nav.disclosures"), exact=True).click()
    root = screen(page, "disclosures")
    expect(root.get_by_role("heading", level=1)).to_have_text(label("classify.title"))
    form = root.get_by_role("form", name=label("classify.form"))
    fill_discloser(form)
    fill_recipient(form, "psy-karim", "health", "psychologue", bound=True)
    fill_item(form, "sommeil")
    fill_consent(form, "psy-karim", "sommeil")
    answer = classify(page)
    expect(answer.get_by_role("status")).to_have_text(
        label("classify.routing", routing=label("enum.Routing.shared_secrecy"))
    )
    shared = regime(answer, "shared_secrecy")
    expect(shared).to_contain_text(label("classify.open"))
    lines = conditions(shared, "shared_secrecy").get_by_role("listitem")
    expect(lines.first).to_be_visible()
    assert lines.count() >= 4
    for line in lines.all():
        expect(line).to_contain_text(label("enum.Status.pass"))
    for rule in ("R68", "R69", "R70", "R71"):
        expect(conditions(shared, "shared_secrecy")).to_contain_text(rule)
    expect(regime(answer, "art_458ter_concertation")).to_contain_text(label("classify.closed"))
    expect(answer.get_by_role("region", name=label("classify.art422bis"))).to_contain_text("422bis")
    shoot(page, artifacts, service, "disclosures-shared-secrecy-en")

    # "Record": the exchange form, with the same facts; the person's reference and the item's content are added.
    shared.get_by_role("button", name=label("classify.record", regime=label("enum.Regime.shared_secrecy"))).click()
    record = screen(page, "shared-secret-exchange-form")
    expect(record).to_contain_text(label("records.fromClassification"))
    expect(record.get_by_label(label("facts.recipientReference", n=1), exact=True)).to_have_value("psy-karim")
    record.get_by_label(label("facts.personRef"), exact=True).fill("P-001")
    record.get_by_label(label("facts.itemContent", n=1), exact=True).fill(CONTENT)
    record.get_by_label(label("facts.consentGivenAt"), exact=True).fill("2026-12-01T10:00")
    record.get_by_role("button", name=label("exchanges.submit"), exact=True).click()
    detail = screen(page, "shared-secret-exchange")
    expect(detail.get_by_role("status")).to_contain_text(label("enum.RecordStatus.recorded"))
    expect(detail.get_by_role("list", name=label("exchanges.shared"))).to_contain_text(CONTENT)
    expect(detail.get_by_role("list", name=label("records.conditions"))).to_contain_text("R69")
    exchange_id = page.url.rsplit("/", 1)[1].split("?", 1)[0]

    page.get_by_role("navigation", name=label("disclosures.sections")).get_by_role(
        "link", name=label("disclosures.tab.exchanges"), exact=True
    ).click()
    listed = screen(page, "shared-secret-exchanges")
    expect(listed.get_by_role("link", name=label("records.openOne", id=exchange_id[:8]))).to_be_visible()
    shoot(page, artifacts, service, "disclosures-exchanges-en")

    headers = api.login(alice, "participant", ORG)
    stored = api.get(f"/v1/shared-secret-exchanges/{exchange_id}", headers)
    assert (stored["person_ref"], [r["reference"] for r in stored["recipients"]], stored["items"][0]["content"]) == (
        "P-001",
        ["psy-karim"],
        CONTENT,
    )
    assert {c["status"] for c in stored["conditions"]} == {"pass"}
    assert [x["id"] for x in api.get("/v1/shared-secret-exchanges", headers)["items"]] == [exchange_id]


def test_a_teacher_is_never_shared_secrecy_r72_and_recording_it_is_refused(
    people: People, service: Service, artifacts: Path
) -> None:
    api = service.api
    alice = story.unique("sw-alice")
    headers = api.login(alice, "participant", ORG)
    expected = api_classify(
        api,
        headers,
        {
            "discloser": {"reference": alice, "sector": "aid_care", "bound_by_professional_secrecy": True},
            "recipients": [{"reference": "juf-an", "sector": "school", "function": "institutrice"}],
        },
    )
    ground = next(
        c["legal_ground"]
        for r in expected["regimes"]
        if r["regime"] == "shared_secrecy"
        for c in r["conditions"]
        if c["rule"] == "R72"
    )

    page, _ = people.person()
    sign_in(page, "participant", alice, ORG, path="/console/disclosures")
    form = screen(page, "disclosures").get_by_role("form", name=label("classify.form"))
    fill_discloser(form)
    fill_recipient(form, "juf-an", "school", "institutrice", bound=False)
    fill_item(form, "sommeil")
    fill_consent(form, "juf-an", "sommeil")
    answer = classify(page)
    expect(answer.get_by_role("status")).to_have_text(
        label("classify.routing", routing=label("enum.Routing.not_allowed"))
    )
    shared = regime(answer, "shared_secrecy")
    expect(shared).to_contain_text(label("classify.closed"))
    r72 = with_rule(conditions(shared, "shared_secrecy").get_by_role("listitem"), page, "R72")
    expect(r72).to_contain_text(label("enum.Status.fail"))
    expect(r72).to_contain_text(ground)
    expect(shared.get_by_role("button")).to_have_count(0)
    shoot(page, artifacts, service, "disclosures-teacher-en")

    # Recorded anyway, from the list's form: a 422 naming R72 with its ground; nothing stored.
    page.get_by_role("navigation", name=label("disclosures.sections")).get_by_role(
        "link", name=label("disclosures.tab.exchanges"), exact=True
    ).click()
    screen(page, "shared-secret-exchanges").get_by_role("link", name=label("exchanges.new"), exact=True).click()
    record = screen(page, "shared-secret-exchange-form")
    record.get_by_label(label("facts.personRef"), exact=True).fill("P-001")
    fill_discloser(record)
    fill_recipient(record, "juf-an", "school", "institutrice", bound=False)
    fill_item(record, "sommeil", CONTENT)
    fill_consent(record, "juf-an", "sommeil")
    record.get_by_role("button", name=label("exchanges.submit"), exact=True).click()
    alert = record.get_by_role("alert")
    expect(with_rule(alert.get_by_role("listitem"), page, "R72")).to_contain_text(ground)
    expect(alert).to_contain_text("R67")
    shoot(page, artifacts, service, "disclosures-teacher-refused-en")
    assert api.get("/v1/shared-secret-exchanges", headers)["items"] == []


def test_an_art_458bis_report_is_recorded_from_the_answer_and_closed_by_a_follow_up(
    people: People, service: Service, artifacts: Path
) -> None:
    api = service.api
    alice = story.unique("sw-alice")
    page, watch = people.person()
    sign_in(page, "participant", alice, ORG, path="/console/disclosures")
    root = screen(page, "disclosures")
    form = root.get_by_role("form", name=label("classify.form"))
    fill_discloser(form)
    # The exchange contemplated: telling the procureur du Roi.
    fill_recipient(form, "pr-bruxelles", "prosecution", "procureur du Roi", bound=False)
    form.get_by_label(label("facts.recipientMagistrate", n=1), exact=True).select_option(
        label=label("enum.MagistrateFunction.procureur_du_roi")
    )
    form.get_by_text(label("classify.section458bis"), exact=True).click()
    offences = api.get("/v1/reference/art-458bis-offences", api.login(alice, "participant", ORG))["items"]
    cp_398 = next(o for o in offences if o["code"] == "cp_398")
    form.get_by_label(label("facts.offence"), exact=True).select_option(
        label=f"{cp_398['article']} — {cp_398['title_en']}"
    )
    form.get_by_label(label("facts.victimMinor"), exact=True).check()
    form.get_by_label(label("facts.dangerToVictim"), exact=True).check()
    form.get_by_label(label("facts.unableToProtect"), exact=True).check()
    kinds = form.get_by_role("group", name=label("facts.factualKinds"))
    kinds.get_by_role("checkbox", name=label("enum.FactualBasisKind.observed"), exact=True).check()
    kinds.get_by_role("checkbox", name=label("enum.FactualBasisKind.disclosed_by_victim"), exact=True).check()
    form.get_by_label(label("facts.factsDescription"), exact=True).fill(
        "Ecchymoses constatées le 4 décembre ; l'enfant dit que son père le frappe."
    )
    form.get_by_label(label("facts.observedOn"), exact=True).fill("2026-12-04")
    form.get_by_label(label("facts.reportRecipient"), exact=True).select_option(
        label=label("enum.ReportRecipient.procureur_du_roi")
    )
    form.get_by_label(label("facts.dangerDescription"), exact=True).fill(
        "Ecchymoses répétées ; le père a menacé de recommencer ce soir."
    )
    answer = classify(page)
    report = regime(answer, "art_458bis_report")
    expect(report).to_contain_text(label("classify.open"))
    report.get_by_role("button", name=label("classify.record", regime=label("enum.Regime.art_458bis_report"))).click()

    record = screen(page, "art-458bis-report-form")
    record.get_by_label(label("facts.personRef"), exact=True).fill("child-7")
    record.get_by_label(label("facts.judicialDistrict"), exact=True).fill("Bruxelles")
    record.get_by_label(label("facts.followUpPlan"), exact=True).fill(
        "Maintenir les visites à domicile ; relais vers l'équipe SOS Enfants."
    )
    record.get_by_role("button", name=label("reports.submit"), exact=True).click()
    detail = screen(page, "art-458bis-report")
    expect(detail.get_by_role("status").first).to_contain_text(label("enum.RecordStatus.follow_up_open"))
    expect(detail.get_by_role("list", name=label("records.conditions"))).to_contain_text("R101")
    expect(detail).to_contain_text(label("records.noFollowUp"))
    report_id = page.url.rsplit("/", 1)[1].split("?", 1)[0]

    follow_up = detail.get_by_role("form", name=label("records.followUpForm"))
    follow_up.get_by_label(label("records.outcome"), exact=True).select_option(
        label=label("enum.FollowUpOutcome.handed_over")
    )
    follow_up.get_by_label(label("records.handedOverToField"), exact=True).fill("équipe SOS Enfants")
    follow_up.get_by_label(label("records.note"), exact=True).fill("Relais fait.")
    follow_up.get_by_label(label("records.close"), exact=True).check()
    since = len(watch.requests)
    follow_up.get_by_role("button", name=label("records.submitFollowUp"), exact=True).click()
    expect(detail.get_by_role("status").first).to_contain_text(label("enum.RecordStatus.closed"))
    items = detail.get_by_role("list", name=label("records.followUps")).get_by_role("listitem")
    expect(items).to_have_count(1)
    expect(items.first).to_contain_text("équipe SOS Enfants")
    expect(detail.get_by_role("form", name=label("records.followUpForm"))).to_have_count(0)
    shoot(page, artifacts, service, "disclosures-report-closed-en")
    # The report was not read again: the answers of the POSTs are what the screen shows.
    assert watch.api_calls(service.base_url, since) == [f"POST /v1/art-458bis-reports/{report_id}/follow-ups"]

    stored = api.get(f"/v1/art-458bis-reports/{report_id}", api.login(alice, "participant", ORG))
    assert (stored["status"], stored["version"], stored["offence"]) == ("closed", 2, "cp_398")
    assert [(f["outcome"], f["handed_over_to"]) for f in stored["follow_ups"]] == [
        ("handed_over", "équipe SOS Enfants")
    ]
