"""Script injection: markup and script addresses in every string and address field of every kind of file, in a real council.

The example council is given `<script>`, event attributes, a tag breaking out of an
attribute (`"><svg onload=...>`), a tag breaking out of `<title>`, and a
`javascript:` link in every text field of council.yml, people.yml, the committees,
meeting.yml, report front matter, minutes and appendix titles. A real `papers build`
then makes the site and packs, and nothing of it may be live: no injected element or
event attribute in any page, no `javascript:` address in any page, feed, calendar,
data file, sitemap, search index or PDF; and Chromium, loading the pages and
searching, never runs the script (`window.__pwned` stays unset, no dialog opens).

Addresses are tried first on their own: a `javascript:` website, webcast, email or
telephone number is refused by the check where it is written; a file named with
markup is refused too. So the build gets the addresses the example council has.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
import yaml
from conftest import EXAMPLE, copy_council, run_papers, serve_folder
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser
MARK = "PWN"  # every payload carries it, so its text can be found where it is (rightly) shown as text
LIVE_ADDRESS = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


def payload(where: str) -> str:
    """Markup that would run script if a template printed it as HTML, in an attribute or in <title>."""
    run = f"window.__pwned='{where}'"
    return (
        f' {MARK}-{where} <script>{run}</script> <img src=x onerror="{run}"> "><svg onload="{run}">'
        f' \'><b onmouseover="{run}">b</b> </title><script>{run}</script>'
    )


def markdown_payload(where: str) -> str:
    return payload(where) + f" [see this](javascript:window.__pwned='{where}') <a href=\"javascript:{where}\">a</a>"


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), "utf-8")


def edit_front(path: Path, change) -> None:
    _, front, body = path.read_text("utf-8").split("---\n", 2)
    data = yaml.safe_load(front)
    body = change(data, body)
    path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000) + "---\n" + body, "utf-8")


def poison(council: Path) -> None:
    """A payload in every text field of every kind of file (addresses stay valid; they are tried on their own)."""
    papers = council / "papers"

    def council_yml(data):
        data["name"] += payload("council-name")
        data["address"] += payload("council-address")
        data["agenda_notes"] = [note + payload(f"agenda-note-{i}") for i, note in enumerate(data["agenda_notes"])]
        data["boilerplate"]["statutory_implications"] += markdown_payload("boilerplate")
        data["boilerplate"]["background_papers"] += payload("background-boilerplate")
        data["rules"] = {**data.get("rules", {}), "PAP333": "warning"}  # the script links are refused; shown as warnings to build

    edit_yaml(papers / "council.yml", council_yml)

    def people_yml(data):
        for pid, person in data["councillors"].items():
            for key in ("name", "party", "division", "photo_alt"):
                if person.get(key):
                    person[key] += payload(f"{pid}-{key}")
        for pid, person in data["officers"].items():
            for key in ("name", "role"):
                if person.get(key):
                    person[key] += payload(f"{pid}-{key}")

    edit_yaml(papers / "people.yml", people_yml)
    for committee in sorted((papers / "committees").glob("*.yml")):

        def committee_yml(data, cid=committee.stem):
            data["name"] += payload(f"{cid}-name")
            data["terms_of_reference"] = data.get("terms_of_reference", "") + "\n" + markdown_payload(f"{cid}-terms")
            if data.get("default_venue"):
                data["default_venue"] += payload(f"{cid}-venue")

        edit_yaml(committee, committee_yml)
    for folder in sorted((papers / "meetings").iterdir()):

        def meeting_yml(data, mid=folder.name):
            if data.get("venue"):
                data["venue"] += payload(f"{mid}-venue")
            data["notes"] = (data.get("notes") or "") + payload(f"{mid}-notes")
            for index, entry in enumerate(data.get("agenda") or []):
                if isinstance(entry, dict):
                    for key in ("item", "planned", "urgency"):
                        if entry.get(key):
                            entry[key] += payload(f"{mid}-{index}-{key}")
                    if entry.get("text"):
                        entry["text"] += markdown_payload(f"{mid}-{index}-text")

        edit_yaml(folder / "meeting.yml", meeting_yml)
        for report in sorted(folder.glob("*.md")):
            if report.name == "minutes.md":
                edit_front(
                    report,
                    lambda data, body, mid=folder.name: re.sub(
                        r"^(## \d+\. .*)$", lambda m: m.group(1) + "\n\n" + markdown_payload(f"{mid}-minute"), body, flags=re.M
                    ),
                )
                continue

            def report_md(data, body, rid=f"{folder.name}-{report.stem}"):
                for key in ("title", "report_of", "purpose", "summary", "reasons", "alternative_options"):
                    if data.get(key):
                        data[key] += payload(f"{rid}-{key}") if key in ("title", "report_of") else markdown_payload(f"{rid}-{key}")
                data["recommendations"] = [r + payload(f"{rid}-recommendation") for r in data.get("recommendations", [])]
                data["background_papers"] = [b + payload(f"{rid}-background") for b in data.get("background_papers", [])]
                for key, comment in (data.get("comments") or {}).items():
                    if comment.get("text"):
                        comment["text"] += markdown_payload(f"{rid}-comment-{key}")
                for appendix in data.get("appendices", []):
                    appendix["title"] += payload(f"{rid}-appendix")
                if data.get("revised"):
                    data["revised"]["reason"] = (data["revised"].get("reason") or "") + payload(f"{rid}-revised")
                return body + "\n\n" + markdown_payload(f"{rid}-body") + "\n"

            edit_front(report, report_md)


def test_script_addresses_and_marked_up_file_names_are_refused_where_they_are_written(tmp_path):
    council = copy_council(EXAMPLE, tmp_path / "council")
    papers = council / "papers"

    def council_yml(data):
        data["website"] = "javascript:window.__pwned='website'"
        data["democratic_services"] = {"email": 'x@y.example"><script>alert(1)</script>', "phone": "javascript:alert(1)"}

    edit_yaml(papers / "council.yml", council_yml)
    edit_yaml(papers / "people.yml", lambda data: data["officers"][next(iter(data["officers"]))].update(email="javascript:alert(1)//@x.example"))
    edit_yaml(papers / "meetings/2026-09-22-resources/meeting.yml", lambda data: data.update(webcast="JaVaScRiPt:alert(1)"))
    (papers / "meetings/2026-09-22-resources/06-<svg onload=alert(1)>.md").write_text("---\ntitle: x\n---\n", "utf-8")
    result = run_papers("check", str(council), "--format", "json")
    found = {(p["file"], p["code"]) for p in json.loads(result.stdout)}
    assert {
        ("papers/council.yml", "PAP110"),
        ("papers/council.yml", "PAP111"),
        ("papers/council.yml", "PAP112"),
        ("papers/people.yml", "PAP111"),
        ("papers/meetings/2026-09-22-resources/meeting.yml", "PAP110"),
        ("papers/meetings/2026-09-22-resources/06-<svg onload=alert(1)>.md", "PAP006"),
    } <= found
    assert result.returncode == 1


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    council = copy_council(EXAMPLE, tmp_path_factory.mktemp("injection") / "council")
    poison(council)
    result = run_papers("build", str(council))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "warning PAP333" in result.stderr  # the script links were seen, and refused as links
    return council


def live_in_html(document: str, where: str) -> list[str]:
    """Injected markup that a browser would run: script elements, event attributes, script addresses."""
    if not document.strip():
        return []
    root = lxml.html.document_fromstring(document)
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "script" and "__pwned" in (element.text or ""):
            found.append(f"{where}: <script>{(element.text or '')[:40]}")
        for name, value in element.attrib.items():
            if name.lower().startswith("on") and "__pwned" in value:
                found.append(f"{where}: <{element.tag} {name}>")
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href", "data", "poster") and LIVE_ADDRESS.match(value):
                found.append(f"{where}: <{element.tag} {name}={value[:40]}>")
    return found


def test_no_page_has_injected_markup_or_script_addresses(poisoned):
    site = poisoned / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    shown = 0
    live = []
    for page in pages:
        text = page.read_text("utf-8")
        shown += text.count(f"{MARK}-")
        live += live_in_html(text, str(page.relative_to(site)))
    assert not live, "\n".join(live[:30])
    assert shown > 500  # the payloads are there, shown as text: the test looked at the right places


def test_no_feed_calendar_data_file_sitemap_or_search_index_carries_live_markup(poisoned):
    site = poisoned / "site"
    live = []
    for feed in site.rglob("*.xml"):
        tree = lxml.etree.parse(str(feed))
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            if element.get("type") in ("html", "xhtml"):  # a feed reader shows these as HTML
                live += live_in_html(element.text or "", f"{feed.name} <{element.tag}>")
            for name, value in element.attrib.items():
                if name == "href" and not value.startswith(("https:", "http:")):
                    live.append(f"{feed.name}: href={value[:40]}")
            if element.tag.endswith("loc") and not (element.text or "").startswith(("https:", "http:")):
                live.append(f"{feed.name}: <loc>{element.text}")
    for calendar in site.rglob("*.ics"):
        for line in calendar.read_text("utf-8").replace("\r\n ", "").splitlines():
            if line.startswith(("URL", "ATTACH", "X-ALT-DESC")) and not re.match(r"^[A-Z-]+(;[^:]*)?:https?:", line):
                live.append(f"{calendar.name}: {line[:60]}")
    for data in [*site.rglob("*.json"), *site.rglob("*.csv")]:
        text = data.read_text("utf-8")
        live += [f"{data.name}: {m.group(0)[:60]}" for m in re.finditer(r"\"(url|href|pdf|webcast|website)\":\s*\"(?!https?:)[^\"]+\"", text)]
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    for entry in index["docs"]:  # Material's search shows titles and text as HTML
        live += live_in_html(f"<div>{entry['title']}</div><div>{entry['text']}</div>", f"search index {entry['location']}")
    assert not live, "\n".join(live[:30])
    assert any(f"{MARK}-" in entry["title"] for entry in index["docs"])


def pdf_problems(path: Path) -> list[str]:
    reader = PdfReader(path)
    found = []
    root = reader.trailer["/Root"]
    if "/OpenAction" in root or "/JavaScript" in (root.get("/Names") or {}):
        found.append(f"{path.name}: a document action or script")
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            uri = str(action.get("/URI", ""))
            if action.get("/S") in ("/JavaScript", "/Launch") or (uri and not uri.startswith(("https:", "http:", "mailto:", "tel:"))):
                found.append(f"{path.name} page {number + 1}: {action.get('/S')} {uri[:40]}")
    return found


def test_no_pack_has_a_script_link_or_action(poisoned):
    packs = sorted(poisoned.rglob("*.pdf"))
    assert len(packs) > 10
    found = [problem for pack in packs for problem in pdf_problems(pack)]
    assert not found, "\n".join(found[:30])


@pytest.fixture(scope="module")
def served_poisoned(poisoned):
    with serve_folder(poisoned / "site") as address:
        yield address


PAGES = [
    "",
    "committees/",
    "committees/resources/",
    "meetings/2026-09-22-resources/",
    "meetings/2026-09-22-resources/04-leisure-centre-operating-contract/",
    "meetings/2026-09-22-resources/minutes/",
    "decisions/",
    "people/",
    "people/margaret-oyelaran/",
    "forward-plan/",
]


def test_chromium_runs_no_injected_script_on_any_page_or_in_search(browser, served_poisoned):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for path in PAGES:
            response = page.goto(served_poisoned + path)
            assert response is not None and response.ok, path
            page.wait_for_load_state("load")
            page.hover("body")
            for hovered in page.query_selector_all("b")[:20]:  # an injected onmouseover would fire here
                hovered.hover()
            assert page.evaluate("typeof window.__pwned") == "undefined", (path, page.evaluate("window.__pwned"))
            assert f"{MARK}-" in page.inner_text("body"), path  # the payload is on the page, as text
        page.goto(served_poisoned)
        page.click("input.md-search__input")
        page.keyboard.type(MARK, delay=20)
        # the index of every page is built first; results for the first letters typed may show before the word's
        expect(page.locator(".md-search-result__list")).to_contain_text(f"{MARK}-", timeout=90_000)
        assert page.evaluate("typeof window.__pwned") == "undefined"
    finally:
        context.close()
    assert dialogs == []


@pytest.fixture(scope="module")
def served_poisoned_pagefind(tmp_path_factory):
    """The poisoned council built with Pagefind as its search (the default without mkdocs.yml), served."""
    council = copy_council(EXAMPLE, tmp_path_factory.mktemp("injection-pagefind") / "council")
    config = (council / "mkdocs.yml").read_text("utf-8")
    (council / "mkdocs.yml").write_text(config.replace("  - search\n  - committee-papers\n", "  - committee-papers:\n      search: pagefind\n"), "utf-8")
    poison(council)
    result = run_papers("build", str(council), "--no-packs")
    assert result.returncode == 0, result.stderr[-3000:]
    with serve_folder(council / "site") as address:
        yield address


def test_chromium_runs_no_injected_script_from_pagefind_results(browser, served_poisoned_pagefind):
    """Pagefind's results show titles, passages and the committee, date and kind of each page: all as text."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(served_poisoned_pagefind + "search/")
        page.click("input.pagefind-ui__search-input")
        page.keyboard.type(MARK, delay=20)
        page.wait_for_selector(".pagefind-ui__result-excerpt", timeout=90_000)
        expect(page.locator(".pagefind-ui__results")).to_contain_text(f"{MARK}-", timeout=90_000)
        for hovered in page.query_selector_all(".pagefind-ui__results b")[:20]:
            hovered.hover()
        assert page.evaluate("typeof window.__pwned") == "undefined"
    finally:
        context.close()
    assert dialogs == []
