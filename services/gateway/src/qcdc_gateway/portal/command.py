"""``qcdc portal``: one ward's own portal, reading only that ward's services (issue 19 item 1).

Run beside a city that ``qcdc run`` started on this machine: the ward's services are found in
its ``var/run/topology.json`` (or ``QCDC_TOPOLOGY_FILE``, or ``--topology``), and in
development the shared clock is taken from them over HTTP (their ``/health``), so the portal
keeps working with the hub down. It needs no NATS server, user or password, and no database.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import uvicorn

from qcdc_gateway.portal.local import build_local_portal
from qcdc_shared.settings import Settings, StartRefused, load_settings

DEFAULT_PORT = 8100


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="qcdc portal",
        description="the ward-local portal: /p/<ward>/... served from the ward's own services",
    )
    root.add_argument("--ward", required=True, help="ward slug (one of the registry's)")
    root.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"(default {DEFAULT_PORT})")
    root.add_argument("--host", default="127.0.0.1", help="(default 127.0.0.1)")
    root.add_argument(
        "--topology",
        help="the running city's topology.json (default QCDC_TOPOLOGY_FILE, else "
        "<QCDC_VAR_DIR>/run/topology.json)",
    )
    return root


def settings_for(args: argparse.Namespace, settings: Settings) -> Settings:
    topology_file = Path(
        args.topology or settings.topology_file or Path(settings.var_dir) / "run" / "topology.json"
    )
    update: dict[str, Any] = {"topology_file": str(topology_file), "ward": args.ward}
    return settings.model_copy(update=update)


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    try:
        settings = settings_for(args, load_settings())
        app = build_local_portal(settings, args.ward)
    except StartRefused as refused:
        print(f"qcdc portal: {refused}", file=sys.stderr)
        return 2
    if not settings.ward_url_template and not Path(settings.topology_file or "").is_file():
        print(
            f"qcdc portal: {settings.topology_file} does not exist yet: the pages say the "
            "ward's services are unavailable until `qcdc run` writes it",
            file=sys.stderr,
        )
    print(
        f"QCDC: cổng thông tin phường {args.ward} — ward portal at "
        f"http://{args.host}:{args.port}/p/{args.ward}/",
        flush=True,
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
