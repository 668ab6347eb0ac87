"""`papers new appendix`: a PDF or Markdown file copied beside its report, and listed in the report's front matter."""

from __future__ import annotations

from pathlib import Path

from committee_papers.authoring.edit import add_to_list, in_front_matter
from committee_papers.authoring.files import Edit, NewFile, Plan, ScaffoldError, read_text
from committee_papers.authoring.reading import load, meeting_folder, one_line
from committee_papers.checks.locate import did_you_mean
from committee_papers.scaffold import exempt_placeholder

LIMITS = {".pdf": 50 * 1024 * 1024, ".md": 2 * 1024 * 1024}  # as the check's PAP002


def letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA, as appendices are lettered."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def new_appendix(root: Path, meeting_id: str, report_id: str, source: Path, title: str | None = None, exempt: list[int] | None = None) -> Plan:
    archive = load(root)
    folder = meeting_folder(archive, meeting_id)
    report_file = folder.reports.get(report_id)
    if report_file is None:
        raise ScaffoldError(f"there is no report `{report_id}` in {meeting_id}; {did_you_mean(report_id, folder.reports, 'report')}")
    if report_file.report is None:
        raise ScaffoldError(f"{report_file.path.name} cannot be read; run `papers check` to see why")
    data = _read_source(source)
    suffix = source.suffix.lower()
    name = f"appendix-{letter(len(report_file.report.appendices)).lower()}{suffix}"
    target = folder.path / report_id / name
    if target.exists() or target.is_symlink():
        raise ScaffoldError(
            f"{meeting_id}/{report_id}/{name} already exists, but the report does not list it as Appendix {letter(len(report_file.report.appendices))}: "
            "list it in the report's `appendices`, or move it away; it was left as it was"
        )
    entry: dict = {"title": one_line(title, "appendix's title") if title is not None else _title_from(source), "file": f"{report_id}/{name}"}
    if exempt:
        entry["exempt"] = exempt_placeholder(archive, exempt)
    text = read_text(report_file.path)
    edited = in_front_matter(text, lambda front: add_to_list(front, "appendices", [entry], create=True))
    if edited is None:
        raise ScaffoldError(f"the front matter of {report_file.path.name} could not be added to safely; nothing was written")
    shown = f"Appendix {letter(len(report_file.report.appendices))} ({entry['title']})"
    plan = Plan(files=[NewFile(target, data=data)], edits=[Edit(report_file.path, text, edited, f"Listed {shown} in the report's `appendices`")])
    if exempt:
        plan.notes.append("write the appendix's reason and public interest test in the report's front matter, where it says TBC")
    return plan


def _read_source(source: Path) -> bytes:
    suffix = source.suffix.lower()
    if suffix not in LIMITS:
        raise ScaffoldError(f"{source.name} is not a PDF (.pdf) or Markdown (.md) file; save it as a PDF first")
    if not source.is_file():
        raise ScaffoldError(f"{source} is not a file")
    size = source.stat().st_size
    if size > LIMITS[suffix]:
        raise ScaffoldError(f"{source.name} is larger than {LIMITS[suffix] // (1024 * 1024)} MB; split it, or make a smaller PDF")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ScaffoldError(f"{source} cannot be read: {exc.strerror or exc}") from None
    if suffix == ".pdf" and not data.startswith(b"%PDF-"):
        raise ScaffoldError(f"{source.name} is named .pdf but is not a PDF")
    if suffix == ".md":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise ScaffoldError(f"{source.name} is not saved as UTF-8; save it again as UTF-8") from None
    return data


def _title_from(source: Path) -> str:
    words = " ".join(source.stem.replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:] if words else "Appendix"
