"""Inputs that once hung or crashed `papers check` and `papers build` now finish, with located problems.

A run still going after HANG seconds fails the test. That is a guard against a
hang, not a speed target: before the fixes these inputs ran for hours (or for
ever), and now they take a second or two. Speeds are measured by
benchmarks/pathological.py.
"""

from __future__ import annotations

import json
import os

from conftest import run_papers

HANG = 240
FOLDER = "papers/meetings/2026-04-14-audit"
REPORT = f"{FOLDER}/04-internal-audit-plan.md"


def problems_of(result) -> set[str]:
    return {f"{p['file']}:{p['line']}:{p['column']}: {p['code']}" for p in json.loads(result.stdout)}


def test_a_line_of_spaces_in_a_report_and_the_minutes_is_read_once(minimal):
    """A line of many spaces made a pattern try every split of them: minutes for 5,000 spaces, hours for 19,000."""
    report = minimal / REPORT
    report.write_text(report.read_text("utf-8") + "\n" + " " * 19_000 + "\n\nA paragraph after the spaces.\n", "utf-8")
    minutes = minimal / "papers/meetings/2026-03-03-audit/minutes.md"
    minutes.write_text(minutes.read_text("utf-8") + "\n" + " " * 19_000 + ":exempt\n", "utf-8")
    result = run_papers("check", str(minimal), "--format", "json", give_up=HANG)
    assert "Traceback" not in result.stderr
    # the spaces before `:exempt` make it a misspelt block marker, told at its line
    assert problems_of(result) == {"papers/meetings/2026-03-03-audit/minutes.md:26:1: PAP222"}


def test_a_paragraph_of_a_million_spaces_is_refused_at_once(minimal):
    """Such a line made the check look for `{#para:NAME}` from every position of it: hours. Now it is too long to read (PAP012)."""
    report = minimal / REPORT
    text = report.read_text("utf-8").replace("The plan covers twelve audits. {#para:scope}", "The plan" + " " * 1_000_000 + "covers audits. {#para:scope}")
    report.write_text(text, "utf-8")
    result = run_papers("check", str(minimal), "--format", "json", give_up=HANG)
    assert problems_of(result) == {f"{REPORT}:20:20001: PAP012"}


def test_a_pipe_named_like_a_report_is_reported_not_read(minimal):
    """Reading a named pipe waits for a writer that never comes."""
    os.mkfifo(minimal / FOLDER / "05-pipe.md")
    os.mkfifo(minimal / "papers/meetings/2026-03-03-audit/notes.txt")  # an unknown file, whose warning's line was read
    result = run_papers("check", str(minimal), "--format", "json", give_up=HANG)
    assert problems_of(result) == {
        f"{FOLDER}/05-pipe.md:1:1: PAP003",
        "papers/meetings/2026-03-03-audit/notes.txt:1:1: PAP010",
    }


def test_a_meeting_in_the_last_hour_of_the_calendar_is_refused_at_its_date(minimal):
    """9999-12-31 at 23:30 plus two hours is past the last date Python knows, and a month's grid runs into 10000: builds crashed."""
    folder = minimal / "papers/meetings/9999-12-31-audit"
    folder.mkdir()
    (folder / "meeting.yml").write_text('committee: audit\ndate: 9999-12-31\ntime: "23:30"\nstatus: scheduled\n', "utf-8")
    result = run_papers("build", str(minimal), "--no-packs", give_up=HANG)
    assert result.returncode == 1
    assert "papers/meetings/9999-12-31-audit/meeting.yml:2:7: error PAP107: date: `9999-12-31` is not a date between 1900 and 2199" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_a_meeting_in_the_last_hour_of_the_last_year_allowed_builds(minimal):
    folder = minimal / "papers/meetings/2199-12-31-audit"
    folder.mkdir()
    (folder / "meeting.yml").write_text('committee: audit\ndate: 2199-12-31\ntime: "23:30"\nstatus: scheduled\n', "utf-8")
    result = run_papers("build", str(minimal), "--no-packs", give_up=HANG)
    assert result.returncode == 0, result.stderr
    calendar = (minimal / "site/meetings/2199-12-31-audit/meeting.ics").read_text("utf-8")
    assert "DTSTART;TZID=Europe/London:21991231T233000" in calendar


def test_a_number_of_5000_digits_is_refused_where_it_is_written(minimal):
    """Python will not read a whole number of more than 4,300 digits: `papers check` stopped with a traceback."""
    report = minimal / REPORT
    report.write_text(report.read_text("utf-8").replace("title: Internal Audit Plan 2026/27", "title: " + "7" * 5000), "utf-8")
    (minimal / "mkdocs.yml").write_text("site_name: Papers\nplugins: [committee-papers]\nextra: {count: " + "7" * 5000 + "}\n", "utf-8")
    result = run_papers("check", str(minimal), give_up=HANG)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert f"{REPORT}:2:8: error PAP018: this number is 5,000 characters long; a number may have at most 1,000" in result.stdout
    assert "mkdocs.yml:3:16: error PAP018" in result.stdout
    result = run_papers("build", str(minimal), "--no-packs", give_up=HANG)
    assert result.returncode == 1 and "mkdocs.yml:3:16: error PAP018" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
