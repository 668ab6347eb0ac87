"""Reading the minutes body: `## N. Title` minutes, `::: resolved NUMBER` blocks, and lines that only look like minute headings."""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from markdown_it.token import Token

from committee_papers.markdown.comments import without_comments
from committee_papers.markdown.parser import parser
from committee_papers.model.minutes import HeadingLike, Minute, Resolution
from committee_papers.problems import Problems

_MINUTE = re.compile(r"^(\d+)\.\s+(\S.*)$")
_OPEN_TAG, _CLOSE_TAG = re.compile(r"<[a-zA-Z][^<>]{0,80}>"), re.compile(r"</[a-zA-Z0-9]{1,10}>")
_LEAD, _INNER, _HASHES, _SPACE = (re.compile(f"[{chars}]*") for chars in (r" \t>*_+-", r" \t>*_", "#", r" \t"))
_TAGS = 20  # more HTML tags around a line than anyone puts around a heading
_NUMBERED = re.compile(r"(\d{1,4})[ \t]*([.):]?)(.*)")
_LETTER = re.compile(r"[^\W\d_]")


def looks_like_heading(raw: str) -> tuple[str, int, str] | None:
    """(its `#`s, number, title) if a person would read the line as a minute heading once its indent, quote marks,
    bullets, emphasis, HTML tags and `#`s (any number, with or without a space) are set aside; else None.

    Without `#`s the number needs a full stop or bracket after it. Read step by step, with
    patterns that cannot backtrack and at most `_TAGS` tags, so that no line takes long.
    """
    at = _LEAD.match(raw).end()
    for _ in range(_TAGS):
        if not (tag := _OPEN_TAG.match(raw, at)):
            break
        at = _INNER.match(raw, tag.end()).end()
    after = _HASHES.match(raw, at).end()
    hashes = raw[at:after]
    match = _NUMBERED.match(raw, _SPACE.match(raw, after).end())
    if match is None or not (hashes or match[2]):
        return None
    title = match[3]
    for _ in range(_TAGS):
        title = title.rstrip(" \t#*_")
        start = title.rfind("</")
        if start < 0 or not _CLOSE_TAG.fullmatch(title, start):
            break
        title = title[:start]
    title = title.strip()
    return (hashes, int(match[1]), title) if _LETTER.search(title) else None


def read_minutes_body(body: str, body_line: int, path: Path, problems: Problems, allow_html: bool = False) -> tuple[list[Minute], list[HeadingLike]]:
    """Split the body into minutes at its `## N. Title` headings; report headings and blocks not in the format.

    Each minute's resolutions are read from the minute's own text, parsed exactly as
    its page renders it, so what is exempt in a resolution is what the page withholds.
    Also returned: every other line that looks like a minute heading (checks/minutes.py
    and the public minutes decide from them whether each item's minute was found).
    """
    tokens = parser(allow_html).parse(body)
    lines = body.split("\n")
    minutes: list[Minute] = []
    starts: list[int] = []
    blocks: list[str] = []  # the `:::` blocks open at this point
    rejected: list[int] = []  # `##` headings reported here and not read as minutes
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
            rejected.append(token.map[0])
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
            rejected.append(token.map[0])
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
            rejected.append(token.map[0])
            continue
        minutes.append(Minute(number=int(match.group(1)), title=match.group(2).strip(), line=line))
        starts.append(token.map[0] if token.map else 0)
    for index, minute in enumerate(minutes):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        minute.markdown = "\n".join(lines[starts[index] + 1 : end]).rstrip("\n")
        minute.resolutions = _resolutions(parser(allow_html).parse(minute.markdown), minute.line + 1, path, problems)
    return minutes, _heading_like(lines, tokens, body_line, minutes, starts, rejected)


def _heading_like(lines: list[str], tokens: list[Token], body_line: int, minutes: list[Minute], starts: list[int], rejected: list[int]) -> list[HeadingLike]:
    """Every line, other than the minutes' own headings, that a person would read as a minute heading, and why it is not one."""
    outer: list[Token | None] = [None] * len(lines)  # the outermost block holding each line
    for token in tokens:
        if token.map and token.level == 0 and token.nesting >= 0:
            for index in range(token.map[0], min(token.map[1], len(lines))):
                outer[index] = outer[index] or token
    found = []
    headings, reported = set(starts), set(rejected)
    for index, raw in enumerate(lines):
        if index in headings or (seen := looks_like_heading(raw)) is None:
            continue
        hashes, number, title = seen
        above = bisect.bisect_left(starts, index)  # starts are in order: the minutes before this line
        within = minutes[above - 1].number if above else None
        found.append(
            HeadingLike(
                line=body_line + index,
                column=len(raw) - len(raw.lstrip()) + 1,
                number=number,
                title=title,
                text=raw.strip(),
                hashes=bool(hashes),
                why=_why(raw, hashes, index, outer[index], body_line),
                within=within,
                reported=index in reported,
            )
        )
    return found


def _why(raw: str, hashes: str, index: int, outer: Token | None, body_line: int) -> str:
    """Why the parser does not read this line as a `##` heading, from the outermost block that holds it."""
    kind = outer.type if outer else ""
    start = body_line + outer.map[0] if outer else 0
    if kind == "fence":
        return f"it is inside the code block that opens on line {start} and is not closed before it"
    if kind == "code_block":
        return "it is indented by four spaces or more, so it is shown as code"
    if kind in ("html_block", "comment"):
        return f"it is inside the {'HTML block' if kind == 'html_block' else 'comment'} that starts on line {start}"
    if kind.startswith("container_"):
        return f"it is inside the `::: {kind.split('_')[1]}` block that starts on line {start}"
    if kind == "blockquote_open":
        return f"it is inside the quote (`>`) that starts on line {start}"
    if kind in ("bullet_list_open", "ordered_list_open") and (outer.map[0] != index or hashes):
        return f"it is inside the list that starts on line {start}"
    if kind == "heading_open" and outer.tag != "h2":
        level = int(outer.tag[1])
        return f"it is a level-{level} heading (`{'#' * level}`), and a minute heading is level 2 (`##`)"
    if len(raw) - len(raw.lstrip(" ")) >= 4:
        return "it is indented by four spaces or more, so it is read as part of the text above it"
    if len(hashes) > 6:
        return f"it starts with {len(hashes)} `#`s, so it is read as text"
    if hashes:
        return f"there is no space after `{hashes}`, so it is read as text"
    return "it has no `## ` before its number, so it is read as text"


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
