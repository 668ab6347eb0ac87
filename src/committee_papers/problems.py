"""Problems found in a council's papers, and the registry of their codes."""

from __future__ import annotations

import enum
import re
import stat
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from committee_papers import limits


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    title: str
    explanation: str
    hint: str
    configurable: bool = False  # a council may switch it off, change its severity, or suppress a finding


@cache
def registry() -> dict[str, Code]:
    """Every problem code, read from codes.yml: the one place they are documented."""
    text = resources.files("committee_papers").joinpath("codes.yml").read_text("utf-8")
    raw = yaml.load(text, Loader=yaml.CSafeLoader)
    return {
        code: Code(
            code=code,
            severity=Severity(entry["severity"]),
            title=entry["title"],
            explanation=entry["explanation"].strip(),
            hint=entry.get("hint", "").strip(),
            configurable=bool(entry.get("configurable", False)),
        )
        for code, entry in raw.items()
    }


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the papers, located in a file."""

    file: str
    line: int
    column: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = field(default=Severity.ERROR, compare=False)

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }

    def to_text(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.severity.value} {self.code}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class Problems:
    """Collects problems during a run; paths are shown relative to the council folder."""

    def __init__(self, root: Path):
        self.root = root
        self.items: list[Problem] = []

    def add(self, code: str, path: Path | str, line: int, column: int, message: str, hint: str | None = None) -> None:
        entry = registry()[code]  # an unknown code is a bug in this tool, not in the papers
        severity = entry.severity
        self.items.append(
            Problem(
                file=self.display_path(path),
                line=max(line, 1),
                column=max(column, 1),
                code=code,
                message=message,
                hint=entry.hint if hint is None else hint,
                severity=severity,
            )
        )

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(problems)

    def apply_settings(self, rules: dict[str, str]) -> None:
        """The council's `rules:` (off, warning, error) and in-place suppressions, for the codes that allow them."""
        codes = registry()
        kept = []
        lines = _SourceLines(self.root)
        for problem in self.items:
            entry = codes[problem.code]
            if entry.configurable:
                setting = rules.get(problem.code)
                if setting == "off" or lines.suppressed(problem):
                    continue
                if setting in ("warning", "error"):
                    problem = Problem(**{**problem.__dict__, "severity": Severity(setting)})
            kept.append(problem)
        self.items = kept

    def display_path(self, path: Path | str) -> str:
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):  # outside the root, or a symlink loop
            try:
                return path.relative_to(self.root).as_posix()
            except ValueError:
                return path.as_posix()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))


_DIRECTIVE = re.compile(r"papers:\s*ignore\s+((?:PAP\d+[\s,]*)+)")


class _SourceLines:
    """Reads `papers: ignore PAPnnn` comments on a problem's line or the line above it."""

    def __init__(self, root: Path):
        self.root = root
        self.cache: dict[str, list[str]] = {}

    def lines(self, file: str) -> list[str]:
        if file not in self.cache:
            path = self.root / file
            try:  # only files the check could read: never a pipe, which would wait for ever
                status = path.stat()
                readable = stat.S_ISREG(status.st_mode) and status.st_size <= limits.TEXT_FILE_BYTES
                self.cache[file] = path.read_text("utf-8", errors="replace").split("\n") if readable else []
            except (OSError, ValueError):
                self.cache[file] = []
        return self.cache[file]

    def suppressed(self, problem: Problem) -> bool:
        """A directive on the problem's line, or on the nearest non-blank line above it."""
        lines = self.lines(problem.file)
        candidates = [problem.line]
        above = problem.line - 1
        while 1 <= above <= len(lines) and not lines[above - 1].strip():
            above -= 1
        candidates.append(above)
        for number in candidates:
            if 1 <= number <= len(lines):
                match = _DIRECTIVE.search(lines[number - 1])
                if match and problem.code in re.findall(r"PAP\d+", match.group(1)):
                    return True
        return False


class BuildRefused(Exception):
    """A build that must not start, told as a located problem (a PAP6xx code)."""

    def __init__(self, problem: Problem):
        super().__init__(problem.to_text())
        self.problem = problem


def refuse(code: str, where: str, line: int = 1, column: int = 1, *, message: str, hint: str | None = None) -> BuildRefused:
    entry = registry()[code]
    return BuildRefused(Problem(where, line, column, code, message, entry.hint if hint is None else hint, entry.severity))
