"""Wide tables scroll inside a keyboard-focusable region, so the page itself reflows at 320 pixels."""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_CAPTION = re.compile(r"<caption[^>]*>(.*?)</caption>", re.S)
_TAGS = re.compile(r"<[^>]+>")


def wrap_tables(page_html: str) -> str:
    count = 0

    def wrap(match: re.Match) -> str:
        nonlocal count
        count += 1
        caption = _CAPTION.search(match.group(0))
        label = " ".join(_TAGS.sub("", caption.group(1)).split()) if caption else f"Table {count}"
        return f'<div class="table-wrap" role="region" tabindex="0" aria-label="{html.escape(html.unescape(label))}">{match.group(0)}</div>'

    return _TABLE.sub(wrap, page_html)
