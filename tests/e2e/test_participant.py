"""The participant in the browser, each person in a context of his own, on a concertation a coordinator made through
the API (story.py) with two social workers of the CPAS invited.

- Alice opens **My invitations** and her invitation in English, switches the notice to Nederlands (radio group
  "Language of the notice": the service's Dutch text appears), turns the screen to Dutch (photographed: the README's
  `notice-nl.png`), acknowledges — the acknowledgement stored in the database says `nl` — and refuses in one click.
  The coordinator sees the refusal (flags, and the Answer column of the participants screen); Bob, invited to the
  same concertation, finds nothing of Alice's answer on his screen, and the API refuses him her flags (R40). The
  console's calls for Alice's walk are those of the same walk done by hand with the API (curl's way), none more.
- Bob stays silent for the whole concertation and lifts his silence; the coordinator sees both in Bob's flags.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect
from sqlalchemy.pool import NullPool
from sqlmodel import Session, select

from api.db import make_engine
from models.participation import SecrecyAcknowledgement
from tests.conftest import ROOT
from tests.e2e import story
from tests.e2e.conftest import Api, Headers, People, Service, screen, shoot, sign_in, t

SCREENSHOTS = ROOT / "docs" / "screenshots"
#: The README's screenshots are refreshed only on request (`UPDATE_SCREENSHOTS=1 pytest tests/e2e`): a test run
#: leaves the checkout as it found it.
UPDATE_SCREENSHOTS = os.environ.get("UPDATE_SCREENSHOTS") == "1"
ORG = "cpas-schaerbeek"


def scheduled_with(api: Api, *subjects: str) -> tuple[story.Person, str, dict[str, str]]:
    """A scheduled, compliant concertation of a new coordinator, with social workers of the CPAS invited as
    `subjects` (display name "Alice <subject>"): (coordinator, concertation id, participant id of each subject)."""
    coordinator = story.person(api, "coordinator")
    basis = story.decree(api, coordinator)
    c = story.concertation(api, coordinator, basis["id"])
    ids = {s: story.invite(api, coordinator, c["id"], s)["id"] for s in subjects}
    story.step(api, coordinator, c["id"], "schedule")
    return coordinator, c["id"], ids


def open_invitation(page: Page, cid: str, lang: str) -> Any:
    """From **My invitations**, open the invitation to concertation `cid`."""
    screen(page, "invitations").get_by_role("link", name=t(lang, "invitations.openOne", id=cid[:8])).click()
    return screen(page, "invitation")


def stored_language(service: Service, participant_id: str) -> str:
    """The language the stored secrecy acknowledgement of `participant_id` records (the API returns it only in the
    answer to the acknowledgement itself)."""
    engine = make_engine(service.database_url, poolclass=NullPool)
    try:
        with Session(engine) as session:
            query = select(SecrecyAcknowledgement).where(
                SecrecyAcknowledgement.participant_id == uuid.UUID(participant_id)
            )
            return session.exec(query).one().language
    finally:
        engine.dispose()


def notice(api: Api, who: Headers, cid: str, pid: str, lang: str) -> Any:
    url = f"/v1/concertations/{cid}/participants/{pid}/secrecy-notice"
    r = api.client.get(url, headers={**who, "Accept-Language": lang})
    assert r.status_code == 200, r.text
    return r.json()


def test_a_participant_reads_the_dutch_notice_acknowledges_and_refuses_and_only_the_coordinator_knows(
    people: People, service: Service, artifacts: Path
) -> None:
    api = service.api
    alice, bob = story.unique("sw-alice"), story.unique("sw-bob")
    coordinator, cid, pids = scheduled_with(api, alice, bob)
    alice_headers = api.login(alice, "participant", ORG)
    dutch = notice(api, alice_headers, cid, pids[alice], "nl")
    english = notice(api, alice_headers, cid, pids[alice], "en")
    assert dutch["language"] == "nl" and dutch["text"] != english["text"]

    page, watch = people.person()
    sign_in(page, "participant", alice, ORG, path="/console/invitations")
    invitation = open_invitation(page, cid, "en")
    expect(invitation.get_by_role("region", name="Legal basis")).to_contain_text("Décret aide à la jeunesse")
    secrecy = invitation.get_by_role("region", name="Duty of secrecy")
    languages = secrecy.get_by_role("group", name="Language of the notice")
    text = invitation.locator("[data-notice-version]")  # the notice's text, as the service gave it
    expect(languages.get_by_role("radio", name="English")).to_be_checked()
    expect(text).to_have_text(english["text"])
    languages.get_by_role("radio", name="Nederlands").check()
    expect(text).to_have_text(dutch["text"])
    expect(text).to_have_attribute("lang", "nl")
    # The screen in Dutch too (the notice stays Dutch): the README's picture.
    page.get_by_role("button", name="NL", exact=True).click()
    expect(invitation.get_by_role("heading", level=1)).to_have_text(t("nl", "invitation.title"))
    secrecy = invitation.get_by_role("region", name=t("nl", "invitation.secrecy"))
    expect(secrecy.get_by_role("radio", name="Nederlands")).to_be_checked()
    expect(text).to_have_text(dutch["text"])
    shot = shoot(page, artifacts, service, "notice-nl")
    if service.database == "sqlite" and UPDATE_SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOTS / "notice-nl.png")

    with page.expect_response(lambda r: r.url.endswith("/secrecy-acknowledgement")) as acknowledged:
        secrecy.get_by_role("button", name=t("nl", "invitation.acknowledge")).click()
    receipt = acknowledged.value.json()
    assert acknowledged.value.status == 201 and receipt["language"] == "nl", receipt
    expect(secrecy.get_by_role("status")).to_contain_text("Nederlands")
    assert stored_language(service, pids[alice]) == "nl"
    answer = invitation.get_by_role("region", name=t("nl", "invitation.answer"))
    answer.get_by_role("button", name=t("nl", "invitation.refuse"), exact=True).click()
    refused_at = t("nl", "invitation.refused", at="@").split("@")  # "U hebt de uitnodiging op @ geweigerd."
    expect(answer).to_contain_text(refused_at[0].strip())
    expect(answer).to_contain_text(refused_at[1].strip())
    page.wait_for_load_state("networkidle")
    console_calls = [c.replace(pids[alice], "{participant}") for c in watch.api_calls(service.base_url)]
    for lang in ("fr", "en"):
        page.get_by_role("button", name=lang.upper(), exact=True).click()
        expect(invitation.get_by_role("heading", level=1)).to_have_text(t(lang, "invitation.title"))
        shoot(page, artifacts, service, f"notice-{lang}")

    # Stored: refused, acknowledged — as the coordinator sees it, through the API and on his screen.
    flags = story.flags(api, coordinator.headers, cid, pids[alice])
    assert (flags["invitation_status"], flags["secrecy_acknowledged"]) == ("refused", True), flags
    boss, _ = people.person()
    sign_in(boss, "coordinator", coordinator.sub, coordinator.org, path=f"/console/concertations/{cid}/participants")
    table = screen(boss, "participants").get_by_role("table", name="Participants")
    row = table.get_by_role("row").filter(has_text=f"Alice {alice}")
    expect(row).to_contain_text(t("en", "enum.InvitationStatus.refused"))
    expect(table.get_by_role("row").filter(has_text=f"Alice {bob}")).to_contain_text(
        t("en", "enum.InvitationStatus.pending")
    )

    # Bob, invited to the same concertation, learns nothing of Alice's answer (R40): not on his screen, not by the API.
    other, _ = people.person()
    sign_in(other, "participant", bob, ORG, path="/console/invitations")
    seen = open_invitation(other, cid, "en")
    expect(seen.get_by_role("region", name="Your answer")).to_contain_text("You have not answered yet.")
    expect(seen.get_by_role("region", name="Duty of secrecy").get_by_role("button")).to_have_text(
        "I acknowledge the duty of secrecy"
    )
    other.wait_for_load_state("networkidle")
    words = seen.inner_text()
    assert alice not in words and "refused" not in words.lower(), words
    bob_headers = api.login(bob, "participant", ORG)
    refused = api.client.get(f"/v1/concertations/{cid}/participants/{pids[alice]}/flags", headers=bob_headers)
    assert refused.status_code in (403, 404), refused.text

    # The same walk by hand, as a curl user would do it: the console's calls are those, none more.
    carol = story.unique("sw-carol")
    pid = story.invite(api, coordinator, cid, carol)["id"]
    by_hand = [c.replace(pid, "{participant}") for c in walk_by_hand(api, carol, cid, pid)]
    print(f"\n[{service.database}] console: {len(console_calls)} calls, by hand: {len(by_hand)}")
    assert Counter(console_calls) == Counter(by_hand), (console_calls, by_hand)


def walk_by_hand(api: Api, subject: str, cid: str, pid: str) -> list[str]:
    """What a curl user does to see and do what Alice did, each call asserted and counted (`METHOD /path`): get a
    token, find the invitation in the list, read its answer-so-far (flags), the concertation and its legal basis, the
    notice in English then in Dutch, acknowledge, read again what the acknowledgement opens (the concertation, the
    flags, the agenda), refuse."""
    calls = ["POST /oauth/dev-token"]
    who = api.login(subject, "participant", ORG)

    def get(path: str, lang: str = "en") -> Any:
        calls.append(f"GET {path}")
        r = api.client.get(path, headers={**who, "Accept-Language": lang})
        assert r.status_code == 200, f"GET {path}: {r.status_code} {r.text}"
        return r.json()

    def post(path: str, body: dict[str, Any], status: int) -> Any:
        calls.append(f"POST {path}")
        return api.post(path, who, body, status=status)

    mine = [i for i in get("/v1/concertations")["items"] if i.get("participant_id") == pid]
    assert [i["id"] for i in mine] == [cid]
    url = f"/v1/concertations/{cid}/participants/{pid}"
    get(f"{url}/flags")
    basis = get(f"/v1/concertations/{cid}")["legal_basis_id"]
    get(f"/v1/legal-bases/{basis}")
    get(f"{url}/secrecy-notice", "en")
    dutch = get(f"{url}/secrecy-notice", "nl")
    post(f"{url}/secrecy-acknowledgement", {"notice_version": dutch["version"], "language": dutch["language"]}, 201)
    assert get(f"{url}/flags")["secrecy_acknowledged"] is True
    get(f"/v1/concertations/{cid}")
    get(f"/v1/concertations/{cid}/agenda-items")
    assert post(f"{url}/response", {"answer": "refuse"}, 200)["invitation_status"] == "refused"
    return calls


def test_a_participant_stays_silent_for_the_whole_concertation_and_lifts_it(people: People, service: Service) -> None:
    api = service.api
    bob = story.unique("sw-bob")
    coordinator, cid, pids = scheduled_with(api, bob)

    page, _ = people.person()
    sign_in(page, "participant", bob, ORG, path="/console/invitations", lang="fr")
    invitation = open_invitation(page, cid, "fr")
    silence = invitation.get_by_role("region", name=t("fr", "invitation.silence"))
    expect(silence).to_contain_text(t("fr", "invitation.noSilence"))
    whole = t("fr", "invitation.wholeConcertation")
    silence.get_by_role("button", name=t("fr", "invitation.silentWhole"), exact=True).click()
    expect(
        invitation.get_by_role("status").filter(has_text=t("fr", "invitation.silenceRecorded", what=whole))
    ).to_be_visible()
    silences = silence.get_by_role("list", name=t("fr", "invitation.silences"))
    expect(silences.get_by_role("listitem")).to_have_count(1)
    expect(silences).to_contain_text(whole)
    expect(silence.get_by_role("button", name=t("fr", "invitation.silentWhole"), exact=True)).to_have_count(0)
    (invoked,) = story.flags(api, coordinator.headers, cid, pids[bob])["silences"]
    assert invoked["agenda_item_id"] is None and invoked["lifted_at"] is None, invoked

    silence.get_by_role("button", name=t("fr", "invitation.liftOne", what=whole), exact=True).click()
    expect(
        invitation.get_by_role("status").filter(has_text=t("fr", "invitation.silenceLifted", what=whole))
    ).to_be_visible()
    expect(silences).to_have_count(0)
    expect(silence).to_contain_text(t("fr", "invitation.noSilence"))
    expect(silence.get_by_role("button", name=t("fr", "invitation.silentWhole"), exact=True)).to_be_visible()
    (lifted,) = story.flags(api, coordinator.headers, cid, pids[bob])["silences"]
    assert lifted["id"] == invoked["id"] and lifted["lifted_at"] is not None, lifted
