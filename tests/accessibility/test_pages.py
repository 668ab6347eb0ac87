"""Every kind of page, in a real browser: axe-core WCAG 2.2 A/AA, keyboard, 400% zoom, print."""

from __future__ import annotations

import pytest
from browser import axe_violations, still_tab
from playwright.sync_api import expect

PAGES = {
    "home": "",
    "committees": "committees/",
    "committee": "committees/resources/",
    "sub-committee": "committees/property-and-assets/",
    "meetings": "meetings/",
    "municipal year": "meetings/years/2026-27/",
    "meeting": "meetings/2026-09-22-resources/",
    "cancelled meeting": "meetings/2026-07-08-environment-and-planning/",
    "unpublished meeting": "meetings/2027-01-20-environment-and-planning/",
    "report": "meetings/2026-09-22-resources/04-leisure-centre-operating-contract/",
    "report with a table": "meetings/2026-10-14-environment-and-planning/04-garden-waste-charges/",
    "exempt item": "meetings/2026-01-20-property-and-assets/05-former-calderby-depot/",
    "minutes": "meetings/2026-09-22-resources/minutes/",
    "minutes with an exempt item": "meetings/2026-01-20-property-and-assets/minutes/",
    "decisions": "decisions/",
    "decisions of a year": "decisions/2026-27/",
    "calendar month": "meetings/calendar/2026-11/",
    "forward plan": "forward-plan/",
    "find your councillor": "people/divisions/",
    "councillors": "people/",
    "councillor": "people/harjit-sandhu/",
    "calendars and data": "subscribe/",
    "accessibility statement": "accessibility/",
    "council's own page": "have-your-say/",
}


@pytest.mark.parametrize("name", PAGES)
def test_page_passes_axe_wcag_22_aa(tab, served, name):
    tab.goto(served + PAGES[name])
    assert axe_violations(tab) == []


def test_search_results_pass_axe(tab, served):
    tab.goto(served)
    tab.click("input.md-search__input")
    tab.keyboard.type("leisure centre", delay=20)
    expect(tab.locator(".md-search-result__item", has_text="Leisure Centre").first).to_be_visible(timeout=15000)
    assert axe_violations(tab) == []


@pytest.mark.parametrize("name", ["home", "meeting", "report", "minutes", "decisions"])
def test_keyboard_skip_link_and_visible_focus(tab, served, name):
    tab.goto(served + PAGES[name])
    tab.keyboard.press("Tab")
    focused = tab.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e); const r = e.getBoundingClientRect();
        return {text: e.textContent.trim(), href: e.getAttribute('href'), outline: s.outlineStyle, width: s.outlineWidth,
                visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.top < innerHeight}; }"""
    )
    assert focused["text"] == "Skip to content"
    assert focused["visible"] and focused["outline"] != "none" and focused["width"] != "0px"
    tab.keyboard.press("Enter")
    target = focused["href"].lstrip("#")
    assert tab.evaluate("() => location.hash") == f"#{target}"
    assert tab.evaluate(f"() => document.getElementById('{target}').tagName") == "H1"
    for _ in range(6):
        tab.keyboard.press("Tab")
        style = tab.evaluate("() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.boxShadow]; }")
        assert style[0] != "none" or style[1] != "none", "every focused element shows where the focus is"


OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const clippedAway = e => { for (let p = e.parentElement; p; p = p.parentElement) {
    const s = getComputedStyle(p); const r = p.getBoundingClientRect();
    if (s.overflow === 'hidden' && r.width <= 1 && r.height <= 1) return true; } return false; };
  const found = [];
  for (const e of document.querySelectorAll('body *')) {
    const s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility === 'hidden' || e.closest('[hidden], .md-sidebar, .md-search')) continue;
    const r = e.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue;
    if (e.closest('.table-wrap') && getComputedStyle(e.closest('.table-wrap')).overflowX === 'auto') continue;  // a table's own scrolling region, with its cue
    if (clippedAway(e)) continue;  // visually hidden: read by screen readers, never seen
    if (r.width > width + 0.5 || r.right > width + 0.5) found.push(e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(r.right));
  }
  return found.slice(0, 5);
}"""


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("name", list(PAGES))
def test_nothing_is_wider_than_a_small_screen(browser, served, name, width):
    page = still_tab(browser, viewport={"width": width, "height": 640})
    page.goto(served + PAGES[name])
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    overflowing = page.evaluate(OVERFLOWING)
    cues = page.evaluate(
        "() => [...document.querySelectorAll('.table-wrap')].filter(r => r.scrollWidth > r.clientWidth + 1)"
        ".map(r => !!(r.previousElementSibling && r.previousElementSibling.matches('.table-scroll-cue') && r.previousElementSibling.offsetHeight > 0))"
    )
    page.context.close()
    assert scroll_width <= width, f"the page is {scroll_width} CSS pixels wide on a {width} pixel screen"
    assert overflowing == [], f"wider than the screen: {overflowing}"
    assert all(cues), "every table that scrolls sideways says so above it"


def test_print_stylesheet_leaves_out_the_menus(tab, served):
    tab.goto(served + PAGES["report"])
    tab.emulate_media(media="print")
    hidden = tab.evaluate(
        "() => ['.md-header', '.md-sidebar--primary', '.breadcrumbs', '.md-footer'].map(s => { const e = document.querySelector(s); return !e || getComputedStyle(e).display === 'none'; })"
    )
    assert hidden == [True, True, True, True]
    assert tab.locator("h1").inner_text().strip().lower().startswith("leisure centre")


def test_pagefind_search_finds_reports_and_passes_axe(tab, pagefind_site):
    loaded = []
    tab.on("response", lambda response: loaded.append(response.url))
    tab.goto(pagefind_site + "search/")
    tab.click("input.pagefind-ui__search-input")
    tab.keyboard.type("leisure centre", delay=20)
    expect(tab.locator(".pagefind-ui__result-title").first).to_have_text("Leisure Centre Operating Contract: Procurement Approach", timeout=15000)
    assert axe_violations(tab) == []
    assert not any("search_index.json" in url for url in loaded), "no whole-site index is loaded"
    assert not any(not url.startswith(pagefind_site) for url in loaded), "nothing is fetched from another website"
