"""The words of the sign-in with the city's account (OIDC), Vietnamese first (merged into
``texts.TEXTS``)."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, tuple[str, str]]] = {
    "oidc.button": ("Đăng nhập bằng tài khoản của thành phố", "Sign in with the city's account"),
    "oidc.intro": (
        "Người dân và cán bộ đăng nhập bằng tài khoản của thành phố. Sau khi đăng nhập, bạn "
        "được đưa về trang đang xem.",
        "Residents and staff sign in with the city's account. Afterwards you come back to the "
        "page you were on.",
    ),
    "oidc.or": ("Hoặc đăng nhập thử (bản phát triển):", "Or a trial sign-in (development):"),
    "oidc.unconfigured": (
        "Cổng này chưa được kết nối với tài khoản của thành phố.",
        "This portal is not connected to the city's accounts.",
    ),
    "oidc.expired": (
        "Lượt đăng nhập đã hết hạn hoặc không bắt đầu từ trình duyệt này. Hãy đăng nhập lại.",
        "The sign-in has expired or did not start in this browser. Sign in again.",
    ),
    "oidc.refused": (
        "Hệ thống tài khoản của thành phố không xác nhận lượt đăng nhập này. Hãy đăng nhập lại.",
        "The city's account service did not confirm this sign-in. Sign in again.",
    ),
    "oidc.down": (
        "Hệ thống tài khoản của thành phố đang không trả lời. Hãy thử lại sau ít phút.",
        "The city's account service is not answering. Try again in a few minutes.",
    ),
    "oidc.no_role": (
        "Tài khoản này chưa có vai trò nào trên cổng thông tin. Hãy liên hệ Ủy ban nhân dân "
        "phường.",
        "This account holds no role on the portal. Contact the ward's People's Committee.",
    ),
    "oidc.again": ("Đăng nhập lại", "Sign in again"),
    "oidc.done": ("Đã đăng nhập", "Signed in"),
    "oidc.continue": ("Tiếp tục", "Continue"),
}
