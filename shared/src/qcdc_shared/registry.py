"""The ward registry (``deploy/wards.toml``): which wards the city runs, with official codes."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from pydantic import BaseModel, Field

from qcdc_shared.subjects import check_ward

SERVICES_OF_A_WARD = ("plans", "petitions", "publicity", "oversight")


class Ward(BaseModel):
    slug: str
    code: str = Field(pattern=r"^\d{5}$")
    name: str


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
                for key, value in ward.model_dump().items()
            ]
            + [""]
        )
    return "\n".join(lines)
