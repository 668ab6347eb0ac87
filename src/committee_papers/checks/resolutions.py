"""Resolution numbers: one format, in sequence, without gaps or duplicates, as the council numbers them."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from committee_papers.model.archive import Archive
from committee_papers.model.council import ResolutionNumbering
from committee_papers.problems import Problems
from committee_papers.publication import municipal_year, year_label

_SHAPE = re.compile(r"\d+|[A-Za-z]+|[^\dA-Za-z]")


def _shape(number: str) -> str:
    return "".join("9" * len(t) if t.isdigit() else ("a" if t.isalpha() else t) for t in _SHAPE.findall(number))


def check_resolutions(archive: Archive, problems: Problems, today: dt.date) -> None:
    """Resolutions are numbered in one format, in sequence, without gaps or duplicates, per year.

    council.yml's `resolutions:` says whether the sequence is the council's or each
    committee's, and whether it starts again each municipal or calendar year. The
    archive may start part-way through a year: its first sequence is checked from the
    first number it holds; every later year starts at 1.
    """
    council = archive.council
    starts = council.municipal_year_starts if council else "05-01"
    settings = council.resolutions if council else ResolutionNumbering()
    groups: dict[tuple[str, int], list] = defaultdict(list)
    folders = sorted((f for f in archive.meetings.values() if f.meeting and f.minutes), key=lambda f: (f.meeting.date, f.id))
    for folder in folders:
        scope = folder.meeting.committee if settings.sequence == "committee" else ""
        year = municipal_year(folder.meeting.date, starts) if settings.year == "municipal" else folder.meeting.date.year
        for minute in folder.minutes.minutes:
            for resolution in minute.resolutions:
                groups[(scope, year)].append((folder, resolution))
    first_year: dict[str, int] = {}
    for scope, year in groups:
        first_year[scope] = min(year, first_year.get(scope, year))
    for (scope, year), found in groups.items():
        committee = archive.committees.get(scope)
        words = SequenceWords(
            year=year,
            label=year_label(year) if settings.year == "municipal" else str(year),
            whose=f" of the {committee.name if committee else scope}" if scope else "",
            across="within the committee" if scope else "across all committees",
            kind="municipal year" if settings.year == "municipal" else "year",
        )
        _check_sequence(found, words, year != first_year[scope], problems)


@dataclass(frozen=True)
class SequenceWords:
    year: int
    label: str  # 2026/27, or 2026
    whose: str  # "", or " of the Audit Committee"
    across: str
    kind: str  # municipal year, year


def _check_sequence(found: list, words: SequenceWords, starts_at_one: bool, problems: Problems) -> None:
    shapes = Counter(_shape(r.number) for _, r in found)
    usual = shapes.most_common(1)[0][0]
    seen: dict[str, tuple] = {}
    previous = None
    for folder, resolution in found:
        path = folder.minutes.path
        number = resolution.number
        where = (path, resolution.line, resolution.column)
        if _shape(number) != usual:
            example = next(r.number for _, r in found if _shape(r.number) == usual)
            problems.add(
                "PAP410", *where,
                f"resolution `{number}` is not written like the others{words.whose} in {words.label}, such as `{example}`",
                f"write every resolution number of the {words.kind} the same way",
            )
            continue
        if number in seen:
            other = seen[number]
            problems.add(
                "PAP410", *where,
                f"resolution {number} is used twice (also in {problems.display_path(other[0])} line {other[1]})",
                "give each resolution its own number",
            )
            continue
        seen[number] = (path, resolution.line)
        digits = re.findall(r"\d+", number)
        prefix_year = next((int(d) for d in digits[:-1] if len(d) == 4), None)
        if prefix_year is not None and prefix_year != words.year:
            problems.add(
                "PAP410", *where,
                f"resolution {number} was made in the {words.kind} {words.label}, but its number says {prefix_year}",
                f"number it in the {words.year} sequence",
            )
        sequence = int(digits[-1]) if digits else None
        if sequence is not None and previous is not None and sequence != previous + 1:
            expected = _with_sequence(number, previous + 1)
            missing = f"{expected} is missing" if sequence > previous + 1 else f"it should be {expected}"
            problems.add(
                "PAP410", *where,
                f"resolution {number} does not follow on from {_with_sequence(number, previous)}: {missing}",
                f"number resolutions in sequence {words.across} within the {words.kind}",
            )
        if sequence is not None and previous is None and sequence != 1 and starts_at_one:
            problems.add(
                "PAP410", *where,
                f"the first resolution{words.whose} of {words.label} is numbered {number}, not {_with_sequence(number, 1)}",
                f"start each {words.kind}'s sequence at 1 (only the first year the papers hold may start part-way)",
            )
        previous = sequence if sequence is not None else previous


def _with_sequence(number: str, sequence: int) -> str:
    match = list(re.finditer(r"\d+", number))[-1]
    return number[: match.start()] + str(sequence).zfill(len(match.group())) + number[match.end() :]
