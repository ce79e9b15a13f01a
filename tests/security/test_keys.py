"""SPEC §4 — the development issuer's signing key: private on disk, stable, and created exactly once."""

from __future__ import annotations

import base64
import json
import os
import stat
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from api.security.keys import JWKS_FILENAME, PRIVATE_KEY_FILENAME, DevKey, ensure_dev_signing_key, jwk_thumbprint


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def write_private(path: Path, content: bytes, file_mode: int = 0o600) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_bytes(content)
    os.chmod(path, file_mode)


def pem(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


@pytest.fixture
def umask() -> Iterator[Callable[[int], int]]:
    original = os.umask(0o022)
    os.umask(original)
    yield os.umask
    os.umask(original)


def test_creates_a_private_p256_key_and_its_public_jwks(tmp_path: Path) -> None:
    directory = tmp_path / "var" / "keys"
    dev = ensure_dev_signing_key(directory)

    assert mode(directory) == 0o700
    assert mode(directory / PRIVATE_KEY_FILENAME) == 0o600
    key = serialization.load_pem_private_key(dev.private_key_pem.encode(), password=None)
    assert isinstance(key, ec.EllipticCurvePrivateKey) and isinstance(key.curve, ec.SECP256R1)
    assert (directory / PRIVATE_KEY_FILENAME).read_text() == dev.private_key_pem

    (jwk,) = dev.jwks["keys"]
    assert set(jwk) == {"kty", "crv", "x", "y", "kid", "alg", "use"}  # never "d"
    assert (jwk["kty"], jwk["crv"], jwk["alg"], jwk["use"], jwk["kid"]) == ("EC", "P-256", "ES256", "sig", dev.kid)
    assert dev.kid == jwk_thumbprint(jwk)
    numbers = key.public_key().public_numbers()
    assert jwk["x"] == _b64u(numbers.x.to_bytes(32, "big")) and jwk["y"] == _b64u(numbers.y.to_bytes(32, "big"))
    assert json.loads((directory / JWKS_FILENAME).read_text()) == dev.jwks


def test_is_idempotent(tmp_path: Path) -> None:
    first = ensure_dev_signing_key(tmp_path / "keys")
    key_stat = os.stat(tmp_path / "keys" / PRIVATE_KEY_FILENAME)
    jwks_stat = os.stat(tmp_path / "keys" / JWKS_FILENAME)

    second = ensure_dev_signing_key(tmp_path / "keys")
    assert second == first
    for name, before in ((PRIVATE_KEY_FILENAME, key_stat), (JWKS_FILENAME, jwks_stat)):
        after = os.stat(tmp_path / "keys" / name)
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns), name
    assert sorted(p.name for p in (tmp_path / "keys").iterdir()) == sorted([PRIVATE_KEY_FILENAME, JWKS_FILENAME])


def test_reuses_an_existing_key_and_rewrites_a_missing_or_stale_jwks(tmp_path: Path) -> None:
    existing = ec.generate_private_key(ec.SECP256R1())
    write_private(tmp_path / "keys" / PRIVATE_KEY_FILENAME, pem(existing))
    (tmp_path / "keys" / JWKS_FILENAME).write_text('{"keys": []}')

    dev = ensure_dev_signing_key(tmp_path / "keys")
    assert dev.private_key_pem == pem(existing).decode()
    assert json.loads((tmp_path / "keys" / JWKS_FILENAME).read_text()) == dev.jwks

    (tmp_path / "keys" / JWKS_FILENAME).unlink()
    assert ensure_dev_signing_key(tmp_path / "keys") == dev
    assert json.loads((tmp_path / "keys" / JWKS_FILENAME).read_text()) == dev.jwks


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o077], ids=["umask_000", "umask_022", "umask_077"])
def test_modes_do_not_depend_on_the_umask(tmp_path: Path, umask: Callable[[int], int], mask: int) -> None:
    umask(mask)
    ensure_dev_signing_key(tmp_path / "keys")
    assert mode(tmp_path / "keys") == 0o700
    assert mode(tmp_path / "keys" / PRIVATE_KEY_FILENAME) & 0o077 == 0


@pytest.mark.parametrize(
    "file_mode", [0o640, 0o604, 0o644, 0o660], ids=["group_read", "other_read", "world_read", "group_write"]
)
def test_refuses_a_key_file_others_can_access(tmp_path: Path, file_mode: int) -> None:
    write_private(tmp_path / "keys" / PRIVATE_KEY_FILENAME, pem(ec.generate_private_key(ec.SECP256R1())), file_mode)
    with pytest.raises(PermissionError):
        ensure_dev_signing_key(tmp_path / "keys")


@pytest.mark.parametrize("dir_mode", [0o770, 0o777, 0o702], ids=["group_writable", "world_writable", "other_writable"])
def test_refuses_a_directory_others_can_write_to(tmp_path: Path, dir_mode: int) -> None:
    directory = tmp_path / "shared"
    directory.mkdir()
    os.chmod(directory, dir_mode)
    with pytest.raises(PermissionError):
        ensure_dev_signing_key(directory)
    assert not (directory / PRIVATE_KEY_FILENAME).exists()


def test_accepts_an_existing_directory_others_can_only_read(tmp_path: Path) -> None:
    directory = tmp_path / "readable"
    directory.mkdir()
    os.chmod(directory, 0o755)  # noqa: S103 - the readable-by-others case under test
    ensure_dev_signing_key(directory)
    assert mode(directory) == 0o755  # an existing directory is checked, never re-permissioned


def test_refuses_a_symlinked_key(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.pem"
    write_private(elsewhere, pem(ec.generate_private_key(ec.SECP256R1())))
    (tmp_path / "keys").mkdir(mode=0o700)
    (tmp_path / "keys" / PRIVATE_KEY_FILENAME).symlink_to(elsewhere)
    with pytest.raises(PermissionError):
        ensure_dev_signing_key(tmp_path / "keys")


def test_refuses_a_path_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises((NotADirectoryError, FileExistsError)):
        ensure_dev_signing_key(tmp_path / "file")


@pytest.mark.parametrize(
    "content",
    [
        pem(rsa.generate_private_key(public_exponent=65537, key_size=2048)),
        pem(ec.generate_private_key(ec.SECP384R1())),
        b"-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n",
        b"",
    ],
    ids=["rsa_key", "p384_key", "garbage_pem", "empty_file"],
)
def test_refuses_a_key_that_is_not_p256(tmp_path: Path, content: bytes) -> None:
    write_private(tmp_path / "keys" / PRIVATE_KEY_FILENAME, content)
    with pytest.raises(ValueError):
        ensure_dev_signing_key(tmp_path / "keys")


def test_refuses_a_key_path_that_is_not_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "keys" / PRIVATE_KEY_FILENAME).mkdir(parents=True)
    os.chmod(tmp_path / "keys", 0o700)
    with pytest.raises(PermissionError):
        ensure_dev_signing_key(tmp_path / "keys")


def test_refuses_an_oversized_key_file(tmp_path: Path) -> None:
    write_private(tmp_path / "keys" / PRIVATE_KEY_FILENAME, b"A" * (64 * 1024 + 1))
    with pytest.raises(ValueError):
        ensure_dev_signing_key(tmp_path / "keys")


def test_concurrent_first_calls_agree_on_one_key(tmp_path: Path) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        keys = list(pool.map(lambda _: ensure_dev_signing_key(tmp_path / "keys"), range(16)))
    assert len({k.kid for k in keys}) == 1
    assert len({k.private_key_pem for k in keys}) == 1
    assert sorted(p.name for p in (tmp_path / "keys").iterdir()) == sorted([PRIVATE_KEY_FILENAME, JWKS_FILENAME])


def test_repr_never_shows_the_private_key(tmp_path: Path) -> None:
    dev = ensure_dev_signing_key(tmp_path / "keys")
    assert "PRIVATE" not in repr(dev) and dev.kid in repr(dev)
    assert isinstance(dev, DevKey)


# RFC 7638 §3.1 worked example
RFC7638_RSA = {
    "kty": "RSA",
    "n": (
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjB"
        "ZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8"
        "KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_"
        "xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"
    ),
    "e": "AQAB",
    "alg": "RS256",
    "kid": "2011-04-29",
}

THUMBPRINTS = [
    ("rfc7638_example", RFC7638_RSA, "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"),
    (
        "optional_members_ignored",
        {"e": "AQAB", "n": RFC7638_RSA["n"], "kty": "RSA", "use": "sig"},
        "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
    ),
]


@pytest.mark.parametrize(("jwk", "expected"), [t[1:] for t in THUMBPRINTS], ids=[t[0] for t in THUMBPRINTS])
def test_thumbprint(jwk: dict[str, str], expected: str) -> None:
    assert jwk_thumbprint(jwk) == expected


@pytest.mark.parametrize(
    "jwk",
    [{"kty": "XYZ"}, {"n": "AQAB"}, {"kty": "EC", "crv": "P-256"}],
    ids=["unknown_kty", "no_kty", "missing_member"],
)
def test_thumbprint_rejects(jwk: dict[str, str]) -> None:
    with pytest.raises((ValueError, KeyError)):
        jwk_thumbprint(jwk)


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
