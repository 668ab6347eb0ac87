"""Incremental builds: editing one report rebuilds only what shows it, and gives a full build's bytes."""

from __future__ import annotations

import re
import shutil

from conftest import MINIMAL, copy_council, run_papers
from helpers import public_text
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


APPENDIX = "papers/meetings/2026-04-14-audit/04-internal-audit-plan/appendix-a.md"


def make_appendix_passage_exempt(council):
    appendix = council / APPENDIX
    appendix.write_text(appendix.read_text("utf-8").replace("procurement and housing rents.", "procurement.\n\n::: exempt\nHousing rents.\n:::\n"), "utf-8")


def files_holding(site, *words: str) -> list[str]:
    """The public files (pages, PDFs' text, Pagefind's gzipped fragments, names) that hold any of `words`."""
    return sorted(name for name, text in public_text(site).items() if any(word.lower() in text.lower() for word in words))


def test_a_build_cache_copied_from_another_council_folder_is_ignored(tmp_path):
    """Two checkouts publish into one site folder; one's cache, copied into the other, would keep the old public page."""
    shared = tmp_path / "published"
    other, ours = copy_council(MINIMAL, tmp_path / "other"), copy_council(MINIMAL, tmp_path / "ours")
    make_appendix_passage_exempt(other)
    assert run_papers("build", str(other), "--no-packs", "--site-dir", str(shared)).returncode == 0
    assert run_papers("build", str(ours), "--no-packs", "--site-dir", str(shared)).returncode == 0
    assert files_holding(shared, "housing rents")  # public here: on the page and in the search

    shutil.rmtree(ours / ".papers-cache")
    shutil.copytree(other / ".papers-cache", ours / ".papers-cache")
    make_appendix_passage_exempt(ours)  # the copied cache's record of this meeting now matches it
    built = run_papers("build", str(ours), "--no-packs", "--site-dir", str(shared))
    assert built.returncode == 0, built.stderr
    assert files_holding(shared, "housing rents") == []


def test_a_tampered_build_cache_is_ignored(minimal, tmp_path):
    """A cache edited to say a changed meeting is unchanged is ignored: the build is full."""
    reference = copy_council(MINIMAL, tmp_path / "reference")
    make_appendix_passage_exempt(reference)
    assert run_papers("build", str(reference), "--no-packs").returncode == 0
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    (cache,) = (minimal / ".papers-cache").glob("build-*.json")
    (known,) = (reference / ".papers-cache").glob("build-*.json")
    # the meeting's digest once its appendix is exempt (the same papers give the same digest), put in place of ours
    ours, theirs = _meeting_digest(cache.read_text("utf-8")), _meeting_digest(known.read_text("utf-8"))
    assert ours != theirs
    cache.write_text(cache.read_text("utf-8").replace(ours, theirs), "utf-8")

    make_appendix_passage_exempt(minimal)
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    assert files_holding(minimal / "site", "housing rents") == []


def _meeting_digest(cache_text: str) -> str:
    """The digest a cache records for the audit meeting of 14 April, whichever way the cache is written."""
    found = re.search(r'"2026-04-14-audit"(?::\s*\{"digest":\s*|,\s*)"([0-9a-f]{32})"', cache_text)
    assert found, cache_text[:300]
    return found.group(1)


NEW_MEETING = "papers/meetings/2026-04-28-audit"  # in the same municipal year as the others: the menu stays the same


def add_meeting_with_canary(council, canary: str) -> None:
    source, target = council / "papers/meetings/2026-04-14-audit", council / NEW_MEETING
    shutil.copytree(source, target)
    yml = target / "meeting.yml"
    yml.write_text(yml.read_text("utf-8").replace("date: 2026-04-14", "date: 2026-04-28").replace("  - minutes: 2026-03-03-audit\n", ""), "utf-8")
    report = target / "04-internal-audit-plan.md"
    report.write_text(report.read_text("utf-8").replace("The plan covers twelve audits.", f"The plan covers {canary} audits."), "utf-8")
    appendix = target / "04-internal-audit-plan/appendix-a.md"
    appendix.write_text(appendix.read_text("utf-8").replace("housing rents", f"{canary} rents"), "utf-8")


def test_a_deleted_meeting_leaves_nothing_in_the_site_or_its_years_search(minimal):
    add_meeting_with_canary(minimal, "quokkanary")
    first = run_papers("build", str(minimal))
    assert first.returncode == 0, first.stderr
    held = files_holding(minimal / "site", "quokkanary")
    assert any(name.endswith(".pf_fragment") for name in held) and any(name.endswith(".pdf") for name in held), held

    shutil.rmtree(minimal / NEW_MEETING)
    second = run_papers("build", str(minimal))  # incremental: the other 2026 meetings are kept
    assert second.returncode == 0, second.stderr
    assert rebuilt_meetings(second.stderr) == set()
    assert files_holding(minimal / "site", "quokkanary", "2026-04-28-audit") == []
    assert files_holding(minimal / "confidential", "quokkanary", "2026-04-28-audit") == []


def test_a_deleted_appendix_and_report_leave_nothing_behind(minimal):
    add_meeting_with_canary(minimal, "quokkanary")
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    meeting = minimal / NEW_MEETING
    report = meeting / "04-internal-audit-plan.md"
    report.write_text(
        report.read_text("utf-8").replace("quokkanary", "twelve").replace("  - {title: Audit plan detail, file: 04-internal-audit-plan/appendix-a.md}\n", ""),
        "utf-8",
    )
    text = report.read_text("utf-8")
    report.write_text(text.replace("appendices:\n", "appendices: []\n"), "utf-8")
    shutil.rmtree(meeting / "04-internal-audit-plan")
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    assert files_holding(minimal / "site", "quokkanary") == []

    report.unlink()
    yml = meeting / "meeting.yml"
    yml.write_text(yml.read_text("utf-8").replace("  - report: 04-internal-audit-plan\n", "  - item: Any other business\n"), "utf-8")
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    assert not (minimal / "site/meetings/2026-04-28-audit/04-internal-audit-plan").exists()
    assert files_holding(minimal / "site", "2026-04-28-audit/04-internal-audit-plan") == []


def test_a_site_built_in_place_loses_a_deleted_meeting_too(minimal):
    (minimal / "mkdocs.yml").write_text("site_name: Fenbridge papers\ntheme: {name: material}\nplugins:\n  - committee-papers: {atomic: false}\n", "utf-8")
    add_meeting_with_canary(minimal, "quokkanary")
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    (minimal / "site/.git").mkdir()  # a site folder that is a checkout (GitHub Pages) keeps its hidden files, as with MkDocs
    (minimal / "site/.git/HEAD").write_text("ref: refs/heads/main\n", "utf-8")
    assert files_holding(minimal / "site", "quokkanary")

    shutil.rmtree(minimal / NEW_MEETING)
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    assert files_holding(minimal / "site", "quokkanary", "2026-04-28-audit") == []
    assert (minimal / "site/.git/HEAD").exists()
    assert (minimal / "site/meetings/2026-04-14-audit/04-internal-audit-plan/index.html").exists()


def test_a_build_without_packs_after_one_with_them_equals_a_full_build_without(minimal, tmp_path):
    assert run_papers("build", str(minimal)).returncode == 0
    assert (minimal / "site/meetings/2026-03-03-audit/agenda-pack.pdf").exists()
    report = minimal / "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md"
    report.write_text(report.read_text("utf-8").replace("twelve audits", "eleven audits"), "utf-8")
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    reference = copy_council(minimal, tmp_path / "reference")
    assert run_papers("build", str(reference), "--no-packs", "--full").returncode == 0
    assert snapshot(minimal / "site") == snapshot(reference / "site")
    assert not list((minimal / "site").rglob("*.pdf"))


def test_a_site_folder_restored_from_a_copy_is_not_taken_for_the_one_the_cache_describes(minimal, tmp_path):
    """The cache is this folder's and signed here, but the site was put back from an older copy: it is built again."""
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    backup = tmp_path / "backup"
    shutil.copytree(minimal / "site", backup, copy_function=shutil.copy2)
    make_appendix_passage_exempt(minimal)
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    shutil.rmtree(minimal / "site")
    shutil.copytree(backup, minimal / "site", copy_function=shutil.copy2)  # the old public page, with its old times
    assert files_holding(minimal / "site", "housing rents")

    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    assert files_holding(minimal / "site", "housing rents") == []
