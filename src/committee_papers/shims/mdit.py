"""mdit-py-plugins' footnote plugin keeps its footnotes in the parser's env; the exempt rule reads them here.

Written against mdit-py-plugins 0.4-0.7: `env["footnotes"]` holds `refs`
(":label" → footnote number) and `list` (number → {"label": ...} for a footnote
defined with a label, no "label" for an inline `^[...]` one).
"""

from __future__ import annotations

from committee_papers.shims.internals import InternalChanged

NAME = "mdit-py-plugins footnote env: env['footnotes']['refs'] and ['list']"


def footnotes(env: dict) -> dict | None:
    data = env.get("footnotes")
    if data is None:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("refs", {}), dict) or not isinstance(data.get("list", {}), dict):
        raise InternalChanged(NAME, f"env['footnotes'] is {type(data).__name__} with keys {sorted(data) if isinstance(data, dict) else '-'}")
    return data


def labelled_footnote(data: dict, label: str) -> int:
    """The number of the footnote defined as `[^label]:`, or -1."""
    return data.get("refs", {}).get(":" + label, -1)


def inline_footnote(data: dict, number: int) -> bool:
    """Whether footnote `number` was written inline (`^[...]`) rather than defined with a label."""
    entry = data.get("list", {}).get(number)
    return entry is not None and "label" not in entry
