"""Names spelt the same everywhere: a name one or two letters away from a known person's is a warning."""

from __future__ import annotations

import re
from dataclasses import dataclass

from committee_papers.checks.locate import value
from committee_papers.model.archive import Archive, ReportFile
from committee_papers.problems import Problems

_CANDIDATE = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+([A-Z][a-z'’]+(?:-[A-Z][a-z]+)?)\b")


def distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


@dataclass(frozen=True)
class KnownNames:
    names: frozenset[str]
    by_first: dict
    by_last: dict

    @classmethod
    def of(cls, archive: Archive) -> KnownNames:
        names = {p.name.strip() for p in [*archive.people.councillors.values(), *archive.people.officers.values()]}
        by_first: dict[str, list[str]] = {}
        by_last: dict[str, list[str]] = {}
        for name in names:
            parts = name.split()
            if len(parts) >= 2:
                by_first.setdefault(parts[0], []).append(name)
                by_last.setdefault(parts[-1], []).append(name)
        return cls(frozenset(names), by_first, by_last)

    def likely(self, name: str) -> str | None:
        """The known person `name` is probably a misspelling of, or None."""
        if name in self.names:
            return None
        parts = name.split()
        if len(parts) < 2:
            return None
        pool = self.by_first.get(parts[0], []) + self.by_last.get(parts[-1], [])
        if len(pool) > 0:
            best = min(pool, key=lambda known: distance(name, known))
            if 1 <= distance(name, best) <= 2:
                return best
        return None

    def likely_anywhere(self, name: str) -> str | None:
        """As `likely`, comparing with every known name (for names written as a person's details)."""
        if name in self.names:
            return None
        close = [(distance(name, known), known) for known in self.names]
        close = [c for c in close if 1 <= c[0] <= 2]
        return min(close)[1] if close else None


_KNOWN: dict[int, tuple[object, KnownNames]] = {}


def _known(archive: Archive) -> KnownNames:
    """The known names, worked out once per archive (each worker checks many reports)."""
    cached = _KNOWN.get(id(archive.people))
    if cached is None or cached[0] is not archive.people:
        cached = (archive.people, KnownNames.of(archive))
        _KNOWN.clear()
        _KNOWN[id(archive.people)] = cached
    return cached[1]


def check_report_names(archive: Archive, report_file: ReportFile, problems: Problems) -> None:
    """In the report's text and in people written out in its front matter."""
    if report_file.report is None:
        return
    known = _known(archive)
    if not known.names:
        return
    for field in ("signed_by", "contact"):
        ref = getattr(report_file.report, field)
        if ref is not None and not isinstance(ref, str):
            guess = known.likely_anywhere(ref.name.strip())
            if guess:
                line, column = value(report_file.doc, field, "name")
                problems.add(
                    "PAP411",
                    report_file.path,
                    line,
                    column,
                    f"`{ref.name}` looks like a misspelling of {guess}",
                    f"if this is {guess}, spell the name as people.yml does (or use their id)",
                )
    reported = set()
    for offset, line_text in enumerate(report_file.body.split("\n")):
        for match in _CANDIDATE.finditer(line_text):
            name = f"{match.group(1)} {match.group(2)}"
            if name in reported:
                continue
            guess = known.likely(name)
            if guess:
                reported.add(name)
                problems.add(
                    "PAP411",
                    report_file.path,
                    report_file.body_line + offset,
                    match.start() + 1,
                    f"`{name}` looks like a misspelling of {guess}",
                    f"if this is {guess}, spell the name as people.yml does",
                )


def check_inline_people(archive: Archive, problems: Problems, today=None) -> None:
    """People written out in minutes (officers in attendance) and planned items."""
    known = KnownNames.of(archive)
    for folder in archive.meetings.values():
        minutes = folder.minutes
        if minutes and minutes.front:
            for index, ref in enumerate(minutes.front.officers):
                if not isinstance(ref, str):
                    guess = known.likely_anywhere(ref.name.strip())
                    if guess:
                        line, column = value(minutes.doc, "officers", index, "name")
                        problems.add(
                            "PAP411",
                            minutes.path,
                            line,
                            column,
                            f"`{ref.name}` looks like a misspelling of {guess}",
                            f"if this is {guess}, use their id from people.yml",
                        )
