"""Tracking codes a citizen keeps on paper: readable, not guessable
(e.g. ``BT-7K4M-Q9XD-R2HW-C8NP``).

The ward's initials, then 16 characters drawn with ``secrets`` from 31 letters and digits that
cannot be misread for one another (no 0/O, 1/I/L): 31^16 ≈ 7.3·10^23 codes, ~79 bits. Why so
many: a lookup shows the answer, and lookups are limited per client (``rate_limit_lookup``,
20 a minute by default), not per city. A year of 100,000 clients each at that limit is
1.05·10^12 guesses; against a million live codes (about five years of Ho Chi Minh City's
petitions) that finds 1.05·10^12 × 10^6 / 7.3·10^23 ≈ 1.4·10^-6 codes a year. The earlier
8 characters (31^8 ≈ 8.5·10^11) would have given about 1.2·10^6: one guess in 850,000 would
hit. Codes of that shape stay valid (``PATTERN`` accepts them) and stay that exposed, which
docs/security.md says: only new codes are longer.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
GROUPS = 4
GROUP_LENGTH = 4
EARLIER_GROUPS = 2  # codes issued before 2026-12 (40 bits)
_GROUP = rf"-[{ALPHABET}]{{{GROUP_LENGTH}}}"
_LATER = GROUPS - EARLIER_GROUPS
# Today's codes, or the earlier shape: never one that was not issued.
PATTERN = re.compile(
    rf"^[A-Z0-9]{{1,4}}(?:{_GROUP}){{{EARLIER_GROUPS}}}(?:(?:{_GROUP}){{{_LATER}}})?$"
)


def ward_prefix(ward: str) -> str:
    """``ben-thanh`` → ``BT``; ``phuong-12`` → ``P1``: initials of the slug, at most 4."""
    initials = "".join(part[0] for part in ward.split("-") if part).upper()
    return initials[:4] or "QC"


def new_tracking_code(ward: str) -> str:
    # One draw of the whole code (uniform over 31^16, as 16 draws of a character are), not a
    # draw per character: each ``secrets`` draw is a system call.
    number = secrets.randbelow(len(ALPHABET) ** (GROUPS * GROUP_LENGTH))
    characters = []
    for _ in range(GROUPS * GROUP_LENGTH):
        number, digit = divmod(number, len(ALPHABET))
        characters.append(ALPHABET[digit])
    code = "".join(characters)
    groups = (code[n : n + GROUP_LENGTH] for n in range(0, len(code), GROUP_LENGTH))
    return "-".join((ward_prefix(ward), *groups))


def normalise(code: str) -> str:
    """What a citizen typed, as stored: upper case, no surrounding or inner spaces."""
    return re.sub(r"\s+", "", code).upper()


def matches(typed: str, stored: str) -> bool:
    """Whether what a citizen typed is the stored code (compared in constant time)."""
    return secrets.compare_digest(normalise(typed).encode(), stored.encode())
