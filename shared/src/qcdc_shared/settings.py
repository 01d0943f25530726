"""Configuration read from the environment (prefix ``QCDC_``), one object per process."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Literal

from pydantic import SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Development-only signing key: `qcdc token` mints with it; production refuses to start with it.
DEVELOPMENT_JWT_KEY = "qcdc-development-key-not-for-production-use-0000"
# Development-only key for petitioner identities (Fernet, 32 url-safe base64 bytes).
DEVELOPMENT_IDENTITY_KEY = "cWNkYy1kZXZlbG9wbWVudC1pZGVudGl0eS1rZXktMDA="


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QCDC_", extra="ignore")

    env: Literal["development", "production"] = "development"
    ward: str = "ben-thanh"
    service: str = ""
    nats_url: str = "nats://127.0.0.1:4222"
    # Who this process is to its server (hub-leaf topology: a ward's services on their leaf,
    # the gateway on the hub); never part of the URL, which is logged.
    nats_user: str | None = None
    nats_password: SecretStr | None = None
    # Where the wards' streams live: on this one server, or each in its ward's JetStream
    # domain on its own leaf (then the gateway keeps QCDC_CITY sourcing them across).
    nats_topology: Literal["single", "hub-leaf"] = "single"
    # A template: {ward} and {service} are filled per process (DESIGN §5).
    database_url: str = "sqlite+aiosqlite:///var/data/{ward}/{service}.db"
    jwt_key: SecretStr = SecretStr(DEVELOPMENT_JWT_KEY)
    jwt_public_key: str | None = None
    identity_key: SecretStr = SecretStr(DEVELOPMENT_IDENTITY_KEY)
    # Earlier identity keys, still able to open what they sealed (rotation, DEN-SECRET).
    identity_old_keys: list[SecretStr] = []
    pseudonym_key: SecretStr = SecretStr(DEVELOPMENT_JWT_KEY + "-pseudonyms")
    # CAL-HOL: the government's yearly swaps, city-wide, never per ward.
    calendar_extra_days_off: list[dt.date] = []
    calendar_extra_working_days: list[dt.date] = []
    # Path of a TOML file with extra rule rows (a changed law), city-wide.
    rule_overrides_file: str | None = None
    registry_file: str = "deploy/wards.toml"
    # Written by the launcher: where each ward's services answer (read by the gateway).
    topology_file: str | None = None
    var_dir: str = "var"

    @model_validator(mode="after")
    def _production_refuses_development_keys(self) -> Settings:
        if self.env == "production":
            if self.jwt_key.get_secret_value() == DEVELOPMENT_JWT_KEY and not self.jwt_public_key:
                raise ValueError("QCDC_ENV=production refuses the development JWT key")
            if self.identity_key.get_secret_value() == DEVELOPMENT_IDENTITY_KEY:
                raise ValueError("QCDC_ENV=production refuses the development identity key")
        return self

    def nats_credentials(self) -> dict[str, str]:
        """``user`` and ``password`` keyword arguments for nats-py and FastStream."""
        if self.nats_user is None:
            return {}
        password = self.nats_password.get_secret_value() if self.nats_password else ""
        return {"user": self.nats_user, "password": password}

    def database_url_for(self, *, ward: str | None = None, service: str | None = None) -> str:
        return self.database_url.format(ward=ward or self.ward, service=service or self.service)


@lru_cache
def get_settings() -> Settings:
    return Settings()
