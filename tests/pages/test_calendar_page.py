"""Browsing meetings by month: one calendar page per month, each meeting on its day."""

from __future__ import annotations

import calendar

from helpers import content, load_yaml, page, text


def test_every_meeting_is_on_its_day_in_its_month(built_example):
    site, papers = built_example / "site", built_example / "papers"
    for folder in sorted((papers / "meetings").iterdir()):
        meeting = load_yaml(folder / "meeting.yml")
        day = meeting["date"]
        committee = load_yaml(papers / "committees" / f"{meeting['committee']}.yml")["name"]
        root = content(page(site, f"meetings/calendar/{day:%Y-%m}/"))
        label = f"{calendar.day_name[day.weekday()]} {day.day} {calendar.month_name[day.month]}"
        cell = root.xpath(f"//table[@class='calendar']//td[span[@class='day-label'][starts-with(normalize-space(.), '{label}')]]")[0]
        assert committee in text(cell)
        assert f"../../{folder.name}/" in cell.xpath(".//a/@href")


def test_months_link_to_the_months_either_side(built_example):
    site = built_example / "site"
    root = content(page(site, "meetings/calendar/2026-01/"))
    assert root.xpath("//nav[@class='month-nav']//a[@rel='prev']/@href") == ["../2025-12/"]
    assert root.xpath("//nav[@class='month-nav']//a[@rel='next']/@href") == ["../2026-02/"]
    empty = content(page(site, "meetings/calendar/2026-04/"))
    assert "No meetings are held in April 2026." in text(empty)
    first = content(page(site, "meetings/calendar/2025-07/"))
    assert not first.xpath("//a[@rel='prev']")
    index = content(page(site, "meetings/"))
    assert index.xpath("//p[@class='calendar-link']/a/@href") == ["calendar/2026-11/"]
