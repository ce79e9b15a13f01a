"""What the console costs and what it may do, seen from the browser and from the wire.

- The headers: every `/console/` answer carries the Content-Security-Policy `api/console.py` builds for the
  service's own settings (this origin only; no inline script or style; no framing), `X-Frame-Options: DENY`,
  `nosniff` and no referrer; the hashed assets are cached for a year (`immutable`), `index.html` and every client
  route revalidated (`no-cache`); an unknown asset is a 404, not the application. The page has no inline script or
  style to need `'unsafe-inline'`.
- A coordinator's walk through every screen raises no script error and no CSP violation (the `people` fixture
  checks it at close) — and a script injected inline is refused by the browser and seen by the watch, so that this
  "no violation" is not vacuous. Nothing leaves the loopback; the console asks its service for its own files, /v1
  and /oauth only. The JavaScript and CSS the first page loads weigh less than 300 KB gzipped (printed).
- Opening a draft's overview sends exactly the calls a curl user needs to see it and edit it, none twice: the
  concertation (with its ETag for `If-Match`), its compliance report, and for the edit form's choices the legal
  bases, the purposes, the offences and the policy (concertation types). The three reference lists and the bases
  are read once per sign-in: the next overview takes only the concertation and its report.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from api.console import content_security_policy
from tests.e2e import story
from tests.e2e.conftest import People, Service, Watch, off_the_loopback, screen, sign_in

#: The gzipped JavaScript and CSS of the first page, at most (issue 11).
BUDGET = 300 * 1000
IMMUTABLE = "public, max-age=31536000, immutable"


def directives(policy: str) -> dict[str, list[str]]:
    """`default-src 'self'; img-src 'self' data:` → {"default-src": ["'self'"], "img-src": ["'self'", "data:"]}."""
    out: dict[str, list[str]] = {}
    for part in policy.split(";"):
        name, *values = part.split()
        assert name not in out, f"{name} twice in {policy}"
        out[name] = values
    return out


def secured(response: httpx.Response, expected_policy: str) -> None:
    where = f"{response.request.method} {response.request.url.path}"
    assert response.headers.get("content-security-policy") == expected_policy, where
    assert response.headers.get("x-frame-options") == "DENY", where
    assert response.headers.get("x-content-type-options") == "nosniff", where
    assert response.headers.get("referrer-policy") == "no-referrer", where


def test_console_headers_csp_and_caching(service: Service) -> None:
    client = service.api.client
    expected = content_security_policy(service.settings())
    policy = directives(expected)
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["default-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]  # no OpenID Connect issuer configured: the service only
    assert "'unsafe-inline'" not in expected and "'unsafe-eval'" not in expected and "*" not in expected

    index = client.get("/console/")
    assert index.status_code == 200 and index.headers["content-type"].startswith("text/html")
    secured(index, expected)
    assert index.headers["cache-control"] == "no-cache"
    # A client route (a reload on a concertation's page) is the application, revalidated the same way.
    route = client.get("/console/concertations/00000000-0000-4000-8000-000000000000/participants")
    assert route.status_code == 200 and route.text == index.text
    secured(route, expected)
    assert route.headers["cache-control"] == "no-cache"
    config = client.get("/console/config.json")
    assert config.status_code == 200 and config.json()["dev_sign_in"] is True
    secured(config, expected)
    assert config.headers["cache-control"] == "no-cache"

    # Nothing inline for the policy to have to allow.
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", index.text, flags=re.S)
    assert scripts and all('src="/console/assets/' in attributes and not body.strip() for attributes, body in scripts)
    assert "<style" not in index.text and not re.search(r"\s(style|on[a-z]+)=", index.text), index.text

    assets = re.findall(r'(?:src|href)="(/console/assets/[^"]+)"', index.text)
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets), assets
    for asset in assets:
        r = client.get(asset)
        assert r.status_code == 200, asset
        secured(r, expected)
        assert r.headers["cache-control"] == IMMUTABLE, asset
        kind = "javascript" if asset.endswith(".js") else "css"
        assert kind in r.headers["content-type"], (asset, r.headers["content-type"])
    missing = client.get("/console/assets/index-00000000.js")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/plain")
    secured(missing, expected)


def weigh(service: Service, watch: Watch) -> tuple[int, int, int]:
    """(raw bytes, gzip bytes on the wire, gzip bytes by Python at level 9) of the /console/assets/ files the page
    requested, each fetched again with httpx."""
    urls = sorted({line.split(" ", 1)[1] for line in watch.requests if "/console/assets/" in line})
    assert any(u.endswith(".js") for u in urls) and any(u.endswith(".css") for u in urls), urls
    raw = wire = python = 0
    with httpx.Client(timeout=15.0) as client:
        for url in urls:
            with client.stream("GET", url, headers={"Accept-Encoding": "gzip"}) as r:
                assert r.status_code == 200, url
                body = r.read()
                assert r.headers.get("content-encoding") == "gzip", f"{url} is not served compressed"
                wire += r.num_bytes_downloaded
            raw += len(body)
            python += len(gzip.compress(body, compresslevel=9))
    return raw, wire, python


def overview_calls(page: Page, watch: Watch, service: Service, cid: str) -> list[str]:
    """Open a concertation from the list, wait until the screen is complete, and return the API calls it sent."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Concertations", exact=True).click()
    link = screen(page, "concertations").get_by_role("link", name=f"Open concertation {cid[:8]}", exact=True)
    # The list is complete and its own request is in the log (Playwright delivers request events while the test waits)
    # before the count starts.
    expect(link).to_be_visible()
    page.wait_for_load_state("networkidle")
    start = len(watch.requests)
    link.click()
    overview = screen(page, "concertation")
    expect(overview.get_by_role("region", name="Compliance").get_by_role("listitem").first).to_be_visible()
    expect(overview.get_by_role("region", name="Edit").get_by_label("Legal basis", exact=True)).to_be_visible()
    page.wait_for_load_state("networkidle")
    return watch.api_calls(service.base_url, since=start)


def test_a_coordinator_walk_is_clean_small_contained_and_counted(people: People, service: Service) -> None:
    api = service.api
    coordinator = story.person(api, "coordinator")
    basis = story.decree(api, coordinator)
    draft = story.concertation(api, coordinator, basis["id"])["id"]
    scheduled = story.concertation(api, coordinator, basis["id"])["id"]
    story.invite(api, coordinator, scheduled, story.unique("sw"))
    api.post(f"/v1/concertations/{scheduled}/agenda-items", coordinator.headers, {"title": "Mettre l'enfant à l'abri"})
    story.step(api, coordinator, scheduled, "schedule")

    page, watch = people.person()
    sign_in(page, "coordinator", coordinator.sub, coordinator.org)
    raw, wire, python = weigh(service, watch)
    print(
        f"\n[{service.database}] first page JS+CSS: {raw / 1000:.1f} kB raw, {wire / 1000:.1f} kB gzip as served, "
        f"{python / 1000:.1f} kB gzip -9 (budget {BUDGET / 1000:.0f} kB)"
    )
    assert wire < BUDGET and python < BUDGET, (raw, wire, python)

    # The browser enforces the policy it was sent, and the watch sees a violation: an inline script is refused.
    with pytest.raises(PlaywrightError, match="violates the following Content Security Policy directive"):
        page.add_script_tag(content="window.__inline = true;")
    assert page.evaluate("window.__inline === undefined")
    for _ in range(20):
        if watch.csp:
            break
        page.wait_for_timeout(100)
    assert watch.csp and "script-src 'self'" in watch.csp[0], watch.csp
    watch.csp.clear()  # the only violation this test provoked on purpose

    # Opening the draft: what a curl user needs to see it and edit it, each once.
    calls = overview_calls(page, watch, service, draft)
    assert Counter(calls) == Counter(
        [
            f"GET /v1/concertations/{draft}",
            f"GET /v1/concertations/{draft}/compliance",
            "GET /v1/legal-bases",
            "GET /v1/reference/purposes",
            "GET /v1/reference/offences",
            "GET /v1/policy",
        ]
    ), calls
    # The reference lists and the bases are read once per sign-in: the next overview takes two calls.
    calls = overview_calls(page, watch, service, scheduled)
    assert Counter(calls) == Counter(
        [f"GET /v1/concertations/{scheduled}", f"GET /v1/concertations/{scheduled}/compliance"]
    ), calls

    # The rest of the walk: every section, the bases, the three languages.
    layout = screen(page, "concertation-layout")
    sections = layout.get_by_role("navigation", name="Sections")
    for link, name in (
        ("Participants", "participants"),
        ("Agenda", "agenda"),
        ("Person concerned", "person-concerned"),
        ("Minutes", "minutes"),
        ("Overview", "concertation"),
    ):
        sections.get_by_role("link", name=link, exact=True).click()
        expect(screen(page, name).get_by_role("heading", level=1)).to_have_text(
            link if link != "Overview" else "Concertation"
        )
    for label in ("FR", "NL", "EN"):
        page.get_by_role("button", name=label, exact=True).click()
        expect(page.get_by_role("button", name=label, exact=True)).to_have_attribute("aria-pressed", "true")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Legal bases", exact=True).click()
    screen(page, "legal-bases").get_by_role("link", name=basis["title"], exact=True).click()
    expect(screen(page, "legal-basis").get_by_role("heading", level=1)).to_have_text(basis["title"])
    page.wait_for_load_state("networkidle")

    # Contained: nothing tried to leave the machine; only the console's files, /v1 and /oauth were asked for.
    assert watch.left == [], watch.left
    assert [r for r in watch.requests if off_the_loopback(r.split(" ", 1)[1])] == []
    assert watch.foreign(service.base_url) == [], watch.foreign(service.base_url)
    hosts = {urlsplit(r.split(" ", 1)[1]).netloc for r in watch.requests}
    assert hosts == {urlsplit(service.base_url).netloc}, hosts
    assert watch.errors == [] and watch.csp == [], (watch.errors, watch.csp)
