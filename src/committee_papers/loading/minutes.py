"""Reading the minutes body: `## N. Title` minutes and `::: resolved NUMBER` blocks."""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it.token import Token

from committee_papers.markdown.comments import without_comments
from committee_papers.markdown.parser import parser
from committee_papers.model.minutes import Minute, Resolution
from committee_papers.problems import Problems

_MINUTE = re.compile(r"^(\d+)\.\s+(\S.*)$")


def read_minutes_body(body: str, body_line: int, path: Path, problems: Problems, allow_html: bool = False) -> list[Minute]:
    """Split the body into minutes at its `## N. Title` headings; report headings and blocks not in the format.

    Each minute's resolutions are read from the minute's own text, parsed exactly as
    its page renders it, so what is exempt in a resolution is what the page withholds.
    """
    tokens = parser(allow_html).parse(body)
    lines = body.split("\n")
    minutes: list[Minute] = []
    starts: list[int] = []
    blocks: list[str] = []  # the `:::` blocks open at this point
    for index, token in enumerate(tokens):
        if token.type.startswith("container_"):
            name = token.type.split("_")[1]
            blocks = blocks + [name] if token.nesting == 1 else blocks[:-1]
        line = (token.map[0] if token.map else 0) + body_line
        if token.type == "container_resolved_open" and not minutes:
            problems.add("PAP214", path, line, 1, "a `::: resolved` block comes before the first minute heading")
        if token.type != "heading_open" or token.tag != "h2":
            continue
        text = without_comments(tokens[index + 1]).strip()
        if "exempt" in blocks:
            problems.add("PAP221", path, line, 1, f"the heading `## {text}` is inside a `::: exempt` block that is still open")
            continue
        if "resolved" in blocks:
            problems.add(
                "PAP214",
                path,
                line,
                1,
                f"the heading `## {text}` is inside a `::: resolved` block that is still open",
                "end the block with a line `:::` before the next minute's heading",
            )
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
    for index, minute in enumerate(minutes):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        minute.markdown = "\n".join(lines[starts[index] + 1 : end]).rstrip("\n")
        minute.resolutions = _resolutions(parser(allow_html).parse(minute.markdown), minute.line + 1, path, problems)
    return minutes


def _resolutions(tokens: list[Token], first_line: int, path: Path, problems: Problems) -> list[Resolution]:
    """The `::: resolved` blocks of one minute; a block inside an exempt passage is exempt with it."""
    found: list[Resolution] = []
    current: Resolution | None = None
    for token in tokens:
        exempt = bool(token.meta.get("exempt"))
        if token.type == "container_resolved_open":
            line = first_line + token.map[0]
            info = token.info.strip().split()
            number = info[1] if len(info) > 1 else ""
            if not number:
                problems.add(
                    "PAP214",
                    path,
                    line,
                    1,
                    "the `::: resolved` block has no resolution number",
                    "write the number after the word, for example `::: resolved 2026/014`",
                )
            if token.level == 0 and not token.meta["closed"]:
                problems.add("PAP214", path, line, 1, "the `::: resolved` block is never closed", "end the block with a line `:::`")
            current = Resolution(number=number, line=line, column=len("::: resolved ") + 1, exempt=exempt)
            if number:
                found.append(current)
        elif token.type == "container_resolved_close":
            current = None
        elif token.type == "inline" and current is not None and (not exempt or current.exempt):
            current.items.append(without_comments(token))  # an exempt passage inside a public resolution stays out of it
    return found
