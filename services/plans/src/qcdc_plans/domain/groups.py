"""The ward's register of residential groups (tổ dân phố): the household counts every
residents' decision is measured against (DEC-PASS) and the online opt-ins DEC-FORM needs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from qcdc_shared.refusals import Refused


@dataclass(frozen=True)
class ResidentialGroup:
    code: str
    name: str
    households: int
    online_optin: int  # households that agreed to vote online (DEC-FORM)
    effective_on: dt.date  # the local date these figures took effect
    version: int = 1


@dataclass(frozen=True)
class Register:
    """What a decision freezes when it opens: one group, or the whole ward (every group)."""

    group: str | None
    households: int
    online_optin: int


def _check(households: int, online_optin: int) -> None:
    if households < 1:
        raise Refused(
            "Tổ dân phố phải có ít nhất 1 hộ gia đình.",
            "A residential group has at least 1 household.",
        )
    if not 0 <= online_optin <= households:
        raise Refused(
            f"Số hộ đồng ý biểu quyết trực tuyến ({online_optin}) phải từ 0 đến số hộ "
            f"của tổ ({households}).",
            f"Households opted in to online voting ({online_optin}) must lie between 0 and "
            f"the group's households ({households}).",
            rule="DEC-FORM",
        )


def register_group(
    *, code: str, name: str, households: int, online_optin: int, effective_on: dt.date
) -> ResidentialGroup:
    _check(households, online_optin)
    return ResidentialGroup(code, name, households, online_optin, effective_on)


def update_group(
    group: ResidentialGroup,
    *,
    effective_on: dt.date,
    name: str | None = None,
    households: int | None = None,
    online_optin: int | None = None,
) -> ResidentialGroup:
    changed = replace(
        group,
        name=group.name if name is None else name,
        households=group.households if households is None else households,
        online_optin=group.online_optin if online_optin is None else online_optin,
        effective_on=effective_on,
        version=group.version + 1,
    )
    if (changed.name, changed.households, changed.online_optin) == (
        group.name,
        group.households,
        group.online_optin,
    ):
        raise Refused("Không có thay đổi nào.", "Nothing changed.")
    if effective_on < group.effective_on:
        raise Refused(
            f"Ngày hiệu lực không được trước lần thay đổi trước ({group.effective_on}).",
            f"The effective date cannot precede the previous change ({group.effective_on}).",
        )
    _check(changed.households, changed.online_optin)
    return changed


def register_of(groups: list[ResidentialGroup], code: str | None) -> Register:
    """The register a decision counts over: one group, or the whole ward when ``code`` is None."""
    if code is None:
        if not groups:
            raise Refused(
                "Phường chưa đăng ký tổ dân phố nào; hãy đăng ký trước khi lấy biểu quyết.",
                "The ward has no registered residential group yet; register them first.",
                rule="DEC-PASS",
            )
        return Register(
            None, sum(g.households for g in groups), sum(g.online_optin for g in groups)
        )
    for group in groups:
        if group.code == code:
            return Register(code, group.households, group.online_optin)
    raise Refused(
        f"Tổ dân phố {code} chưa được đăng ký.",
        f"Residential group {code} is not registered.",
        rule="DEC-PASS",
    )
