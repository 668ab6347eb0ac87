"""Carrying out a plan: new files created, never replaced; existing files changed only as planned."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


class ScaffoldError(Exception):
    """A request that cannot be carried out; the message is written for the clerk."""


@dataclass(frozen=True)
class NewFile:
    path: Path
    text: str = ""
    data: bytes | None = None  # a copied file's bytes, written instead of `text`


@dataclass(frozen=True)
class Edit:
    """A change to an existing file: `after` replaces `before`, provided the file still holds `before`."""

    path: Path
    before: str
    after: str
    summary: str = ""  # what was added, for the clerk: "Added nadia-pryce to papers/people.yml"


@dataclass
class Plan:
    """Everything one command writes: folders, new files and edits, checked before anything is written."""

    folders: list[Path] = field(default_factory=list)
    files: list[NewFile] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def write_new(file: NewFile) -> None:
    """Create the file; refuse if anything is already there."""
    try:
        file.path.parent.mkdir(parents=True, exist_ok=True)
        if file.data is not None:
            with open(file.path, "xb") as handle:
                handle.write(file.data)
            return
        with open(file.path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(file.text)
    except FileExistsError:
        raise ScaffoldError(f"{file.path} already exists; it was left as it was") from None
    except OSError as exc:
        raise ScaffoldError(f"{file.path} could not be written: {exc.strerror or exc}") from None


def read_text(path: Path) -> str:
    """An existing file's text, exactly (byte order mark and line endings kept)."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise ScaffoldError(f"{path} is not saved as UTF-8; run `papers check` to see why, and save it again") from None
    except OSError as exc:
        raise ScaffoldError(f"{path} cannot be read: {exc.strerror or exc}") from None


def apply_edit(edit: Edit) -> None:
    """Replace the file's text, provided no one has changed it since it was read."""
    if edit.path.read_bytes().decode("utf-8", "replace") != edit.before:
        raise ScaffoldError(f"{edit.path} changed while the command ran, so it was left as it was")
    handle, temporary = tempfile.mkstemp(dir=edit.path.parent, prefix=".papers-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(edit.after.encode("utf-8"))
        os.chmod(temporary, edit.path.stat().st_mode & 0o7777)
        os.replace(temporary, edit.path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def carry_out(plan: Plan) -> None:
    """Write the plan, all or nothing: if any part fails, what this run wrote is taken back."""
    for file in plan.files:
        if file.path.exists() or file.path.is_symlink():
            raise ScaffoldError(f"{file.path} already exists; nothing was written")
    for edit in plan.edits:
        if read_text(edit.path) != edit.before:
            raise ScaffoldError(f"{edit.path} changed while the command ran; nothing was written")
    made_folders: list[Path] = []
    made_files: list[Path] = []
    done: list[Edit] = []
    try:
        for folder in plan.folders:
            for missing in reversed([folder, *folder.parents]):
                if not missing.exists():
                    missing.mkdir()
                    made_folders.append(missing)
        for file in plan.files:
            for missing in reversed(file.path.parents):
                if not missing.exists():
                    missing.mkdir()
                    made_folders.append(missing)
            write_new(file)
            made_files.append(file.path)
        for edit in plan.edits:
            apply_edit(edit)
            done.append(edit)
    except BaseException as exc:
        _take_back(made_folders, made_files, done)
        if isinstance(exc, OSError):
            raise ScaffoldError(f"{getattr(exc, 'filename', '') or 'a file'} could not be written: {exc.strerror or exc}; nothing was written") from None
        raise


def _take_back(folders: list[Path], files: list[Path], edits: list[Edit]) -> None:
    for edit in reversed(edits):
        try:
            apply_edit(Edit(edit.path, edit.after, edit.before))
        except (OSError, ScaffoldError):
            pass
    for path in reversed(files):
        path.unlink(missing_ok=True)
    for folder in reversed(folders):
        try:
            folder.rmdir()
        except OSError:
            pass
