"""A real SoftHSM2 token for the PKCS#11 tests, initialised once per session in a temporary directory.

Where SoftHSM2 (Debian package `softhsm2`, installed by .ci/run) or python-pkcs11 is missing the tests that need it
are skipped loudly, except under CI=true, where that is a failure (SPEC §1). Each test gets its own KEK label prefix
on the shared token, so tests never see each other's keys (SoftHSM2 reads its token directory when the library is
initialised, once per process, so one token per test is not an option).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import IN_CI

MODULE = Path(os.environ.get("CONCERTATION_TEST_PKCS11_MODULE", "/usr/lib/softhsm/libsofthsm2.so"))
TOKEN_LABEL = "concertation-test"
PIN = "246810"
SO_PIN = "13579111"


@dataclass(frozen=True)
class SoftHsm:
    module: Path
    token_label: str
    pin: str
    conf: Path


def missing() -> str | None:
    """Why the PKCS#11 tests cannot run here, or None."""
    if shutil.which("softhsm2-util") is None:
        return "softhsm2-util not found (apt-get install softhsm2)"
    if not MODULE.exists():
        return f"PKCS#11 module {MODULE} not found (apt-get install softhsm2)"
    if importlib.util.find_spec("pkcs11") is None:
        return "python-pkcs11 is not installed (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="session")
def softhsm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SoftHsm]:
    reason = missing()
    if reason is not None:
        if IN_CI:
            pytest.fail(f"CI=true and SoftHSM2 is unavailable: {reason}", pytrace=False)
        warnings.warn(f"\n\n*** SKIPPING PKCS#11 (SoftHSM2) TESTS — {reason} ***\n", stacklevel=1)
        pytest.skip(reason)
    directory = tmp_path_factory.mktemp("softhsm")
    (directory / "tokens").mkdir(mode=0o700)
    conf = directory / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {directory / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)  # read by the library at initialisation, in this process
    util = shutil.which("softhsm2-util") or "softhsm2-util"
    try:
        subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [
                util,
                "--init-token",
                "--free",
                "--label",
                TOKEN_LABEL,
                "--pin",
                PIN,
                "--so-pin",
                SO_PIN,
            ],
            check=True,
            capture_output=True,
        )
        yield SoftHsm(MODULE, TOKEN_LABEL, PIN, conf)
    finally:
        if previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous


def new_kms(hsm: SoftHsm, prefix: str | None = None) -> Any:
    """A `Pkcs11Kms` on the test token with a prefix of its own (imported late: python-pkcs11 may be absent)."""
    from api.security.pkcs11 import Pkcs11Kms

    return Pkcs11Kms(hsm.module, hsm.token_label, hsm.pin, prefix=prefix or f"t{uuid.uuid4().hex[:10]}-")
