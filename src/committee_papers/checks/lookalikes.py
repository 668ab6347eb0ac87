"""Lines as a person reads them: invisible characters gone, every space a space, look-alike colons and letters plain.

A `:::` marker with a zero-width space before it, a no-break space in it or
full-width colons looks like a marker on screen, but the parser reads it as
text. `papers check` compares each line with `plain(line)` to find them.
"""

from __future__ import annotations

import unicodedata

# Characters that draw nothing but are not format characters (category Cf, all removed).
_INVISIBLE = set("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0") | {chr(c) for c in range(0x180B, 0x1810)} | {chr(c) for c in range(0xFE00, 0xFE10)}
_SPACES = set("\u0085\u2028\u2029\x0b\x0c")
# Unicode's confusables for `:` that NFKC leaves alone, and the few it maps that look like it.
_COLONS = set("\u02d0\u02f8\u0589\u05c3\u0703\u0704\u0903\u0a83\u1361\u16ec\u1803\u1809\u205a\u2236\u2982\ua4fd\ua789\ufe13\ufe30\ufe55\uff1a")
# Cyrillic and Greek letters that look like the Latin ones in `exempt` and `resolved`.
_LETTERS = {
    "\u0435": "e",
    "\u0415": "e",
    "\u03b5": "e",
    "\u0445": "x",
    "\u0425": "x",
    "\u03c7": "x",
    "\u0440": "p",
    "\u0420": "p",
    "\u03c1": "p",
    "\u0442": "t",
    "\u0422": "t",
    "\u03c4": "t",
    "\u043c": "m",
    "\u041c": "m",
    "\u0455": "s",
    "\u043e": "o",
    "\u041e": "o",
    "\u03bf": "o",
    "\u04cf": "l",
    "\u0456": "l",
    "\u03bd": "v",
    "\u0501": "d",
    "\u0433": "r",
}


def _plain(char: str) -> str:
    if char in " \t" or char.isascii():
        return char
    if char in _INVISIBLE or unicodedata.category(char) == "Cf":
        return ""
    if char in _SPACES or unicodedata.category(char) == "Zs":
        return " "
    if char in _COLONS:
        return ":"
    if char in _LETTERS:
        return _LETTERS[char]
    return unicodedata.normalize("NFKC", char)


def plain(line: str) -> str:
    """The line as a reader takes it in: what an ASCII-only line is already."""
    if line.isascii():
        return line
    return "".join(_plain(char) for char in line)


def odd_characters(line: str) -> list[tuple[int, str]]:
    """Each character that `plain` changes, with its index in the line (the first of each kind)."""
    found: dict[str, int] = {}
    for index, char in enumerate(line):
        if not char.isascii() and char not in found and _plain(char) != char:
            found[char] = index
    return sorted((index, char) for char, index in found.items())


def describe(char: str) -> str:
    """`U+200B ZERO WIDTH SPACE`, and what kind of character it is."""
    name = f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"
    plain_char = _plain(char)
    if plain_char == "":
        return f"{name} (invisible)"
    if plain_char == " ":
        return f"{name} (not a plain space)"
    if plain_char == ":":
        return f"{name} (not a plain colon)"
    return f"{name} (looks like `{plain_char}`)"
