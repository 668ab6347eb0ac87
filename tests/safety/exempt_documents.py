"""A generator of Markdown documents with exempt passages, every word of which is a traceable canary.

The generator decides what is exempt by what it writes, never by asking the tool:
everything between an exempt opener and closer it wrote is the author's exempt
text, however it then spells, indents, quotes or breaks the markers (fences that
never close, lazy lines, misspelt markers, HTML or comments just before them,
invisible characters, no-break spaces or look-alike colons in them, or a `:::`
line inside a fence, raw HTML, a list item or a quote within the passage).
The property under test is that `papers check` reports an error, or else the
public versions hold none of that text and the members' version holds all of it.

Canary words name their kind: `zs12q` exempt text (members must see it), `zh12q`
withheld only (a footnote or link address defined in a passage: never public, and
shown to members only if something refers to it), `zn12q` an author's comment,
`zp12q` public text. `place(doc, "b")` makes them unique to one place in a council.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

WORDS = ["the", "council", "agreed", "rent", "lease", "terms", "bid", "price", "site", "report", "members", "noted"]
CANARY = re.compile(r"\bz([shnp])(\d+)q\b")
OPENERS = ["::: exempt"] * 4 + [":::exempt", ":::: exempt", "::: exempt  "] + ["::: Exempt", ":: exempt", "::: exempt:", "::: exempted", "    ::: exempt"]
CLOSERS = [":::"] * 6 + [":::: ", "", "::", "::: x"]
# Markers as they look on screen, with an invisible character, a no-break or other Unicode space, or look-alike colons.
DISGUISES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00a0", "\u202f", "\u2007", "\u3000"]
COLONS = ["\uff1a", "\ufe55", "\u2236", "\ua789", "\u02d0"]


class Chooser:
    """The choices a document is made of: from hypothesis (`data.draw`) or from a seeded random generator."""

    def __init__(self, rng: random.Random | None = None, draw=None):
        self.rng, self.draw = rng, draw

    def pick(self, options: list):
        if self.draw is not None:
            from hypothesis import strategies as st

            return self.draw(st.sampled_from(options))
        return self.rng.choice(options)

    def chance(self, p: float) -> bool:
        return self.pick([True] * round(p * 20) + [False] * (20 - round(p * 20)))

    def count(self, low: int, high: int) -> int:
        return self.pick(list(range(low, high + 1)))


@dataclass
class Document:
    text: str = ""
    has_fence: bool = False  # a code block can swallow a comment, which is then shown as code
    footnotes: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)

    def canaries(self, kind: str) -> list[str]:
        return sorted({m.group(0) for m in CANARY.finditer(self.text) if m.group(1) == kind})


class Writer:
    def __init__(self, choose: Chooser, allow_html: bool = False):
        self.choose, self.allow_html = choose, allow_html
        self.number = 0
        self.doc = Document()

    def canary(self, kind: str) -> str:
        self.number += 1
        return f"z{kind}{self.number}q"

    # -- inline ------------------------------------------------------------------
    def sentence(self, exempt: bool) -> str:
        choose = self.choose
        words = [choose.pick(WORDS) for _ in range(choose.count(1, 3))] + [self.canary("s" if exempt else "p")]
        if choose.chance(0.15):
            words.append(f"<!-- {self.canary('n')} -->")
        if choose.chance(0.1):
            words.append(f"^[{self.canary('s' if exempt else 'p')}]")
        if choose.chance(0.15) and self.doc.footnotes:
            words.append(f"[^{choose.pick(self.doc.footnotes)}]")
        if choose.chance(0.15) and self.doc.references:
            label = choose.pick(self.doc.references)
            words.append(choose.pick([f"[{label}]", f"[{choose.pick(WORDS)}][{label}]"]))
        if choose.chance(0.1):
            words.append(choose.pick(["*stressed*", "`code`", "<b>bold</b>", "<span>", "a <!-- note", "::: exempt"]))
        return " ".join(words) + "."

    def paragraph(self, exempt: bool, depth: int = 0) -> list[str]:
        return [self.sentence(exempt) for _ in range(self.choose.count(1, 2))]

    # -- blocks ------------------------------------------------------------------
    def blocks(self, exempt: bool, depth: int) -> list[str]:
        lines: list[str] = []
        for index in range(self.choose.count(1, 3)):
            if index:
                lines += [""] if self.choose.chance(0.8) else []
            lines += self.block(exempt, depth)
        return lines

    def block(self, exempt: bool, depth: int) -> list[str]:
        kinds = ["paragraph"] * 4 + ["footnote", "reference", "html", "comment", "fence", "table", "noise", "enclosed_closer"]
        if depth < 3:
            kinds += ["passage"] * (1 if exempt else 4) + ["list", "quote"]
        kind = self.choose.pick(kinds)
        return getattr(self, kind)(exempt, depth)

    def passage(self, exempt: bool, depth: int) -> list[str]:
        opener, closer = self.choose.pick(OPENERS), self.choose.pick(CLOSERS)
        if opener.startswith("::::") and closer == ":::":
            closer = "::::"
        if self.choose.chance(0.1):
            opener = self.disguised(opener)
        if closer and self.choose.chance(0.05):
            closer = self.disguised(closer)
        return [opener, *self.blocks(True, depth + 1), *([closer] if closer else [])]

    def disguised(self, marker: str) -> str:
        """The marker with an invisible or space character before, inside or after it, or one colon swapped for a look-alike."""
        colons = len(marker) - len(marker.lstrip(":"))
        if colons and self.choose.chance(0.3):
            at = self.choose.count(0, colons - 1)
            return marker[:at] + self.choose.pick(COLONS) + marker[at + 1 :]
        at = self.choose.pick(sorted({0, colons, len(marker)}))
        return marker[:at] + self.choose.pick(DISGUISES) + marker[at:]

    def list(self, exempt: bool, depth: int) -> list[str]:
        marker = self.choose.pick(["- ", "* ", "1. "])
        lines = []
        for _ in range(self.choose.count(1, 2)):
            inner = self.blocks(exempt, depth + 1)
            lines.append(marker + inner[0])
            for line in inner[1:]:
                lazy = self.choose.chance(0.1) and line.strip()
                lines.append(line if lazy or not line.strip() else " " * len(marker) + line)
        return lines

    def quote(self, exempt: bool, depth: int) -> list[str]:
        lines = []
        for line in self.blocks(exempt, depth + 1):
            lazy = self.choose.chance(0.1) and line.strip()
            lines.append(line if lazy else ("> " + line).rstrip())
        return lines

    def footnote(self, exempt: bool, depth: int) -> list[str]:
        label = f"f{self.number}"
        self.doc.footnotes.append(label)
        return [f"[^{label}]: {self.canary('h' if exempt else 'p')} {self.choose.pick(WORDS)}.", "", f"{self.sentence(exempt)} See [^{label}]."]

    def reference(self, exempt: bool, depth: int) -> list[str]:
        label = f"r{self.number}"
        self.doc.references.append(label)
        return [f"[{label}]: https://example.org/{self.canary('h' if exempt else 'p')}"]

    def html(self, exempt: bool, depth: int) -> list[str]:
        text = self.canary("s" if exempt else "p")
        return self.choose.pick([[f"<div>{text}</div>"], ["<div>"], ['<div class="note">', text, "</div>"], [f"<p>{text}</p>"]])

    def comment(self, exempt: bool, depth: int) -> list[str]:
        note = self.canary("n")
        return self.choose.pick([[f"<!-- {note} -->"], [f"<!-- {note} -->"], ["<!--", note, "-->"], [f"<!-- {note}"]])

    def fence(self, exempt: bool, depth: int) -> list[str]:
        self.doc.has_fence = True
        mark = self.choose.pick(["```", "~~~", "````"])
        closer = self.choose.pick([mark, mark, mark, mark + "text", "```", "~~~", ""])
        return [mark, self.canary("s" if exempt else "p"), *([closer] if closer else [])]

    def enclosed_closer(self, exempt: bool, depth: int) -> list[str]:
        """A `:::` line that a block inside the passage holds: a code fence, raw HTML (where it is allowed), a list item or a quote."""
        text, more = self.canary("s" if exempt else "p"), self.canary("s" if exempt else "p")
        shapes = [
            ["```", ":::", text, "```"],
            ["~~~", text, ":::", "~~~"],
            ["````", ":::", "```", text, "````"],
            [f"- {text}", "", "  :::", "", f"  {more}"],
            [f"> {text}", "> :::", f"> {more}"],
        ]
        if self.allow_html:
            shapes += [
                ["<div>", text, ":::", more, "</div>", ""],
                ["<pre>", text, "", ":::", "", more, "</pre>"],
                ['<div class="x">', ":::", text, "</div>", ""],
            ]
        shape = self.choose.pick(shapes)
        self.doc.has_fence = self.doc.has_fence or shape[0].startswith(("`", "~"))
        return shape

    def table(self, exempt: bool, depth: int) -> list[str]:
        return ["| Item | Value |", "| --- | --- |", f"| {self.choose.pick(WORDS)} | {self.canary('s' if exempt else 'p')} |"]

    def noise(self, exempt: bool, depth: int) -> list[str]:
        """Marker-like lines. Inside a passage, only ones no reader would take to close it."""
        near_misses = ["::: exempt", "::: resolved", "::: Exempt", ":: exempt", ":::exempt", "> ::: Exempt"]
        return [self.choose.pick(near_misses if exempt else [*near_misses, ":::", "  :::"])]


def document(choose: Chooser, allow_html: bool = False) -> Document:
    """A document for a council that does (or does not) allow raw HTML: a `:::` in a `<div>` is only HTML where HTML is allowed."""
    writer = Writer(choose, allow_html)
    lines = writer.blocks(False, 0)
    writer.doc.text = "\n".join(lines) + "\n"
    return writer.doc


def place(text: str, where: str) -> str:
    """The same document with every canary made unique to one place (`b` body, `a` appendix...)."""
    return CANARY.sub(lambda m: f"z{m.group(1)}{m.group(2)}{where}q", text)


def exempt_minute(choose: Chooser, number: int, title: str) -> Document:
    """The minute of exempt item `number`, every word exempt, its heading written as a clerk might slip (or right),
    after a line of the minute above that may swallow it (a code fence, HTML or a quote left open)."""
    writer = Writer(choose)
    right = f"## {number}. {title}"
    heading = choose.pick(
        [right] * 8
        + [f"### {number}. {title}", f"# {number}. {title}", f"##{number}. {title}", f"## {number}.{title}", f"## {number} {title}"]
        + [f"    {right}", f"  {right}", f"{number}. {title}", f"**{number}. {title}**", f"####### {number}. {title}", f"<h2>{number}. {title}</h2>"]
    )
    before = choose.pick([[], [], [], [], ["```"], ["~~~"], ["<div>"], ["> The chair noted the item."], ["- one point", ""], ["    code"]])
    lines = [*before, *([""] if choose.chance(0.8) else []), heading, "", *writer.blocks(True, 3)]
    writer.doc.text = "\n".join(lines) + "\n"
    return writer.doc
