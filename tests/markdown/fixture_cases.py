"""Readable fixture files for markdown rules, in markdown-it's style with one more part.

Each case is a description line, then three parts each closed by a line `.`: the
Markdown, and the HTML of two renderings of it (which two, the test file says).
`--regen` rewrites the two HTML parts from the current code, for review in the diff.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Case:
    title: str
    markdown: str
    first: str
    second: str


def read_cases(path: Path) -> list[Case]:
    lines = path.read_text("utf-8").split("\n")
    cases, index = [], 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        title = lines[index]
        assert lines[index + 1] == ".", f"{path.name}:{index + 2}: a description line is followed by a line `.`"
        index += 2
        parts = []
        for _ in range(3):
            start = index
            while lines[index] != ".":
                index += 1
            parts.append("".join(line + "\n" for line in lines[start:index]))
            index += 1
        cases.append(Case(title, *parts))
    return cases


def write_cases(path: Path, cases: list[Case]) -> None:
    text = "".join(f"{c.title}\n.\n{c.markdown}.\n{c.first}.\n{c.second}.\n\n" for c in cases)
    path.write_text(text, "utf-8")


def check_or_regen(path: Path, case: Case, render, regen: bool) -> None:
    """Compare one case's two renderings with the file; with `regen`, rewrite every case of the file instead."""
    if regen:
        fresh = [Case(c.title, c.markdown, *render(c.markdown)) for c in read_cases(path)]
        write_cases(path, fresh)
        return
    first, second = render(case.markdown)
    assert (first, second) == (case.first, case.second), case.title
