"""SPEC §6 — KEKs on a PKCS#11 token (a real SoftHSM2 token): wrap on the token, bound to the concertation, never
extractable, rotated by creating the next key, which the token itself then names as the active one."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.security.crypto import FORMAT_V1, IntegrityError, new_data_key
from api.security.kms import KekStore, Kms, KmsUnavailable, from_settings
from api.settings import Settings
from tests.security.softhsm import SoftHsm, new_kms
from tests.security.softhsm import softhsm as softhsm  # noqa: F401 - the fixture

pytestmark = pytest.mark.pkcs11

C1, C2 = uuid.uuid4(), uuid.uuid4()


@pytest.fixture
def kms(softhsm: SoftHsm) -> Iterator[Any]:
    store = new_kms(softhsm)
    store.create_kek()
    yield store
    store.close()


def token_key(softhsm: SoftHsm, label: str) -> Any:
    """The key as the token itself describes it, through a session of our own."""
    import pkcs11
    from pkcs11 import Attribute, ObjectClass

    token = pkcs11.lib(str(softhsm.module)).get_token(token_label=softhsm.token_label)
    try:
        session = token.open(user_pin=softhsm.pin)
    except pkcs11.exceptions.UserAlreadyLoggedIn:  # login is per process: the KMS's session logged in already
        session = token.open()
    (key,) = session.get_objects({Attribute.CLASS: ObjectClass.SECRET_KEY, Attribute.LABEL: label})
    return key


def test_round_trip_on_the_token_with_fresh_ivs(kms: Any) -> None:
    store: object = kms
    assert isinstance(store, KekStore)
    dek = new_data_key()
    kek_id, blob = kms.wrap(dek, C1)
    again = kms.wrap(dek, C1)[1]
    assert kek_id == kms.active and kek_id.startswith(kms.prefix)
    # format byte, 96-bit IV, 256-bit key, 128-bit tag: the key ring's layout
    assert blob.startswith(FORMAT_V1) and len(blob) == 1 + 12 + 32 + 16
    assert blob[1:13] != again[1:13] and dek not in blob
    assert kms.unwrap(kek_id, blob, C1) == dek == kms.unwrap(kek_id, again, C1)


def test_a_wrapped_key_opens_only_for_its_concertation_and_intact(kms: Any) -> None:
    dek = new_data_key()
    kek_id, blob = kms.wrap(dek, C1)
    with pytest.raises(IntegrityError):
        kms.unwrap(kek_id, blob, C2)  # copied to another concertation
    tampered = bytearray(blob)
    tampered[-1] ^= 1
    with pytest.raises(IntegrityError):
        kms.unwrap(kek_id, bytes(tampered), C1)
    with pytest.raises(IntegrityError):
        kms.unwrap(kek_id, blob[:20], C1)
    with pytest.raises(IntegrityError):
        kms.unwrap(kek_id, b"\x09" + blob[1:], C1)  # unknown format
    with pytest.raises(IntegrityError):
        kms.unwrap(kms.prefix + "999999", blob, C1)  # no such key on the token
    with pytest.raises(IntegrityError):
        kms.unwrap("kek-0123abcd", blob, C1)  # a file key ring's id
    assert kms.unwrap(kek_id, blob, C1) == dek


def test_the_kek_never_leaves_the_token(softhsm: SoftHsm, kms: Any) -> None:
    import pkcs11
    from pkcs11 import Attribute, KeyType, MechanismFlag

    key = token_key(softhsm, kms.active)
    assert key[Attribute.TOKEN] is True and key[Attribute.PRIVATE] is True
    assert key[Attribute.SENSITIVE] is True and key[Attribute.ALWAYS_SENSITIVE] is True
    assert key[Attribute.EXTRACTABLE] is False and key[Attribute.NEVER_EXTRACTABLE] is True
    assert key[Attribute.VALUE_LEN] == 32 and key[Attribute.KEY_TYPE] == KeyType.AES
    assert key[Attribute.WRAP] is False and key[Attribute.SIGN] is False  # encrypt and decrypt only
    with pytest.raises(pkcs11.exceptions.AttributeSensitive):
        key[Attribute.VALUE]
    with pytest.raises(pkcs11.exceptions.PKCS11Error):  # read-only: nobody can make it extractable later
        key[Attribute.EXTRACTABLE] = True
    wrapping = key.session.generate_key(
        KeyType.AES, 256, label="test-wrapping-key", capabilities=MechanismFlag.WRAP | MechanismFlag.UNWRAP
    )
    with pytest.raises(pkcs11.exceptions.KeyUnextractable):
        wrapping.wrap_key(key)


def test_rotation_creates_the_next_key_which_becomes_active_and_old_keys_still_unwrap(softhsm: SoftHsm) -> None:
    store = new_kms(softhsm)
    with pytest.raises(LookupError):
        _ = store.active  # an empty token: `keys rotate` creates the first KEK
    with pytest.raises(LookupError):
        store.wrap(new_data_key(), C1)
    first = store.create_kek()
    dek = new_data_key()
    old_kek, old_blob = store.wrap(dek, C1)
    service = new_kms(softhsm, prefix=store.prefix)  # another process: the running service
    assert service.active == first == old_kek

    second = store.create_kek()
    assert (first, second) == (store.prefix + "000001", store.prefix + "000002")
    assert store.active == second == service.active  # the token names the active key: no restart needed
    assert store.kek_ids() == [first, second]
    new_kek, new_blob = service.wrap(dek, C1)
    assert new_kek == second
    assert service.unwrap(old_kek, old_blob, C1) == dek == store.unwrap(new_kek, new_blob, C1)
    with pytest.raises(IntegrityError):
        store.unwrap(first, new_blob, C1)  # each blob opens under its own KEK only
    store.close()
    service.close()


def test_a_new_instance_finds_the_persisted_active_key(softhsm: SoftHsm, kms: Any) -> None:
    dek = new_data_key()
    kek_id, blob = kms.wrap(dek, C1)
    kms.close()
    reopened = new_kms(softhsm, prefix=kms.prefix)
    assert reopened.active == kek_id
    assert reopened.unwrap(kek_id, blob, C1) == dek
    reopened.close()


def test_a_lost_session_is_reopened(kms: Any) -> None:
    dek = new_data_key()
    kek_id, blob = kms.wrap(dek, C1)
    kms._session.close()  # as if the HSM had dropped it
    assert kms.unwrap(kek_id, blob, C1) == dek


def test_settings_choose_the_pkcs11_kms(softhsm: SoftHsm, tmp_path: Path) -> None:
    from api.security.pkcs11 import Pkcs11Kms

    settings = Settings(
        var_dir=tmp_path,
        kms="pkcs11",
        pkcs11_module=softhsm.module,
        pkcs11_token_label=softhsm.token_label,
        pkcs11_pin=softhsm.pin,  # pydantic converts str to SecretStr
    )
    chosen: Kms = from_settings(settings)
    assert isinstance(chosen, Pkcs11Kms) and isinstance(chosen, KekStore)
    assert softhsm.pin not in repr(settings)
    chosen.close()
    with pytest.raises(ValueError, match="PIN"):
        from_settings(Settings(var_dir=tmp_path, kms="pkcs11", pkcs11_token_label=softhsm.token_label))


def test_an_unreachable_token_is_an_outage_not_an_integrity_error(softhsm: SoftHsm, tmp_path: Path) -> None:
    from api.security.pkcs11 import Pkcs11Kms

    with pytest.raises(KmsUnavailable, match="NoSuchToken"):
        Pkcs11Kms(softhsm.module, "no-such-token", softhsm.pin)
    with pytest.raises(KmsUnavailable):
        Pkcs11Kms(tmp_path / "missing.so", softhsm.token_label, softhsm.pin)
