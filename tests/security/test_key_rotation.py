"""SPEC §6 — key rotation through the real services, on SQLite and PostgreSQL, with the key ring file and with a
PKCS#11 token: a rotated KEK still decrypts old data, an interrupted rotation re-run completes, and a data-key
rotation re-encrypts one concertation and erases the old key."""

from __future__ import annotations

import json
import os
import stat
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection
from sqlmodel import Session, col, select

from api.cli import main
from api.commands.keys import RotationError, pending_rewraps, rotate_concertation_key, rotate_keks
from api.db import make_engine
from api.main import create_app
from api.security.crypto import KEYRING_ENV, IntegrityError, KeyRing, KeyRingFile, new_data_key, sealed_version
from api.security.kms import Kms, from_settings
from api.security.tokens import IssuerConfig, TokenVerifier
from api.settings import Settings, get_settings
from models.audit import AuditEvent
from models.concertation import DataKey, PersonConcerned
from tests.api import payloads
from tests.conftest import AUDIENCE, ISSUER, NOW, FakeClock, Token, migrate
from tests.security.softhsm import new_kms
from tests.security.softhsm import softhsm as softhsm  # noqa: F401 - the fixture

NAMES = ("Martin", "Dubois", "Peeters", "Janssens", "Leroy")


class Interrupted(Exception):
    """Stands for a killed process, a lost connection, Ctrl-C."""


# ------------------------------------------------------------------------------------------------ fixtures


@pytest.fixture(params=["file", pytest.param("pkcs11", marks=pytest.mark.pkcs11)])
def keyring(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Kms]:
    """Overrides the harness's static key ring: the app under test runs on a KMS that can rotate."""
    if request.param == "file":
        yield KeyRingFile.ensure(tmp_path / "keys" / "keyring.json")
        return
    kms = new_kms(request.getfixturevalue("softhsm"))
    kms.create_kek()  # the deployment's first KEK
    yield kms
    kms.close()


@pytest.fixture
def twin(request: pytest.FixtureRequest, keyring: Kms) -> Callable[[], Any]:
    """Another instance of the same KMS, as a second process (a running service) would open it."""

    def make() -> Any:
        if isinstance(keyring, KeyRingFile):
            return KeyRingFile(keyring.path)
        return new_kms(request.getfixturevalue("softhsm"), prefix=cast(Any, keyring).prefix)

    return make


def kek_ids(kms: Kms) -> list[str]:
    if isinstance(kms, KeyRingFile):
        return sorted(KeyRing.load(kms.path).keys)
    ids: list[str] = kms.kek_ids()  # type: ignore[attr-defined]
    return ids


@contextmanager
def db(connection: Connection) -> Iterator[Session]:
    """A session joining the test's transaction, as the CLI's session would join the database."""
    with Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False) as session:
        yield session


def create_concertations(client: TestClient, auth: Token, count: int) -> list[tuple[str, str, str]]:
    """(concertation id, person id, family name) of `count` new concertations, each with one identity."""
    coordinator = auth("coord-1", "coordinator")
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    made = []
    for name in NAMES[:count]:
        body = payloads.concertation(basis["id"])
        body["persons_concerned"][0]["identity"]["family_name"] = name
        r = client.post("/v1/concertations", json=body, headers=coordinator)
        assert r.status_code == 201, r.text
        c = r.json()
        made.append((c["id"], c["persons_concerned"][0]["id"], name))
    return made


def identity(client: TestClient, auth: Token, concertation_id: str, person_id: str) -> Any:
    r = client.get(
        f"/v1/concertations/{concertation_id}/persons-concerned/{person_id}", headers=auth("coord-1", "coordinator")
    )
    return r.json()["identity"]["family_name"] if r.status_code == 200 else r


def data_keys(connection: Connection) -> list[DataKey]:
    with db(connection) as session:
        return list(session.exec(select(DataKey).order_by(col(DataKey.concertation_id), col(DataKey.version))).all())


def ciphertexts(connection: Connection) -> dict[uuid.UUID, bytes]:
    with db(connection) as session:
        return {p.id: p.identity_ciphertext for p in session.exec(select(PersonConcerned)).all()}


# ------------------------------------------------------------------------------------------------ KEK rotation


def test_kek_rotation_rewraps_every_data_key_and_a_rotated_kek_still_decrypts_old_data(
    client: TestClient, auth: Token, connection: Connection, keyring: Kms, twin: Callable[[], Any]
) -> None:
    made = create_concertations(client, auth, 3)
    old = keyring.active
    before = data_keys(connection)
    assert {k.kek_id for k in before} == {old} and len(before) == 3
    sealed_before = ciphertexts(connection)
    service = twin()  # a process that loaded its keys before the rotation
    assert service.active == old
    seen: list[tuple[int, int]] = []

    with db(connection) as session:
        report = rotate_keks(session, keyring, NOW, batch_size=2, progress=lambda d, t: seen.append((d, t)))

    new = keyring.active
    assert report.created == new == report.active and new != old
    assert (report.rewrapped, report.pending, report.failed) == (3, 3, [])
    assert seen == [(2, 3), (3, 3)]  # one line per committed batch
    after = data_keys(connection)
    assert {k.kek_id for k in after} == {new}
    assert all(a.wrapped_dek != b.wrapped_dek for a, b in zip(after, before, strict=True))
    assert ciphertexts(connection) == sealed_before  # no data was re-encrypted
    assert kek_ids(keyring) == sorted([old, new])  # the old KEK is kept

    # The rotated KEK still decrypts old data: a data key wrapped under it (a backup) opens, to the same key.
    for a, b in zip(after, before, strict=True):
        assert b.wrapped_dek is not None and a.wrapped_dek is not None
        assert keyring.unwrap(old, b.wrapped_dek, b.concertation_id) == keyring.unwrap(
            new, a.wrapped_dek, a.concertation_id
        )
    # The service answers throughout, the running process included (it follows the new KEK without a restart).
    for concertation_id, person_id, name in made:
        assert identity(client, auth, concertation_id, person_id) == name
    assert service.active == new
    assert after[0].wrapped_dek is not None
    assert len(service.unwrap(new, after[0].wrapped_dek, after[0].concertation_id)) == 32

    with db(connection) as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "keys.rotate")).all()
        assert [(e.object_id, e.details["rewrapped"], e.details["created"]) for e in events] == [(new, 3, new)]
        # Nothing pending: `--rewrap-only` neither creates a KEK nor touches a data key.
        again = rotate_keks(session, keyring, NOW, rewrap_only=True)
    assert (again.created, again.rewrapped, keyring.active) == (None, 0, new)


def test_an_interrupted_rotation_re_run_completes_without_a_second_new_kek(
    client: TestClient, auth: Token, connection: Connection, keyring: Kms
) -> None:
    made = create_concertations(client, auth, 3)
    old = keyring.active

    def stop_after_first_batch(done: int, total: int) -> None:
        raise Interrupted

    with db(connection) as session, pytest.raises(Interrupted):
        rotate_keks(session, keyring, NOW, batch_size=1, progress=stop_after_first_batch)
    new = keyring.active
    assert sorted(k.kek_id for k in data_keys(connection)) == sorted([new, old, old])
    # Half-way, every identity still reads: each data key names the KEK it is wrapped under.
    for concertation_id, person_id, name in made:
        assert identity(client, auth, concertation_id, person_id) == name
    # A new concertation created meanwhile is wrapped under the new KEK.
    (extra,) = create_concertations(client, auth, 1)

    with db(connection) as session:
        assert pending_rewraps(session, new) == 2
        report = rotate_keks(session, keyring, NOW, batch_size=1)  # the same command, re-run
        assert pending_rewraps(session, new) == 0
    assert (report.created, report.active, report.rewrapped, report.failed) == (None, new, 2, [])
    assert {k.kek_id for k in data_keys(connection)} == {new}
    assert kek_ids(keyring) == sorted([old, new])  # the re-run did not create a second KEK
    for concertation_id, person_id, name in [*made, extra]:
        assert identity(client, auth, concertation_id, person_id) == name


def test_a_data_key_that_does_not_unwrap_is_reported_and_left_alone(
    client: TestClient, auth: Token, connection: Connection, keyring: Kms
) -> None:
    create_concertations(client, auth, 2)
    with db(connection) as session:
        broken = session.exec(select(DataKey)).first()
        assert broken is not None and broken.wrapped_dek is not None
        broken.wrapped_dek = broken.wrapped_dek[:-1] + bytes([broken.wrapped_dek[-1] ^ 1])
        session.add(broken)
        session.commit()
        where, wrapped, kek = (broken.concertation_id, broken.version), broken.wrapped_dek, broken.kek_id
        report = rotate_keks(session, keyring, NOW)
    assert report.rewrapped == 1 and report.failed == [where]
    with db(connection) as session:
        still = session.get(DataKey, where)
        assert still is not None and (still.wrapped_dek, still.kek_id) == (wrapped, kek)


def test_a_data_key_destroyed_during_the_rotation_is_not_brought_back(
    client: TestClient, auth: Token, connection: Connection, keyring: Kms
) -> None:
    """Retention may shred a data key between the rotation's read and its write: the write must not restore it."""
    ((target, _, _),) = create_concertations(client, auth, 1)

    class ShredsWhileRewrapping:
        """The real KMS; but while it wraps, the retention job shreds the concertation's keys and commits."""

        active = property(lambda self: keyring.active)
        create_kek = property(lambda self: keyring.create_kek)  # type: ignore[attr-defined]
        unwrap = property(lambda self: keyring.unwrap)

        def wrap(self, dek: bytes, concertation_id: uuid.UUID) -> tuple[str, bytes]:
            with db(connection) as other:
                for key in other.exec(select(DataKey).where(DataKey.concertation_id == concertation_id)).all():
                    key.wrapped_dek, key.destroyed_at = None, NOW
                    other.add(key)
                other.commit()
            return keyring.wrap(dek, concertation_id)

    with db(connection) as session:
        report = rotate_keks(session, ShredsWhileRewrapping(), NOW)
    assert report.created is not None and (report.rewrapped, report.failed) == (0, [])
    (after,) = data_keys(connection)
    assert after.concertation_id == uuid.UUID(target)
    assert after.wrapped_dek is None and after.destroyed_at is not None  # still destroyed


def test_a_read_only_key_ring_rotates_only_with_rewrap_only(connection: Connection) -> None:
    ring = KeyRing({"kek-env-1": bytes(32)}, "kek-env-1")
    with db(connection) as session, pytest.raises(RotationError, match="rewrap-only"):
        rotate_keks(session, ring, NOW)
    with db(connection) as session:
        assert rotate_keks(session, ring, NOW, rewrap_only=True).rewrapped == 0


# ------------------------------------------------------------------------------------------------ data-key rotation


def test_rotate_data_key_re_encrypts_one_concertation_and_erases_the_old_key(
    client: TestClient, auth: Token, connection: Connection, keyring: Kms
) -> None:
    (target, person, name), (other, other_person, other_name) = create_concertations(client, auth, 2)
    target_id = uuid.UUID(target)
    sealed_before = ciphertexts(connection)
    old_ciphertext = sealed_before[uuid.UUID(person)]
    assert sealed_version(old_ciphertext) == 1

    with db(connection) as session:
        done = rotate_concertation_key(session, keyring, target_id, NOW)
    # the identity and the concertation's sealed narrative (SPEC §6)
    assert (done.concertation_id, done.version, done.resealed) == (target_id, 2, 2)

    sealed_after = ciphertexts(connection)
    new_ciphertext = sealed_after[uuid.UUID(person)]
    assert new_ciphertext != old_ciphertext and sealed_version(new_ciphertext) == 2
    assert sealed_after[uuid.UUID(other_person)] == sealed_before[uuid.UUID(other_person)]  # only that concertation
    keys = [k for k in data_keys(connection) if k.concertation_id == target_id]
    assert [(k.version, k.wrapped_dek is None, k.retired_at is not None) for k in keys] == [
        (1, True, True),  # the old version's wrapped key is erased
        (2, False, False),
    ]
    assert identity(client, auth, target, person) == name
    assert identity(client, auth, other, other_person) == other_name

    # A ciphertext sealed under the retired version (a backup, a replay) no longer opens.
    with db(connection) as session:
        row = session.get(PersonConcerned, uuid.UUID(person))
        assert row is not None
        row.identity_ciphertext = old_ciphertext
        session.add(row)
        session.commit()
    refused = identity(client, auth, target, person)
    assert refused.status_code == 410 and refused.json()["code"] == "content_destroyed"
    assert name not in refused.text

    with db(connection) as session:
        (event,) = session.exec(select(AuditEvent).where(AuditEvent.action == "keys.rotate_data_key")).all()
        assert event.concertation_id == target_id and event.details == {"version": 2, "fields_resealed": 2}


def test_an_interrupted_data_key_rotation_re_run_completes(
    client: TestClient, auth: Token, connection: Connection, keyring: Kms
) -> None:
    ((target, person, name),) = create_concertations(client, auth, 1)
    coordinator = auth("coord-1", "coordinator")
    second = {
        "reference": "P-002",
        "identity": {"kind": "individual", "family_name": "Dubois", "given_names": "Noah", "birth_date": "2012-01-09"},
        "privacy_notice_given_at": "2026-11-18T10:00:00+01:00",
    }
    r = client.post(f"/v1/concertations/{target}/persons-concerned", json=second, headers=coordinator)
    assert r.status_code == 201, r.text
    second_person = r.json()["id"]
    target_id = uuid.UUID(target)

    with db(connection) as session:
        commits = 0
        real_commit = session.commit

        def commit_then_die() -> None:
            nonlocal commits
            commits += 1
            # new key, end of the read, the narrative's batch, the first identity's batch committed; killed before
            # the second identity's
            if commits == 5:
                raise Interrupted
            real_commit()

        session.commit = commit_then_die  # type: ignore[method-assign]
        with pytest.raises(Interrupted):
            rotate_concertation_key(session, keyring, target_id, NOW, batch_size=1)
        session.rollback()
    versions = sorted(sealed_version(c) for c in ciphertexts(connection).values())
    assert versions == [1, 2]  # half-way: one field under each version, both readable
    assert identity(client, auth, target, person) == name
    assert identity(client, auth, target, second_person) == "Dubois"

    with db(connection) as session:
        done = rotate_concertation_key(session, keyring, target_id, NOW, batch_size=1)
    assert (done.version, done.resealed) == (2, 1)  # finished the rotation under way: no third version
    assert sorted(sealed_version(c) for c in ciphertexts(connection).values()) == [2, 2]
    keys = data_keys(connection)
    assert [(k.version, k.wrapped_dek is None) for k in keys] == [(1, True), (2, False)]
    assert identity(client, auth, target, person) == name
    assert identity(client, auth, target, second_person) == "Dubois"


def test_rotate_data_key_of_an_unknown_concertation_is_refused(connection: Connection, keyring: Kms) -> None:
    with db(connection) as session, pytest.raises(RotationError):
        rotate_concertation_key(session, keyring, uuid.uuid4(), NOW)


# ------------------------------------------------------------------------------------------------ the key ring file


def test_key_ring_file_rotation_is_atomic_private_and_followed_by_a_running_process(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "keyring.json"
    running = KeyRingFile.ensure(path)
    first = running.active
    c = uuid.uuid4()
    dek = new_data_key()
    old_blob = running.wrap(dek, c)[1]

    rotating = KeyRingFile(path)
    second = rotating.create_kek()
    assert second != first and KeyRing.load(path).active == second
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []  # no temporary file left
    kek, new_blob = rotating.wrap(dek, c)
    assert kek == second
    assert running.unwrap(second, new_blob, c) == dek == running.unwrap(first, old_blob, c)
    assert running.active == second
    with pytest.raises(IntegrityError):
        running.unwrap("kek-unknown", new_blob, c)


def test_key_ring_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ring = KeyRing({"kek-a": bytes(32)}, "kek-a").with_new_key()
    assert set(ring.keys) >= {"kek-a"} and ring.active != "kek-a" and len(ring.keys) == 2
    document = json.dumps(ring.to_document())
    assert KeyRing.from_env({KEYRING_ENV: document}) == ring
    assert KeyRing.from_env({}) is None
    with pytest.raises(ValueError) as error:
        KeyRing.from_env({KEYRING_ENV: '{"keys": {"k": "c2VjcmV0"}}'})
    assert "c2VjcmV0" not in str(error.value)  # the key material is never echoed

    monkeypatch.setenv(KEYRING_ENV, document)
    chosen = from_settings(Settings(var_dir=tmp_path))
    assert chosen == ring and not (tmp_path / "keys" / "keyring.json").exists()
    monkeypatch.delenv(KEYRING_ENV)
    assert isinstance(from_settings(Settings(var_dir=tmp_path)), KeyRingFile)


# ------------------------------------------------------------------------------------------------ the commands


def test_the_commands_against_a_running_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, auth: Token, dev_key: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    ring = tmp_path / "keys" / "keyring.json"
    migrate(url)
    monkeypatch.delenv(KEYRING_ENV, raising=False)
    monkeypatch.setenv("CONCERTATION_DATABASE_URL", url)
    monkeypatch.setenv("CONCERTATION_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("CONCERTATION_KMS", "file")
    monkeypatch.setenv("CONCERTATION_KEYRING_PATH", str(ring))
    get_settings.cache_clear()
    assert main(["keys", "rotate"]) == 1  # no key ring yet: the command does not invent one
    assert "no key ring" in capsys.readouterr().err

    # A service on its own database and key ring file, committing for real, answering while the commands run.
    engine = make_engine(url)
    verifier = TokenVerifier([IssuerConfig(issuer=ISSUER, algorithm="ES256", jwks=dev_key.jwks)], AUDIENCE)
    app = create_app(
        Settings(var_dir=tmp_path, database_url=url, dev_issuer=ISSUER, keyring_path=ring),
        engine=engine,
        verifier=verifier,
        clock=FakeClock(NOW),
    )
    try:
        with TestClient(app) as client:
            made = create_concertations(client, auth, 2)
            first = KeyRing.load(ring).active

            assert main(["keys", "rotate", "--batch-size", "1"]) == 0
            out = capsys.readouterr().out
            second = KeyRing.load(ring).active
            assert f"created key-encryption key {second}" in out and "2 data key(s) rewrapped" in out
            assert "rewrapped 1/2 data keys" in out
            for concertation_id, person_id, name in made:
                assert identity(client, auth, concertation_id, person_id) == name
            with Session(engine) as session:
                assert {k.kek_id for k in session.exec(select(DataKey)).all()} == {second} != {first}

            assert main(["keys", "rotate-data-key", made[0][0]]) == 0
            assert "2 field(s) re-encrypted under data key v2" in capsys.readouterr().out
            assert identity(client, auth, made[0][0], made[0][1]) == made[0][2]

            assert main(["keys", "rotate-data-key", str(uuid.uuid4())]) == 1
            assert "no concertation" in capsys.readouterr().err
    finally:
        engine.dispose()
        get_settings.cache_clear()
