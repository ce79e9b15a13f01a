"""Browser end-to-end tests: the console, /docs and /redoc walked in Chromium as their users would, on SQLite and on
PostgreSQL.

Setup, once per test session:

- **The browser**: Debian's Chromium at /usr/bin/chromium (`apt-get install chromium`), driven headless by the
  Python `playwright` package (sync API) through `executable_path`; Playwright's own browser download is never
  used (`playwright install` is not needed and would fail offline).
- **The console**: the built `console/dist` (`npm --prefix console run build`; `make test` builds it first).
  `CONCERTATION_E2E_CONSOLE_DIST` points at a build elsewhere.
- **The service**: the real one, `uvicorn --factory api.main:create_app` started by `tests/reliability/live_server`
  on a free loopback port, once per database: a migrated SQLite file in a temporary directory, and a database of its
  own on the PostgreSQL test server (created and dropped by `tests/conftest.py`'s `fresh_database`). Every test
  function is parametrised over both (ids `sqlite`, `postgres`; the PostgreSQL ones are marked `postgres`).

Without Chromium, without a built console or without PostgreSQL the tests are skipped loudly — except under
CI=true, where each of those is a failure, as `tests/conftest.py` treats PostgreSQL.

Each test makes its own data (legal bases, concertations and logins with a unique suffix) on the shared server, so
the tests are independent of each other and of their order. Each browser context is a fresh profile (the console
keeps its token in memory only, so a context is one signed-in person). The tests assert on what the screen shows
(locators by role and accessible name, as listed in console/README.md, with Playwright's waiting `expect`) and on
the stored state through the public `/v1` API (httpx, tokens from `POST /oauth/dev-token`).

Screenshots are written to tests/e2e/artifacts/ (ignored by git). Every page a test opens through the `page`
fixtures is watched: an uncaught script error, or a Content-Security-Policy violation reported on the console,
fails the test.
"""

from __future__ import annotations

import json
import os
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Route,
    expect,
    sync_playwright,
)

from api.settings import Settings
from tests.conftest import IN_CI, ROOT, fresh_database
from tests.reliability import live_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
CONSOLE_DIST = Path(os.environ.get("CONCERTATION_E2E_CONSOLE_DIST", ROOT / "console" / "dist"))
CATALOGUES = ROOT / "console" / "src" / "i18n"
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
#: The only paths the console may ask its service for: its own files, the public API and the token endpoints.
CONSOLE_PATHS = ("/console/", "/v1/", "/oauth/")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DEV_ISSUER = "concertation-dev"
TIMEOUT_MS = 15_000

expect.set_options(timeout=TIMEOUT_MS)

Headers = dict[str, str]
Body = dict[str, Any]


def missing(reason: str) -> None:
    """Skip loudly, or fail under CI=true (where everything the suite needs is installed)."""
    if IN_CI:
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    warnings.warn(f"\n\n*** SKIPPING BROWSER TESTS — {reason} ***\n", stacklevel=2)
    pytest.skip(reason)


def unique(prefix: str) -> str:
    """A login name or reference no other test uses."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


# ------------------------------------------------------------------------------------------------ the API


@dataclass
class Api:
    """The public API of the running service, as a partner system or a person with curl would call it."""

    client: httpx.Client

    def login(self, sub: str, role: str, org: str | None = None) -> Headers:
        body: Body = {"sub": sub, "roles": [role]}
        if org is not None:
            body["org"] = org
        r = self.client.post("/oauth/dev-token", json=body)
        assert r.status_code == 200, r.text
        return {"Authorization": f"Bearer {r.json()['access_token']}"}

    def get(self, path: str, who: Headers, **params: Any) -> Body:
        r = self.client.get(path, headers=who, params=params)
        assert r.status_code == 200, f"GET {path}: {r.status_code} {r.text}"
        body: Body = r.json()
        return body

    def post(self, path: str, who: Headers, body: Body | None = None, status: int = 201) -> Body:
        r = self.client.post(path, headers=who, json=body)
        assert r.status_code == status, f"POST {path}: {r.status_code} {r.text}"
        answer: Body = r.json()
        return answer

    def patch(self, path: str, who: Headers, body: Body) -> Body:
        current = self.client.get(path, headers=who)
        assert current.status_code == 200, current.text
        r = self.client.patch(path, headers={**who, "If-Match": current.headers["ETag"]}, json=body)
        assert r.status_code == 200, f"PATCH {path}: {r.status_code} {r.text}"
        answer: Body = r.json()
        return answer


@dataclass
class Service:
    """One running service and the database behind it."""

    base_url: str
    database: str
    api: Api
    server: live_server.LiveServer
    #: The SQLAlchemy URL of its database (to read what the API does not show, e.g. a stored acknowledgement).
    database_url: str = ""
    #: The environment it was started with.
    env: dict[str, str] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def settings(self) -> Settings:
        """The service's settings, as it read them from its environment (and nothing from this process's)."""
        values: dict[str, Any] = {
            k.removeprefix("CONCERTATION_").lower(): v for k, v in self.env.items() if k.startswith("CONCERTATION_")
        }
        return Settings(_env_prefix="CONCERTATION_E2E_NOTHING_", **values)


@pytest.fixture(scope="session")
def console_dist() -> Path:
    if not (CONSOLE_DIST / "index.html").is_file():
        missing(f"the console is not built ({CONSOLE_DIST / 'index.html'} is missing: npm --prefix console run build)")
    return CONSOLE_DIST


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def service(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, console_dist: Path
) -> Iterator[Service]:
    """The real service on a database of its own, for the whole session (one per database)."""
    directory = tmp_path_factory.mktemp(f"e2e-{request.param}")
    env = {"CONCERTATION_CONSOLE_DIR": str(console_dist)}
    with (
        fresh_database(request, directory, "e2e") as url,
        live_server.serving(url, 1, directory / "var", env=env) as server,
        httpx.Client(base_url=server.base_url, timeout=15.0, limits=live_server.client_limits(10)) as client,
    ):
        started = live_server.server_env(url, directory / "var", env)
        yield Service(server.base_url, str(request.param), Api(client), server, url, started)


# ------------------------------------------------------------------------------------------------ the browser


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        missing(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()


def off_the_loopback(url: str) -> bool:
    """Whether a request would leave the machine (data: and blob: URLs never do)."""
    if url.startswith(("data:", "blob:", "about:")):
        return False
    return (urlsplit(url).hostname or "") not in LOOPBACK


def block_the_outside(context: BrowserContext, left: list[str]) -> None:
    """Abort (and record in `left`) every request of the context to a host other than the loopback."""

    def handle(route: Route) -> None:
        if off_the_loopback(route.request.url):
            left.append(route.request.url)
            route.abort("internetdisconnected")
        else:
            route.fallback()

    context.route("**/*", handle)


@dataclass
class Watch:
    """What a page did that a test wants to know: its uncaught errors, its CSP violations, its requests."""

    errors: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    #: Requests to a host off the loopback, aborted before they left.
    left: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> Page:
        page.on("pageerror", lambda exc: self.errors.append(f"{page.url}: {exc}"))
        page.on("console", self._console)
        page.on("request", lambda req: self.requests.append(f"{req.method} {req.url}"))
        return page

    def _console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.csp.append(message.text)

    def api_calls(self, base_url: str, since: int = 0) -> list[str]:
        """`METHOD /path` of every /v1 and /oauth request the page sent (query strings dropped), from the
        `since`-th request of the log on."""
        calls = []
        for line in self.requests[since:]:
            method, url = line.split(" ", 1)
            path = url.removeprefix(base_url).split("?", 1)[0]
            if url.startswith(base_url) and path.startswith(("/v1/", "/oauth/")):
                calls.append(f"{method} {path}")
        return calls

    def foreign(self, base_url: str) -> list[str]:
        """Requests of a console page to anything but its own files, /v1 and /oauth of its service."""
        out = []
        for line in self.requests:
            url = line.split(" ", 1)[1]
            if url.startswith(("data:", "blob:", "about:")):
                continue
            if not url.startswith(f"{base_url}/") or not url.removeprefix(base_url).startswith(CONSOLE_PATHS):
                out.append(line)
        return out


@dataclass
class People:
    """Browser contexts, one per person, each watched; closed, and their watches checked, at the end of the test:
    no script error, no CSP violation, no request off the loopback, and, for the console, no request to anything
    but the console's files, /v1 and /oauth."""

    browser: Browser
    service: Service
    contexts: list[tuple[BrowserContext, Watch, bool]] = field(default_factory=list)

    def person(
        self, *, route: Callable[[BrowserContext], None] | None = None, console: bool = True
    ) -> tuple[Page, Watch]:
        context = self.browser.new_context(
            base_url=self.service.base_url, viewport={"width": 1280, "height": 900}, locale="en-GB"
        )
        context.set_default_timeout(TIMEOUT_MS)
        watch = Watch()
        block_the_outside(context, watch.left)
        if route is not None:
            route(context)
        self.contexts.append((context, watch, console))
        page = watch.attach(context.new_page())
        return page, watch

    def close(self) -> None:
        problems = []
        for context, watch, console in self.contexts:
            problems += [f"page error: {e}" for e in watch.errors] + [f"CSP violation: {c}" for c in watch.csp]
            problems += [f"request off the loopback: {u}" for u in watch.left]
            if console:
                problems += [
                    f"console request outside /console, /v1, /oauth: {r}" for r in watch.foreign(self.service.base_url)
                ]
            context.close()
        assert not problems, "\n".join(problems)


@pytest.fixture
def people(browser: Browser, service: Service) -> Iterator[People]:
    crowd = People(browser, service)
    try:
        yield crowd
    finally:
        crowd.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


# ------------------------------------------------------------------------------------------------ the catalogues


def _merge(into: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    for key, value in part.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value
    return into


_catalogues: dict[str, dict[str, Any]] = {}


def t(lang: str, key: str, **values: Any) -> str:
    """The console's text for `key` in `lang`, from its catalogues (console/src/i18n/<lang>/*.json), with
    `{{name}}` filled in: how the tests find French and Dutch names without copying them."""
    if lang not in _catalogues:
        merged: dict[str, Any] = {}
        for catalogue in sorted((CATALOGUES / lang).glob("*.json")):
            _merge(merged, json.loads(catalogue.read_text(encoding="utf-8")))
        _catalogues[lang] = merged
    node: Any = _catalogues[lang]
    for part in key.split("."):
        assert isinstance(node, dict) and part in node, f"no key {key} in the {lang} catalogue"
        node = node[part]
    assert isinstance(node, str), f"{key} is not a text in the {lang} catalogue"
    text: str = node
    for name, value in values.items():
        text = text.replace(f"{{{{{name}}}}}", str(value))
    return text


# ------------------------------------------------------------------------------------------------ console steps


def open_console(page: Page, path: str = "/console/", lang: str = "en") -> None:
    """Open the console at `path` in `lang` (the README's `?lang=`)."""
    separator = "&" if "?" in path else "?"
    page.goto(f"{path}{separator}lang={lang}")


def fill_sign_in(scope: Any, role: str, login: str, org: str, lang: str = "en") -> None:
    """Fill the development sign-in (the page, or the "Sign in again" dialog) and press Sign in."""
    scope.get_by_label(t(lang, "signIn.role"), exact=True).select_option(label=t(lang, f"role.{role}"))
    scope.get_by_label(t(lang, "signIn.organisation"), exact=True).fill(org)
    scope.get_by_label(t(lang, "signIn.subject"), exact=True).fill(login)
    scope.get_by_role("button", name=t(lang, "signIn.submit"), exact=True).click()


def sign_in(page: Page, role: str, login: str, org: str, path: str = "/console/", lang: str = "en") -> None:
    """Open the console and sign in through its sign-in page as `login` (role, organisation)."""
    open_console(page, path, lang)
    root = page.locator('[data-screen="sign-in"]')
    expect(root).to_be_visible()
    expect(root.get_by_role("heading", level=1)).to_have_text(t(lang, "signIn.title"))
    fill_sign_in(root, role, login, org, lang)
    expect(root).to_be_hidden()
    expect(page.get_by_role("banner")).to_contain_text(login)


def screen(page: Page, name: str) -> Any:
    """The root element of the console's screen `name` (its `data-screen`), once visible."""
    root = page.locator(f'[data-screen="{name}"]')
    expect(root).to_be_visible()
    return root


def shoot(page: Page, artifacts: Path, service: Service, name: str) -> Path:
    """A full-page screenshot of the current screen, named after the database and `name`."""
    target = artifacts / f"{service.database}-{name}.png"
    page.screenshot(path=str(target), full_page=True)
    return target


def tomorrow(hours: int = 9) -> datetime:
    """An instant tomorrow (a schedule must lie ahead of the real clock the live server uses)."""
    return (datetime.now(UTC) + timedelta(days=1)).replace(hour=hours, minute=0, second=0, microsecond=0)
