"""`papers meeting publish|held`, `papers new minutes` and `papers new appendix`, on the example council."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from click.testing import CliRunner
from helpers import front_matter

from committee_papers.check import check
from committee_papers.cli import main

MEETING = "2026-12-08-resources"


@pytest.fixture
def on_day(monkeypatch):
    """Run the commands as if on the given day."""

    def set_day(day: str) -> dt.date:
        when = dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(when.timestamp())))
        return when.date()

    return set_day


def papers(*args: str):
    return CliRunner().invoke(main, list(args))


def codes(council, today) -> list[str]:
    return sorted(p.code for p in check(council, today=today).problems.items)


# --- publishing and holding --------------------------------------------------------


def test_publish_records_the_day_and_names_drafts(example, on_day):
    today = on_day("2027-03-01")
    assert papers("new", "meeting", "resources", "2027-03-16", str(example)).exit_code == 0
    assert codes(example, today) == ["PAP431"]  # due: the last lawful day is Mon 8 Mar 2027
    assert papers("new", "report", "2027-03-16-resources", "Budget Monitoring Q3", str(example)).exit_code == 0
    meeting_yml = example / "papers/meetings/2027-03-16-resources/meeting.yml"
    before = meeting_yml.read_text("utf-8")

    result = papers("meeting", "publish", "2027-03-16-resources", str(example))
    assert result.exit_code == 0, result.output
    assert "Recorded `published: 2027-03-01` in papers/meetings/2027-03-16-resources/meeting.yml" in result.output
    assert "still drafts, so not published with the agenda until set to `status: final`: budget-monitoring-q3" in result.output
    assert meeting_yml.read_text("utf-8") == before.replace("agenda:\n", "published: 2027-03-01\nagenda:\n")
    assert "PAP431" not in codes(example, today)


def test_new_meeting_names_the_last_day_to_publish(example):
    result = papers("new", "meeting", "resources", "2027-03-16", str(example))
    assert "Note: publish the agenda by Mon 8 Mar 2027 at the latest" in result.output


def test_held_marks_the_meeting_and_the_minutes_follow(example, on_day):
    today = on_day("2026-12-09")
    meeting_yml = example / f"papers/meetings/{MEETING}/meeting.yml"
    before = meeting_yml.read_text("utf-8")
    result = papers("meeting", "held", MEETING, str(example))
    assert result.exit_code == 0, result.output
    assert f"write the minutes with `papers new minutes {MEETING}`" in result.output
    assert meeting_yml.read_text("utf-8") == before.replace("status: scheduled\n", "status: held\n")
    again = papers("meeting", "held", MEETING, str(example))
    assert again.exit_code == 0 and "already marked held; nothing was changed" in again.output
    assert meeting_yml.read_text("utf-8") == before.replace("status: scheduled\n", "status: held\n")
    assert codes(example, today) == []


# --- minutes -------------------------------------------------------------------------


def test_minutes_follow_the_agenda_and_the_years_numbers(example, on_day):
    today = on_day("2026-12-09")
    assert papers("meeting", "held", MEETING, str(example)).exit_code == 0
    result = papers(
        "new",
        "minutes",
        MEETING,
        "--apologies",
        "colin-marsh",
        "--absent",
        "fiona-gallagher",
        "--substitute",
        "colin-marsh=judith-ormerod",
        "--officer",
        "marcus-adeyemi,claire-donovan",
        str(example),
    )
    assert result.exit_code == 0, result.output
    path = example / f"papers/meetings/{MEETING}/minutes.md"
    assert front_matter(path) == {
        "chair": "margaret-oyelaran",
        "present": ["margaret-oyelaran", "samira-haddad", "tomasz-nowak", "david-thwaite", "harjit-sandhu", "judith-ormerod"],
        "absent": ["colin-marsh", "fiona-gallagher"],
        "apologies": ["colin-marsh"],
        "substitutes": {"colin-marsh": "judith-ormerod"},
        "officers": ["owen-trelawny", "marcus-adeyemi", "claire-donovan"],
    }
    body = path.read_text("utf-8").split("---\n", 2)[2]
    headings = [line for line in body.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1. Minutes of the Meeting held on 22 September 2026",
        "## 2. Apologies for Absence",
        "## 3. Declarations of Interests",
        "## 4. Replacement of the Financial Management System",
        "## 5. Council Tax Base 2027/28",
        "## 6. Calderby Pool: Emergency Boiler Replacement",
        "## 7. Corporate Debt Recovery Policy Review",  # a planned item: a heading, and nothing to resolve
    ]
    # 2026/011 was the year's last resolution, at the Property and Assets Sub-Committee on 10 November.
    assert [line for line in body.splitlines() if line.startswith("::: resolved")] == [f"::: resolved 2026/0{n}" for n in (12, 13, 14, 15)]
    assert "1. That the minutes of the meeting held on 22 September 2026 be confirmed as a correct record and signed by the Chair." in body
    assert (
        "Apologies for absence were received from Councillor Colin Marsh. Councillor Judith Ormerod attended as a substitute for Councillor Colin Marsh."
        in body
    )
    # the minutes are ready to publish as they stand: the check finds nothing
    assert codes(example, today) == []


def test_an_exempt_item_is_minuted_after_the_motion_citing_its_paragraph(example, on_day):
    today = on_day("2026-12-09")
    assert papers("new", "report", MEETING, "Abbey Walk Lease Arrears", "--exempt", "1", "--exempt", "3", str(example)).exit_code == 0
    report = example / f"papers/meetings/{MEETING}/abbey-walk-lease-arrears.md"
    report.write_text(
        report.read_text("utf-8")
        .replace("status: draft", "status: final")
        .replace(
            'recommendations:\n  - "TBC: what the committee is asked to do, such as Approve the proposals in Appendix A."',
            "recommendations:\n  - Write off the arrears of the former tenant.",
        ),
        "utf-8",
    )
    assert papers("meeting", "held", MEETING, str(example)).exit_code == 0
    assert papers("new", "minutes", MEETING, str(example)).exit_code == 0
    body = (example / f"papers/meetings/{MEETING}/minutes.md").read_text("utf-8")
    assert (
        "## 8. Exclusion of the Public\n\n::: resolved 2026/016\n1. That the public be excluded from the meeting for the following item, which involves the likely disclosure of exempt information under paragraphs 1 and 3 of Part 1 of Schedule 12A to the Local Government Act 1972.\n:::"
        in body
    )
    assert "## 9. Abbey Walk Lease Arrears" in body
    assert "::: resolved 2026/017\n1. That the recommendations in the exempt report be approved.\n:::" in body
    assert "Write off" not in body  # the exempt recommendation is not copied into the minutes
    assert "PAP410" not in codes(example, today) and "PAP211" not in codes(example, today)


def test_numbers_start_again_in_a_new_municipal_year(minimal, on_day):
    today = on_day("2026-05-20")
    # the fixture's only resolution is 2025/001, in March 2026: May 2026 begins the 2026 year
    assert papers("meeting", "held", "2026-04-14-audit", str(minimal)).exit_code == 0
    assert papers("new", "meeting", "audit", "2026-05-19", str(minimal)).exit_code == 0
    assert papers("meeting", "publish", "2026-05-19-audit", "--on", "2026-05-08", str(minimal)).exit_code == 0
    assert papers("meeting", "held", "2026-05-19-audit", str(minimal)).exit_code == 0
    assert papers("new", "minutes", "2026-04-14-audit", str(minimal)).exit_code == 0
    assert papers("new", "minutes", "2026-05-19-audit", str(minimal)).exit_code == 0
    april = (minimal / "papers/meetings/2026-04-14-audit/minutes.md").read_text("utf-8")
    may = (minimal / "papers/meetings/2026-05-19-audit/minutes.md").read_text("utf-8")
    assert "::: resolved 2025/002" in april and "::: resolved 2025/003" in april
    assert "::: resolved 2026/001" in may
    assert codes(minimal, today) == []


def test_minutes_written_out_of_order_say_what_to_renumber(minimal, on_day):
    on_day("2026-05-20")
    assert papers("new", "meeting", "audit", "2026-03-24", str(minimal)).exit_code == 0  # between the two fixture meetings
    result = papers("new", "minutes", "2026-03-24-audit", str(minimal))
    assert result.exit_code == 0, result.output
    # the meeting of 3 March used 2025/001; 14 April's minutes do not exist yet: no conflict to report
    assert "renumber" not in result.output
    assert papers("new", "minutes", "2026-04-14-audit", "--apologies", "ruth-kemp", str(minimal)).exit_code == 0
    (minimal / "papers/meetings/2026-03-24-audit/minutes.md").unlink()
    meeting_yml = minimal / "papers/meetings/2026-03-24-audit/meeting.yml"
    meeting_yml.write_text(meeting_yml.read_text("utf-8").replace("  - apologies\n", "  - apologies\n  - item: Chair's Announcements\n"), "utf-8")
    result = papers("new", "minutes", "2026-03-24-audit", str(minimal))
    assert "the minutes of 2026-04-14-audit, later in the same municipal year, already number resolutions" in result.output


# --- appendices --------------------------------------------------------------------


def test_a_pdf_appendix_is_copied_and_listed(minimal, tmp_path):
    from weasyprint import HTML

    source = tmp_path / "Audit universe.pdf"
    HTML(string="<p>The audit universe, by directorate.</p>").write_pdf(source)
    report = minimal / "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md"
    before = report.read_text("utf-8")
    result = papers("new", "appendix", "2026-04-14-audit", "04-internal-audit-plan", str(source), str(minimal))
    assert result.exit_code == 0, result.output
    copied = minimal / "papers/meetings/2026-04-14-audit/04-internal-audit-plan/appendix-b.pdf"
    assert copied.read_bytes() == source.read_bytes()
    assert "Listed Appendix B (Audit universe) in the report's `appendices`" in result.output
    assert report.read_text("utf-8") == before.replace(
        "  - {title: Audit plan detail, file: 04-internal-audit-plan/appendix-a.md}\n",
        "  - {title: Audit plan detail, file: 04-internal-audit-plan/appendix-a.md}\n"
        "  - {title: Audit universe, file: 04-internal-audit-plan/appendix-b.pdf}\n",
    )
    assert check(minimal).problems.items == []


def test_an_exempt_appendix_asks_for_its_reasons(minimal, tmp_path):
    source = tmp_path / "fraud-cases.md"
    source.write_text("# Fraud cases\n\nThree cases are under investigation.\n", "utf-8")
    result = papers("new", "appendix", "2026-04-14-audit", "04-internal-audit-plan", str(source), "--title", "Open fraud cases", "--exempt", "7", str(minimal))
    assert result.exit_code == 0, result.output
    listed = front_matter(minimal / "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md")["appendices"][1]
    assert listed["exempt"]["paragraphs"] == [7]
    found = check(minimal).problems.items
    assert sorted((p.code, p.message.split(" still")[0]) for p in found) == [
        ("PAP430", "`appendices.exempt.public_interest` (item 2)"),
        ("PAP430", "`appendices.exempt.reason` (item 2)"),
    ]


def test_appendix_letters_run_past_z():
    from committee_papers.authoring.appendix import letter

    assert [letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == ["A", "B", "Z", "AA", "AB", "AZ", "BA"]


def test_an_appendix_goes_into_front_matter_without_a_list(minimal, tmp_path):
    report = minimal / "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md"
    text = report.read_text("utf-8")
    report.write_text(text.replace("appendices:\n  - {title: Audit plan detail, file: 04-internal-audit-plan/appendix-a.md}\n", ""), "utf-8")
    unlisted = minimal / "papers/meetings/2026-04-14-audit/04-internal-audit-plan/appendix-a.md"
    refused = papers("new", "appendix", "2026-04-14-audit", "04-internal-audit-plan", str(unlisted), str(minimal))
    assert refused.exit_code == 1 and "appendix-a.md already exists, but the report does not list it" in refused.output
    unlisted.unlink()
    source = tmp_path / "scope.md"
    source.write_text("# Scope\n", "utf-8")
    assert papers("new", "appendix", "2026-04-14-audit", "04-internal-audit-plan", str(source), str(minimal)).exit_code == 0
    after = report.read_text("utf-8")
    assert "divisions_affected: all\nappendices:\n  - {title: Scope, file: 04-internal-audit-plan/appendix-a.md}\n---\n" in after
    assert yaml.safe_load(after.split("---\n")[1])["appendices"] == [{"title": "Scope", "file": "04-internal-audit-plan/appendix-a.md"}]
