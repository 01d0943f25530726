"""The ``qcdc`` command: ``run`` a city, mint development ``token``s, move the shared ``clock``,
and the commands the installed packages declare (``qcdc.commands`` entry points: checking a
ward's ledger, rebuilding the gateway, building the demo city...)."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import importlib
import json
import os
import re
import sys
from collections.abc import Callable
from importlib.metadata import EntryPoint
from pathlib import Path

from qcdc_shared import clock as shared_clock
from qcdc_shared.auth import ROLES_IN_ORDER, TokenError, mint_development_token
from qcdc_shared.registry import load_registry
from qcdc_shared.settings import Locations, Settings, StartRefused, load_settings
from qcdc_shared.tooling import compose, images, k8s, plugins
from qcdc_shared.tooling.brokers import Brokers, Credentials, brokers_of
from qcdc_shared.tooling.launcher import Launcher, run_city
from qcdc_shared.tooling.nats_config import SECRETS_DIR, Layout, write_nats_configs


def _run(args: argparse.Namespace, settings: Settings) -> int:
    clock_at = None
    if args.clock_at:
        if settings.env == "production":
            print("qcdc run: --clock-at is refused when QCDC_ENV=production", file=sys.stderr)
            return 2
        try:
            clock_at = shared_clock.parse_instant(args.clock_at)
        except ValueError as error:
            print(f"qcdc run: --clock-at: {error}", file=sys.stderr)
            return 2
    if args.demo_months is not None and args.demo_months < 1:
        print("qcdc run: --demo-months must be at least 1", file=sys.stderr)
        return 2
    if args.topology == "hub-leaf" and os.environ.get("QCDC_NATS_URL"):
        print(
            "qcdc run: --topology hub-leaf starts its own servers: unset QCDC_NATS_URL",
            file=sys.stderr,
        )
        return 2
    registry_file = Path(args.registry or settings.registry_file)
    registry = load_registry(registry_file)
    if args.wards:
        registry = registry.only([w.strip() for w in args.wards.split(",") if w.strip()])
    launcher = Launcher(
        registry=registry,
        var_dir=Path(args.var or settings.var_dir),
        gateway_port=int(os.environ.get("QCDC_GATEWAY_PORT", "8000")),
        nats_url=os.environ.get("QCDC_NATS_URL") or None,
        database_url=os.environ.get("QCDC_DATABASE_URL") or None,
        clock_at=clock_at,
        demo_months=args.demo_months,
        topology=args.topology,
        # A first-start hook (the demo) moves the shared development clock: never production.
        first_start_wanted=not args.empty and settings.env != "production",
        hooks=[point.load()() for point in plugins.found(plugins.FIRST_START).values()],
    )
    return asyncio.run(run_city(launcher))


def _deploy_nats(args: argparse.Namespace, settings: Locations) -> int:
    registry = load_registry(Path(args.registry or settings.registry_file))
    routes = tuple(route.strip() for route in args.hub_routes.split(",") if route.strip())
    out = Path(args.out)
    write_nats_configs(registry, out, Layout(hub_address=args.hub_address, hub_routes=routes))
    print(
        f"{out}: hub.conf and {len(registry.wards)} leaf configurations; "
        f"passwords in {out / SECRETS_DIR} (never commit it)"
    )
    return 0


def _known_ward(ward: str, settings: Settings) -> None:
    """A ward must be one the city runs (the registry), so a typo fails here, not as a 403."""
    registry_file = Path(settings.registry_file)
    if registry_file.is_file() and load_registry(registry_file).ward(ward) is None:
        known = ", ".join(w.slug for w in load_registry(registry_file).wards)
        raise ValueError(f"unknown ward {ward!r} (the registry {registry_file} has: {known})")


def _token(args: argparse.Namespace, settings: Settings) -> int:
    try:
        if args.ward:
            _known_ward(args.ward, settings)
        ttl = shared_clock.parse_duration(args.ttl)
        if ttl.total_seconds() <= 0:
            raise ValueError(f"--ttl must be positive, not {args.ttl!r}")
        token = mint_development_token(
            settings, role=args.role, ward=args.ward, sub=args.sub, name=args.name, ttl=ttl
        )
    except (TokenError, ValueError) as error:
        print(f"qcdc token: {error}", file=sys.stderr)
        return 2
    print(token)
    return 0


def _brokers(settings: Settings) -> list[Credentials]:
    """The running city's servers: QCDC_NATS_URL, else the ones ``qcdc run`` wrote down
    (the hub and every leaf in the hub-leaf topology)."""
    if os.environ.get("QCDC_NATS_URL"):
        return [Credentials(settings.nats_url, **settings.nats_credentials())]
    topology = Path(settings.var_dir) / "run" / "topology.json"
    if topology.is_file():
        return brokers_of(json.loads(topology.read_text()))
    return [Credentials(settings.nats_url)]


async def _clock(args: argparse.Namespace, settings: Settings) -> int:
    brokers = await Brokers.connect(_brokers(settings), connect_timeout=3, max_reconnect_attempts=1)
    try:
        real_now = dt.datetime.now(dt.UTC)
        if args.action == "set":
            target = shared_clock.parse_instant(args.value)
            await brokers.write_offset(shared_clock.offset_to_reach(target, real_now=real_now))
        elif args.action == "advance":
            offset = await brokers.read_offset()
            await brokers.write_offset(offset + shared_clock.parse_duration(args.value))
        elif args.action == "reset":
            await brokers.write_offset(dt.timedelta(0))
        offset = await brokers.read_offset()
        now = shared_clock.OffsetClock(offset)
        print(f"{shared_clock.describe(now)}  (offset {offset})")
        return 0
    finally:
        await brokers.close()


def _delegate(point: EntryPoint, argv: list[str]) -> int:
    """A command that lives with the package that owns it (entry point ``qcdc.commands``):
    that package parses its own options."""
    main: Callable[[list[str]], int] = point.load()
    return main(argv)


def parser(*, describe: bool = False) -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="qcdc", description="QCDC platform command line")
    commands = root.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="start a city on this machine")
    run.add_argument("--wards", help="comma-separated ward slugs (default: the whole registry)")
    run.add_argument("--registry", help="ward registry file (default deploy/wards.toml)")
    run.add_argument("--var", help="data folder (default var/)")
    run.add_argument(
        "--empty",
        action="store_true",
        help="start without building the demo city (built on a first start otherwise)",
    )
    run.add_argument(
        "--demo-months",
        type=int,
        metavar="N",
        help="months of history in the demo city of a first start (default: the demo's own)",
    )
    run.add_argument(
        "--topology",
        choices=["single", "hub-leaf"],
        default="single",
        help="single: one nats-server for the city (default); hub-leaf: a hub and one leaf "
        "per ward, each its own nats-server, with the deployment's permissions",
    )
    run.add_argument(
        "--clock-at",
        metavar="INSTANT",
        help="development: the shared clock starts at this date or ISO instant (the demo city "
        "ends there; tests pin it with QCDC_TEST_NOW)",
    )

    token = commands.add_parser("token", help="mint a development JWT")
    token.add_argument("--role", required=True, choices=ROLES_IN_ORDER)
    token.add_argument("--ward", help="ward slug (required for officer, inspector, front)")
    token.add_argument("--sub", help="subject (default: a generated development name)")
    token.add_argument("--name", help="display name")
    token.add_argument("--ttl", default="12h", help="lifetime, e.g. 12h, 7d (default 12h)")

    deploy = commands.add_parser("deploy", help="deployment files generated from the registry")
    targets = deploy.add_subparsers(dest="target", required=True)
    nats_files = targets.add_parser(
        "nats", help="the hub's and every ward leaf's nats-server configuration"
    )
    nats_files.add_argument("--registry", help="ward registry file (default deploy/wards.toml)")
    nats_files.add_argument("--out", default="deploy/nats", help="folder (default deploy/nats)")
    nats_files.add_argument(
        "--hub-address",
        default=Layout.hub_address,
        help=f"host:port where leaves reach the hub's leaf-node listener ({Layout.hub_address})",
    )
    nats_files.add_argument(
        "--hub-routes",
        default="",
        help="comma-separated host:port of the other hub nodes' cluster listeners (a cluster)",
    )

    commands.add_parser("migrate", add_help=False, help="a service's database to head, once")
    k8s.add_parser(targets)
    compose.add_parser(targets)
    images.add_parser(commands)

    clock = commands.add_parser("clock", help="the shared development clock")
    clock.add_argument("action", choices=["set", "advance", "reset", "show"])
    clock.add_argument("value", nargs="?", help="DATE for set, DURATION (3d, 12h) for advance")

    # Commands of the packages installed beside shared; each parses its own options. Their
    # modules are imported only to describe them (``qcdc --help``), never to mint a token.
    for name, point in sorted(plugins.found(plugins.COMMANDS).items()):
        summary = _summary(point) if describe else None
        commands.add_parser(name, add_help=False, help=summary)
    return root


def _summary(point: EntryPoint) -> str:
    """The first line of the command module's docstring."""
    try:
        doc = importlib.import_module(point.module).__doc__ or ""
    except ImportError as error:
        return f"(not loadable: {error})"
    first = doc.strip().splitlines()[0] if doc.strip() else point.module
    # "``qcdc demo``: months of history…" → "months of history…"
    return re.sub(r"^``[^`]*``:\s*", "", first).strip(" .")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    delegated = plugins.found(plugins.COMMANDS)
    if argv[:1] and argv[0] in delegated:
        return _delegate(delegated[argv[0]], argv[1:])
    if argv[:1] == ["migrate"]:  # parses its own options (tooling/migrate_cli.py)
        from qcdc_shared.tooling import migrate_cli

        return migrate_cli.main(argv[1:])
    args = parser(describe=not argv or argv[0] in ("-h", "--help")).parse_args(argv)
    if args.command == "images":
        return images.command(args)
    if args.command == "deploy":  # configuration files need no keys, only the registry
        if args.target == "k8s":
            return k8s.command(args, Locations().registry_file)
        if args.target == "compose":
            return compose.command(args, Locations().registry_file)
        return _deploy_nats(args, Locations())
    try:
        settings = load_settings()
    except StartRefused as refused:
        print(refused, file=sys.stderr)
        return 2
    if args.command == "run":
        return _run(args, settings)
    if args.command == "token":
        return _token(args, settings)
    if settings.env == "production":
        print("qcdc clock: refused when QCDC_ENV=production", file=sys.stderr)
        return 2
    if args.action in ("set", "advance") and not args.value:
        print(f"qcdc clock {args.action}: give a value", file=sys.stderr)
        return 2
    try:
        return asyncio.run(_clock(args, settings))
    except ValueError as error:
        print(f"qcdc clock: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
