"""Configuration read from the environment (prefix ``QCDC_``), one object per process."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection
from functools import lru_cache
from typing import Literal

from pydantic import SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Development-only signing key: `qcdc token` mints with it; production refuses to start with it.
DEVELOPMENT_JWT_KEY = "qcdc-development-key-not-for-production-use-0000"
# Development-only key for petitioner identities (Fernet, 32 url-safe base64 bytes).
DEVELOPMENT_IDENTITY_KEY = "cWNkYy1kZXZlbG9wbWVudC1pZGVudGl0eS1rZXktMDA="
# Development-only key of petitioners' pseudonyms: whoever holds it can link them.
DEVELOPMENT_PSEUDONYM_KEY = DEVELOPMENT_JWT_KEY + "-pseudonyms"


class Locations(BaseSettings):
    """Where the city is: its servers, databases, files and ward. Tools that hold no keys (the
    ledger check, the gateway's rebuild) read these alone; a service reads :class:`Settings`."""

    # A deployment may give settings as files named after them (qcdc_nats_password, …) in the
    # folder QCDC_SECRETS_DIR names (compose mounts its secrets in /run/secrets), so no
    # password sits in an environment `docker inspect` shows; the environment still wins.
    model_config = SettingsConfigDict(
        env_prefix="QCDC_", extra="ignore", secrets_dir=os.environ.get("QCDC_SECRETS_DIR") or None
    )

    # Production unless development is asked for (`make run` and the tests ask): a deployment
    # that forgets QCDC_ENV must not accept tokens signed with the key published here.
    env: Literal["development", "production"] = "production"
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
    # A service migrates its database as it starts (`make run`, the tests). A deployment runs
    # `qcdc migrate` once per database as a job and sets this false: then a service never
    # alters a schema, and refuses to start on a database that is not at head.
    migrate_at_start: bool = True
    # Where the gateway reaches a ward's services when the registry names no address for them
    # (deploy/wards.toml `[wards.urls]`), e.g. "http://{service}.qcdc-{ward}.svc:8000"; unset,
    # the launcher's topology file (QCDC_TOPOLOGY_FILE) says.
    ward_url_template: str | None = None
    # CAL-HOL: the government's yearly swaps, city-wide, never per ward.
    calendar_extra_days_off: list[dt.date] = []
    calendar_extra_working_days: list[dt.date] = []
    # Path of a TOML file with extra rule rows (a changed law), city-wide.
    rule_overrides_file: str | None = None
    registry_file: str = "deploy/wards.toml"
    # Written by the launcher: where each ward's services answer (read by the gateway).
    topology_file: str | None = None
    var_dir: str = "var"

    def nats_credentials(self) -> dict[str, str]:
        """``user`` and ``password`` keyword arguments for nats-py and FastStream."""
        if self.nats_user is None:
            return {}
        password = self.nats_password.get_secret_value() if self.nats_password else ""
        return {"user": self.nats_user, "password": password}

    def database_url_for(self, *, ward: str | None = None, service: str | None = None) -> str:
        return self.database_url.format(ward=ward or self.ward, service=service or self.service)

    @field_validator("ward_url_template")
    @classmethod
    def _template_names_only_ward_and_service(cls, template: str | None) -> str | None:
        if template is not None:
            try:
                template.format(ward="w", service="s")
            except (KeyError, IndexError, ValueError) as error:
                raise ValueError(
                    f"may name only {{ward}} and {{service}} ({type(error).__name__}: {error})"
                ) from None
        return template


class Settings(Locations):
    """What a service process holds besides: its keys, refused in production when missing or
    published here."""

    # Development tokens only (HS256, `qcdc token`): production refuses any shared secret,
    # which would let every ward process mint admin tokens for every ward.
    jwt_key: SecretStr = SecretStr(DEVELOPMENT_JWT_KEY)
    # Production identity (OIDC): the provider's signing keys, from its JWKS URL or one PEM key.
    jwt_jwks_url: str | None = None
    jwt_public_key: str | None = None
    jwt_algorithms: list[Literal["RS256", "ES256"]] = ["RS256", "ES256"]
    jwt_issuer: str = "qcdc"
    jwt_audience: str = "qcdc"
    # A token signed for longer than this is refused, however far away its expiry.
    jwt_max_lifetime: dt.timedelta = dt.timedelta(hours=12)
    # Where the provider puts the role and the ward (a dotted path into the claims), and how
    # its role names map to the platform's (empty: the claim already holds the platform's).
    jwt_role_claim: str = "role"
    jwt_ward_claim: str = "ward"
    jwt_role_map: dict[str, str] = {}
    # The portal's sign-in with the city's OIDC provider (authorization code flow with PKCE):
    # its issuer (discovery at <issuer>/.well-known/openid-configuration), the portal's client
    # there (a public client has no secret: PKCE binds the code to the browser's flow), and
    # the portal's public address, from which the redirect URI <base>/dang-nhap/oidc/xong is
    # made (behind a proxy the request's own address is not the one the provider knows).
    oidc_issuer: str | None = None
    oidc_client_id: str | None = None
    oidc_client_secret: SecretStr | None = None
    portal_base_url: str | None = None
    identity_key: SecretStr = SecretStr(DEVELOPMENT_IDENTITY_KEY)
    # Earlier identity keys, still able to open what they sealed (rotation, DEN-SECRET).
    identity_old_keys: list[SecretStr] = []
    pseudonym_key: SecretStr = SecretStr(DEVELOPMENT_PSEUDONYM_KEY)
    # What one caller may send and how often (qcdc_shared/api/limits.py): limits per client
    # address and per account, in the `limits` package's notation.
    request_body_max_bytes: int = 1_048_576
    rate_limit_filing: str = "20/minute;500/day"  # petitions and comments filed
    rate_limit_lookup: str = "20/minute;300/hour"  # tracking codes (domain/tracking.py)
    rate_limit_identity: str = "30/minute;300/day"  # petitioners' identities read or tried
    rate_limit_costly: str = "30/minute"  # ?as_of= and exports, which fold the whole log
    # Memory is per process; several instances of a service share e.g. async+redis://host:6379.
    rate_limit_storage: str = "async+memory://"
    stream_connections_per_client: int = 4
    stream_connections_total: int = 500
    # Webhooks (gateway): receivers on loopback, private and link-local addresses are refused
    # (SSRF) unless this allows them (a receiver on the same machine, in development and
    # tests). The retry delays in seconds; empty: the Standard Webhooks schedule (~27 h).
    webhooks_allow_private: bool = False
    webhooks_retry_schedule: list[float] = []

    @model_validator(mode="after")
    def _production_refuses_development_keys(self) -> Settings:
        if self.env == "production":
            problems = self.production_problems()
            if problems:
                raise ValueError("QCDC_ENV=production refuses to start: " + "; ".join(problems))
        return self

    def production_problems(self) -> list[str]:
        """What a production start lacks, each naming the setting to give."""
        problems: list[str] = []
        if not (self.jwt_jwks_url or self.jwt_public_key):
            problems.append(
                "QCDC_JWT_JWKS_URL or QCDC_JWT_PUBLIC_KEY is missing (production verifies "
                "RS256/ES256 tokens of the city's identity provider, never HS256 or the "
                "development key)"
            )
        if self.jwt_jwks_url and not self.jwt_jwks_url.startswith("https://"):
            problems.append(
                "QCDC_JWT_JWKS_URL must be https:// (anyone on a plain-HTTP path could hand "
                "this process the keys of their own tokens)"
            )
        if self.jwt_role_claim != "role" and not self.jwt_role_map:
            problems.append(
                "QCDC_JWT_ROLE_MAP is missing (with QCDC_JWT_ROLE_CLAIM set, the provider's own "
                "role names must be mapped, or any role it spells 'admin' would be the "
                "platform's admin)"
            )
        problems.extend(self._oidc_problems())
        identity = self.identity_key.get_secret_value()
        if not identity or identity == DEVELOPMENT_IDENTITY_KEY:
            problems.append("QCDC_IDENTITY_KEY is missing (the development key is refused)")
        pseudonym = self.pseudonym_key.get_secret_value()
        if not pseudonym or pseudonym == DEVELOPMENT_PSEUDONYM_KEY:
            problems.append("QCDC_PSEUDONYM_KEY is missing (the development key is refused)")
        return problems

    @property
    def oidc_configured(self) -> bool:
        """The portal offers sign-in with the city's OIDC provider."""
        return bool(self.oidc_issuer and self.oidc_client_id)

    def _oidc_problems(self) -> list[str]:
        """Only for a portal configured half-way: without any QCDC_OIDC_* the portal simply
        has no sign-in in production (its pages stay public)."""
        given = (self.oidc_issuer, self.oidc_client_id, self.oidc_client_secret)
        if not any(given):
            return []
        problems = [
            f"{name} is missing (the portal's sign-in with the city's OIDC provider needs it)"
            for name, value in (
                ("QCDC_OIDC_ISSUER", self.oidc_issuer),
                ("QCDC_OIDC_CLIENT_ID", self.oidc_client_id),
                ("QCDC_PORTAL_BASE_URL", self.portal_base_url),
            )
            if not value
        ]
        for name, value in (
            ("QCDC_OIDC_ISSUER", self.oidc_issuer),
            ("QCDC_PORTAL_BASE_URL", self.portal_base_url),
        ):
            if value and not value.startswith("https://"):
                problems.append(
                    f"{name} must be https:// (the sign-in's codes and tokens cross it)"
                )
        return problems

    def ward_problems(self, known_wards: Collection[str]) -> list[str]:
        """Why this process may not serve ``self.ward``: an empty ward would pass the ward check
        of every token, and in production the ward is named and is one of the registry's."""
        if not self.ward.strip():
            return ["QCDC_WARD is empty"]
        if self.env == "production":
            if "ward" not in self.model_fields_set:
                return ["QCDC_WARD is missing"]
            if self.ward not in known_wards:
                return [
                    f"QCDC_WARD={self.ward} is not a ward of the registry ({self.registry_file})"
                ]
        return []


class StartRefused(SystemExit):
    """Ends the process with one readable line per missing setting, not a traceback."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        lines = "".join(f"\n  - {problem}" for problem in problems)
        super().__init__(
            f"qcdc: the settings refuse this start:{lines}\n"
            "(QCDC_ENV is production unless development is asked for: a developer's machine "
            "sets QCDC_ENV=development, as `make run` does)"
        )


def load_settings() -> Settings:
    """The environment's settings, or :class:`StartRefused` saying what is missing."""
    try:
        return Settings()
    except ValidationError as error:
        raise StartRefused(_refusals(error)) from None


@lru_cache
def get_settings() -> Settings:
    return load_settings()


def _refusals(error: ValidationError) -> list[str]:
    errors = error.errors()
    if all(not e["loc"] for e in errors):  # only the production check refused
        return Settings(env="development").production_problems()
    return [f"QCDC_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in errors]
