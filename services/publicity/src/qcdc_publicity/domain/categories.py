"""The disclosure categories the platform posts by itself, by their number in Law 10/2022
Art. 11 (PUB-CAT).

A number here is a category's identity (its clause of Art. 11), as a name is; it says nothing
of which rule covers it. Which categories stay posted for a minimum period, go on the
loudspeaker or are permanent is the rule table's (PUB-MIN30, PUB-LOUD, PUB-PERM
``applies_to``), and so is how many categories there are (PUB-CAT's amount).
"""

from __future__ import annotations

from enum import IntEnum


class Category(IntEnum):
    # Art. 11(5): residents' contributions and the funds they finance.
    CONTRIBUTIONS = 5
    # Art. 11(11): consultation plans, their results and the ward's explanations.
    CONSULTATION = 11
    # Art. 11(14): other matters the law or the ward requires to be disclosed.
    OTHER = 14
