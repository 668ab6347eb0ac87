"""The minimal council's held meeting with an exempt item, and its minutes with the exempt minute's heading written as a clerk might slip.

Item 5 is exempt. Its minute holds two exempt canary words; minute 3, the one above
the exclusion minute, holds a public one. `write_minutes` writes the exempt minute's
heading in one of the shapes in SLIPS (or correctly) and says on which line it is.
"""

from __future__ import annotations

from pathlib import Path

from conftest import MINIMAL

MEETING = "papers/meetings/2026-03-03-audit"
NEXT = "2026-04-14-audit"  # its agenda approves these minutes
TITLE = "Disposal of the Kelmscott Depot"
PUBLIC_WORD = "Plovermarsh"
EXEMPT_WORDS = ("Quillbarrow", "Zanderfield")
HEADING = f"## 5. {TITLE}"

# each slip: the lines written in place of the heading, and the column where the error points
SLIPS = {
    "level three": ([f"### 5. {TITLE}"], 1),
    "no space": ([f"##5. {TITLE}"], 1),
    "indented": ([f"    {HEADING}"], 5),
    "open fence": (["```", "", HEADING], 1),
    "no hashes": ([f"5. {TITLE}"], 1),
    "html block": (["<div>", HEADING], 1),  # with raw HTML allowed
}

AGENDA = f"""committee: audit
date: 2026-03-03
status: held
published: 2026-02-20
agenda:
  - apologies
  - declarations
  - item: Chair's Announcements
  - exclusion
  - item: {TITLE}
    exempt: {{paragraphs: [3], reason: It concerns the council's bid for land., public_interest: Disclosure would weaken the council's position.}}
"""

FRONT = """---
present: [mira-holt, owen-drake]
apologies: [ruth-kemp]
absent: [ruth-kemp]
substitutes: {ruth-kemp: sam-ives}
officers: [ben-cole]
closed_at: "18:40"
---
"""

BEFORE = f"""
## 1. Apologies for Absence

Apologies were received from Councillor Kemp.

## 2. Declarations of Interests

None were declared.

## 3. Chair's Announcements

The Chair welcomed members and thanked the {PUBLIC_WORD} volunteers.

::: resolved 2025/001
1. That the announcements be noted.
:::

## 4. Exclusion of the Public

The public were excluded for the next item.
"""

AFTER = f"""
The committee considered the exempt report. {EXEMPT_WORDS[0]} Holdings offered the best price, above the {EXEMPT_WORDS[1]} valuation.

::: resolved 2025/002
1. That the disposal be approved on the terms in the exempt report.
:::
"""


def write_minutes(council: Path, heading_lines: list[str] | None = None, allow_html: bool = False) -> int:
    """The meeting and its minutes, the exempt minute headed by `heading_lines` (by default, correctly); the line of its heading."""
    folder = council / MEETING
    (folder / "meeting.yml").write_text(AGENDA, "utf-8")
    lines = heading_lines or [HEADING]
    text = FRONT + BEFORE + "\n" + "\n".join(lines) + "\n" + AFTER
    (folder / "minutes.md").write_text(text, "utf-8")
    settings = (MINIMAL / "papers/council.yml").read_text("utf-8")
    (council / "papers/council.yml").write_text(settings + ("allow_raw_html: true\n" if allow_html else ""), "utf-8")
    return text.split("\n").index(lines[-1]) + 1
