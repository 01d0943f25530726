"""Re-seal every stored petitioner identity under the current key (DEN-SECRET key rotation).

Put the new key in ``QCDC_IDENTITY_KEY`` and the old one in ``QCDC_IDENTITY_OLD_KEYS``,
restart the service (it opens both), then run ``python -m qcdc_petitions.reseal`` once per
ward; afterwards the old key may be dropped. Prints a count, never an identity.
"""

from __future__ import annotations

import asyncio

from qcdc_petitions.adapters.petitions import PetitionRepository
from qcdc_petitions.handlers.identity import reseal_identities
from qcdc_shared.db import make_engine, make_sessionmaker
from qcdc_shared.sealing import Sealer
from qcdc_shared.settings import Settings, get_settings


async def reseal(settings: Settings) -> int:
    engine = make_engine(settings.database_url_for(service="petitions"))
    try:
        sealer = Sealer.from_settings(settings)
        async with make_sessionmaker(engine)() as session:
            count = await reseal_identities(petitions=PetitionRepository(session), sealer=sealer)
            await session.commit()
            return count
    finally:
        await engine.dispose()


def main() -> None:
    settings = get_settings()
    count = asyncio.run(reseal(settings))
    print(f"ward {settings.ward}: {count} identities re-sealed under the current key")


if __name__ == "__main__":
    main()
