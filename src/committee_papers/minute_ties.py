"""Whether the minutes tie every exempt agenda item to a minute under its own heading.

The minutes are split into minutes at their `## N. Title` headings, and a minute is
withheld from the public when the item it records is exempt. A heading that is not
read as one (`### 4.`, `##4.`, indented four spaces, inside a code block left open
above it) leaves its text in the minute above it, which may be public. So when an
exempt item has no minute of its own, or a line looks like an item's minute heading
but is not one, nobody can say where the exempt minute is: `papers check` reports it
(PAP240, PAP241), and the public minutes of that meeting are withheld whole.
"""

from __future__ import annotations

from committee_papers.model.archive import MinutesFile
from committee_papers.model.minutes import HeadingLike
from committee_papers.publication import carries_title, exempt_item_of


def heading_slips(minutes: MinutesFile, items: dict) -> list[tuple[HeadingLike, object]]:
    """Each line that looks like the heading of an agenda item's minute but is not read as one, with that item."""
    found = []
    for line in minutes.heading_like:
        item = _item_of(line, items)
        if item is not None:
            found.append((line, item))
    return found


def _item_of(line: HeadingLike, items: dict):
    """The item whose minute heading this line looks like: its own number's, or with `#`s an exempt item's by title."""
    own = items.get(line.number)
    if own is not None and (carries_title(line.title, own, sentence_ok=line.hashes) or (line.hashes and own.exempt is not None)):
        return own
    if not line.hashes:
        return None  # a numbered list ("4. That the exempt report on …") is not read as another item's heading
    exempt = [other for other in items.values() if other.exempt is not None and carries_title(line.title, other)]
    return min(exempt, key=lambda other: abs(other.number - line.number), default=None)


def untied_exempt_items(minutes: MinutesFile, items: dict) -> list:
    """The exempt items that no minute heading records."""
    tied = {item.number for minute in minutes.minutes if (item := exempt_item_of(minute, items)) is not None}
    return [item for item in items.values() if item.exempt is not None and item.number not in tied]


def public_minutes_withheld(minutes: MinutesFile, items: dict) -> bool:
    """Whether the public minutes of a meeting must be withheld whole: it has exempt items, and one of them is not
    tied to a minute under its own heading, or a line looks like an item's minute heading but is not read as one."""
    if not any(item.exempt is not None for item in items.values()):
        return False
    return bool(untied_exempt_items(minutes, items) or heading_slips(minutes, items))
