"""Lettered and roman lists: lines marked `a)`, `b)` or `(i)`, `(ii)` become a real `<ol>`.

CommonMark only knows `1.` and `1)`. Councils letter their lists, so lines of
a paragraph from one starting with `a)`, `(a)`, `i)` or `(i)` (or capitals),
each marker following on from the last, are made an ordered list with
`type="a"` or `type="i"` and a class naming the brackets for the stylesheet.
A paragraph's first lines before the list stay a paragraph; lines without a
marker continue the item above them; separate paragraphs that carry on the
sequence join the list. A single marked line is left as it was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_MARKER = re.compile(r"^(\()?([a-z]{1,4}|[A-Z]{1,4})\)[ \t]+")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman(letters: str) -> int | None:
    values = [_ROMAN.get(c) for c in letters.lower()]
    if None in values:
        return None
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if _to_roman(total) == letters.lower() else None


def _to_roman(number: int) -> str:
    text = ""
    for value, letters in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            text += letters
            number -= value
    return text


@dataclass(frozen=True)
class Marker:
    kind: str  # lower-alpha, upper-alpha, lower-roman, upper-roman
    paren: bool
    value: int
    length: int  # characters of the marker and the space after it

    def follows(self, other: Marker) -> bool:
        return self.kind == other.kind and self.paren == other.paren and self.value == other.value + 1

    @property
    def css(self) -> str:
        return f"{self.kind}-{'paren' if self.paren else 'close'}"

    @property
    def type(self) -> str:
        return {"lower-alpha": "a", "upper-alpha": "A", "lower-roman": "i", "upper-roman": "I"}[self.kind]


def _marker(text: str, previous: Marker | None) -> Marker | None:
    """The marker at the start of `text`: the one after `previous` if it is that, or one that starts a list."""
    match = _MARKER.match(text)
    if not match:
        return None
    paren, letters = bool(match.group(1)), match.group(2)
    case = "lower" if letters.islower() else "upper"
    roman = _roman(letters)
    candidates = []
    if roman is not None:
        candidates.append(Marker(f"{case}-roman", paren, roman, match.end()))
    if len(letters) == 1:
        candidates.append(Marker(f"{case}-alpha", paren, ord(letters.lower()) - 96, match.end()))
    for marker in candidates:
        if previous is not None and marker.follows(previous):
            return marker
    starts = [m for m in candidates if m.value == 1]
    return starts[0] if starts else None


@dataclass
class _Item:
    marker: Marker
    lines: list[list[Token]] = field(default_factory=list)
    first_line: int = 0


def _lines(inline: Token) -> list[list[Token]]:
    lines: list[list[Token]] = [[]]
    for child in inline.children or []:
        if child.type in ("softbreak", "hardbreak"):
            lines.append([])
        else:
            lines[-1].append(child)
    return lines


def _split(inline: Token, previous: Marker | None) -> tuple[list[list[Token]], list[_Item]]:
    """A paragraph's lines before its list, and the list's items (none if it has no list)."""
    lines = _lines(inline)
    for start, line in enumerate(lines):
        first = line[0] if line else None
        marker = _marker(first.content, previous if start == 0 else None) if first is not None and first.type == "text" else None
        if marker is None:
            continue
        items: list[_Item] = []
        for offset, following in enumerate(lines[start:]):
            head = following[0] if following else None
            found = _marker(head.content, items[-1].marker if items else previous if start == 0 else None) if head is not None and head.type == "text" else None
            if found is not None and (not items or found.follows(items[-1].marker)):
                items.append(_Item(found, [following], start + offset))
            elif items:
                items[-1].lines.append(following)
        return lines[:start], items
    return lines, []


def _inline(lines: list[list[Token]], template: Token, cut: int = 0) -> Token:
    inline = Token("inline", "", 0)
    inline.level = template.level
    children: list[Token] = []
    for index, line in enumerate(lines):
        if index:
            children.append(Token("softbreak", "br", 0))
        children += line
    if cut and children and children[0].type == "text":
        text = Token("text", "", 0)
        text.content = children[0].content[cut:]
        children[0] = text
    inline.children = children
    inline.content = "\n".join("".join(c.content for c in line) for line in lines)[cut:]
    return inline


def _paragraph(inline: Token, level: int, line_map: list[int] | None, hidden: bool) -> list[Token]:
    opener, closer = Token("paragraph_open", "p", 1, block=True), Token("paragraph_close", "p", -1, block=True)
    opener.level = closer.level = level
    inline.level = level + 1
    inline.block = True
    opener.map, inline.map = line_map, line_map
    opener.hidden = closer.hidden = hidden
    return [opener, inline, closer]


def _inside(tokens: list[Token], original: Token) -> list[Token]:
    """New tokens belong where the paragraph they replace was: inside an exempt passage, if it was."""
    if original.meta.get("exempt"):
        for token in tokens:
            token.meta["exempt"] = original.meta["exempt"]
    return tokens


def _list_tokens(items: list[tuple[_Item, Token, int]], level: int, tight: bool) -> list[Token]:
    first = items[0][0].marker
    opener, closer = Token("ordered_list_open", "ol", 1, block=True), Token("ordered_list_close", "ol", -1, block=True)
    opener.level = closer.level = level
    opener.attrSet("type", first.type)
    opener.attrSet("class", first.css)
    opener.markup = closer.markup = ")"
    opener.map = [items[0][2], items[-1][2] + len(items[-1][0].lines)]
    tokens = [opener]
    for item, template, line in items:
        li_open, li_close = Token("list_item_open", "li", 1, block=True), Token("list_item_close", "li", -1, block=True)
        li_open.level = li_close.level = level + 1
        li_open.map = [line, line + len(item.lines)]
        li_open.info = str(item.marker.value)
        li_open.markup = li_close.markup = ")"
        inline = _inline(item.lines, template, item.marker.length)
        tokens += [li_open, *_paragraph(inline, level + 2, li_open.map, tight), li_close]
    return tokens + [closer]


def lettered_lists(state: StateCore) -> None:
    tokens = state.tokens
    result: list[Token] = []
    pending: list[tuple[_Item, Token, int]] = []  # the items of the list being gathered
    originals: list[Token] = []  # the paragraphs they came from, as written
    mark, level, tight = 0, 0, True

    def flush() -> None:
        nonlocal pending, originals
        if len(pending) > 1:
            result.extend(_inside(_list_tokens(pending, level, tight), originals[0]))
        elif pending:  # one marked line is not a list: its paragraph stays as written
            del result[mark:]
            result.extend(originals)
        pending, originals = [], []

    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type != "paragraph_open" or index + 2 >= len(tokens) or tokens[index + 1].type != "inline":
            flush()
            result.append(token)
            index += 1
            continue
        inline = tokens[index + 1]
        previous = pending[-1][0].marker if pending and token.level == level else None
        before, items = _split(inline, previous)
        start = token.map[0] if token.map else 0
        if not items:
            flush()
            result.extend(tokens[index : index + 3])
        elif previous is not None and not before and items[0].marker.follows(previous):
            tight = False  # the list goes on in a paragraph of its own: a loose list
            pending += [(item, inline, start + item.first_line) for item in items]
            originals += tokens[index : index + 3]
        else:
            flush()
            mark, level, tight = len(result), token.level, True
            if before:
                result.extend(_inside(_paragraph(_inline(before, inline), level, [start, start + len(before)], token.hidden), token))
            pending = [(item, inline, start + item.first_line) for item in items]
            originals = tokens[index : index + 3]
        index += 3
    flush()
    state.tokens[:] = result
