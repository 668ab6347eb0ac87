"""Incremental builds: editing one report rebuilds only what shows it, and gives a full build's bytes."""

from __future__ import annotations

import re
import shutil

from conftest import copy_council, run_papers
from safety.test_publish import snapshot

REPORT = "papers/meetings/2026-09-22-resources/04-leisure-centre-operating-contract.md"


def rebuilt_meetings(output: str) -> set[str]:
    return set(re.findall(r"\] (\d{4}-\d{2}-\d{2}-[a-z0-9-]+): \d+ PDF", output))


def full_build_of(council, tmp_path):
    reference = copy_council(council, tmp_path / "reference")
    assert run_papers("build", str(reference)).returncode == 0
    return reference


def test_editing_one_report_rebuilds_its_meeting_and_matches_a_full_build(example, tmp_path):
    first = run_papers("build", str(example))
    assert first.returncode == 0, first.stderr
    assert len(rebuilt_meetings(first.stderr)) == 11
    assert not any(".papers-cache" in str(p) for p in (example / "site").rglob("*"))
    assert (example / ".papers-cache").is_dir() and not (example / "papers" / ".papers-cache").exists()

    report = example / REPORT
    report.write_text(report.read_text("utf-8").replace("seven operators", "eight operators"), "utf-8")
    second = run_papers("build", str(example))
    assert second.returncode == 0, second.stderr
    # the edited meeting only: the next meeting's pack holds that meeting's minutes, not its reports
    assert rebuilt_meetings(second.stderr) == {"2026-09-22-resources"}
    page = (example / "site/meetings/2026-09-22-resources/04-leisure-centre-operating-contract/index.html").read_text("utf-8")
    assert "eight operators" in page

    reference = full_build_of(example, tmp_path)
    assert snapshot(example / "site") == snapshot(reference / "site")
    assert snapshot(example / "confidential") == snapshot(reference / "confidential")


def test_removing_a_report_removes_its_page(example):
    assert run_papers("build", str(example), "--no-packs").returncode == 0
    meeting = example / "papers/meetings/2026-12-08-resources"
    (meeting / "06-calderby-pool-boiler.md").unlink()
    yml = meeting / "meeting.yml"
    text = yml.read_text("utf-8")
    yml.write_text(text[: text.index("  - report: 06-calderby-pool-boiler")] + text[text.index("  - planned:") :], "utf-8")
    assert run_papers("build", str(example), "--no-packs").returncode == 0
    assert not (example / "site/meetings/2026-12-08-resources/06-calderby-pool-boiler").exists()
    assert (example / "site/meetings/2026-12-08-resources/05-council-tax-base-2027-28/index.html").exists()


def test_a_changed_template_rebuilds_everything(example, tmp_path):
    assert run_papers("build", str(example)).returncode == 0
    override = example / "templates/report/parts/signatory.html"
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text('<div class="signatory signed">{{ signed_by.name }}</div>\n', "utf-8")
    second = run_papers("build", str(example))
    assert second.returncode == 0, second.stderr
    assert len(rebuilt_meetings(second.stderr)) == 11
    assert 'class="signatory signed"' in (example / "site/meetings/2026-09-22-resources/04-leisure-centre-operating-contract/index.html").read_text("utf-8")
    reference = full_build_of(example, tmp_path)
    assert snapshot(example / "site") == snapshot(reference / "site")


def test_full_option_rebuilds_everything(example):
    assert run_papers("build", str(example)).returncode == 0
    again = run_papers("build", str(example), "--full")
    assert len(rebuilt_meetings(again.stderr)) == 11
    shutil.rmtree(example / ".papers-cache")
    assert run_papers("build", str(example), "--no-packs").returncode == 0


def test_an_appendix_in_a_hidden_folder_made_exempt_leaves_the_site(minimal):
    meeting = minimal / "papers/meetings/2026-04-14-audit"
    hidden = meeting / ".appendices"
    hidden.mkdir()
    (meeting / "04-internal-audit-plan/appendix-a.md").rename(hidden / "appendix-a.md")
    report = meeting / "04-internal-audit-plan.md"
    report.write_text(report.read_text("utf-8").replace("04-internal-audit-plan/appendix-a.md", ".appendices/appendix-a.md"), "utf-8")
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    page = minimal / "site/meetings/2026-04-14-audit/04-internal-audit-plan/index.html"
    assert "housing rents" in page.read_text("utf-8")

    appendix = hidden / "appendix-a.md"
    appendix.write_text(
        appendix.read_text("utf-8").replace("Payroll, procurement and housing rents.", "Payroll.\n\n::: exempt\nHousing rents.\n:::\n"), "utf-8"
    )
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    assert not [p for p in (minimal / "site").rglob("*") if p.is_file() and b"ousing rents" in p.read_bytes()]
