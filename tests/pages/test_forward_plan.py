"""The forward plan: key decisions from planned items and published reports, on a page, a feed, a calendar and open data."""

from __future__ import annotations

import json

import lxml.etree
from helpers import content, front_matter, load_yaml, page, text
from icalendar import Calendar

LATER = "papers/meetings/2027-01-20-environment-and-planning/meeting.yml"


def entries(site):
    root = content(page(site, "forward-plan/"))
    found = {}
    for section in root.xpath("//section[@class='plan-entry']"):
        details = {text(dt): text(dt.getnext()) for dt in section.xpath(".//dt")}
        found[text(section.xpath("h3")[0])] = details
    return found


def test_planned_key_decision_is_on_the_plan_with_its_details(built_example):
    site = built_example / "site"
    agenda = load_yaml(built_example / LATER)["agenda"]
    planned = next(e for e in agenda if isinstance(e, dict) and e.get("key_decision") and not e.get("exempt"))
    people = load_yaml(built_example / "papers/people.yml")
    details = entries(site)[planned["planned"]]
    decision = planned["key_decision"]
    assert details["Reference"] == decision["forward_plan"]
    assert details["Decision maker"] == "Environment and Planning Committee"
    assert details["Expected date"] == "Wednesday 20 January 2027"
    assert details["Lead member"] == "Councillor " + people["councillors"][decision["lead_member"]]["name"]
    assert details["Lead officer"].startswith(people["officers"][planned["lead"]]["name"])
    assert details["Taken in private"] == "No"
    assert details["Report"] == "Not yet published"


def test_exempt_planned_decision_says_it_is_private(built_example):
    agenda = load_yaml(built_example / LATER)["agenda"]
    planned = next(e for e in agenda if isinstance(e, dict) and e.get("exempt"))
    details = entries(built_example / "site")[planned["planned"]]
    assert details["Taken in private"] == f"Yes: exempt (Paragraph {planned['exempt']['paragraphs'][0]})"


def test_a_published_report_with_a_key_decision_is_on_the_plan(built_example):
    site, papers = built_example / "site", built_example / "papers"
    report = front_matter(papers / "meetings/2026-12-08-resources/04-financial-management-system.md")
    details = entries(site)[report["title"]]
    assert details["Reference"] == report["key_decision"]["forward_plan"]
    assert details["Report"] == "Read the report"
    taken = front_matter(papers / "meetings/2026-09-22-resources/04-leisure-centre-operating-contract.md")
    assert entries(site)[taken["title"]]["Decision"] == "Resolution 2026/005"


def test_feed_calendar_and_open_data_hold_the_same_decisions(built_example):
    site = built_example / "site"
    shown = set(entries(site))
    feed = lxml.etree.parse(str(site / "forward-plan/feed.xml"))
    titles = feed.xpath("//a:entry/a:title/text()", namespaces={"a": "http://www.w3.org/2005/Atom"})
    assert {t.removeprefix("Key decision: ") for t in titles} == shown
    events = Calendar.from_ical((site / "forward-plan/calendar.ics").read_bytes()).walk("VEVENT")
    assert {str(e["summary"]).removeprefix("Key decision: ") for e in events} == shown
    data = json.loads((site / "data/forward-plan.json").read_text("utf-8"))
    assert {row["title"] for row in data} == shown
    assert (site / "data/forward-plan.schema.json").exists()
