"""Development signing key of the service's own issuer (SPEC §4).

Whoever holds this key can mint any token the development issuer is trusted for, so it is handled like a secret
even in development: the directory is created ``0700`` and refused if group or others may write to it (they could
swap the key), the key file is ``0600``, is never followed through a symlink, and is refused if group or others may
read it. A new key is written to a temporary file and hard-linked into place, which cannot overwrite an existing key,
so several workers starting at once all end up with the same key and nobody ever reads a half-written file. The
``kid`` is the RFC 7638 thumbprint of the public key, so it is stable across restarts and changes when the key does.

This module never imports python-jose: ``api.security.tokens`` is the only module that does.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import json
import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

__all__ = ["JWKS_FILENAME", "PRIVATE_KEY_FILENAME", "DevKey", "ensure_dev_signing_key", "jwk_thumbprint"]

PRIVATE_KEY_FILENAME: Final = "dev-signing-key.pem"
JWKS_FILENAME: Final = "dev-jwks.json"

_MAX_PEM_BYTES: Final = 64 * 1024
_P256_COORDINATE_BYTES: Final = 32
# RFC 7638 §3.2: the members that take part in the thumbprint, per key type
_THUMBPRINT_MEMBERS: Final[Mapping[str, tuple[str, ...]]] = {
    "EC": ("crv", "kty", "x", "y"),
    "RSA": ("e", "kty", "n"),
    "OKP": ("crv", "kty", "x"),
    "oct": ("k", "kty"),
}


@dataclass(frozen=True)
class DevKey:
    """The development issuer's ES256 key: private PEM (kept out of ``repr``), its kid and its public JWKS."""

    private_key_pem: str = field(repr=False)
    kid: str
    jwks: dict[str, Any]


def jwk_thumbprint(jwk: Mapping[str, Any]) -> str:
    """RFC 7638 JWK thumbprint (SHA-256, base64url without padding) of a public key."""
    kty = jwk.get("kty")
    members = _THUMBPRINT_MEMBERS.get(kty) if isinstance(kty, str) else None
    if members is None:
        raise ValueError(f"unsupported key type for a thumbprint: {kty!r}")
    canonical = json.dumps({m: jwk[m] for m in members}, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
    return b64url(hashlib.sha256(canonical.encode("utf-8")).digest())


def ensure_dev_signing_key(directory: Path) -> DevKey:
    """Create, or reuse, the development ES256 key in ``directory`` and (re)write its public ``dev-jwks.json``."""
    directory = Path(directory)
    _ensure_private_directory(directory)
    key_path = directory / PRIVATE_KEY_FILENAME
    pem = _read_private_key(key_path)
    if pem is None:
        pem = _create_private_key(key_path)
    public_jwk = _public_jwk(_load_p256_private_key(pem, key_path))
    kid = jwk_thumbprint(public_jwk)
    jwks: dict[str, Any] = {"keys": [{**public_jwk, "kid": kid, "alg": "ES256", "use": "sig"}]}
    _write_public_jwks(directory / JWKS_FILENAME, jwks)
    return DevKey(private_key_pem=pem, kid=kid, jwks=jwks)


def _ensure_private_directory(directory: Path) -> None:
    try:
        directory.mkdir(mode=0o700, parents=True)
    except FileExistsError:
        pass
    else:
        os.chmod(directory, 0o700)  # mkdir's mode is filtered through the umask
    st = os.stat(directory)
    if not stat.S_ISDIR(st.st_mode):
        raise NotADirectoryError(f"{directory} is not a directory")
    if st.st_mode & 0o022:
        raise PermissionError(
            f"{directory} is writable by group or others (mode {stat.S_IMODE(st.st_mode):o}), who could replace the "
            "development signing key; use a private directory (chmod 700)"
        )


def _read_private_key(path: Path) -> str | None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise PermissionError(f"{path} is a symbolic link; refusing to use it as a signing key") from None
        raise
    try:
        # checked on the open descriptor, so the file cannot be swapped between the check and the read
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise PermissionError(f"{path} is not a regular file")
        if st.st_mode & 0o077:
            raise PermissionError(
                f"{path} is accessible by group or others (mode {stat.S_IMODE(st.st_mode):o}); "
                "chmod 600 it, or delete it to have a new key generated"
            )
        data = os.read(fd, _MAX_PEM_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > _MAX_PEM_BYTES:
        raise ValueError(f"{path} is too large to be a PEM private key")
    return data.decode("ascii")


def _create_private_key(path: Path) -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem.encode("ascii"))
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            # a concurrent process got there first; its key is the one everybody must use
            existing = _read_private_key(path)
            if existing is None:
                raise RuntimeError(f"{path} disappeared while it was being created") from None
            return existing
    finally:
        tmp.unlink(missing_ok=True)
    return pem


def _load_p256_private_key(pem: str, path: Path) -> ec.EllipticCurvePrivateKey:
    try:
        key = serialization.load_pem_private_key(pem.encode("ascii"), password=None)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{path} does not hold an unencrypted PEM private key") from exc
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, ec.SECP256R1):
        raise ValueError(f"{path} does not hold a P-256 (ES256) private key")
    return key


def _public_jwk(key: ec.EllipticCurvePrivateKey) -> dict[str, str]:
    numbers = key.public_key().public_numbers()
    return {
        "kty": "EC",
        "crv": "P-256",
        # RFC 7518 §6.2.1.2: coordinates are full-length octet strings, leading zeros included
        "x": b64url(numbers.x.to_bytes(_P256_COORDINATE_BYTES, "big")),
        "y": b64url(numbers.y.to_bytes(_P256_COORDINATE_BYTES, "big")),
    }


def _write_public_jwks(path: Path, jwks: Mapping[str, Any]) -> None:
    content = json.dumps(jwks, indent=2, sort_keys=True) + "\n"
    try:
        if path.read_text(encoding="utf-8") == content:
            return
    except (OSError, UnicodeDecodeError):
        pass  # absent or unreadable: rewrite it from the private key, which is the source of truth
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def b64url(data: bytes) -> str:
    """base64url without padding (RFC 7515 §2)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
