"""`:::` block markers: a misspelt or badly nested `::: exempt` would publish the passage it was meant to withhold."""

from __future__ import annotations

import re
from pathlib import Path

from committee_papers.problems import Problems

BLOCKS = ("exempt", "resolved")
_MARKER = re.compile(r"^ {0,3}(:{3,})\s*(\S*)")
# Possessive quantifiers: a line of many spaces is read once, never backtracked over (that took minutes).
_NEAR_MISS = re.compile(r"^(?:\t|\s{4,}+|\s*+:{1,2}+(?!:))\s*+:*+\s*+(exempt|resolved)\b", re.IGNORECASE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
NESTING = "write the outer block with more colons than the inner one: `:::: exempt` around `::: resolved 2026/001`"


def check_block_markers(path: Path, text: str, first_line: int, problems: Problems, balance: bool = True) -> None:
    """Every `:::` line outside code fences opens a known block, nested with fewer colons, or closes one.

    With `balance`, a closing line with no block to close and an exempt block never
    closed are reported too (minutes leave that to their own rules, PAP214 and PAP221).
    """
    fence = None
    open_blocks: list[tuple[int, str, int]] = []  # (colons, name, line)
    for number, line in enumerate(text.split("\n")):
        where = first_line + number
        opening = _FENCE.match(line)
        if opening:
            if fence is None:
                fence = opening.group(1)[0]
            elif opening.group(1)[0] == fence:
                fence = None
            continue
        if fence is not None:
            continue
        match = _MARKER.match(line)
        if not match:
            if _NEAR_MISS.match(line):
                problems.add("PAP222", path, where, 1, f"`{line.strip()}` is not a block marker, so the lines after it would be published as text",
                             "start the line with `:::` and no spaces before it, for example `::: exempt`")
            continue
        colons, word = len(match.group(1)), match.group(2)
        if not word:
            if open_blocks and colons >= open_blocks[-1][0]:
                open_blocks.pop()
            elif balance:
                problems.add("PAP222", path, where, 1, f"`{line.strip()}` closes no block", "remove the line, or open the block it was meant to close")
            continue
        if word not in BLOCKS:
            near = next((b for b in BLOCKS if word.lower().strip(":.,;") == b), None)
            hint = f"did you mean `::: {near}`? Block names are written in lower case, with nothing after them but a resolution number" if near else None
            problems.add("PAP222", path, where, line.index(word) + 1, f"`{line.strip()}` is not a block this format knows", hint)
            continue
        if open_blocks and colons >= open_blocks[-1][0]:
            problems.add("PAP222", path, where, 1,
                         f"`{line.strip()}` is inside the `{open_blocks[-1][1]}` block opened on line {open_blocks[-1][2]} with as many colons, so the first `:::` line would close that block",
                         NESTING)
        open_blocks.append((colons, word, where))
    if balance:
        for colons, name, where in open_blocks:
            if name == "exempt":
                problems.add("PAP222", path, where, 1, "the `exempt` block is never closed", "end the block with a line `:::`")
