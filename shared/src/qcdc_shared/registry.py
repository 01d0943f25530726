"""The ward registry (``deploy/wards.toml``): which wards the city runs, with official codes."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from pydantic import BaseModel, Field, field_validator

from qcdc_shared.subjects import check_ward

SERVICES_OF_A_WARD = ("plans", "petitions", "publicity", "oversight")


class Ward(BaseModel):
    slug: str
    code: str = Field(pattern=r"^\d{5}$")
    name: str
    # Where the ward's services answer, when the deployment says so here (a `[wards.urls]`
    # table under the ward); a service not named falls back to QCDC_WARD_URL_TEMPLATE, then
    # to the launcher's topology file. Read by the gateway, never by the NATS configuration.
    urls: dict[str, str] = {}

    @field_validator("urls")
    @classmethod
    def _services_and_http_addresses(cls, urls: dict[str, str]) -> dict[str, str]:
        for service, url in urls.items():
            if service not in SERVICES_OF_A_WARD:
                raise ValueError(
                    f"urls.{service}: a ward has no such service "
                    f"(only {', '.join(SERVICES_OF_A_WARD)})"
                )
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"urls.{service} = {url!r}: an http:// or https:// address")
        return urls


class Registry(BaseModel):
    city: str
    wards: list[Ward]

    def ward(self, slug: str) -> Ward | None:
        return next((ward for ward in self.wards if ward.slug == slug), None)

    def only(self, slugs: list[str]) -> Registry:
        unknown = [slug for slug in slugs if self.ward(slug) is None]
        if unknown:
            raise ValueError(f"wards not in the registry: {', '.join(unknown)}")
        return Registry(city=self.city, wards=[w for w in self.wards if w.slug in slugs])


def load_registry(path: str | Path) -> Registry:
    registry = Registry.model_validate(tomllib.loads(Path(path).read_text(encoding="utf-8")))
    slugs = [check_ward(ward.slug) for ward in registry.wards]
    if len(set(slugs)) != len(slugs):
        raise ValueError(f"{path}: a ward is listed twice")
    return registry


def dump_registry(registry: Registry) -> str:
    """TOML text of a registry (JSON strings are valid TOML basic strings)."""
    lines = [f"city = {json.dumps(registry.city, ensure_ascii=False)}", ""]
    for ward in registry.wards:
        lines += (
            ["[[wards]]"]
            + [
                f"{key} = {json.dumps(value, ensure_ascii=False)}"
                for key, value in ward.model_dump(exclude={"urls"}).items()
            ]
            + [""]
        )
        if ward.urls:  # the sub-table of the ward just opened
            lines += (
                ["[wards.urls]"]
                + [f"{service} = {json.dumps(url)}" for service, url in ward.urls.items()]
                + [""]
            )
    return "\n".join(lines)
