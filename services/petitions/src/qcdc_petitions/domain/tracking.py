"""Tracking codes a citizen keeps on paper: readable, not guessable (e.g. ``BT-7K4M-Q9XD``).

The ward's initials, then 8 characters drawn with ``secrets`` from 31 letters and digits that
cannot be misread for one another (no 0/O, 1/I/L): 31^8 ≈ 8.5·10^11 codes, ~40 bits, so
guessing a live code is hopeless while the code still fits a receipt and a phone call.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
GROUPS = 2
GROUP_LENGTH = 4
PATTERN = re.compile(rf"^[A-Z0-9]{{1,4}}(?:-[{ALPHABET}]{{{GROUP_LENGTH}}}){{{GROUPS}}}$")


def ward_prefix(ward: str) -> str:
    """``ben-thanh`` → ``BT``; ``phuong-12`` → ``P1``: initials of the slug, at most 4."""
    initials = "".join(part[0] for part in ward.split("-") if part).upper()
    return initials[:4] or "QC"


def new_tracking_code(ward: str) -> str:
    groups = ("".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH)) for _ in range(GROUPS))
    return "-".join((ward_prefix(ward), *groups))


def normalise(code: str) -> str:
    """What a citizen typed, as stored: upper case, no surrounding or inner spaces."""
    return re.sub(r"\s+", "", code).upper()


def matches(typed: str, stored: str) -> bool:
    """Whether what a citizen typed is the stored code (compared in constant time)."""
    return secrets.compare_digest(normalise(typed).encode(), stored.encode())
