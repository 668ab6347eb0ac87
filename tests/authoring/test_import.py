"""`papers import`: a Word report, built here with python-docx, becomes a draft that passes the check but for its signatures."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner
from conftest import run_papers
from docx.enum.style import WD_STYLE_TYPE
from generated import docx_file

from committee_papers.check import check
from committee_papers.cli import main
from committee_papers.word_import import check_expansion

TODAY = dt.date(2026, 11, 26)
MEETING = "2026-12-08-resources"
MB = 1024 * 1024


def papers(*args: str):
    return CliRunner().invoke(main, list(args))


def hashes(council: Path) -> dict[str, str]:
    return {p.relative_to(council).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in (council / "papers").rglob("*") if p.is_file()}


def problems(council: Path) -> set:
    return set(check(council, today=TODAY).problems.items)


def split(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text("utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def full_report(path: Path, more_information=None) -> Path:
    """A report as a council officer writes it in Word, in the numbered house style."""
    document = docx.Document()
    document.add_paragraph("Leisure Centre Operating Contract", style="Title")
    document.add_paragraph("Report of the Director of Communities")
    document.add_heading("Purpose of the Report", 1)
    purpose = document.add_paragraph("To seek approval for the ")
    purpose.add_run("procurement approach").bold = True
    purpose.add_run(" for the leisure centre contract.")
    document.add_heading("Information", 1)
    document.add_paragraph("The current contract ends on 31 March 2028. Visits last year were:")
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(table.rows, [("Site", "Visits"), ("Abbey Walk", "212,000"), ("Calderby", "98,500")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.add_heading("Usage", 2)
    document.add_paragraph("The main changes since 2024 are:")
    document.add_paragraph("more swimming lessons;", style="List Bullet")
    document.add_paragraph("fewer gym memberships.", style="List Bullet")
    if more_information:
        more_information(document)
    document.add_heading("Other Options Considered", 1)
    document.add_paragraph("Bringing the service in house was considered and rejected.")
    document.add_heading("Reason/s for Recommendation/s", 1)
    document.add_paragraph("To secure the service beyond 2028.")
    document.add_heading("Statutory and Policy Implications", 1)
    document.add_paragraph("There are no other implications.")
    document.add_heading("Recommendation/s", 1)
    document.add_paragraph("It is recommended that Members:")
    document.add_paragraph("Approve the procurement approach.", style="List Number")
    document.add_paragraph("Delegate the award of the contract to the Director of Communities.", style="List Number")
    document.add_heading("Constitutional Comments (CE 09/09/2026)", 1)
    document.add_paragraph("The committee may approve the approach under its terms of reference.")
    document.add_heading("Financial Comments (NS 10/09/2026)", 1)
    document.add_paragraph("The contract is within the approved budget.")
    document.add_paragraph("Savings are assumed from 2028/29.")
    document.add_heading("HR Comments", 1)
    document.add_paragraph("There are no staffing implications.")
    document.save(path)
    return path


def test_a_word_report_becomes_a_draft(example, tmp_path):
    source = full_report(tmp_path / "Leisure contract.docx")
    meeting_yml = example / f"papers/meetings/{MEETING}/meeting.yml"
    original, before, found_before = meeting_yml.read_bytes(), hashes(example), problems(example)

    result = papers("import", str(source), "--meeting", MEETING, str(example))
    assert result.exit_code == 0, result.output
    created = f"papers/meetings/{MEETING}/leisure-centre-operating-contract.md"
    assert f"Created {created}" in result.output
    assert "Could not be placed" not in result.output
    assert "`signed_by` in the front matter" in result.output

    front, body = split(example / created)
    assert front["title"] == "Leisure Centre Operating Contract"
    assert front["report_of"] == "Director of Communities"
    assert front["purpose"] == "To seek approval for the **procurement approach** for the leisure centre contract."
    assert front["recommendations"] == ["Approve the procurement approach.", "Delegate the award of the contract to the Director of Communities."]
    assert front["comments"] == {
        "constitutional": {"by": "CE", "date": dt.date(2026, 9, 9), "text": "The committee may approve the approach under its terms of reference."},
        "financial": {"by": "NS", "date": dt.date(2026, 9, 10), "text": "The contract is within the approved budget.\n\nSavings are assumed from 2028/29.\n"},
        "hr": {"by": "TBC", "text": "There are no staffing implications."},
    }
    assert front["status"] == "draft"

    assert body.startswith("\n## Information\n\nThe current contract ends on 31 March 2028.")
    assert "| Site | Visits |\n| --- | --- |\n| Abbey Walk | 212,000 |\n| Calderby | 98,500 |" in body
    assert "### Usage\n\nThe main changes since 2024 are:\n\n- more swimming lessons;\n- fewer gym memberships." in body
    for heading in ("Other Options Considered", "Reason/s for Recommendation/s", "Statutory and Policy Implications"):
        assert f"\n## {heading}\n" in body
    for lifted in ("Purpose", "## Recommendation/s", "It is recommended", "Comments", "Report of"):
        assert lifted not in body

    # The report joins the agenda; nothing else in the papers changes.
    assert meeting_yml.read_bytes() == original + b"  - report: leisure-centre-operating-contract\n"
    after = hashes(example)
    assert set(after) - set(before) == {created}
    unchanged = [k for k in before if not k.endswith(f"{MEETING}/meeting.yml")]
    assert all(after[k] == before[k] for k in unchanged)

    # Only the HR comment, which carries no initials or date, waits for its signature.
    new_problems = problems(example) - found_before
    assert [(p.file, p.code) for p in new_problems] == [(created, "PAP409")]
    assert "hr comment" in next(iter(new_problems)).message


def test_title_from_the_first_heading_or_the_file_name(example, tmp_path):
    with_heading = docx.Document()
    with_heading.add_heading("Street Lighting Upgrade", 1)
    with_heading.add_paragraph("LED lanterns will replace the sodium lanterns.")
    with_heading.save(tmp_path / "a.docx")
    plain = docx.Document()
    plain.add_paragraph("Notes for members.")
    plain.save(tmp_path / "street-lighting_v2.docx")

    found_before = problems(example)
    for name in ("a.docx", "street-lighting_v2.docx"):
        result = papers("import", str(tmp_path / name), "--meeting", MEETING, str(example))
        assert result.exit_code == 0, result.output
        assert "the `## Information` section, which the house style requires" in result.output
    first, body = split(example / f"papers/meetings/{MEETING}/street-lighting-upgrade.md")
    assert first["title"] == "Street Lighting Upgrade"
    assert body.strip() == "LED lanterns will replace the sodium lanterns."
    second, _ = split(example / f"papers/meetings/{MEETING}/street-lighting-v2.md")
    assert second["title"] == "Street lighting v2"
    assert second["purpose"].startswith("TBC:")
    assert second["comments"]["financial"]["by"] == "TBC"

    # Each draft waits for its two required comments, and lacks the sections the Word file did not have
    # (its text, before any heading, is printed as the first of them, "Information").
    codes = sorted(p.code for p in problems(example) - found_before)
    assert codes == ["PAP303"] * 6 + ["PAP409"] * 4


def picture() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def add_footnote(path: Path, marker: str, note: str) -> None:
    """python-docx cannot write footnotes, so put one into the saved file's XML."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        marker.encode(), b'</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve">'
    )
    parts["word/footnotes.xml"] = f'<w:footnotes xmlns:w="{w}"><w:footnote w:id="1"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote></w:footnotes>'.encode()
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_what_cannot_be_placed_is_listed_and_footnotes_are_kept(example, tmp_path):
    def more_information(document):
        document.styles.add_style("Council Box", WD_STYLE_TYPE.PARAGRAPH)
        document.add_heading("Site Plan", 2)
        shape = document.add_picture(io.BytesIO(picture()))
        shape._inline.docPr.set("descr", "Plan of the Abbey Walk site")
        document.add_paragraph("Boxed text.", style="Council Box")
        document.add_paragraph("Occupancy rose sharply MARKER in the summer.")

    source = full_report(tmp_path / "report.docx", more_information)
    add_footnote(source, "MARKER", "Source: the occupancy survey, August 2026.")

    result = papers("import", str(source), "--meeting", MEETING, str(example))
    assert result.exit_code == 0, result.output
    placed = result.output.split("Could not be placed:")[1]
    assert "an image ('Plan of the Abbey Walk site') under 'Site Plan' was left out" in placed
    assert "the Word style 'Council Box' is not recognised" in placed
    _, body = split(example / f"papers/meetings/{MEETING}/leisure-centre-operating-contract.md")
    assert "Boxed text." in body
    assert "### Site Plan\n\nBoxed text.\n\nOccupancy rose sharply [^1] in the summer.\n\n## Other Options" in body
    assert body.rstrip().endswith("\n\n[^1]: Source: the occupancy survey, August 2026.")


def test_markdown_in_word_text_stays_text(example, tmp_path):
    document = docx.Document()
    document.add_paragraph("Hazards", style="Title")
    document.add_heading("Information", 1)
    document.add_paragraph("1. Not a list: <b>tags</b>, *stars*, snake_case | pipes & &amp; entities")
    document.add_paragraph("# not a heading")
    document.add_paragraph("Numbered by Word.", style="List Number")
    document.save(tmp_path / "hazards.docx")
    result = papers("import", str(tmp_path / "hazards.docx"), "--meeting", MEETING, str(example))
    assert result.exit_code == 0, result.output
    assert "numbered lists were kept as lists" in result.output
    _, body = split(example / f"papers/meetings/{MEETING}/hazards.md")
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(body)
    assert "<p>1. Not a list: &lt;b&gt;tags&lt;/b&gt;, *stars*, snake_case | pipes &amp; &amp;amp; entities</p>" in html
    assert "<p># not a heading</p>" in html
    assert not [p for p in problems(example) if p.code == "PAP302"]  # no text is taken for HTML


@pytest.mark.parametrize(
    "name, content, code, message",
    [
        ("notes.txt", b"plain text", 1, "notes.txt is not a Word .docx file"),
        ("old.doc", b"\xd0\xcf\x11\xe0", 1, "old.doc is not a Word .docx file (save it from Word as a .docx first)"),
        ("broken.docx", b"PK\x03\x04 this is not really a zip", 1, "broken.docx is not a Word document, or it is damaged"),
        ("empty.docx", b"", 1, "empty.docx is not a Word document, or it is damaged"),
        ("sheet.docx", None, 1, "sheet.docx could not be read as a Word document"),
    ],
)
def test_bad_files_are_refused_plainly(example, tmp_path, name, content, code, message):
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
    else:
        path.write_bytes(content)
    before = hashes(example)
    result = papers("import", str(path), "--meeting", MEETING, str(example))
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output and result.output.count("\n") <= 2
    assert hashes(example) == before


def test_missing_file_and_unknown_meeting(example, tmp_path):
    missing = papers("import", str(tmp_path / "nowhere.docx"), "--meeting", MEETING, str(example))
    assert missing.exit_code == 2
    assert "does not exist" in missing.output
    source = full_report(tmp_path / "report.docx")
    unknown = papers("import", str(source), "--meeting", "2026-12-09-resources", str(example))
    assert unknown.exit_code == 1
    assert "there is no meeting `2026-12-09-resources`" in unknown.output
    no_meeting = papers("import", str(source), str(example))
    assert no_meeting.exit_code == 2
    assert "--meeting" in no_meeting.output


def declared_sizes_of_one_byte(data: bytes) -> bytes:
    """The .docx with every part's expanded size written as 1 byte, in its own header and in the zip's directory."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = out.find(signature)
        while start != -1:
            out[start + offset : start + offset + 4] = struct.pack("<I", 1)
            start = out.find(signature, start + 4)
    return bytes(out)


@pytest.mark.parametrize(
    "name, data, says",
    [
        ("long-paragraph.docx", lambda: docx_file(run=80 * MB), "but its parts expand to more than 50 MB"),
        ("big-picture.docx", lambda: docx_file(picture=50 * MB + 1), "but its parts expand to more than 50 MB"),
        (
            "many-paragraphs.docx",
            lambda: docx_file(paragraphs=10 * MB // 80 + 1000),
            "but its text (the XML that holds the document) expand to more than 10 MB",
        ),
    ],
)
def test_a_word_document_that_expands_too_far_is_refused_at_once(example, tmp_path, name, data, says):
    """An 80 KB .docx whose text expands to 80 MB kept `papers import` busy for minutes."""
    path = tmp_path / name
    path.write_bytes(data())
    assert path.stat().st_size < 200 * 1024
    before = hashes(example)
    result = run_papers("import", str(path), "--meeting", MEETING, str(example), give_up=30)
    assert result.returncode == 1
    assert f"{path}:1:1: error PAP019: the Word document is" in result.stderr and says in result.stderr
    assert "hint: save the document again from Word" in result.stderr
    assert "Traceback" not in result.stderr
    assert hashes(example) == before


def test_a_word_document_that_hides_its_size_is_refused_at_once(example, tmp_path):
    """Sizes a .docx declares are not trusted: the parts are expanded a megabyte at a time, and stop at the first lie."""
    path = tmp_path / "hidden.docx"
    path.write_bytes(declared_sizes_of_one_byte(docx_file(run=80 * MB)))
    before = hashes(example)
    result = run_papers("import", str(path), "--meeting", MEETING, str(example), give_up=30)
    assert result.returncode == 1
    assert "hidden.docx could not be read as a Word document" in result.stderr
    assert "Traceback" not in result.stderr
    assert hashes(example) == before


def test_a_named_pipe_is_refused_not_read(example, tmp_path):
    """Reading a pipe named like a Word document waits for a writer that never comes."""
    path = tmp_path / "pipe.docx"
    os.mkfifo(path)
    result = run_papers("import", str(path), "--meeting", MEETING, str(example), give_up=30)
    assert result.returncode == 1
    assert "pipe.docx is not an ordinary file" in result.stderr


def test_a_word_document_within_the_limits_is_measured_without_complaint(tmp_path):
    path = tmp_path / "long.docx"
    path.write_bytes(docx_file(paragraphs=10 * MB // 100, picture=39 * MB))  # 9.3 MB of text, 48 MB in all
    check_expansion(path)  # reading the whole document is a minute's work for mammoth: only the measuring is tried
