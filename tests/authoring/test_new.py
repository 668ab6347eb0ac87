"""`papers new meeting` and `papers new report`: files that pass the check, and nothing else in the papers changes."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from committee_papers import scaffold
from committee_papers.check import check
from committee_papers.cli import main

TODAY = dt.date(2026, 11, 26)  # the example council's papers are written as of this day


def papers(*args: str):
    return CliRunner().invoke(main, list(args))


def hashes(council: Path) -> dict[str, str]:
    return {p.relative_to(council).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in (council / "papers").rglob("*") if p.is_file()}


def problems(council: Path) -> set:
    return set(check(council, today=TODAY).problems.items)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---\n")[1])


# --- new meeting -------------------------------------------------------------------------


def test_new_meeting_passes_the_check_and_changes_nothing_else(example):
    before, found_before = hashes(example), problems(example)
    result = papers("new", "meeting", "resources", "2027-03-02", str(example))
    assert result.exit_code == 0, result.output
    created = "papers/meetings/2027-03-02-resources/meeting.yml"
    assert f"Created {created}" in result.output
    after = hashes(example)
    assert set(after) - set(before) == {created}
    assert {k: v for k, v in after.items() if k != created} == before
    assert problems(example) == found_before == set()

    text = (example / created).read_text("utf-8")
    assert text == (
        "committee: resources\n"
        "date: 2027-03-02\n"
        'time: "10:00"\n'
        "venue: Council Chamber, Council Offices, Abbey Walk, Ravensmere\n"
        "status: scheduled\n"
        "agenda:\n"
        "  - minutes: 2026-09-22-resources\n"  # the last meeting marked held; 2026-12-08 is still scheduled
        "  - apologies\n"
        "  - declarations\n"
    )
    assert "2026-12-08-resources is held" in result.output


def test_a_second_meeting_on_the_same_day_takes_a_suffix(example):
    for _ in range(2):
        assert papers("new", "meeting", "property-and-assets", "2027-03-02", str(example)).exit_code == 0
    second = example / "papers/meetings/2027-03-02-property-and-assets-2/meeting.yml"
    assert yaml.safe_load(second.read_text("utf-8"))["committee"] == "property-and-assets"
    assert problems(example) == set()


def test_no_minutes_item_without_an_earlier_held_meeting(minimal):
    result = papers("new", "meeting", "audit", "2026-01-13", str(minimal))
    assert result.exit_code == 0, result.output
    meeting = yaml.safe_load((minimal / "papers/meetings/2026-01-13-audit/meeting.yml").read_text("utf-8"))
    assert meeting["agenda"] == ["apologies", "declarations"]
    assert meeting["time"] == "18:00" and meeting["venue"] == "Guildhall, Fenbridge"
    assert "no minutes item" in result.output
    assert problems(minimal) == set()


@pytest.mark.parametrize(
    "committee, date, message",
    [
        ("resourcs", "2027-03-02", "there is no committee `resourcs` in papers/committees/; did you mean `resources`?"),
        ("resources", "2027-02-30", "`2027-02-30` is not a real date"),
        ("resources", "next Tuesday", "`next Tuesday` is not a date written YYYY-MM-DD"),
        ("resources", "20270302", "`20270302` is not a date written YYYY-MM-DD"),
    ],
)
def test_new_meeting_refuses_bad_input(example, committee, date, message):
    before = hashes(example)
    result = papers("new", "meeting", committee, date, str(example))
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert hashes(example) == before


# --- new report --------------------------------------------------------------------------


def test_new_report_has_only_unsigned_comments_and_joins_the_agenda(example):
    meeting_yml = example / "papers/meetings/2026-12-08-resources/meeting.yml"
    original = meeting_yml.read_bytes()
    before, found_before = hashes(example), problems(example)
    result = papers("new", "report", "2026-12-08-resources", "Car Park Tariffs: 2027/28", str(example))
    assert result.exit_code == 0, result.output
    created = "papers/meetings/2026-12-08-resources/car-park-tariffs-2027-28.md"
    assert f"Created {created}" in result.output
    assert "Added `- report: car-park-tariffs-2027-28` to the agenda" in result.output

    # The one change to an existing file: a line added to the agenda list, every other byte kept.
    assert meeting_yml.read_bytes() == original + b"  - report: car-park-tariffs-2027-28\n"
    after = hashes(example)
    assert set(after) - set(before) == {created}
    assert {k: v for k, v in after.items() if k not in (created, meeting_yml.relative_to(example).as_posix())} == {
        k: v for k, v in before.items() if k != meeting_yml.relative_to(example).as_posix()
    }

    new_problems = problems(example) - found_before
    assert sorted(p.code for p in new_problems) == ["PAP409", "PAP409"]  # constitutional and financial
    assert {p.file for p in new_problems} == {created}

    front = front_matter(example / created)
    assert front["title"] == "Car Park Tariffs: 2027/28"
    assert front["status"] == "draft"
    assert front["comments"] == {
        "constitutional": {"by": "TBC", "text": front["comments"]["constitutional"]["text"]},
        "financial": {"by": "TBC", "text": front["comments"]["financial"]["text"]},
    }
    body = (example / created).read_text("utf-8")
    for section in ("Information", "Other Options Considered", "Reason/s for Recommendation/s", "Statutory and Policy Implications"):
        assert f"\n## {section}\n\nTBC: " in body


@pytest.mark.parametrize("style", ["numbered-paragraphs", "cover-sheet", "numbered-sections", "ravensmere"])
def test_every_shipped_house_style_is_satisfied(example, style):
    council = example / "papers/council.yml"
    council.write_text(council.read_text("utf-8").replace("house_style: ravensmere", f"house_style: {style}"), "utf-8")
    found_before = problems(example)
    result = papers("new", "report", "2027-01-20-environment-and-planning", "Street Trees", str(example))
    assert result.exit_code == 0, result.output
    new_problems = problems(example) - found_before
    assert [p.code for p in new_problems] == ["PAP409", "PAP409"]


def test_the_report_goes_before_the_exclusion_of_the_public(example):
    assert papers("new", "meeting", "resources", "2027-03-02", str(example)).exit_code == 0
    meeting_yml = example / "papers/meetings/2027-03-02-resources/meeting.yml"
    meeting_yml.write_text(meeting_yml.read_text("utf-8") + "  - exclusion\n", "utf-8")
    result = papers("new", "report", "2027-03-02-resources", "Budget Update", str(example))
    assert result.exit_code == 0, result.output
    agenda = yaml.safe_load(meeting_yml.read_text("utf-8"))["agenda"]
    assert agenda[-2:] == [{"report": "budget-update"}, "exclusion"]
    assert sorted(p.code for p in problems(example)) == ["PAP409", "PAP409"]


def test_a_default_agenda_is_left_alone(minimal):
    meeting_yml = minimal / "papers/meetings/2026-04-14-audit/meeting.yml"
    meeting_yml.write_text(meeting_yml.read_text("utf-8").split("agenda:")[0], "utf-8")
    original = meeting_yml.read_bytes()
    result = papers("new", "report", "2026-04-14-audit", "Counter Fraud Annual Report", str(minimal))
    assert result.exit_code == 0, result.output
    assert meeting_yml.read_bytes() == original
    # minutes, apologies, declarations and 04-internal-audit-plan come first
    assert (minimal / "papers/meetings/2026-04-14-audit/05-counter-fraud-annual-report.md").exists()
    assert sorted(p.code for p in problems(minimal)) == ["PAP409", "PAP409"]


def test_new_report_refuses_an_unknown_meeting(example):
    before = hashes(example)
    result = papers("new", "report", "2026-12-09-resources", "Anything", str(example))
    assert result.exit_code == 1
    assert "there is no meeting `2026-12-09-resources`" in result.output
    assert "did you mean `2026-12-08-resources`?" in result.output
    assert hashes(example) == before


def test_a_file_is_never_overwritten(example, tmp_path):
    target = tmp_path / "report.md"
    target.write_text("the author's words", "utf-8")
    with pytest.raises(scaffold.ScaffoldError, match="already exists"):
        scaffold.write_new(scaffold.NewFile(target, "new text"))
    assert target.read_text("utf-8") == "the author's words"


def test_slugs_and_numbers():
    assert scaffold.slug("Car Park Tariffs: 2027/28") == "car-park-tariffs-2027-28"
    assert scaffold.slug("Café Licences — Review («Phase 2»)") == "cafe-licences-review-phase-2"
    assert scaffold.slug("£££") == "report"
    assert len(scaffold.slug("word " * 40)) <= scaffold.SLUG_LENGTH


# --- the agenda edit ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "before, after",
    [
        ("agenda:\n  - apologies\n", "agenda:\n  - apologies\n  - report: 05-x\n"),
        ("agenda:\n- apologies\nnotes: hi\n", "agenda:\n- apologies\n- report: 05-x\nnotes: hi\n"),
        ("agenda:\n  - apologies", "agenda:\n  - apologies\n  - report: 05-x"),
        ("agenda:\r\n  - apologies\r\n", "agenda:\r\n  - apologies\r\n  - report: 05-x\r\n"),
        ("\ufeffagenda:\n  - apologies\n", "\ufeffagenda:\n  - apologies\n  - report: 05-x\n"),
        (
            "agenda:\n  - item: Notes\n    text: |\n      # not a comment\n\n# the end\nstatus: held\n",
            "agenda:\n  - item: Notes\n    text: |\n      # not a comment\n  - report: 05-x\n\n# the end\nstatus: held\n",
        ),
        (
            "agenda:\n  - apologies   # first\n  - exclusion\n  - report: 09-y\n",
            "agenda:\n  - apologies   # first\n  - report: 05-x\n  - exclusion\n  - report: 09-y\n",
        ),
        ("agenda: [apologies, declarations]\n", "agenda: [apologies, declarations, {report: 05-x}]\n"),
        ("agenda: []\n", "agenda: [{report: 05-x}]\n"),
        ("agenda: [apologies, exclusion]\n", "agenda: [apologies, {report: 05-x}, exclusion]\n"),
    ],
)
def test_add_to_agenda_changes_nothing_but_the_list(before, after):
    assert scaffold.add_to_agenda(before, "05-x") == after


@pytest.mark.parametrize("text", ["committee: x\n", "agenda:\n", "agenda: [a\n", "- not a mapping\n"])
def test_an_agenda_that_cannot_be_edited_is_left_alone(text):
    assert scaffold.add_to_agenda(text, "05-x") is None


# --- placeholders ----------------------------------------------------------------------------


@pytest.mark.parametrize("style", ["numbered-paragraphs", "cover-sheet", "numbered-sections"])
def test_every_placeholder_a_scaffold_writes_is_caught_once_the_report_is_final(example, style):
    """Each line of a scaffolded report holding `TBC` is reported when the report is final: PAP409 for an
    unsigned comment, PAP430 for every other placeholder, in the front matter and the body."""
    council = example / "papers/council.yml"
    council.write_text(council.read_text("utf-8").replace("house_style: ravensmere", f"house_style: {style}"), "utf-8")
    meeting = "2027-01-20-environment-and-planning"
    assert papers("new", "report", meeting, "Street Trees", "--exempt", "3", str(example)).exit_code == 0
    path = example / f"papers/meetings/{meeting}/street-trees.md"
    draft = path.read_text("utf-8")
    assert [p.code for p in problems(example) if p.code == "PAP430"] == []  # a draft may hold them
    path.write_text(draft.replace("status: draft", "status: final"), "utf-8")

    found = [p for p in problems(example) if p.file.endswith("street-trees.md")]
    lines_with_marker = {number for number, line in enumerate(draft.split("\n"), start=1) if "TBC" in line}
    assert {p.line for p in found} == lines_with_marker
    assert {p.code for p in found} == {"PAP409", "PAP430"}
    unsigned = {p.line for p in found if p.code == "PAP409"}
    assert all("by: TBC" in draft.split("\n")[line - 1] for line in unsigned)


def test_new_exempt_report_goes_after_the_exclusion_which_is_added(example):
    meeting_yml = example / "papers/meetings/2026-12-08-resources/meeting.yml"
    original = meeting_yml.read_text("utf-8")
    result = papers("new", "report", "2026-12-08-resources", "Abbey Walk Lease Arrears", "--exempt", "1", str(example))
    assert result.exit_code == 0, result.output
    assert "Added `- exclusion` and `- report: abbey-walk-lease-arrears` to the agenda" in result.output
    assert meeting_yml.read_text("utf-8") == original + "  - exclusion\n  - report: abbey-walk-lease-arrears\n"
    exempt = front_matter(example / "papers/meetings/2026-12-08-resources/abbey-walk-lease-arrears.md")["exempt"]
    assert exempt["paragraphs"] == [1]
    assert exempt["reason"].startswith("TBC:") and exempt["public_interest"].startswith("TBC:")
    # a second exempt report joins the first after the one exclusion; a public one goes before it
    assert papers("new", "report", "2026-12-08-resources", "Castle Street Tenancy", "--exempt", "3", str(example)).exit_code == 0
    assert papers("new", "report", "2026-12-08-resources", "Grants to Parishes", str(example)).exit_code == 0
    agenda = yaml.safe_load(meeting_yml.read_text("utf-8"))["agenda"]
    assert [e if isinstance(e, str) else e.get("report", e.get("planned")) for e in agenda[-5:]] == [
        "Corporate Debt Recovery Policy Review",
        "grants-to-parishes",
        "exclusion",
        "abbey-walk-lease-arrears",
        "castle-street-tenancy",
    ]
    assert {p.code for p in problems(example)} == {"PAP409"}  # nothing else: the exempt reports are after the exclusion


def test_names_follow_titles_so_an_inserted_item_leaves_them_true(example):
    """With the agenda listed in meeting.yml, file names carry no item number: moving an item makes no name wrong."""
    assert papers("new", "meeting", "resources", "2027-03-02", str(example)).exit_code == 0
    meeting = example / "papers/meetings/2027-03-02-resources"
    for title in ("Budget Monitoring", "Capital Programme"):
        assert papers("new", "report", "2027-03-02-resources", title, str(example)).exit_code == 0
    assert sorted(p.name for p in meeting.glob("*.md")) == ["budget-monitoring.md", "capital-programme.md"]
    meeting_yml = meeting / "meeting.yml"
    meeting_yml.write_text(
        meeting_yml.read_text("utf-8").replace("  - report: budget-monitoring\n", "  - item: Chair's Announcements\n  - report: budget-monitoring\n"), "utf-8"
    )
    assert sorted(p.code for p in problems(example)) == ["PAP409"] * 4


def test_a_title_that_would_take_a_meetings_own_address_is_renamed(example):
    assert papers("new", "report", "2026-12-08-resources", "Minutes", str(example)).exit_code == 0
    assert (example / "papers/meetings/2026-12-08-resources/minutes-report.md").exists()
    assert not (example / "papers/meetings/2026-12-08-resources/minutes.md").exists()


def test_a_committee_without_standard_items_still_gets_an_agenda_list(minimal):
    committee = minimal / "papers/committees/audit.yml"
    committee.write_text(committee.read_text("utf-8") + "standard_items: []\n", "utf-8")
    assert papers("new", "meeting", "audit", "2026-06-09", str(minimal)).exit_code == 0
    meeting_yml = minimal / "papers/meetings/2026-06-09-audit/meeting.yml"
    assert meeting_yml.read_text("utf-8").endswith("status: scheduled\nagenda: []\n")
    assert papers("new", "report", "2026-06-09-audit", "Risk Register", str(minimal)).exit_code == 0
    assert meeting_yml.read_text("utf-8").endswith("agenda: [{report: risk-register}]\n")
    assert sorted(p.code for p in problems(minimal)) == ["PAP409", "PAP409"]
