"""The names of reports whose title is exempt (`title_exempt: true`), which nothing public may show.

Such a report is published as `exempt-item-N`, because its file stem usually
repeats its title. A file a public report links to is published at its path in
the meeting folder, so a file in the exempt report's folder, or named after it,
would put that stem in an address: such a file is not published (the link's
words stay) and `papers check` reports the link (PAP233).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+")


def title_exempt_ids(folder) -> list[str]:
    """The file stems of the meeting's reports whose title is exempt."""
    return [rid for rid, r in folder.reports.items() if r.report and r.report.exempt is not None and r.report.exempt.title_exempt]


def exempt_name_in(path: str, ids: list[str]) -> str | None:
    """The title-exempt report `path` names (its stem, or the words of it after the number), if any."""
    words = _WORD.findall(path.lower())
    for rid in ids:
        stem = _WORD.findall(rid.lower())
        numbered = next((i for i, w in enumerate(stem) if not w.isdigit()), len(stem))
        shapes = [stem] + ([stem[numbered:]] if len(stem) - numbered >= 2 else [])
        if any(_contains(words, shape) for shape in shapes if shape):
            return rid
    return None


def _contains(words: list[str], run: list[str]) -> bool:
    return any(words[i : i + len(run)] == run for i in range(len(words) - len(run) + 1))
