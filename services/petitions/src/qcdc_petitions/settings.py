"""What a ward's petitions service knows of its ward besides the shared settings (prefix
``QCDC_``): whether the ward is a remote area (vùng sâu, vùng xa), which selects the
CMP-RESOLVE.remote and CMP-RESOLVE.remote-complex rows for its complaints."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class PetitionsSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QCDC_", extra="ignore")

    # QCDC_REMOTE_AREA=true: the ward is a remote area where travel is hard (Law on Complaints
    # Art. 28), so complaints accepted here get the remote rows of CMP-RESOLVE.
    remote_area: bool = False
