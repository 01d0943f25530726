"""contracts/CHANGELOG.md as HTML for ``/contracts/changelog``: the small part of Markdown the
file uses (headings, bullet lists with continued lines, paragraphs, `code`), every character
escaped first, so the file can never put markup or a script into the page."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_CODE = re.compile(r"`([^`]+)`")


def _inline(text: str) -> str:
    return _CODE.sub(r"<code>\1</code>", str(escape(text)))


def changelog_html(markdown: str) -> Markup:
    """The changelog's body; its first ``#`` heading is the page's title, so it is left out."""
    out: list[str] = []
    lines: list[str] = []  # the paragraph or list item being read
    kind = ""  # what ``lines`` is: "p", "li", or "" (nothing)
    in_list = False

    def flush(end_list: bool) -> None:
        nonlocal kind, in_list
        if lines:
            out.append(f"<{kind}>{_inline(' '.join(lines))}</{kind}>")
            lines.clear()
        kind = ""
        if end_list and in_list:
            out.append("</ul>")
            in_list = False

    for raw in markdown.splitlines():
        line = raw.strip()
        heading = re.match(r"^(#{1,4}) (.*)$", raw)
        if heading:
            flush(end_list=True)
            if len(heading[1]) > 1:
                out.append(f"<h{len(heading[1])}>{_inline(heading[2])}</h{len(heading[1])}>")
        elif raw.startswith("- "):
            flush(end_list=False)
            if not in_list:
                out.append("<ul>")
                in_list = True
            kind = "li"
            lines.append(line[2:])
        elif not line:
            flush(end_list=kind != "li")
        elif kind == "li" and raw.startswith("  "):
            lines.append(line)  # a list item's continued line
        else:
            if kind != "p":
                flush(end_list=True)
                kind = "p"
            lines.append(line)
    flush(end_list=True)
    return Markup("\n".join(out))
