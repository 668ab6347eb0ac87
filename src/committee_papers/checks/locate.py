"""Small helpers for pointing at a place in a YAML document."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from committee_papers.yamlsource import YamlDoc


def key(doc: YamlDoc | None, *path) -> tuple[int, int]:
    return doc.key_at(path) if doc else (1, 1)


def value(doc: YamlDoc | None, *path) -> tuple[int, int]:
    return doc.value_at(path) if doc else (1, 1)


def did_you_mean(word: str, choices: Iterable[str], what: str) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if close:
        return f"did you mean `{close[0]}`?"
    return f"use one of the {what} ids"
