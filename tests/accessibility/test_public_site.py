"""What a resident sees and does in a real browser: documents under each item, the month calendar,
the forward plan, narrowing the decisions register, and search results that say where they come from."""

from __future__ import annotations

import re

from browser import axe_violations, still_tab
from helpers import front_matter, load_yaml
from playwright.sync_api import expect

MEETING = "meetings/2026-09-22-resources/"


def kilobytes(path) -> str:
    return f"{round(path.stat().st_size / 1024)} KB"


def test_documents_and_their_sizes_under_each_item(tab, served, built_example):
    site = built_example / "site"
    tab.goto(served + MEETING)
    item = tab.locator("#item-4")
    documents = item.locator("ul.documents > li").all_inner_texts()
    report = front_matter(built_example / "papers" / MEETING / "04-leisure-centre-operating-contract.md")
    assert documents[0] == "Report (web page)"
    assert documents[1] == f"Report (PDF, {kilobytes(site / MEETING / '04-leisure-centre-operating-contract.pdf')})"
    assert documents[2] == f"Appendix A: {report['appendices'][0]['title']} (web page)"
    assert "not published" in documents[3]
    assert item.locator(".item-recommendations li").all_inner_texts() == report["recommendations"]
    assert item.locator(".item-decision").inner_text().startswith("Decision: resolution 2026/005")
    response = tab.request.get(tab.url + item.get_by_role("link", name="Report", exact=True).nth(1).get_attribute("href"))
    assert response.ok and response.body()[:5] == b"%PDF-"


def test_calendar_moves_month_by_month(tab, served):
    tab.goto(served + "meetings/")
    tab.get_by_role("link", name="Browse meetings by month").click()
    expect(tab.locator("h1")).to_have_text("Meetings in November 2026")
    assert "Property and Assets Sub-Committee" in tab.locator("table.calendar").inner_text()
    tab.get_by_role("link", name="December 2026 (next month)").click()
    expect(tab.locator("h1")).to_have_text("Meetings in December 2026")
    day = tab.locator("td", has=tab.locator(".day-label", has_text="Tuesday 8 December"))
    assert day.get_by_role("link").inner_text() == "Resources Committee, 10am"
    tab.get_by_role("link", name="November 2026 (previous month)").click()
    tab.get_by_role("link", name="October 2026 (previous month)").click()
    expect(tab.locator("h1")).to_have_text("Meetings in October 2026")
    headers = tab.locator("table.calendar thead th").all_inner_texts()
    assert headers == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert axe_violations(tab) == []


def test_forward_plan_shows_a_planned_key_decision(tab, served, built_example):
    agenda = load_yaml(built_example / "papers/meetings/2027-01-20-environment-and-planning/meeting.yml")["agenda"]
    planned = next(e for e in agenda if isinstance(e, dict) and e.get("key_decision") and not e.get("exempt"))
    tab.goto(served)
    tab.get_by_role("link", name="Forward plan").first.click()
    entry = tab.locator("section.plan-entry", has=tab.get_by_role("heading", name=planned["planned"]))
    shown = entry.inner_text()
    assert planned["key_decision"]["forward_plan"] in shown
    assert "Wednesday 20 January 2027" in shown
    assert "Environment and Planning Committee" in shown


def test_filter_narrows_the_register_without_reloading(tab, served):
    tab.goto(served + "decisions/2026-27/")
    tab.evaluate("() => { window.notReloaded = true; }")
    rows = tab.locator("table.register tbody tr")
    total = rows.count()
    assert total > 5
    tab.get_by_label("Committee", exact=True).select_option(label="Resources Committee")
    visible = tab.locator("table.register tbody tr:visible")
    committees = [row.locator("td").nth(2).inner_text() for row in visible.all()]
    assert 0 < len(committees) < total and set(committees) == {"Resources Committee"}
    assert tab.locator("#register-count").inner_text() == f"{len(committees)} of {total} resolutions shown."
    tab.get_by_label("Words in the decision").fill("leisure operating contract")
    assert [row.locator("td").first.inner_text() for row in visible.all()] == ["2026/005"]
    tab.get_by_label("Words in the decision").fill("")
    tab.get_by_label("Committee", exact=True).select_option(label="All committees")
    tab.get_by_label("Municipal year", exact=True).select_option(label="2025/26")
    tab.wait_for_url("**/decisions/2025-26/")
    tab.wait_for_function("() => document.querySelector('h1').textContent.includes('2025/26')")
    numbers = [row.locator("td").first.inner_text() for row in tab.locator("table.register tbody tr:visible").all()]
    assert numbers and all(n.startswith("2025/") for n in numbers)
    assert tab.evaluate("() => window.notReloaded") is True, "the other year was loaded into the page"
    link = tab.locator("table.register tbody tr").first.get_by_role("link").first
    assert link.get_attribute("href").startswith("../../meetings/")
    assert axe_violations(tab) == []


def test_register_works_without_javascript(browser, served):
    page = still_tab(browser, java_script_enabled=False)
    page.goto(served + "decisions/2026-27/")
    assert not page.locator("#register-filter").is_visible()
    assert page.locator("table.register tbody tr").count() > 5
    page.get_by_role("link", name="2025/26").first.click()
    expect(page.locator("h1")).to_contain_text("2025/26")
    page.context.close()


def test_old_register_addresses_lead_to_the_year(tab, served):
    tab.goto(served + "decisions/#resolution-2026-005")
    tab.wait_for_url("**/decisions/2026-27/#resolution-2026-005")
    expect(tab.locator("#resolution-2026-005")).to_be_visible()


def test_register_is_one_card_per_decision_on_a_phone(browser, served):
    page = still_tab(browser, viewport={"width": 375, "height": 700})
    page.goto(served + "decisions/2026-27/")
    rows = page.locator("table.register tbody tr")
    boxes = [rows.nth(i).bounding_box() for i in range(3)]
    assert all(box["width"] <= 375 for box in boxes)
    assert boxes[0]["y"] + boxes[0]["height"] <= boxes[1]["y"], "cards are stacked"
    label = page.evaluate("() => getComputedStyle(document.querySelector('table.register td'), '::before').content")
    page.context.close()
    assert label == '"Number: "'


def test_material_search_results_say_committee_date_and_kind(tab, served):
    tab.goto(served)
    tab.click("input.md-search__input")
    tab.keyboard.type("leisure operating contract", delay=20)
    result = tab.locator(".md-search-result__item", has_text="Leisure Centre Operating Contract").first
    tags = result.locator(".md-search-result__article").first.locator(".md-tag")
    expect(tags).to_have_text(["Report", "Resources Committee", "22 September 2026"], timeout=15000)


def test_pagefind_results_say_committee_date_and_kind(tab, pagefind_site):
    tab.goto(pagefind_site + "search/")
    tab.click("input.pagefind-ui__search-input")
    tab.keyboard.type("leisure centre", delay=20)
    first = tab.locator(".pagefind-ui__result").first
    for tag in ["Kind: Report", "Committee: Resources Committee", "Date: 22 September 2026"]:
        expect(first.locator(".pagefind-ui__result-tag", has_text=re.compile(rf"^\s*{re.escape(tag)}\s*$"))).to_have_count(1, timeout=15000)


def test_titles_at_full_contrast_in_the_councils_case_and_tables_at_body_size(tab, served, built_example):
    tab.goto(served + "meetings/2026-10-14-environment-and-planning/04-garden-waste-charges/")
    style = tab.evaluate(
        """() => { const css = e => getComputedStyle(document.querySelector(e));
        return {body: css('.md-typeset').color, size: css('.md-typeset p').fontSize,
                titles: [...document.querySelectorAll('.md-typeset h1, .md-typeset h2, .report-heading *')].map(e => [getComputedStyle(e).color,
                  e.closest('.case-upper') ? 'none' : getComputedStyle(e).textTransform]),  // capitals only where the council's house style asks for them
                cells: [...document.querySelectorAll('.md-typeset td')].map(e => getComputedStyle(e).fontSize)}; }"""
    )
    assert style["titles"] and all(color == style["body"] and transform == "none" for color, transform in style["titles"])
    assert style["cells"] and set(style["cells"]) == {style["size"]}
    title = front_matter(built_example / "papers/meetings/2026-10-14-environment-and-planning/04-garden-waste-charges.md")["title"]
    assert title in tab.locator("article.md-content__inner").inner_text()


def test_printed_links_are_black_with_external_addresses_shown(tab, served):
    tab.goto(served + MEETING)
    tab.emulate_media(media="print")
    webcast = tab.get_by_role("link", name="Watch the webcast of this meeting")
    style = webcast.evaluate("e => { const s = getComputedStyle(e); return [s.color, s.textDecorationLine, getComputedStyle(e, '::after').content]; }")
    assert style[0] == "rgb(0, 0, 0)" and style[1] == "none"
    assert webcast.get_attribute("href") in style[2]
