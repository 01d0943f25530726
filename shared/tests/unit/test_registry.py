"""The ward registry (deploy/wards.toml): loading, narrowing, refusals and the TOML round trip."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from qcdc_shared.registry import Registry, Ward, dump_registry, load_registry
from qcdc_shared.subjects import SubjectError

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[3]
WARDS_TOML = REPO / "deploy" / "wards.toml"
# CI copies the reference data beside the repository (see the comment in deploy/wards.toml).
UNITS_CSV = REPO.parent / "shared" / "data" / "hcmc_units_2025.csv"

DEMO_WARDS = {
    "ben-thanh": ("26743", "Phường Bến Thành"),
    "sai-gon": ("26740", "Phường Sài Gòn"),
    "tan-dinh": ("26737", "Phường Tân Định"),
}


@pytest.fixture
def registry() -> Registry:
    return load_registry(WARDS_TOML)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "wards.toml"
    path.write_text(text, encoding="utf-8")
    return path


def ward_block(slug: str, code: str, name: str) -> str:
    return f'[[wards]]\nslug = "{slug}"\ncode = "{code}"\nname = "{name}"\n\n'


def test_repository_registry_lists_the_three_demo_wards(registry: Registry) -> None:
    assert registry.city == "Thành phố Hồ Chí Minh"
    assert {w.slug: (w.code, w.name) for w in registry.wards} == DEMO_WARDS
    assert registry.ward("sai-gon") == Ward(slug="sai-gon", code="26740", name="Phường Sài Gòn")
    assert registry.ward("thu-duc") is None


def test_repository_registry_matches_the_official_unit_list(registry: Registry) -> None:
    if not UNITS_CSV.exists():
        message = f"reference data missing: {UNITS_CSV}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with UNITS_CSV.open(encoding="utf-8", newline="") as handle:
        units = {row["slug"]: row for row in csv.DictReader(handle)}
    for ward in registry.wards:
        unit = units.get(ward.slug)
        assert unit is not None, f"{ward.slug} is not in {UNITS_CSV.name}"
        assert (ward.code, ward.name) == (unit["code"], unit["name"])
        assert registry.city == unit["city"]


def test_only_narrows_in_registry_order(registry: Registry) -> None:
    narrowed = registry.only(["tan-dinh", "ben-thanh"])
    assert narrowed.city == registry.city
    assert [w.slug for w in narrowed.wards] == ["ben-thanh", "tan-dinh"]
    assert [w.slug for w in registry.wards] == ["ben-thanh", "sai-gon", "tan-dinh"]


def test_only_refuses_unknown_wards(registry: Registry) -> None:
    with pytest.raises(ValueError, match="thu-duc, an-khanh"):
        registry.only(["ben-thanh", "thu-duc", "an-khanh"])


def test_a_ward_listed_twice_is_refused(tmp_path: Path) -> None:
    text = (
        'city = "Thành phố Hồ Chí Minh"\n\n'
        + ward_block("ben-thanh", "26743", "Phường Bến Thành")
        + ward_block("ben-thanh", "26740", "Phường Sài Gòn")
    )
    with pytest.raises(ValueError, match="listed twice"):
        load_registry(write(tmp_path, text))


@pytest.mark.parametrize("code", ["2674", "267430", "2674a", ""])
def test_a_code_that_is_not_five_digits_is_refused(tmp_path: Path, code: str) -> None:
    text = 'city = "Thành phố Hồ Chí Minh"\n\n' + ward_block("ben-thanh", code, "Phường Bến Thành")
    with pytest.raises(ValidationError, match="code"):
        load_registry(write(tmp_path, text))


def test_a_code_given_as_a_number_is_refused(tmp_path: Path) -> None:
    # Leading zeros (Hanoi's 00004) would be lost: codes are strings in the file.
    text = 'city = "Hà Nội"\n\n[[wards]]\nslug = "ba-dinh"\ncode = 12345\nname = "Phường Ba Đình"\n'
    with pytest.raises(ValidationError):
        load_registry(write(tmp_path, text))


# "dlq" and "city-events" would name the streams QCDC_DLQ and QCDC_CITY_EVENTS of the city.
@pytest.mark.parametrize(
    "slug", ["city", "dlq", "city-events", "Ben-Thanh", "ben_thanh", "bến-thành"]
)
def test_reserved_or_malformed_slugs_are_refused(tmp_path: Path, slug: str) -> None:
    text = 'city = "Thành phố Hồ Chí Minh"\n\n' + ward_block(slug, "26743", "Phường Bến Thành")
    with pytest.raises(SubjectError):
        load_registry(write(tmp_path, text))


def test_dump_loads_back_equal(tmp_path: Path) -> None:
    registry = Registry(
        city="Thành phố Hồ Chí Minh",
        wards=[
            Ward(slug="thu-duc", code="26824", name="Phường Thủ Đức"),
            Ward(slug="an-khanh", code="27094", name="Phường An Khánh"),
            # Quotes and backslashes must survive the TOML escaping.
            Ward(slug="thu-nghiem", code="00001", name='Phường "Thử" \\ nghiệm'),
        ],
    )
    text = dump_registry(registry)
    assert "Phường Thủ Đức" in text  # readable Vietnamese, not \u escapes
    assert load_registry(write(tmp_path, text)) == registry


def test_dump_of_the_repository_registry_loads_back_equal(
    tmp_path: Path, registry: Registry
) -> None:
    assert load_registry(write(tmp_path, dump_registry(registry))) == registry
