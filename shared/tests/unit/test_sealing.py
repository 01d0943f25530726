"""Sealed identities: opened only with a configured key, rotated without loss."""

import pytest

from qcdc_shared.sealing import Sealer, SealError, new_key
from qcdc_shared.settings import Settings

pytestmark = pytest.mark.unit

IDENTITY = {"name": "Nguyễn Văn An", "phone": "0901234567", "id_number": "079123456789"}


def test_a_sealed_identity_reveals_nothing_and_opens_with_its_key() -> None:
    sealer = Sealer([new_key()])
    token = sealer.seal(IDENTITY)
    assert "Nguy" not in token and "0901234567" not in token
    assert sealer.unseal(token) == IDENTITY


def test_another_key_cannot_open_and_altered_data_is_refused() -> None:
    token = Sealer([new_key()]).seal(IDENTITY)
    with pytest.raises(SealError):
        Sealer([new_key()]).unseal(token)
    sealer = Sealer([new_key()])
    token = sealer.seal(IDENTITY)
    with pytest.raises(SealError):
        sealer.unseal(token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB"))


def test_rotation_keeps_old_values_readable_and_reseals_under_the_new_key() -> None:
    old, new = new_key(), new_key()
    token = Sealer([old]).seal(IDENTITY)
    rotating = Sealer([new, old])
    assert rotating.unseal(token) == IDENTITY
    resealed = rotating.rotate(token)
    assert Sealer([new]).unseal(resealed) == IDENTITY


def test_settings_give_the_current_key_first() -> None:
    old, new = new_key(), new_key()
    token = Sealer([old]).seal(IDENTITY)
    settings = Settings(identity_key=new, identity_old_keys=[old])
    assert Sealer.from_settings(settings).unseal(token) == IDENTITY


def test_a_bad_key_is_a_clear_error() -> None:
    with pytest.raises(SealError):
        Sealer(["not-a-key"])
    with pytest.raises(SealError):
        Sealer([])
