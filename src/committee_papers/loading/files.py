"""Reading an author's files safely: size limits, encodings, front matter."""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path

from committee_papers import limits
from committee_papers.problems import Problems

MAX_TEXT_BYTES = limits.TEXT_FILE_BYTES
MAX_PDF_BYTES = limits.PDF_FILE_BYTES
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def is_regular_file(path: Path) -> bool:
    """A file whose bytes can be read to the end: not a folder, pipe, device or broken link."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def read_text(path: Path, problems: Problems, limit: int = MAX_TEXT_BYTES) -> str | None:
    """The file's text, or None after reporting why it cannot be read."""
    if path.is_dir():
        problems.add("PAP003", path, 1, 1, f"`{path.name}` is a folder, but a file is expected here")
        return None
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a pipe or device would never finish reading
            problems.add("PAP003", path, 1, 1, f"`{path.name}` is not an ordinary file", "replace it with the file itself")
            return None
        size = status.st_size
        if size > limit:
            problems.add(
                "PAP002",
                path,
                1,
                1,
                f"the file is {size / 1024 / 1024:.1f} MB; papers files may be at most {limit // 1024 // 1024} MB",
            )
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.add("PAP001", path, 1, 1, f"the file cannot be opened: {exc.strerror or exc}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.add(
            "PAP001",
            path,
            line,
            column,
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be read)",
        )
        return None
    control = _CONTROL.search(text)
    if control:
        offset = control.start()
        line = text.count("\n", 0, offset) + 1
        problems.add(
            "PAP001",
            path,
            line,
            offset - text.rfind("\n", 0, offset),
            f"the file contains an invisible control character (U+{ord(control.group()):04X}), so it is not plain text",
            "delete the character: retype the text around it, or paste it as plain text",
        )
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return None if too_long_lines(text, path, problems) else text


def too_long_lines(text: str, path: Path, problems: Problems) -> bool:
    """Lines longer than the limit, told at the first (PAP012); such a file is not read further."""
    if len(text) <= limits.LINE_CHARACTERS:
        return False
    long = [(number, len(line)) for number, line in enumerate(text.split("\n"), 1) if len(line) > limits.LINE_CHARACTERS]
    if not long:
        return False
    (line, length), more = long[0], len(long) - 1
    problems.add(
        "PAP012",
        path,
        line,
        limits.LINE_CHARACTERS + 1,
        f"line {line} is {length:,} characters long; a line may have at most {limits.LINE_CHARACTERS:,}"
        + (f" ({more:,} more lines are too long)" if more else ""),
    )
    return True


@dataclass
class FrontMatter:
    yaml: str
    body: str
    body_line: int  # 1-based line of the body's first line in the file


def split_front_matter(text: str, path: Path, problems: Problems) -> FrontMatter | None:
    """Split `---` YAML front matter from the Markdown body."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        problems.add("PAP007", path, 1, 1, "the file does not start with front matter (a line `---`, the YAML, and `---` again)")
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return FrontMatter(
                yaml="\n".join(lines[1:index]),
                body="\n".join(lines[index + 1 :]),
                body_line=index + 2,
            )
    problems.add("PAP007", path, 1, 1, "the front matter opened on line 1 is never closed with a line `---`")
    return None


def inside(path: Path, folder: Path, problems: Problems) -> bool:
    """Whether `path` (a symbolic link, perhaps) really is inside `folder`; if not, the problem is reported."""
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a link that loops
        problems.add("PAP011", path, 1, 1, f"`{path.name}` is a link to somewhere outside the papers folder, so it is not read")
        return False


def check_name(path: Path, problems: Problems) -> bool:
    """File and folder names must be plain so that URLs and packs stay stable and safe."""
    if _SAFE_NAME.match(path.name):
        return True
    problems.add(
        "PAP006",
        path,
        1,
        1,
        f"the name `{path.name}` has characters that cannot be used in a web address",
        "use lower-case letters, digits and hyphens, for example 04-budget-update.md",
    )
    return False
