"""``qcdc images``: the platform's container images, built the way an air-gapped site builds.

No image registry is needed: the base is a Debian bookworm root made by ``mmdebstrap`` from
Debian's packages and loaded with ``docker import``; Python packages come from a wheelhouse
filled on this host from ``uv.lock`` (exact versions and hashes), and ``uv`` installs them in
the image with ``--offline``. Where a registry answers, ``--base python:3.11-slim-bookworm``
builds the same Dockerfile on the upstream image.

Images (``deploy/images/Dockerfile``, ``k8s.IMAGES``): ``qcdc/<service>:<version>`` for the four
ward services and the gateway, ``qcdc/nats:<version>``, and ``qcdc/postgres:15`` (PostgreSQL
from Debian's packages, ``deploy/images/postgres/``) for the compose city and the tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qcdc_shared.registry import SERVICES_OF_A_WARD
from qcdc_shared.tooling.k8s import platform_version

BASE = "qcdc/base:bookworm"
POSTGRES_BASE = "qcdc/postgres-base:15"
POSTGRES = "qcdc/postgres:15"
DEBIAN_SUITE = "bookworm"
# What each imported root holds beyond Debian's minimal base. The platform's health checks
# are Python one-liners (no curl in an image); PostgreSQL's is pg_isready.
BASE_PACKAGES = ("python3", "python3-venv", "ca-certificates")
POSTGRES_PACKAGES = ("postgresql-15", "ca-certificates")
# The workspace's packages an image carries (the tools and the demo stay out).
WORKSPACE_PACKAGES = (
    "qcdc-shared",
    *(f"qcdc-{service}" for service in SERVICES_OF_A_WARD),
    "qcdc-gateway",
)
IMAGE_SERVICES = (*SERVICES_OF_A_WARD, "gateway")
# pip fills the wheelhouse for the image's platform (CPython 3.11 on Debian bookworm's glibc
# 2.36), whatever this host runs; uv has no download command of its own.
PIP = "pip==25.3"
PIP_INDEX_SETTINGS = frozenset(
    {"PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_TRUSTED_HOST", "PIP_CERT", "PIP_CLIENT_CERT"}
)
WHEEL_PLATFORMS = tuple(f"manylinux_2_{minor}_x86_64" for minor in (17, 24, 27, 28, 31, 34, 36))


class ImageBuildError(RuntimeError):
    pass


@dataclass(frozen=True)
class Options:
    repo: Path
    work: Path  # var/images: the wheelhouse and the build context, kept between builds
    base: str = BASE
    prefix: str = "qcdc"
    tag: str = ""
    registry_file: Path | None = None
    refresh_base: bool = False  # remake the Debian roots: their security updates
    debian_mirror: str | None = None  # a site's own mirror of Debian's archive

    @property
    def version(self) -> str:
        return self.tag or platform_version()

    def image(self, name: str) -> str:
        return f"{self.prefix}/{name}:{self.version}"


def _run(command: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(list(command), cwd=cwd, env=env, text=True, capture_output=True)
    if done.returncode != 0:
        raise ImageBuildError(
            f"{' '.join(command[:4])}… failed ({done.returncode}):\n{done.stdout[-3000:]}"
            f"\n{done.stderr[-3000:]}"
        )
    return done.stdout


def image_exists(name: str) -> bool:
    return subprocess.run(["docker", "image", "inspect", name], capture_output=True).returncode == 0


def image_size(name: str) -> int:
    out = _run(["docker", "image", "inspect", "--format", "{{.Size}}", name])
    return int(out.strip())


def import_debian_root(name: str, packages: Sequence[str], mirror: str | None = None) -> None:
    """A bookworm root of Debian's packages, made by mmdebstrap and loaded as image ``name``."""
    if shutil.which("mmdebstrap") is None:
        raise ImageBuildError(
            "mmdebstrap is missing (apt-get install mmdebstrap) / thiếu mmdebstrap để dựng ảnh nền"
        )
    with tempfile.TemporaryDirectory(prefix="qcdc-root-") as folder:
        root = Path(folder) / "root.tar"
        _run(
            [
                "mmdebstrap",
                "--variant=minbase",
                f"--include={','.join(packages)}",
                # No documentation, manuals or locales: nothing in an image reads them.
                "--dpkgopt=path-exclude=/usr/share/doc/*",
                "--dpkgopt=path-exclude=/usr/share/man/*",
                "--dpkgopt=path-exclude=/usr/share/locale/*",
                DEBIAN_SUITE,
                str(root),
                *([mirror] if mirror else []),
            ]
        )
        _run(["docker", "import", "--change", "ENV LANG=C.UTF-8", str(root), name])


def fill_wheelhouse(options: Options, uv: str) -> Path:
    """``<work>/context/wheelhouse``: the lock's wheels for the image's platform (hash-checked),
    the workspace's own wheels, and ``requirements.txt``. Downloads only what is missing."""
    wheelhouse = options.work / "context" / "wheelhouse"
    wheelhouse.mkdir(parents=True, exist_ok=True)
    for old in wheelhouse.glob("qcdc_*.whl"):
        old.unlink()
    requirements = wheelhouse / "requirements.txt"
    export = [
        uv, "export", "--frozen", "--no-dev", "--all-packages", "--no-emit-workspace",
        "--format", "requirements.txt", "--quiet", "-o", str(requirements),
    ]  # fmt: skip
    _run(export, cwd=options.repo)
    platforms = [arg for p in WHEEL_PLATFORMS for arg in ("--platform", p)]
    download = [
        uv, "tool", "run", "--from", PIP, "pip", "download", "--quiet",
        "--disable-pip-version-check", "--only-binary=:all:", *platforms,
        "--implementation", "cp", "--python-version", "3.11",
        "--abi", "cp311", "--abi", "abi3", "--abi", "none",
        "--require-hashes", "--no-deps", "-r", str(requirements), "-d", str(wheelhouse),
    ]  # fmt: skip
    # The lock's hashes decide what goes in, whatever the index: this host's pip files
    # (find-links, constraints) stay out, a site's index (PIP_INDEX_URL, …) is used.
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("PIP_") or k in PIP_INDEX_SETTINGS
    }
    environment["PIP_CONFIG_FILE"] = os.devnull
    # A full wheelhouse needs no network at all; only what is missing is fetched.
    try:
        _run([*download, "--no-index", "--find-links", str(wheelhouse)], env=environment)
    except ImageBuildError:
        _run(download, cwd=options.repo, env=environment)
    for package in WORKSPACE_PACKAGES:
        build = [uv, "build", "--quiet", "--wheel", "--package", package, "--out-dir"]
        _run([*build, str(wheelhouse)], cwd=options.repo)
    return wheelhouse


def prepare_context(options: Options, uv: str) -> Path:
    context = options.work / "context"
    fill_wheelhouse(options, uv)
    shutil.copy2(uv, context / "uv")
    registry = options.registry_file or options.repo / "deploy" / "wards.toml"
    shutil.copy2(registry, context / "wards.toml")
    # The published contracts every consumer checks events against, and the gateway serves.
    shutil.rmtree(context / "contracts", ignore_errors=True)
    shutil.copytree(
        options.repo / "contracts",
        context / "contracts",
        ignore=shutil.ignore_patterns("render", "node_modules"),
    )
    return context


def _commit(repo: Path, form: str) -> str:
    """The checkout's commit (``%h``) or its time (``%cI``): an image's revision and creation
    labels, the same for the same commit, so a rebuild reuses every cached layer."""
    done = subprocess.run(
        ["git", "log", "-1", f"--format={form}"], cwd=repo, capture_output=True, text=True
    )
    return done.stdout.strip() or "unknown"


def build(options: Options, uv: str) -> dict[str, float]:
    """Every image, their sizes printed; returns seconds per step."""
    seconds: dict[str, float] = {}
    started = time.monotonic()
    if options.base == BASE and (options.refresh_base or not image_exists(BASE)):
        import_debian_root(BASE, BASE_PACKAGES, options.debian_mirror)
    seconds["base image"] = time.monotonic() - started
    started = time.monotonic()
    if options.refresh_base or not image_exists(POSTGRES_BASE):
        import_debian_root(POSTGRES_BASE, POSTGRES_PACKAGES, options.debian_mirror)
    postgres = options.repo / "deploy" / "images" / "postgres"
    _run(["docker", "build", "--quiet", "-t", POSTGRES, str(postgres)])
    seconds["postgres image"] = time.monotonic() - started
    started = time.monotonic()
    context = prepare_context(options, uv)
    seconds["wheelhouse"] = time.monotonic() - started
    started = time.monotonic()
    dockerfile = options.repo / "deploy" / "images" / "Dockerfile"
    common = [
        "docker", "build", "--quiet", "-f", str(dockerfile),
        "--build-arg", f"BASE={options.base}",
        "--build-arg", f"VERSION={options.version}",
        "--build-arg", f"REVISION={_commit(options.repo, '%h')}",
        "--build-arg", f"CREATED={_commit(options.repo, '%cI')}",
    ]  # fmt: skip
    _run([*common, "--target", "nats", "-t", options.image("nats"), str(context)])
    for service in IMAGE_SERVICES:
        target = ["--target", "service", "--build-arg", f"SERVICE={service}"]
        _run([*common, *target, "-t", options.image(service), str(context)])
    seconds["platform images"] = time.monotonic() - started
    names = [options.image(name) for name in (*IMAGE_SERVICES, "nats")] + [POSTGRES]
    for name in names:
        print(f"{name:32} {image_size(name) / 1e6:7.1f} MB")
    for step, spent in seconds.items():
        print(f"{step:32} {spent:7.1f} s")
    return seconds


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    images = commands.add_parser("images", help="build the container images offline")
    images.add_argument("--base", default=BASE, help=f"base image (default {BASE}, mmdebstrap)")
    images.add_argument("--prefix", default="qcdc", help="image names <prefix>/<name>")
    images.add_argument("--tag", default="", help="image tag (default: the platform's version)")
    images.add_argument("--registry", help="ward registry file (default deploy/wards.toml)")
    images.add_argument(
        "--refresh-base",
        action="store_true",
        help="remake the Debian roots (made once, then kept): Debian's security updates",
    )
    images.add_argument("--debian-mirror", help="Debian archive URL (default deb.debian.org)")


def command(args: argparse.Namespace) -> int:
    uv = os.environ.get("UV") or shutil.which("uv")
    if uv is None:
        print(
            "qcdc images: uv not found (run it through `uv run` or `make images`)", file=sys.stderr
        )
        return 2
    repo = Path.cwd()
    options = Options(
        repo=repo,
        work=repo / "var" / "images",
        base=args.base,
        prefix=args.prefix,
        tag=args.tag,
        registry_file=Path(args.registry) if args.registry else None,
        refresh_base=args.refresh_base,
        debian_mirror=args.debian_mirror,
    )
    if subprocess.run(["docker", "info"], capture_output=True).returncode != 0:
        print(
            "qcdc images: no Docker engine answers / không có Docker engine "
            "(make test-deploy starts one: deploy/engine.sh)",
            file=sys.stderr,
        )
        return 2
    try:
        build(options, uv)
    except ImageBuildError as error:
        print(f"qcdc images: {error}", file=sys.stderr)
        return 1
    return 0
