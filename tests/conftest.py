"""Test harness: every HTTP test runs on SQLite and on PostgreSQL, on a schema built by the Alembic migrations.

Each test runs inside one outer transaction that is rolled back at the end; the application's sessions join it
through savepoints (`join_transaction_mode="create_savepoint"`). Where PostgreSQL cannot be reached its tests are
skipped loudly, except under CI=true, where that is a failure (SPEC §1).
"""

from __future__ import annotations

import os
import threading
import uuid
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from api.db import make_engine
from api.deps import get_session
from api.main import create_app
from api.security.crypto import KeyRing
from api.security.keys import ensure_dev_signing_key
from api.security.tokens import IssuerConfig, TokenVerifier, mint_token
from api.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("CONCERTATION_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
ISSUER = "concertation-test"
AUDIENCE = "concertation"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The browser tests (tests/e2e) run last, after pytest's own fixture-based ordering. Playwright's sync API keeps
    an asyncio loop running in this thread for as long as its session fixture lives, and any later test calling
    `asyncio.run()` would fail with "cannot be called from a running event loop"."""
    e2e = ROOT / "tests" / "e2e"
    items[:] = sorted(items, key=lambda item: item.path.is_relative_to(e2e))


def migrate(url: str) -> None:
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url)
    command.upgrade(cfg, "head")


def _psycopg(url: str) -> str:
    u = make_url(url)
    return str(u.set(drivername="postgresql+psycopg")) if u.drivername in ("postgresql", "postgres") else url


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A fresh database on the PostgreSQL test server, dropped at the end of the session."""
    admin_url = _psycopg(PG_URL)
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure to reach the server counts
        reason = f"PostgreSQL unreachable at {PG_URL}: {type(exc).__name__}: {exc}"
        if IN_CI:
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        warnings.warn(f"\n\n*** SKIPPING POSTGRESQL TESTS — {reason} ***\n", stacklevel=1)
        pytest.skip(reason)
    name = f"concertation_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = str(make_url(admin_url).set(database=name))
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def fresh_database(request: pytest.FixtureRequest, directory: Path, name: str) -> Iterator[str]:
    """A migrated database of a test's own, committed to for real, dropped afterwards: a file in `directory` when
    `request.param` is "sqlite", else a new database on the PostgreSQL test server (through `postgres_server`:
    skipped loudly when unreachable, a failure under CI=true)."""
    if request.param == "sqlite":
        url = f"sqlite:///{directory / f'{name}.db'}"
        migrate(url)
        yield url
        return
    server: str = request.getfixturevalue("postgres_server")
    admin = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    database = f"{name}_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{database}"'))
    url = make_url(server).set(database=database).render_as_string(hide_password=False)
    try:
        migrate(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    url = (
        request.getfixturevalue("sqlite_url")
        if request.param == "sqlite"
        else request.getfixturevalue("postgres_server")
    )
    migrate(url)
    eng = make_engine(url)
    yield eng
    eng.dispose()


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    """One outer transaction per test, rolled back at the end."""
    conn = engine.connect()
    outer = conn.begin()
    try:
        yield conn
    finally:
        outer.rollback()
        conn.close()


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture(scope="session")
def dev_key(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return ensure_dev_signing_key(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="session")
def keyring() -> KeyRing:
    return KeyRing({"kek-test-1": bytes(range(32))}, "kek-test-1")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    # Limits far above what any test sends: only tests/api/test_rate_limits.py means to reach them.
    return Settings(
        var_dir=tmp_path,
        database_url="sqlite:///:memory:",
        dev_issuer=ISSUER,
        rate_limit_token="100000/minute",
        rate_limit_write="100000/minute",
        gc_freeze=False,  # an app per test: frozen objects would never be collected
    )


@pytest.fixture
def app(settings: Settings, connection: Connection, keyring: KeyRing, dev_key: Any, clock: FakeClock) -> Any:
    verifier = TokenVerifier([IssuerConfig(issuer=ISSUER, algorithm="ES256", jwks=dev_key.jwks)], AUDIENCE)
    application = create_app(settings, engine=connection.engine, keyring=keyring, verifier=verifier, clock=clock)
    application.state.signing_key = dev_key  # POST /oauth/token signs with the key the verifier trusts

    def session() -> Iterator[Session]:
        with Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False) as s:
            s.info["kms"] = application.state.keyring
            yield s

    application.dependency_overrides[get_session] = session
    return application


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def live_engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A migrated database of the test module's own, committed to for real: concurrent requests' connections see
    each other's commits, as in production (no shared outer transaction)."""
    name = request.module.__name__.rpartition(".")[2].removeprefix("test_")
    with fresh_database(request, tmp_path_factory.mktemp(name), name) as url:
        engine = make_engine(url)
        yield engine
        engine.dispose()


@pytest.fixture
def live_client(live_engine: Engine, tmp_path: Path, dev_key: Any, keyring: KeyRing) -> Iterator[TestClient]:
    """The app on `live_engine`, with the real session dependency."""
    settings = Settings(var_dir=tmp_path, database_url="sqlite:///:memory:", dev_issuer=ISSUER)
    verifier = TokenVerifier([IssuerConfig(issuer=ISSUER, algorithm="ES256", jwks=dev_key.jwks)], AUDIENCE)
    app = create_app(settings, engine=live_engine, keyring=keyring, verifier=verifier, clock=FakeClock(NOW))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def race(n: int, call: Callable[[], Response]) -> list[Response]:
    """Run `call` in n threads released together; their requests overlap in the app's thread pool."""
    start = threading.Barrier(n)
    out: list[Response | None] = [None] * n

    def run(i: int) -> None:
        start.wait()
        out[i] = call()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r is not None for r in out)
    return [r for r in out if r is not None]


Token = Callable[..., dict[str, str]]


@pytest.fixture
def auth(dev_key: Any) -> Token:
    """Headers for a caller: `auth("alice", "coordinator", org="cpas-a")`."""

    def headers(sub: str, *roles: str, org: str | None = "cpas-a", lang: str | None = None) -> dict[str, str]:
        token = mint_token(
            dev_key.private_key_pem,
            kid=dev_key.kid,
            issuer=ISSUER,
            audience=AUDIENCE,
            subject=sub,
            roles=list(roles),
            org=org,
            ttl_seconds=3600,
        )
        h = {"Authorization": f"Bearer {token}"}
        if lang:
            h["Accept-Language"] = lang
        return h

    return headers
