"""Reading a council's papers folder into an Archive."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from committee_papers.loading.cache import FolderCache
from committee_papers.loading.files import check_name, inside, read_text, split_front_matter
from committee_papers.loading.minutes import read_minutes_body
from committee_papers.loading.schema_errors import validate
from committee_papers.model.archive import Archive, MeetingFolder, MinutesFile, ReportFile
from committee_papers.model.committee import Committee
from committee_papers.model.council import Council
from committee_papers.model.meeting import Meeting
from committee_papers.model.minutes import MinutesFront
from committee_papers.model.people import People
from committee_papers.model.report import Report
from committee_papers.problems import Problem, Problems
from committee_papers.yamlsource import YamlDoc, YamlProblem, parse_yaml

MEETING_ID = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9][a-z0-9-]*?)(?:-(\d+))?$")
PARALLEL_FROM = 80  # meeting folders; below this a process pool costs more than it saves


class Hooks(NamedTuple):
    report: Callable | None = None
    folder: Callable | None = None


def find_papers(root: Path) -> Path:
    """The papers folder: DIR/papers, or DIR itself when it holds council.yml."""
    if (root / "papers").is_dir() or not (root / "council.yml").exists():
        return root / "papers"
    return root


def parse_file_yaml(text: str, path: Path, problems: Problems, line_offset: int = 0) -> YamlDoc | None:
    try:
        doc = parse_yaml(text, line_offset)
    except YamlProblem as exc:
        problems.add(exc.code, path, exc.line, exc.column, exc.message, exc.hint)
        return None
    if doc.data is None:
        what = "front matter" if line_offset else "file"
        problems.add("PAP009", path, doc.start[0], 1, f"the {what} is empty")
        return None
    return doc


def read_yaml_file(path: Path, model: type[BaseModel], what: str, problems: Problems) -> tuple[Any, YamlDoc | None]:
    text = read_text(path, problems)
    if text is None:
        return None, None
    doc = parse_file_yaml(text, path, problems)
    if doc is None:
        return None, None
    return validate(model, doc, path, problems, what), doc


def read_report(path: Path, problems: Problems) -> ReportFile:
    """A report: front matter validated against the model, the Markdown body kept as text."""
    report = ReportFile(id=path.stem, path=path, report=None, doc=None)
    text = read_text(path, problems)
    if text is None:
        return report
    front = split_front_matter(text, path, problems)
    if front is None:
        return report
    report.body, report.body_line = front.body, front.body_line
    report.doc = parse_file_yaml(front.yaml, path, problems, line_offset=1)
    if report.doc is not None:
        report.report = validate(Report, report.doc, path, problems, "the report")
    return report


def read_minutes(path: Path, problems: Problems, allow_html: bool = False) -> MinutesFile:
    minutes = MinutesFile(path=path, front=None, doc=None)
    text = read_text(path, problems)
    if text is None:
        return minutes
    front = split_front_matter(text, path, problems)
    if front is None:
        return minutes
    minutes.body_line = front.body_line
    minutes.doc = parse_file_yaml(front.yaml, path, problems, line_offset=1)
    if minutes.doc is not None:
        minutes.front = validate(MinutesFront, minutes.doc, path, problems, "the minutes")
    minutes.minutes, minutes.heading_like = read_minutes_body(front.body, front.body_line, path, problems, allow_html)
    return minutes


def _read_folders(paths: list[Path], root: Path, context: Archive, hooks: Hooks) -> list[tuple[MeetingFolder, list[Problem]]]:
    """Meeting folders, whole: meeting.yml, minutes and reports, each report and folder checked by `hooks`."""
    folders = []
    for path in paths:
        problems = Problems(root)
        folder, report_paths = read_meeting_folder(path, problems, context.allow_html)
        for report_path in report_paths:
            report = read_report(report_path, problems)
            if hooks.report is not None:
                hooks.report(context, report, problems)
            folder.reports[report.id] = report
        if hooks.folder is not None:
            hooks.folder(context, folder, problems)
        folders.append((folder, problems.items))
    return folders


def read_meeting_folder(path: Path, problems: Problems, allow_html: bool = False) -> tuple[MeetingFolder, list[Path]]:
    """The meeting and its minutes (parsed as the council's pages will be); returns the report paths still to read."""
    meeting_file = path / "meeting.yml"
    papers = path.parent.parent
    meeting, doc = None, None
    if meeting_file.exists() or meeting_file.is_symlink():
        if inside(meeting_file, papers, problems):
            meeting, doc = read_yaml_file(meeting_file, Meeting, "the meeting", problems)
    else:
        problems.add("PAP003", meeting_file, 1, 1, f"the meeting folder `{path.name}` has no meeting.yml")
    folder = MeetingFolder(id=path.name, path=path, meeting=meeting, doc=doc)
    report_paths = []
    for child in sorted(path.iterdir()):
        if child.name.startswith("."):
            continue
        if child.name in ("meeting.yml",) or not inside(child, papers, problems):
            continue
        if child.name == "minutes.md":
            folder.minutes = read_minutes(child, problems, allow_html)
        elif child.suffix == ".md" and not child.is_dir() and (child.is_file() or child.is_symlink()):
            if check_name(child, problems):
                report_paths.append(child)
        elif child.suffix == ".md" and not child.is_dir():
            problems.add("PAP003", child, 1, 1, f"`{child.name}` is not an ordinary file", "replace it with the report itself")
        elif child.is_dir():
            continue  # a report's appendix folder; checked through the report's appendices
        else:
            folder.other_files.append(child)
    return folder, report_paths


def load_archive(
    root: Path,
    problems: Problems,
    workers: int | None = None,
    report_hook=None,
    use_cache: bool = False,
    refresh: bool = False,
    folder_hook=None,
) -> Archive:
    """Read every file of the papers folder; problems are collected, never raised.

    `report_hook(archive, report_file, problems)` and `folder_hook(archive,
    meeting_folder, problems)`, module-level functions, run on each report and
    each meeting folder in the process that read it, with an archive holding the
    council and people.
    """
    hooks = Hooks(report_hook, folder_hook)
    papers = find_papers(root)
    archive = Archive(root=root, papers=papers)
    if (root / "templates").is_dir():
        archive.templates = root / "templates"
    if not papers.is_dir():
        problems.add("PAP003", root, 1, 1, f"there is no `papers` folder in {root}", "run the command in the council's folder, or name it")
        return archive

    council_file = papers / "council.yml"
    if council_file.exists() or council_file.is_symlink():
        if inside(council_file, papers, problems):
            archive.council, archive.council_doc = read_yaml_file(council_file, Council, "council.yml", problems)
    else:
        problems.add("PAP003", council_file, 1, 1, "the papers folder has no council.yml", "create papers/council.yml with at least `name:`")
    people_file = papers / "people.yml"
    if people_file.exists() and not inside(people_file, papers, problems):
        archive.unreadable.add("people.yml")
    elif people_file.exists():
        people, archive.people_doc = read_yaml_file(people_file, People, "people.yml", problems)
        archive.people = people or People()
        if people is None:
            archive.unreadable.add("people.yml")
    else:
        problems.add("PAP003", people_file, 1, 1, "the papers folder has no people.yml", "create papers/people.yml with `councillors:` and `officers:`")
        archive.unreadable.add("people.yml")

    committees = papers / "committees"
    for path in sorted(committees.glob("*")) if committees.is_dir() else []:
        if path.suffix not in (".yml", ".yaml"):
            if not path.name.startswith("."):
                problems.add("PAP010", path, 1, 1, f"`{path.name}` is not a committee file (committees/<id>.yml)")
            continue
        if not check_name(path, problems):
            continue
        if not inside(path, papers, problems):
            archive.unreadable.add(path.stem)
            continue
        committee, doc = read_yaml_file(path, Committee, "the committee", problems)
        if committee is None:
            archive.unreadable.add(path.stem)
        else:
            archive.committees[path.stem] = committee
            archive.committee_docs[path.stem] = doc

    meetings = papers / "meetings"
    paths: list[Path] = []
    for path in sorted(meetings.iterdir()) if meetings.is_dir() else []:
        if path.name.startswith("."):
            continue
        if not inside(path, papers, problems):
            continue
        if not path.is_dir():
            problems.add("PAP010", path, 1, 1, f"`{path.name}` is a file; each meeting is a folder named YYYY-MM-DD-<committee>")
            continue
        if check_name(path, problems):
            paths.append(path)
    archive.other_problems = list(problems.items)
    context = _context(archive)
    cache = FolderCache(root, papers, tuple(hooks)) if use_cache else None
    kept, digests = cache.unchanged(paths, ignore_stored=refresh) if cache else ({}, {})
    fresh = _read_all_folders([p for p in paths if p.name not in kept], root, workers, context, hooks)
    read = {folder.id: (folder, items) for folder, items in fresh}
    for path in paths:
        folder, items = kept.get(path.name) or read[path.name]
        archive.meetings[folder.id] = folder
        archive.folder_problems[folder.id] = items
        problems.extend(items)
    if cache:
        cache.save({name: (digests[name], *(kept.get(name) or read[name])) for name in digests})
        archive.folder_digests = digests
    return archive


def _context(archive: Archive) -> Archive:
    """What the hooks that check a folder may see of the rest: the council, templates and people."""
    return Archive(root=archive.root, papers=archive.papers, council=archive.council, templates=archive.templates, people=archive.people)


def read_folders_again(archive: Archive, paths: list[Path], report_hook=None, folder_hook=None) -> None:
    """Meeting folders that changed since `archive` was loaded, read and checked again in place (a folder gone is removed)."""
    from committee_papers.incremental import tree_digest

    hooks = Hooks(report_hook, folder_hook)
    for path in paths:
        archive.meetings.pop(path.name, None)
        archive.folder_problems.pop(path.name, None)
        archive.folder_digests.pop(path.name, None)
    present = [path for path in paths if path.is_dir()]
    for folder, items in _read_folders(present, archive.root, _context(archive), hooks):
        archive.meetings[folder.id] = folder
        archive.folder_problems[folder.id] = items
        archive.folder_digests[folder.id] = tree_digest(folder.path)
    archive.meetings = dict(sorted(archive.meetings.items()))


def _read_all_folders(paths: list[Path], root: Path, workers: int | None, context, hooks: Hooks) -> list[tuple[MeetingFolder, list[Problem]]]:
    workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    if workers <= 1 or len(paths) < PARALLEL_FROM:
        return _read_folders(paths, root, context, hooks)
    size = max(1, len(paths) // (workers * 4))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    folders = []
    with ProcessPoolExecutor(workers) as pool:
        n = len(chunks)
        for chunk in pool.map(_read_folders, chunks, [root] * n, [context] * n, [hooks] * n):
            folders.extend(chunk)
    return folders
