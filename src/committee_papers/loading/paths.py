"""Paths an author writes, resolved safely: inside their folder, never through a loop, never with backslashes."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from committee_papers.problems import Problems


def real_path(path: Path) -> Path:
    """`path.resolve()`, or the path as it is when a symlink loops (the check reports such files where it reads them)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def resolve_inside(folder: Path, relative: str) -> Path | None:
    """The file a relative path names, or None if it would leave `folder`."""
    posix = PurePosixPath(relative.replace("\\", "/"))
    if posix.is_absolute() or ".." in posix.parts or (posix.parts and ":" in posix.parts[0]):
        return None
    target = folder / Path(*posix.parts)
    try:
        target.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):  # outside the folder, or a symlink loop
        return None  # a symbolic link that leads outside
    return target


def backslashed(path: str, file: Path, line: int, column: int, problems: Problems) -> bool:
    """A path written the Windows way, which works in no web address: reported (PAP016)."""
    if "\\" not in path and "%5c" not in path.lower():  # (a Markdown link's address arrives %-encoded)
        return False
    problems.add("PAP016", file, line, column, f"the path `{path}` is written with backslashes", f"write it with forward slashes: {path.replace(chr(92), '/')}")
    return True
