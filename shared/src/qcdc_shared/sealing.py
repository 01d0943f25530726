"""Sealed personal data (DEN-SECRET, DESIGN §6): encrypted at rest with keys from configuration.

Fernet (AES-128-CBC + HMAC-SHA256) from ``cryptography``; the first key seals, every key
opens, so a key is rotated by putting the new one first (``QCDC_IDENTITY_KEY``), moving the
old one to ``QCDC_IDENTITY_OLD_KEYS`` and re-sealing stored values with ``rotate``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from qcdc_shared.settings import Settings


class SealError(ValueError):
    pass


class Sealer:
    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise SealError("at least one key is needed")
        try:
            self._fernet = MultiFernet([Fernet(key.encode()) for key in keys])
        except ValueError as error:
            raise SealError(f"not a Fernet key: {error}") from None

    @classmethod
    def from_settings(cls, settings: Settings) -> Sealer:
        keys = [settings.identity_key, *settings.identity_old_keys]
        return cls([key.get_secret_value() for key in keys])

    def seal(self, data: dict[str, Any]) -> str:
        return self._fernet.encrypt(json.dumps(data, ensure_ascii=False).encode()).decode()

    def unseal(self, token: str) -> dict[str, Any]:
        try:
            opened: dict[str, Any] = json.loads(self._fernet.decrypt(token.encode()))
        except InvalidToken:
            raise SealError("cannot open: wrong key or altered data") from None
        return opened

    def rotate(self, token: str) -> str:
        """Re-seal under the current first key."""
        return self._fernet.rotate(token.encode()).decode()


def new_key() -> str:
    return Fernet.generate_key().decode()
