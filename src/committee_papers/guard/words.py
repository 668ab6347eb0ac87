"""Text as the guard compares it: Unicode-normalised, case-folded words, with markup and punctuation gone."""

from __future__ import annotations

import re
import unicodedata

SHORTEST = 3  # words in the shortest piece of exempt text looked for: shorter ones ("Agreed.") say nothing
SHINGLE = 12  # words in a shingle of a longer piece: part of a paragraph published is found too

_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """NFKC (full-width letters, ligatures), invisible characters dropped, case folded."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def mentions_exempt(text: str | None) -> bool:
    """Whether the text could hold an exempt passage at all: every marker has the word in it."""
    return bool(text) and "exempt" in normalise(text)


def pieces(text_words: list[str]) -> list[tuple[str, ...]]:
    """What a block of exempt text (a paragraph, a heading, a list item) is looked for by: the whole block, and
    each run of SHINGLE words in it. Set phrases ("report of the head of property", "the committee is asked to")
    are never a block or a shingle on their own, so they do not set the guard off."""
    if len(text_words) < SHORTEST:
        return []
    whole = tuple(text_words)
    return [whole, *(whole[i : i + SHINGLE] for i in range(len(whole) - SHINGLE + 1) if len(whole) > SHINGLE)]
