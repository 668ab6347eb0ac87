"""`:::` block markers: a misspelt `::: exempt` would publish the passage it was meant to withhold."""

from __future__ import annotations

import re
from pathlib import Path

from committee_papers.problems import Problems

BLOCKS = ("exempt", "resolved")
_MARKER = re.compile(r"^ {0,3}:{3,}\s*(\S*)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def check_block_markers(path: Path, text: str, first_line: int, problems: Problems) -> None:
    """Every `:::` line outside code fences opens a known block or closes one."""
    fence = None
    for number, line in enumerate(text.split("\n")):
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)
            if fence is None:
                fence = marker[0]
            elif marker[0] == fence:
                fence = None
            continue
        if fence is not None:
            continue
        match = _MARKER.match(line)
        if not match or not match.group(1) or match.group(1) in BLOCKS:
            continue
        word = match.group(1)
        near = next((b for b in BLOCKS if word.lower().strip(":.,;") == b), None)
        hint = f"did you mean `::: {near}`? Block names are written in lower case, with nothing after them but a resolution number" if near else None
        problems.add("PAP222", path, first_line + number, line.index(word) + 1, f"`{line.strip()}` is not a block this format knows", hint)
