"""Reading the minutes body: `## N. Title` minutes and `::: resolved NUMBER` blocks."""

from __future__ import annotations

import re
from pathlib import Path

from committee_papers.markdown.parser import parser
from committee_papers.model.minutes import Minute, Resolution
from committee_papers.problems import Problems

_MINUTE = re.compile(r"^(\d+)\.\s+(\S.*)$")


def read_minutes_body(body: str, body_line: int, path: Path, problems: Problems) -> list[Minute]:
    """Split the body into minutes; report headings and blocks that are not in the format."""
    tokens = parser().parse(body)
    lines = body.split("\n")
    minutes: list[Minute] = []
    starts: list[int] = []
    open_resolution: Resolution | None = None
    exempt_depth = 0
    for index, token in enumerate(tokens):
        if token.type == "container_exempt_open":
            exempt_depth += 1
        elif token.type == "container_exempt_close":
            exempt_depth -= 1
        line = (token.map[0] if token.map else 0) + body_line
        if token.type == "heading_open" and token.tag == "h2":
            text = tokens[index + 1].content.strip()
            if exempt_depth > 0:
                problems.add("PAP221", path, line, 1, f"the heading `## {text}` is inside a `::: exempt` block that is still open")
                continue
            match = _MINUTE.match(text)
            if not match:
                problems.add(
                    "PAP213",
                    path,
                    line,
                    1,
                    f"the minute heading `## {text}` does not start with its item number",
                    f"write it as `## N. {text}`, where N is the item's number on the agenda",
                )
                continue
            minutes.append(Minute(number=int(match.group(1)), title=match.group(2).strip(), line=line))
            starts.append(token.map[0] if token.map else 0)
        elif token.type == "container_resolved_open":
            info = token.info.strip().split()
            number = info[1] if len(info) > 1 else ""
            if not minutes:
                problems.add("PAP214", path, line, 1, "a `::: resolved` block comes before the first minute heading")
            if not number:
                problems.add(
                    "PAP214",
                    path,
                    line,
                    1,
                    "the `::: resolved` block has no resolution number",
                    "write the number after the word, for example `::: resolved 2026/014`",
                )
            open_resolution = Resolution(number=number, line=line, column=len("::: resolved ") + 1, exempt=exempt_depth > 0)
            if minutes and number:
                minutes[-1].resolutions.append(open_resolution)
            if token.map and not _closed(lines, token.map):
                problems.add(
                    "PAP214", path, line, 1, "the `::: resolved` block is never closed", "end the block with a line `:::`"
                )
        elif token.type == "container_resolved_close":
            open_resolution = None
        elif token.type == "inline" and open_resolution is not None:
            if exempt_depth == 0 or open_resolution.exempt:  # an exempt passage inside a public resolution stays out of it
                open_resolution.items.append(token.content)
    for index, minute in enumerate(minutes):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        minute.markdown = "\n".join(lines[starts[index] + 1 : end]).rstrip("\n")
    return minutes


def _closed(lines: list[str], span: list[int]) -> bool:
    last = lines[span[1]].strip() if span[1] < len(lines) else ""
    return last.startswith(":::") and last.strip(":").strip() == ""
