"""`:::` block markers, checked on the renderer's own parse: a marker the parser does not read as one publishes the passage it was meant to withhold.

Three things are reported (PAP222), the first two read from markdown-it's
tokens (the parse every renderer uses), never from the text by another route:

- a block the parser opened that no `:::` line of its own closes: cut short by
  the end of the text, or of its quote or list item;
- a line that looks like a marker (`::: Exempt`, `:: exempt`, a stray `:::`,
  behind `>` or `- ` too) but which the parser took as text, code, HTML or a
  comment rather than as a block;
- a line that would be such a marker but for an invisible character, a
  no-break or other Unicode space, or a look-alike colon or letter in it
  (`lookalikes.py`): it is reported, naming the character, whatever the
  parser made of it.

An author's comment that is never closed is reported too (PAP225): on a line of
its own it hides the rest of its quote, list item or text from every version of
the papers; inside a paragraph it is no comment, and is published as text. So is
raw HTML that would swallow what follows it (PAP226): a `<script>`, `<style>` or
other raw-text element that its own paragraph or HTML block never closes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from markdown_it.token import Token

from committee_papers.checks.lookalikes import describe, odd_characters, plain
from committee_papers.markdown import exempt
from committee_papers.markdown.comments import OPEN
from committee_papers.markdown.html import unclosed_raw_text
from committee_papers.markdown.parser import parser
from committee_papers.problems import Problems

BLOCKS = ("exempt", "resolved")
_LIST_MARKER = re.compile(r"[-*+]|\d{1,9}[.)]")
_COLONS = re.compile(r"(:+)[ \t]*(\S*)")
_LETTERS = re.compile(r"[^a-z]+")


def _near(word: str) -> bool:
    """Whether `word` is meant as `exempt` or `resolved`, however spelt (`Exempt:`, `exempted`, `exmept`)."""
    letters = _LETTERS.sub("", word.lower())
    return any(letters.startswith(name[:5]) or SequenceMatcher(None, letters, name).ratio() >= 0.75 for name in ("exempt", "resolved"))


_START_WITH_COLONS = "start the line with `:::` and no spaces before it, for example `::: exempt`"


@dataclass
class Finding:
    line: int  # within the text, from 0
    column: int
    message: str
    hint: str | None = None
    code: str = "PAP222"
    start: int | None = None  # the line, within the text, that the message names as START


START = "\ue000"  # stands in the message for the line `start`, numbered as in the file


def check_block_markers(
    path: Path,
    text: str,
    first_line: int,
    problems: Problems,
    allow_html: bool,
    tokens: list[Token] | None = None,
    where: Callable[[int, int], tuple[int, int]] | None = None,
) -> None:
    """Report every `:::` problem of one piece of Markdown whose first line is `first_line` of `path`.

    `tokens` is the piece parsed as it is rendered (parsed here if not given); `where`
    maps a line and column within the text to the file's, for text held in YAML.
    """
    if tokens is None:
        tokens = parser(allow_html).parse(text)
    for found in block_findings(text, tokens):
        line, column = where(found.line, found.column) if where else (first_line + found.line, found.column)
        message = found.message
        if found.start is not None:
            message = message.replace(START, str(where(found.start, 1)[0] if where else first_line + found.start))
        problems.add(found.code, path, line, column, message, found.hint)


def check_agenda_texts(archive, folder, problems: Problems) -> None:
    """The `text` of agenda items (Markdown, with a members' version) in meeting.yml."""
    from committee_papers.checks.locate import value

    allow_html = archive.allow_html
    for index, entry in enumerate(folder.meeting.agenda or [] if folder.meeting else []):
        text = getattr(entry, "text", None)
        if text:
            where = lambda line, column, index=index: value(folder.doc, "agenda", index, "text")  # noqa: E731
            check_block_markers(folder.path / "meeting.yml", text, 1, problems, allow_html, where=where)


def check_committee_terms(archive, problems: Problems, today=None) -> None:
    """Committees' terms of reference (Markdown) in committees/<id>.yml."""
    from committee_papers.checks.locate import value

    allow_html = archive.allow_html
    for cid, committee in archive.committees.items():
        if committee.terms_of_reference:
            where = lambda line, column, cid=cid: value(archive.committee_docs.get(cid), "terms_of_reference")  # noqa: E731
            check_block_markers(archive.papers / "committees" / f"{cid}.yml", committee.terms_of_reference, 1, problems, allow_html, where=where)


def block_findings(text: str, tokens: list[Token]) -> list[Finding]:
    tokens = [t for t in tokens if not t.meta.get("generated")]  # the council's boilerplate, spliced in
    lines = text.split("\n")
    findings = list(_unclosed(lines, tokens)) + list(_unclosed_comments(lines, tokens)) + list(_unclosed_raw_text(lines, tokens))
    consumed = {t.map[0] for t in tokens if t.type.startswith("container_") and t.map}
    disguised = {number: found for number, line in enumerate(lines) if number not in consumed and (found := _disguised(line)) is not None}
    for number, found in disguised.items():
        found.line = number
        findings.append(found)
    suspects = [number for number, line in enumerate(lines) if number not in consumed and number not in disguised and _marker(line)]
    holders = _holders(tokens, suspects)
    for number in suspects:
        found = _misread(lines[number], _marker(lines[number]), holders.get(number))
        if found is not None:
            found.line = number
            findings.append(found)
    return sorted(findings, key=lambda f: (f.line, f.column))


def _unclosed(lines: list[str], tokens: list[Token]) -> Iterator[Finding]:
    """Blocks with no `:::` line of their own to close them."""
    enclosing: list[Token] = []
    for token in tokens:
        if not token.type.startswith("container_"):
            continue
        if token.nesting == -1:
            enclosing.pop()
            continue
        parent = enclosing[-1] if enclosing else None
        enclosing.append(token)
        if token.meta.get("closed"):
            continue
        line = token.map[0]
        shown = lines[line].strip()
        if parent is not None:
            name = parent.type.split("_")[1]
            yield Finding(
                line,
                1,
                f"`{shown}` is inside the `{name}` block opened on line {parent.map[0] + 1} and is never closed, so neither is that block",
                "end the inner block with a line `:::` of its own before the line that ends the outer one",
            )
        elif token.type == exempt.OPEN:
            if token.level > (parent.level + 1 if parent else 0):
                yield Finding(
                    line,
                    1,
                    "the `exempt` block ends with the quote or list item it is in, before any `:::` line closes it",
                    "close the block inside the quote or list item, with the same `>` or indent as its other lines, and do not leave lines without them",
                )
            else:
                yield Finding(line, 1, "the `exempt` block is never closed", "end the block with a line `:::`")


def _unclosed_comments(lines: list[str], tokens: list[Token]) -> Iterator[Finding]:
    close = "close each comment with `-->`, or write the words without `<!--` if they are meant to be read"
    runs_on = "this comment holds another `<!--`, so an earlier comment was not closed: it runs on to the first `-->`, hiding everything between"
    for token in tokens:
        if token.type == "comment" and not token.meta.get("closed"):
            yield Finding(
                token.map[0],
                1,
                "this comment is never closed with `-->`, so it hides everything after it, to the end of its quote, list item or text",
                close,
                "PAP225",
            )
        elif token.type == "html_block" and _open_at_end(token.content):
            yield Finding(
                token.map[0],
                1,
                "a comment in this HTML is never closed with `-->`, so everything after it, to the end of the text, would be hidden",
                close,
                "PAP225",
            )
        elif token.type in ("comment", "html_block") and token.content.lstrip().startswith(OPEN) and OPEN in token.content.lstrip()[len(OPEN) :]:
            yield Finding(token.map[0], 1, runs_on, close, "PAP225")
        for child in token.children or []:
            if child.type == "comment_inline" and child.content in _EMPTY_COMMENTS:
                line = next((n for n in range(*token.map) if child.content in lines[n]), token.map[0]) if token.map else 0
                yield Finding(
                    line,
                    lines[line].find(child.content) + 1 if line < len(lines) else 1,
                    f"`{child.content}` is a comment that closes at once, so the words after it are published",
                    close,
                    "PAP225",
                )
                break
            opened = child.type == "text" and OPEN in child.content
            if opened or (child.type == "comment_inline" and OPEN in child.content[len(OPEN) :]):
                line = next((n for n in range(*token.map) if OPEN in lines[n]), token.map[0]) if token.map else 0
                message = "`<!--` starts a comment that is never closed with `-->` in this paragraph, so the note is published as text" if opened else runs_on
                yield Finding(line, lines[line].find(OPEN) + 1 if line < len(lines) else 1, message, close, "PAP225")
                break


def _unclosed_raw_text(lines: list[str], tokens: list[Token]) -> Iterator[Finding]:
    """`<script>`, `<style>`… that their paragraph or HTML block never closes (the renderer's own rule)."""
    for tag in unclosed_raw_text(tokens):
        holder = tag.inline or tag.token
        line = holder.map[0] if holder.map else 0
        if tag.inline is not None:
            for child in tag.inline.children:
                if child is tag.token:
                    break
                line += child.type in ("softbreak", "hardbreak") or child.content.count("\n")
        line += tag.token.content.count("\n", 0, tag.start)
        shown = f"<{tag.name}>"
        column = lines[line].lower().find(f"<{tag.name}") + 1 if line < len(lines) else 0
        yield Finding(
            line,
            max(column, 1),
            f"`{shown}` is not closed in its own paragraph, so it would take in everything after it, in the members' version too",
            f"close it with `</{tag.name}>` in the same paragraph, or remove it: scripts and styles are never published",
            "PAP226",
        )


_EMPTY_COMMENTS = ("<!-->", "<!--->")  # HTML ends these at once: a note written after them is shown


def _open_at_end(html: str) -> bool:
    """Raw HTML with a `<!--` that no `-->` follows: the sanitiser would hide everything after it."""
    last = html.rfind(OPEN)
    return last >= 0 and html.find("-->", last + 2) < 0


def _marker(line: str) -> re.Match | None:
    """The `:` part of a line that looks like a block marker, behind any `>` and list markers."""
    position = 0
    while True:
        start = position
        while start < len(line) and line[start] in " \t":
            start += 1
        if line.startswith(">", start):
            position = start + 1
            continue
        item = _LIST_MARKER.match(line, start)
        if item and (item.end() == len(line) or line[item.end()] in " \t"):
            position = item.end()
            continue
        if line.startswith("|", start):  # a table row's first cell
            start += 1
            while start < len(line) and line[start] in " \t":
                start += 1
        return _COLONS.match(line, start)


def _disguised(line: str) -> Finding | None:
    """A line that reads as a marker once its invisible, no-break or look-alike characters are made plain."""
    seen = plain(line)
    if seen == line:
        return None
    match = _marker(seen)
    if match is None or not (_near(match.group(2)) or (len(match.group(1)) >= 3 and not match.group(2))):
        return None
    odd = odd_characters(line)
    names = " and ".join(describe(char) for _, char in odd)
    shown = seen.strip()
    after = "the passage after it would be published" if match.group(2) else "the block it was meant to close goes on past it"
    return Finding(
        0,
        odd[0][0] + 1,
        f"this line reads as `{shown}` but holds {names}, so it is not read as a block marker and {after}",
        f"delete {names} and type the line again as `{shown}`",
    )


def _holders(tokens: list[Token], numbers: list[int]) -> dict[int, Token]:
    """For each line number, the innermost block token the parser read it into."""
    holders: dict[int, Token] = {}
    for token in tokens:
        if token.map is None or token.nesting == -1 or token.type.startswith("container_"):
            continue
        for index in range(bisect_left(numbers, token.map[0]), bisect_left(numbers, token.map[1])):
            holders[numbers[index]] = token
    return holders


def _misread(line: str, match: re.Match, holder: Token | None) -> Finding | None:
    colons, word = match.group(1), match.group(2)
    shown = line.strip()
    near = bool(word) and _near(word)
    kind = holder.type if holder is not None else "paragraph_open"
    start = holder.map[0] if holder is not None else None
    if kind == "code_block" and near:
        return Finding(0, 1, f"`{shown}` is indented by four spaces or more, so it is shown as code and is not a block marker", _START_WITH_COLONS)
    if kind == "fence" and near:
        return Finding(
            0,
            1,
            f"`{shown}` is inside the code block that starts on line {START}, so it is shown as code and the passage after it would be published",
            "close the code block above it with a line of as many backticks (or tildes) as opened it, and nothing after them",
            start=start,
        )
    if kind == "html_block" and near:
        return Finding(
            0,
            1,
            f"`{shown}` is taken into the HTML that starts on line {START}, so it is not a block marker and the passage after it would be published",
            "leave a blank line between the HTML and the `:::` line",
            start=start,
        )
    if kind == "comment" and near:
        return Finding(
            0,
            1,
            f"`{shown}` is inside the comment that starts on line {START}, so the passage is in no version of the papers",
            "close the comment with `-->` before the `:::` line",
            start=start,
        )
    if kind in ("code_block", "fence", "html_block", "comment"):
        return None
    if kind.startswith("table") or kind in ("thead_open", "tbody_open", "tr_open"):
        if near:
            return Finding(
                0,
                1,
                f"`{shown}` is in a table, so it is not a block marker and the words after it would be published",
                "put the passage outside the table, between a line `::: exempt` and a line `:::`, or make the whole report or appendix exempt",
            )
        return None
    if len(colons) < 3:
        return Finding(0, 1, f"`{shown}` is not a block marker, so the lines after it would be published as text", _START_WITH_COLONS) if near else None
    if not word:
        return Finding(
            0,
            1,
            f"`{shown}` closes no block",
            "remove the line, or open the block it was meant to close; a `:::` inside a quote or list item (behind `>` or indented like its lines) closes only a block opened there",
        )
    if word in BLOCKS:
        return Finding(
            0,
            1,
            f"`{shown}` is read as part of the text above it, so it is not a block marker and the passage after it would be published",
            "leave a blank line before the `:::` line",
        )
    guess = next((b for b in BLOCKS if word.lower().strip(":.,;") == b), None)
    hint = f"did you mean `::: {guess}`? Block names are written in lower case, with nothing after them but a resolution number" if guess else None
    return Finding(0, line.index(word, match.start(2)) + 1, f"`{shown}` is not a block this format knows", hint)
