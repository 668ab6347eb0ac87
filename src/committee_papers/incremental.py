"""Incremental builds: a meeting whose inputs have not changed keeps its pages and PDFs.

Each meeting's pages and packs depend on its own folder, the meetings it links
to (the minutes it approves, the meeting that approves its minutes), what the
build date makes public, and the things every page shows (council, people,
committees, templates, the site's settings and menu, this tool's version): the
"global" digest. The cache records, per meeting, the digest its outputs were
built from, so a later build renders and lays out only what changed. The cache
lives in `.papers-cache/` beside `papers/`, never inside `site/` or `papers/`.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from committee_papers import __version__

CACHE_DIR = ".papers-cache"
FORMAT = 2


def digest(*parts) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        hasher.update(b"\0")
    return hasher.hexdigest()


def tree_digest(folder: Path) -> str:
    """Every file under `folder` (names and bytes), so any edit, addition or removal shows.

    Hidden files and folders count too: a report may name an appendix inside one.
    """
    hasher = hashlib.blake2b(digest_size=16)
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                hasher.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
                hasher.update(path.read_bytes())
    return hasher.hexdigest()


DEPENDENCIES = ("markdown-it-py", "mdit-py-plugins", "Jinja2", "mkdocs", "mkdocs-material", "weasyprint", "pypdf", "pdfkit", "nh3")


@cache
def code_digest() -> str:
    """This tool's own code, templates and assets, and the versions of the libraries that shape its output.

    A build made by other code (an upgrade, or a change to a built-in template)
    never keeps pages or PDFs made by the old one.
    """
    from importlib.metadata import PackageNotFoundError, version

    package = Path(__file__).resolve().parent
    hasher = hashlib.blake2b(digest_size=16)
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            hasher.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
            hasher.update(path.read_bytes())
    for name in DEPENDENCIES:
        try:
            hasher.update(f"{name}=={version(name)}".encode())
        except PackageNotFoundError:
            hasher.update(f"{name} missing".encode())
    return hasher.hexdigest()


@dataclass
class PageRecord:
    title: str
    description: str
    toc: list = field(default_factory=list)
    search: list = field(default_factory=list)


@dataclass
class MeetingRecord:
    digest: str
    pages: dict[str, PageRecord] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)  # site-relative files: pages, copied files, PDFs
    confidential: list[str] = field(default_factory=list)
    packs: bool = False  # whether the PDFs were built (a --no-packs build leaves them out)
    event: str = ""  # the meeting's calendar event, as iCalendar text
    stamps: list = field(default_factory=list)  # each output's, then each confidential file's, stamp when the cache was saved


def stamp(path: Path) -> list[int] | None:
    """Which file `path` is (inode, size, modification time): a file put there since, or restored, shows as another."""
    try:
        found = path.stat()
    except OSError:
        return None
    return [found.st_ino, found.st_size, found.st_mtime_ns]


def stamps_of(record: MeetingRecord, site_dir: Path, confidential_dir: Path) -> list:
    return [stamp(site_dir / out) for out in record.outputs] + [stamp(confidential_dir / out) for out in record.confidential]


class BuildCache:
    """One record per site folder: a cache describes the files of the site it was built into.

    Like the check cache (`loading/cache.py`) it sits in the council folder, where anyone
    who can commit to the papers can put a file, so it is sealed the same way: signed with
    this computer's key, for this council folder, this site folder and this build's global
    digest. A cache that fails any of that is ignored and the build is full. Each meeting's
    files must also still be the very files the cache saw (`stamp`), so a site folder
    restored or replaced since is not mistaken for the one the cache describes.
    """

    def __init__(self, root: Path, site_dir: Path):
        self.folder = root / CACHE_DIR
        self.path = self.folder / f"build-{digest(str(site_dir.resolve()))}.json"
        self.place = (str(root.resolve()), str(site_dir.resolve()))

    def _context(self, global_digest: str) -> str:
        return digest("build", FORMAT, __version__, global_digest, *self.place)

    def load(self, global_digest: str) -> dict[str, MeetingRecord]:
        from committee_papers.signing import CacheError, unseal

        try:
            lines = unseal(self.path.read_bytes(), self._context(global_digest))
            return {mid: _record(meeting_digest, json.loads(line)) for mid, (meeting_digest, line) in lines.items()}
        except (OSError, CacheError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return {}

    def save(self, global_digest: str, records: dict[str, MeetingRecord]) -> None:
        from committee_papers.signing import seal

        lines = {mid: (record.digest, json.dumps(_plain(record), separators=(",", ":")).encode()) for mid, record in records.items()}
        try:
            self.folder.mkdir(exist_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(seal(lines, self._context(global_digest)))
            os.replace(temporary, self.path)
        except OSError:
            pass  # a read-only checkout: the next build is full


def _record(meeting_digest: str, raw: dict) -> MeetingRecord:
    """A record as the cache holds it; anything else is a TypeError, AttributeError or KeyError."""
    pages = {str(uri): PageRecord(**page) for uri, page in raw.pop("pages").items()}
    record = MeetingRecord(digest=meeting_digest, pages=pages, **raw)
    if not all(isinstance(out, str) for out in record.outputs + record.confidential) or not isinstance(record.event, str):
        raise TypeError("not a meeting's record")
    return record


def _plain(record: MeetingRecord) -> dict:
    """A record as JSON data (dataclasses.asdict deep-copies everything, which is slow at this size)."""
    return {
        "pages": {uri: vars(page) for uri, page in record.pages.items()},
        "outputs": record.outputs,
        "confidential": record.confidential,
        "packs": record.packs,
        "event": record.event,
        "stamps": record.stamps,
    }


def link_or_copy(source: Path, target: Path) -> None:
    """Put a previous build's unchanged file into the new build without rewriting it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        import shutil

        shutil.copy2(source, target)
