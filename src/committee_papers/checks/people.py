"""Councillors' photos and registers of interests: files and addresses the website publishes."""

from __future__ import annotations

from pathlib import Path

from committee_papers.addresses import web_address_problem
from committee_papers.checks.locate import value
from committee_papers.loading.paths import resolve_inside
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems

PHOTO_LIMIT = 5 * 1024 * 1024
_SIGNATURES = {
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".webp": (b"RIFF",),
}


def photo_problem(papers: Path, relative: str) -> tuple[Path | None, str | None]:
    """The photo's file, or why it cannot be published."""
    target = resolve_inside(papers, relative)
    if target is None:
        return None, f"the photo `{relative}` is outside the papers folder"
    suffix = target.suffix.lower()
    if suffix not in _SIGNATURES:
        return None, f"the photo `{relative}` is not a .jpg, .jpeg, .png or .webp file"
    try:
        if not target.is_file():
            return None, f"the photo `{relative}` does not exist" if not target.exists() else f"the photo `{relative}` is not a file"
        if target.stat().st_size > PHOTO_LIMIT:
            return None, f"the photo `{relative}` is larger than 5 MB"
        with open(target, "rb") as handle:
            head = handle.read(12)
    except OSError as error:
        return None, f"the photo `{relative}` cannot be read: {error.strerror}"
    if not head.startswith(_SIGNATURES[suffix]) or (suffix == ".webp" and head[8:12] != b"WEBP"):
        return None, f"the photo `{relative}` is not a {suffix[1:].upper()} image"
    return target, None


def check_councillors(archive: Archive, problems: Problems, today=None) -> None:
    file = archive.papers / "people.yml"
    for pid, councillor in archive.people.councillors.items():
        if councillor.photo is not None:
            _, problem = photo_problem(archive.papers, councillor.photo)
            if problem:
                line, column = value(archive.people_doc, "councillors", pid, "photo")
                problems.add("PAP250", file, line, column, problem)
        if councillor.interests is not None:
            problem = web_address_problem(councillor.interests)
            if problem:
                line, column = value(archive.people_doc, "councillors", pid, "interests")
                problems.add("PAP251", file, line, column, problem)
