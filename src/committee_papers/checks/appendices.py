"""Appendix files exist, are Markdown or PDF, and stay inside their meeting folder."""

from __future__ import annotations

import os
from pathlib import Path

from committee_papers import limits
from committee_papers.checks.limits import check_pdf_limits
from committee_papers.checks.locate import value
from committee_papers.loading.files import MAX_PDF_BYTES, check_name, read_text
from committee_papers.loading.paths import backslashed, real_path, resolve_inside
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems


def check_appendices(archive: Archive, problems: Problems, today=None) -> None:
    for folder in archive.meetings.values():
        _check_shared_exempt_files(folder, problems)
        pages = 0  # of the meeting's PDF appendices together
        for report in folder.reports.values():
            if report.report is None:
                continue
            for index, appendix in enumerate(report.report.appendices):
                line, column = value(report.doc, "appendices", index, "file")
                if backslashed(appendix.file, report.path, line, column, problems):
                    continue
                target = resolve_inside(folder.path, appendix.file)
                if target is None:
                    problems.add(
                        "PAP209",
                        report.path,
                        line,
                        column,
                        f"the appendix file `{appendix.file}` is outside this meeting's folder",
                        f"put the file in {folder.id}/{report.id}/ and give its path from the meeting folder",
                    )
                    continue
                if not os.path.exists(target):  # never raises, even for a name too long to open
                    problems.add(
                        "PAP208",
                        report.path,
                        line,
                        column,
                        f"the appendix file `{appendix.file}` does not exist",
                        f"add the file, or correct the path; paths start from the meeting folder {folder.id}/",
                    )
                    continue
                if not check_name(target, problems):
                    continue
                if not os.path.isdir(target) and not os.path.isfile(target):  # a pipe or device would never finish reading
                    problems.add("PAP003", target, 1, 1, f"`{target.name}` is not an ordinary file")
                    continue
                if target.suffix.lower() not in (".md", ".pdf"):
                    problems.add(
                        "PAP210",
                        report.path,
                        line,
                        column,
                        f"the appendix `{appendix.file}` is neither Markdown (.md) nor PDF (.pdf)",
                        "save the document as PDF, or write it as Markdown",
                    )
                elif target.suffix.lower() == ".pdf":
                    before = pages
                    pages += check_pdf(target, appendix.file, report.path, line, column, problems)
                    if before <= limits.MEETING_PDF_PAGES < pages:
                        problems.add(
                            "PAP013",
                            report.path,
                            line,
                            column,
                            f"with `{appendix.file}` the PDF appendices of this meeting have {pages:,} pages; "
                            f"one meeting's may have at most {limits.MEETING_PDF_PAGES:,} between them",
                        )
                else:
                    read_text(target, problems)


def _check_shared_exempt_files(folder, problems: Problems) -> None:
    """A file that is exempt as one report's appendix may not be a public appendix of another (it would be published)."""
    exempt: dict[Path, str] = {}
    public: list[tuple] = []
    for report in folder.reports.values():
        if report.report is None:
            continue
        for index, appendix in enumerate(report.report.appendices):
            target = resolve_inside(folder.path, appendix.file)
            if target is None or not os.path.exists(target):
                continue
            if report.report.exempt is not None or appendix.exempt is not None:
                exempt.setdefault(real_path(target), report.id)
            else:
                public.append((report, index, appendix, real_path(target)))
    for report, index, appendix, target in public:
        if target in exempt:
            line, column = value(report.doc, "appendices", index, "file")
            problems.add(
                "PAP223",
                report.path,
                line,
                column,
                f"`{appendix.file}` is an exempt appendix of `{exempt[target]}`, so it cannot be a public appendix here",
            )


def _check_pdf_opens(target: Path, name: str, report_path: Path, line: int, column: int, problems: Problems):
    """The pack lays every page of the PDF into itself, so the PDF must open, unlocked, with its pages: its reader, or None."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(target)
        if reader.is_encrypted:
            problems.add(
                "PAP210",
                report_path,
                line,
                column,
                f"the appendix `{name}` is a password-protected PDF",
                "save it again without a password (or without encryption), or attach an unprotected copy",
            )
            return None
        reader.trailer["/Root"]["/Pages"].get_object()  # its pages are counted, within a bound, by the limits
    except Exception:  # noqa: BLE001 - pypdf raises many kinds of error for a damaged file
        problems.add(
            "PAP210", report_path, line, column, f"the appendix `{name}` is a damaged PDF that cannot be read", "save or export the document as PDF again"
        )
        return None
    return reader


def check_pdf(target: Path, name: str, report_path: Path, line: int, column: int, problems: Problems) -> int:
    """A PDF appendix that the pack can lay in, within the limits: its pages (0 if it cannot be used)."""
    if os.path.isdir(target):
        problems.add("PAP003", target, 1, 1, f"`{target.name}` is a folder, but a file is expected here")
        return 0
    if not os.path.isfile(target):
        problems.add("PAP003", target, 1, 1, f"`{target.name}` is not an ordinary file")
        return 0
    size = target.stat().st_size
    if size > MAX_PDF_BYTES:
        problems.add("PAP002", target, 1, 1, f"the PDF is {size / 1024 / 1024:.0f} MB; appendices may be at most {MAX_PDF_BYTES // 1024 // 1024} MB")
        return 0
    with target.open("rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" not in head:
        problems.add("PAP210", report_path, line, column, f"the appendix `{name}` is named .pdf but is not a PDF file")
        return 0
    reader = _check_pdf_opens(target, name, report_path, line, column, problems)
    return check_pdf_limits(reader, name, report_path, line, column, problems) if reader is not None else 0
