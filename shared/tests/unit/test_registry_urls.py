"""Ward service addresses in the registry (``[wards.urls]``) and QCDC_WARD_URL_TEMPLATE: what a
deployment without the launcher's topology file gives the gateway (issue 21). A registry that
names no address reads and writes as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from qcdc_shared.registry import Registry, Ward, dump_registry, load_registry
from qcdc_shared.settings import Locations
from qcdc_shared.testing.environment import isolate

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[3]
CITY = 'city = "Thành phố Hồ Chí Minh"\n\n'
BEN_THANH = '[[wards]]\nslug = "ben-thanh"\ncode = "26743"\nname = "Phường Bến Thành"\n'
SAI_GON = '[[wards]]\nslug = "sai-gon"\ncode = "26740"\nname = "Phường Sài Gòn"\n'


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(monkeypatch)  # a QCDC_WARD_URL_TEMPLATE of the shell must not leak in


def load(tmp_path: Path, text: str) -> Registry:
    path = tmp_path / "wards.toml"
    path.write_text(text, encoding="utf-8")
    return load_registry(path)


def test_a_ward_may_name_its_services_addresses_in_a_sub_table(tmp_path: Path) -> None:
    registry = load(
        tmp_path,
        CITY
        + BEN_THANH
        + '[wards.urls]\nplans = "http://plans.qcdc-ben-thanh.svc:8000"\n\n'
        + SAI_GON,
    )
    assert registry.ward("ben-thanh") == Ward(
        slug="ben-thanh",
        code="26743",
        name="Phường Bến Thành",
        urls={"plans": "http://plans.qcdc-ben-thanh.svc:8000"},
    )
    assert registry.ward("sai-gon") is not None and registry.ward("sai-gon").urls == {}  # type: ignore[union-attr]


def test_an_inline_table_reads_the_same(tmp_path: Path) -> None:
    inline = load(tmp_path, CITY + BEN_THANH + 'urls = { petitions = "https://p.example.vn" }\n')
    assert inline.wards[0].urls == {"petitions": "https://p.example.vn"}


@pytest.mark.parametrize(
    ("urls", "why"),
    [
        ('bank = "http://bank:8000"', "no such service"),
        ('plans = "plans.qcdc-ben-thanh.svc:8000"', "http:// or https://"),
        ('plans = "file:///etc/passwd"', "http:// or https://"),
    ],
)
def test_an_address_of_no_service_or_not_http_is_refused(
    tmp_path: Path, urls: str, why: str
) -> None:
    with pytest.raises(ValidationError, match=why):
        load(tmp_path, CITY + BEN_THANH + f"[wards.urls]\n{urls}\n")


def test_the_addresses_survive_the_dump_and_a_registry_without_them_dumps_as_before(
    tmp_path: Path,
) -> None:
    with_urls = Registry(
        city="Thành phố Hồ Chí Minh",
        wards=[
            Ward(
                slug="ben-thanh",
                code="26743",
                name="Phường Bến Thành",
                urls={"plans": "http://plans:8000", "oversight": "https://o.example.vn/x"},
            ),
            Ward(slug="sai-gon", code="26740", name="Phường Sài Gòn"),
        ],
    )
    assert load(tmp_path, dump_registry(with_urls)) == with_urls

    repository = load_registry(REPO / "deploy" / "wards.toml")
    text = dump_registry(repository)
    assert "urls" not in text  # the launcher's var/run/wards.toml is unchanged
    assert all(ward.urls == {} for ward in repository.wards)


def test_the_template_names_only_the_ward_and_the_service() -> None:
    given = Locations(ward_url_template="http://{service}.qcdc-{ward}.svc:8000")
    assert given.ward_url_template == "http://{service}.qcdc-{ward}.svc:8000"
    assert Locations().ward_url_template is None  # unset: the topology file, as before
    for wrong in ("http://{service}.{namespace}.svc", "http://{0}:8000", "http://{ward"):
        with pytest.raises(ValidationError, match="only \\{ward\\} and \\{service\\}"):
            Locations(ward_url_template=wrong)


def test_migrating_at_start_stays_the_default() -> None:
    assert Locations().migrate_at_start is True
    assert Locations(migrate_at_start=False).migrate_at_start is False
