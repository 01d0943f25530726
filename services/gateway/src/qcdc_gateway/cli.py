"""``qcdc gateway …``: the gateway's own commands (today, ``rebuild``)."""

from __future__ import annotations

import sys

from qcdc_gateway import rebuild


def main(argv: list[str]) -> int:
    if argv[:1] != ["rebuild"]:
        print("usage: qcdc gateway rebuild [--nats-url URL] [--database-url URL]", file=sys.stderr)
        return 2
    return rebuild.main(argv[1:])
