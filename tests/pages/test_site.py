"""The example council built with the real MkDocs and Material: what a resident sees on each page."""

from __future__ import annotations

import datetime as dt
import json

from helpers import content, front_matter, load_yaml, page, text


def test_agenda_lists_items_in_order_with_numbers(built_example):
    site, papers = built_example / "site", built_example / "papers"
    meeting = load_yaml(papers / "meetings/2026-09-22-resources/meeting.yml")
    root = content(page(site, "meetings/2026-09-22-resources/"))
    items = root.xpath("//ul[@class='agenda']/li")
    assert [text(li.xpath("span[@class='item-number']")[0]) for li in items] == [f"{n}." for n in range(1, len(meeting["agenda"]) + 1)]
    reports = [entry["report"] for entry in meeting["agenda"] if isinstance(entry, dict) and "report" in entry]
    titles = [front_matter(papers / f"meetings/2026-09-22-resources/{r}.md")["title"] for r in reports]
    links = [text(a) for a in root.xpath("//ul[@class='agenda']/li/a")]
    assert [t for t in links if t in titles] == titles
    assert text(items[1]) == "2. Apologies for Absence"
    hrefs = root.xpath("//ul[@class='agenda']/li/a/@href")
    assert f"{reports[0]}/" in hrefs
    assert root.xpath("//a[text()='Download the agenda pack']/@href") == ["agenda-pack.pdf"]
    assert (site / "meetings/2026-09-22-resources/agenda-pack.pdf").exists()


def test_report_page_shows_paragraph_numbers_and_comment_headings(built_example):
    site = built_example / "site"
    root = content(page(site, "meetings/2026-09-22-resources/04-leisure-centre-operating-contract/"))
    numbered = root.xpath("//p[@class='numbered']")
    assert numbered[0].get("id") == "p1"
    assert [p.xpath("span[@class='para-number']")[0].text for p in numbered] == [f"{n}." for n in range(1, len(numbered) + 1)]
    headings = [text(h) for h in root.xpath("//h2")]
    assert "Constitutional Comments (CD 08/09/2026)" in headings
    assert "Financial Comments (NR 09/09/2026)" in headings
    assert "HR Comments (JP 09/09/2026)" in headings
    assert root.xpath("//a[text()='Download this report and its public appendices (PDF)']/@href") == ["../04-leisure-centre-operating-contract.pdf"]
    appendix_list = [text(li) for li in root.xpath("//section[@class='report-appendices']//li")]
    assert appendix_list[0] == "Appendix A: Evaluation Criteria and Procurement Timetable"
    assert appendix_list[1].startswith("Appendix B: Estimated Contract Value and Affordability Model (exempt: Paragraph 3)")
    assert root.xpath("//section[@id='appendix-a']/h2")


def test_exempt_report_page_has_title_and_paragraph_only(built_example):
    site, papers = built_example / "site", built_example / "papers"
    report = front_matter(papers / "meetings/2026-01-20-property-and-assets/05-former-calderby-depot.md")
    root = content(page(site, "meetings/2026-01-20-property-and-assets/05-former-calderby-depot/"))
    assert text(root.xpath("//h1")[0]) == report["title"]
    notice = text(root.xpath("//p[@class='exempt-notice']")[0])
    assert "paragraph 3 of Part 1 of Schedule 12A" in notice
    assert not root.xpath("//p[@class='numbered']")
    assert report["purpose"].split()[3] not in text(root)  # nothing of the report's text
    assert not (site / "meetings/2026-01-20-property-and-assets/05-former-calderby-depot.pdf").exists()


def test_councillor_attendance_matches_the_minutes(built_example):
    site, papers = built_example / "site", built_example / "papers"
    committees = {p.stem: load_yaml(p) for p in (papers / "committees").glob("*.yml")}
    for pid in ("harjit-sandhu", "judith-ormerod"):
        mine = {cid for cid, c in committees.items() if pid in c["members"]}
        held = attended = 0
        for minutes in (papers / "meetings").glob("*/minutes.md"):
            meeting = load_yaml(minutes.parent / "meeting.yml")
            front = front_matter(minutes)
            if meeting["committee"] in mine or pid in front.get("present", []):
                held += 1
                attended += pid in front.get("present", [])
        figure = text(content(page(site, f"people/{pid}/")).xpath("//p[@class='attendance-figure']")[0])
        assert figure == f"Attended {attended} of {held} meeting{'s' if held != 1 else ''} held."
        assert held > attended or pid == "harjit-sandhu"


def test_minutes_page_shows_attendance_and_resolutions(built_example):
    site, papers = built_example / "site", built_example / "papers"
    front = front_matter(papers / "meetings/2026-11-10-property-and-assets/minutes.md")
    root = content(page(site, "meetings/2026-11-10-property-and-assets/minutes/"))
    rows = {text(tr.xpath("td")[0]): text(tr.xpath("td")[1]) for tr in root.xpath("//table[@class='attendance']/tbody/tr")}
    people = load_yaml(papers / "people.yml")["councillors"]
    for pid in front["present"]:
        if pid not in front.get("substitutes", {}).values():
            assert rows[people[pid]["name"]] == "Present"
    for pid in front.get("absent", []):
        assert rows[people[pid]["name"]] == "A"
    substitute = next(iter(front["substitutes"].values()))
    assert f"Substitutes: {people[substitute]['name']}" in text(root)
    assert root.xpath("//p[@class='resolution-number' and starts-with(text(), 'Resolved (2026/0')]")


def test_cancelled_and_unpublished_meetings(built_example):
    site, papers = built_example / "site", built_example / "papers"
    cancelled = content(page(site, "meetings/2026-07-08-environment-and-planning/"))
    assert "This meeting has been cancelled." in text(cancelled)
    future = content(page(site, "meetings/2027-01-20-environment-and-planning/"))
    assert "The agenda for this meeting has not been published yet." in text(future)
    planned = [
        e["planned"] for e in load_yaml(papers / "meetings/2027-01-20-environment-and-planning/meeting.yml")["agenda"] if isinstance(e, dict) and "planned" in e
    ]
    committee = text(content(page(site, "committees/environment-and-planning/")).xpath("//table[@class='work-programme']")[0])
    for title in planned:
        assert title in committee
        assert title in text(future)


def test_decisions_register_one_page_per_year_newest_first(built_example):
    site = built_example / "site"
    index = content(page(site, "decisions/"))
    years = {text(a): a.get("href") for a in index.xpath("//ul[@id='decision-years']//a")}
    assert years == {"Decisions 2026/27": "2026-27/", "Decisions 2025/26": "2025-26/"}
    numbers = {}
    for label, href in years.items():
        rows = content(page(site, "decisions/" + href)).xpath("//table[contains(@class,'decisions')]/tbody/tr")
        numbers[label] = [text(tr.xpath("td")[0]) for tr in rows]
        dates = [dt.datetime.strptime(text(tr.xpath("td")[1]), "%d %B %Y") for tr in rows]
        assert dates == sorted(dates, reverse=True)
    assert "2026/011" in numbers["Decisions 2026/27"] and "2025/001" in numbers["Decisions 2025/26"]


def test_each_decision_links_to_its_report_and_minutes(built_example):
    site = built_example / "site"
    row = content(page(site, "decisions/2026-27/")).xpath("//tr[@id='resolution-2026-005']")[0]
    hrefs = row.xpath(".//a/@href")
    assert "../../meetings/2026-09-22-resources/04-leisure-centre-operating-contract/" in hrefs
    assert "../../meetings/2026-09-22-resources/minutes/#minute-4" in hrefs
    for href in hrefs:
        assert (site / "decisions/2026-27" / href.split("#")[0] / "index.html").resolve().exists(), href


def test_breadcrumbs_lead_back_up_the_tree(built_example):
    root = content(page(built_example / "site", "meetings/2026-09-22-resources/04-leisure-centre-operating-contract/"))
    crumbs = [(text(a), a.get("href")) for a in root.xpath("//nav[@class='breadcrumbs']//a")]
    assert crumbs == [
        ("Home", "../../../"),
        ("Committees", "../../../committees/"),
        ("Resources Committee", "../../../committees/resources/"),
        ("22 September 2026", "../"),
    ]


def test_menu_holds_committees_and_years_not_reports(built_example):
    root = page(built_example / "site", "")
    nav = " ".join(text(a) for a in root.xpath("//nav[contains(@class,'md-nav--primary')]//a"))
    assert "Resources Committee" in nav and "2026/27" in nav and "2025/26" in nav
    assert "Leisure Centre" not in nav


def test_search_index_holds_reports_but_no_exempt_text(built_example):
    index = json.loads((built_example / "site/search/search_index.json").read_text("utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "meetings/2026-09-22-resources/04-leisure-centre-operating-contract/" in locations
    assert "EXEMPT-CANARY" not in json.dumps(index)


def test_every_menu_link_on_every_page_leads_to_the_same_page_as_everywhere_else(built_example):
    """Pages share one rendering of the menu where they can; from every page each entry must still lead to its own page."""
    import posixpath

    import lxml.html

    site = built_example / "site"
    menus = {}
    for path in sorted(site.rglob("index.html")):
        root = lxml.html.fromstring(path.read_bytes())
        here = path.parent.relative_to(site).as_posix()
        entries = []
        for link in root.xpath("//nav[contains(@class, 'md-nav--primary')]//a[contains(@class, 'md-nav__link')]"):
            href = link.get("href")
            if href.startswith("#"):
                continue  # the current page's own headings
            target = posixpath.normpath(posixpath.join(here, href))
            assert (site / target / "index.html").exists() or (site / target).is_file(), f"menu link {href} on {here}/ leads nowhere"
            entries.append((" ".join(link.text_content().split()), target))
        menus[here] = entries
    assert len(menus) > 50
    first = menus["."]
    assert len(first) > 10
    for here, entries in menus.items():
        assert entries == first, f"the menu on {here}/ leads elsewhere than the home page's"


def test_a_council_menu_override_that_shows_the_page_is_rendered_for_each_page(minimal):
    """A council's own menu template may show anything of the page, so it is never shared between pages."""
    import lxml.html
    from conftest import run_papers

    (minimal / "theme/partials").mkdir(parents=True)
    (minimal / "theme/partials/nav.html").write_text('<nav class="council-menu">Menu for /{{ page.url }}</nav>\n', "utf-8")
    (minimal / "pages").mkdir()
    (minimal / "mkdocs.yml").write_text(
        "site_name: Test\ndocs_dir: pages\ntheme:\n  name: material\n  custom_dir: theme\nplugins:\n  - committee-papers\n", "utf-8"
    )
    result = run_papers("build", str(minimal), "--no-packs")
    assert result.returncode == 0, result.stderr
    menus = 0
    for path in (minimal / "site").rglob("index.html"):
        root = lxml.html.fromstring(path.read_bytes())
        menu = root.xpath("//nav[@class='council-menu']")[0].text_content().strip()
        here = "/" + path.parent.relative_to(minimal / "site").as_posix() + "/"
        assert menu == f"Menu for {here.replace('/./', '/')}", f"the menu of {here} shows {menu!r}"
        menus += 1
    assert menus > 5


def test_home_page_tells_two_decisions_on_one_report_apart(built_example):
    root = content(page(built_example / "site", ""))
    latest = [text(li) for li in root.xpath("//ul[@class='decision-list']/li")]
    leisure = [line for line in latest if line.startswith("2026/005")]
    assert leisure and "That the procurement of a new leisure operating contract" in leisure[0] and "(and 3 more)" in leisure[0]
    assert len(set(latest)) == len(latest)
