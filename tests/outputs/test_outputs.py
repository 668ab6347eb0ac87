"""Calendars, the feed and the open data of the built example, read as a subscriber's software would."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import lxml.etree
from helpers import load_yaml
from icalendar import Calendar

LONDON = ZoneInfo("Europe/London")


def events(path: Path) -> list:
    return [c for c in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


def expected_start(papers: Path, meeting_id: str) -> dt.datetime:
    meeting = load_yaml(papers / "meetings" / meeting_id / "meeting.yml")
    committee = load_yaml(papers / "committees" / f"{meeting['committee']}.yml")
    hours, minutes = map(int, (meeting.get("time") or committee["default_time"]).split(":"))
    return dt.datetime.combine(meeting["date"], dt.time(hours, minutes), tzinfo=LONDON)


def test_meeting_calendar_holds_the_london_time_in_summer_and_winter(built_example):
    site, papers = built_example / "site", built_example / "papers"
    for meeting_id in ("2026-09-22-resources", "2026-01-20-property-and-assets"):
        [event] = events(site / "meetings" / meeting_id / "meeting.ics")
        start = event.decoded("dtstart")
        assert start == expected_start(papers, meeting_id)
        assert start.utcoffset() == (dt.timedelta(hours=1) if start.month == 9 else dt.timedelta(0))
        assert str(event["location"]) == load_yaml(papers / "meetings" / meeting_id / "meeting.yml").get("venue", str(event["location"]))


def test_committee_and_full_calendars_list_every_meeting(built_example):
    site, papers = built_example / "site", built_example / "papers"
    folders = sorted(p.name for p in (papers / "meetings").iterdir())
    assert sorted(str(e["uid"]).split("@")[0] for e in events(site / "calendar.ics")) == folders
    resources = [f for f in folders if load_yaml(papers / "meetings" / f / "meeting.yml")["committee"] == "resources"]
    assert sorted(str(e["uid"]).split("@")[0] for e in events(site / "committees/resources/calendar.ics")) == resources
    cancelled = [e for e in events(site / "calendar.ics") if str(e["uid"]).startswith("2026-07-08")]
    assert str(cancelled[0]["status"]) == "CANCELLED"


def test_feed_is_valid_atom(built_example):
    schema = lxml.etree.RelaxNG(lxml.etree.parse(str(Path(__file__).parent / "atom.rng")))
    feed = lxml.etree.parse(str(built_example / "site/feed.xml"))
    assert schema.validate(feed), schema.error_log
    titles = feed.xpath("//a:entry/a:title/text()", namespaces={"a": "http://www.w3.org/2005/Atom"})
    assert "Agenda published: Resources Committee, 8 December 2026" in titles
    assert any(t.startswith("Decision 2026/011") for t in titles)


def test_open_data_validates_against_its_schemas(built_example):
    data = built_example / "site/data"
    for name in ("meetings", "items", "reports", "decisions", "people"):
        records = json.loads((data / f"{name}.json").read_text("utf-8"))
        schema = json.loads((data / f"{name}.schema.json").read_text("utf-8"))
        jsonschema.validate(records, schema)
        assert records, name
    reports = json.loads((data / "reports.json").read_text("utf-8"))
    exempt = [r for r in reports if r["exempt_paragraphs"]]
    assert exempt and all(r["pdf"] is None and r["report_of"] is None for r in exempt)
    meetings = {m["id"]: m for m in json.loads((data / "meetings.json").read_text("utf-8"))}
    assert meetings["2027-01-20-environment-and-planning"]["agenda_published"] is None


def test_a_committee_and_council_named_over_several_lines_get_their_calendars(minimal):
    """A name written as a YAML block (`name: >`) ends with a line break, which a calendar's name cannot hold."""
    from conftest import run_papers

    committee = minimal / "papers/committees/audit.yml"
    committee.write_text(committee.read_text("utf-8").replace("name: Audit Committee", "name: >\n  Audit\n  Committee"), "utf-8")
    council = minimal / "papers/council.yml"
    council.write_text(council.read_text("utf-8").replace("name: ", "name: |\n  ", 1), "utf-8")
    result = run_papers("build", str(minimal), "--no-packs")
    assert result.returncode == 0, result.stderr
    calendar = Calendar.from_ical((minimal / "site/committees/audit/calendar.ics").read_bytes())
    assert str(calendar["x-wr-calname"]) == "Audit Committee"
