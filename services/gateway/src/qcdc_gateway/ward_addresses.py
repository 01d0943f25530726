"""Where each ward's services answer, for the proxy and the portal's ward reader.

Three sources, per ward and service, the first that names one winning:

1. the registry (``deploy/wards.toml``, a ward's ``[wards.urls]`` table): an address a city
   gives one ward, e.g. a ward whose services run in its own building;
2. ``QCDC_WARD_URL_TEMPLATE``, e.g. ``http://{service}.qcdc-{ward}.svc:8000``: one line for
   every ward of a deployment whose names follow a rule (compose, Kubernetes);
3. the launcher's ``var/run/topology.json`` (``QCDC_TOPOLOGY_FILE``): ``make run``, whose
   ports change when a service restarts, so it is read anew at each look-up (and only when
   the first two leave a service without an address).

Nothing here is shown to the public (``api/wards.py``: a service's address is the gateway's
business and the operator's).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from qcdc_gateway.api.wards import service_urls
from qcdc_shared.registry import SERVICES_OF_A_WARD, Registry
from qcdc_shared.settings import Locations


@dataclass(frozen=True)
class WardAddresses(Mapping[str, Mapping[str, str]]):
    """Each registry ward's services by name → base URL; a service with no address is absent
    (its pages and proxy answer 503)."""

    registry: Registry
    template: str | None = None
    topology_file: str | None = None

    @classmethod
    def of(cls, settings: Locations, registry: Registry) -> WardAddresses:
        return cls(registry, settings.ward_url_template, settings.topology_file)

    def __getitem__(self, slug: str) -> Mapping[str, str]:
        ward = self.registry.ward(slug)
        if ward is None:
            raise KeyError(slug)
        found = {
            service: url
            for service in SERVICES_OF_A_WARD
            if (url := ward.urls.get(service) or self._templated(slug, service))
        }
        if len(found) < len(SERVICES_OF_A_WARD):
            launched = service_urls(self.topology_file).get(slug, {})
            for service in SERVICES_OF_A_WARD:
                if service not in found and launched.get(service):
                    found[service] = launched[service]
        return found

    def _templated(self, ward: str, service: str) -> str | None:
        return self.template.format(ward=ward, service=service) if self.template else None

    def __iter__(self) -> Iterator[str]:
        return (ward.slug for ward in self.registry.wards)

    def __len__(self) -> int:
        return len(self.registry.wards)
