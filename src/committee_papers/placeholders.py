"""The marker the commands leave where the author has words to write: `TBC`.

A scaffolded value is either `TBC` alone (a name or initials still to come)
or a text starting `TBC:` that says what to write. `papers check` finds
either, anywhere in a report that is not a draft (PAP430).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

MARKER = "TBC"
_IN_TEXT = re.compile(rf"(?<![A-Za-z0-9]){MARKER}:")


def is_placeholder(value: str) -> bool:
    return value.strip() == MARKER or bool(_IN_TEXT.search(value))


def in_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(line index from 0, column from 0, the line) of each line of Markdown holding a placeholder."""
    for index, line in enumerate(text.split("\n")):
        found = _IN_TEXT.search(line)
        if found or line.strip() == MARKER:
            yield index, found.start() if found else line.index(MARKER), line


def in_values(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, text) of each text value in YAML data that is or holds a placeholder."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from in_values(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from in_values(value, (*path, index))
    elif isinstance(data, str) and is_placeholder(data):
        yield path, data
