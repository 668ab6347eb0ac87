"""What a resident finds on the example site in a real browser: numbers to tap, where to have a say, the decisions
that matter, a register with room for what was resolved, and minutes' attendance that fits a phone."""

from __future__ import annotations

import re

import pytest
from browser import axe_violations, still_tab
from helpers import load_yaml

MINUTES = "meetings/2026-09-22-resources/minutes/"
COMING = "meetings/2026-12-08-resources/"
WIDTHS = [320, 375, 1280]


def _people(built_example) -> dict:
    return load_yaml(built_example / "papers" / "people.yml")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_councillors_telephone_number_is_a_link_to_call_it(browser, served, built_example, width):
    councillor = _people(built_example)["councillors"]["harjit-sandhu"]
    page = still_tab(browser, viewport={"width": width, "height": 800})
    page.goto(served + "people/harjit-sandhu/")
    link = page.get_by_role("link", name=councillor["phone"], exact=True)
    href, box = link.get_attribute("href"), link.bounding_box()
    violations = axe_violations(page)
    page.context.close()
    assert href == "tel:" + re.sub(r"[^0-9+]", "", str(councillor["phone"]))
    assert box and box["width"] > 0 and box["x"] + box["width"] <= width
    assert violations == []


def test_find_your_councillor_and_the_clerk_give_numbers_to_tap(tab, served, built_example):
    councillor = _people(built_example)["councillors"]["harjit-sandhu"]
    tab.goto(served + "people/divisions/")
    assert tab.get_by_role("link", name=councillor["phone"], exact=True).get_attribute("href") == "tel:" + str(councillor["phone"]).replace(" ", "")
    tab.goto(served + COMING)
    calls = [a.get_attribute("href") for a in tab.locator("dl.meeting-details a[href^='tel:']").all()]
    assert calls and all(re.fullmatch(r"tel:\+?[0-9]+", href) for href in calls)


@pytest.mark.parametrize("width", WIDTHS)
def test_have_your_say_is_linked_from_the_home_page_and_a_coming_meeting(browser, served, built_example, width):
    title = (built_example / "pages" / "have-your-say.md").read_text("utf-8").splitlines()[0].lstrip("# ").strip()
    page = still_tab(browser, viewport={"width": width, "height": 800})
    found = []
    for address in ["", COMING]:
        page.goto(served + address)
        section = page.locator("h2#attend-or-speak")
        link = page.get_by_role("link", name=title, exact=True)
        found.append((section.count(), link.count(), axe_violations(page)))
        link.click()
        page.wait_for_url("**/have-your-say/")
        found.append(page.locator("h1").inner_text())
    page.goto(served + MINUTES.replace("minutes/", ""))  # a meeting already held: nothing to attend
    held = page.locator("h2#attend-or-speak").count()
    page.context.close()
    assert found == [(1, 1, []), title, (1, 1, []), title]
    assert held == 0


def test_latest_decisions_on_the_home_page_leave_out_procedural_resolutions(tab, served, built_example):
    tab.goto(served)
    shown = tab.locator("ul.decision-list > li").all_inner_texts()
    assert len(shown) == 8, shown
    for procedural in ["Minutes of the", "Apologies for Absence", "Declarations of Interests", "Exclusion of the Public"]:
        assert not [line for line in shown if procedural in line], shown
    tab.goto(served + "decisions/2026-27/")
    register = " ".join(tab.locator("table.register tbody tr").all_inner_texts())
    assert "confirmed as a correct record" in register, "the register still records them all"
    assert axe_violations(tab) == []


def test_resolved_is_the_widest_column_of_the_register_at_desktop_width(tab, served):
    tab.goto(served + "decisions/2026-27/")
    widths = tab.evaluate("() => [...document.querySelectorAll('table.register thead th')].map(th => [th.textContent, th.getBoundingClientRect().width])")
    widest = max(widths, key=lambda column: column[1])
    assert widest[0] == "Resolved", widths
    assert widest[1] >= sum(width for _, width in widths) / 3, widths


_SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = [...document.querySelectorAll('*')].filter(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1
      && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX));
  return {page: document.documentElement.scrollWidth, width, scrolls: scrolls.map(e => e.tagName.toLowerCase() + '.' + e.className)};
}"""


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("address", ["decisions/2026-27/", MINUTES])
def test_nothing_scrolls_sideways_on_a_phone(browser, served, address, width):
    page = still_tab(browser, viewport={"width": width, "height": 700})
    page.goto(served + address)
    found = page.evaluate(_SIDEWAYS)
    page.context.close()
    assert found["page"] <= width, found
    assert found["scrolls"] == [], found


@pytest.mark.parametrize("width", [320, 375])
def test_attendance_in_the_minutes_is_read_row_by_row_on_a_phone(browser, served, width):
    page = still_tab(browser, viewport={"width": width, "height": 700})
    page.goto(served + MINUTES)
    rows = page.locator("table.attendance tbody tr")
    boxes = [rows.nth(i).bounding_box() for i in range(rows.count())]
    name, status = (rows.first.locator("td").nth(i).bounding_box() for i in range(2))
    label = page.evaluate("() => getComputedStyle(document.querySelectorAll('table.attendance td')[1], '::before').content")
    violations = axe_violations(page)
    page.context.close()
    assert len(boxes) > 3 and all(box["x"] >= 0 and box["x"] + box["width"] <= width for box in boxes)
    assert name["y"] + name["height"] <= status["y"], "a member's attendance is under their name"
    assert label == '"Attendance: "'
    assert violations == []


def test_attendance_in_the_minutes_is_a_grid_at_desktop_width(tab, served):
    tab.goto(served + MINUTES)
    name, status = (tab.locator("table.attendance tbody tr").first.locator("td").nth(i).bounding_box() for i in range(2))
    assert name["y"] == status["y"] and name["x"] < status["x"]
