"""`papers serve` never serves a file the current papers would not publish: not after a rebuild (a report made exempt
has no PDF and no page at its old address), and not while an edit is being rebuilt (its meeting's PDFs wait)."""

from __future__ import annotations

import io
import threading
import time
import urllib.error
import urllib.request

from pypdf import PdfReader
from test_serve import fetch, serving, wait_for

MEETING = "papers/meetings/2026-04-14-audit"
REPORT = f"{MEETING}/04-internal-audit-plan.md"
BASE = "meetings/2026-04-14-audit/"
PDF, PACK, PAGE = BASE + "04-internal-audit-plan.pdf", BASE + "agenda-pack.pdf", BASE + "04-internal-audit-plan/"
PUBLIC_WORDS = "twelve audits"
EXEMPT = (
    "exempt: {paragraphs: [3], reason: The plan names suppliers under review., public_interest: Naming them would prejudice the audits., title_exempt: true}\n"
)


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:  # not listening yet
        return 0, b""


def pdf_words(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def make_exempt(council) -> None:
    report = council / REPORT
    report.write_text(report.read_text("utf-8").replace("divisions_affected: all\n", "divisions_affected: all\n" + EXEMPT), "utf-8")
    meeting = council / MEETING / "meeting.yml"
    meeting.write_text(meeting.read_text("utf-8").replace("  - report: 04-internal-audit-plan", "  - exclusion\n  - report: 04-internal-audit-plan"), "utf-8")


def test_a_report_made_exempt_while_serving_is_never_served_again(minimal, tmp_path):
    with serving(minimal, tmp_path) as (url, told, port):
        wait_for(lambda: get(url + PDF)[0] == 200, timeout=180, message="the report's PDF was never served")
        assert PUBLIC_WORDS in pdf_words(get(url + PDF)[1])
        assert PUBLIC_WORDS in fetch(url + PAGE)

        seen: list[tuple[float, str, int, bool]] = []  # (when, which, status, holds the public words)
        stop = threading.Event()

        def watch() -> None:
            while not stop.is_set():
                for which in (PDF, PACK, PAGE):
                    status, body = get(url + which)
                    words = status == 200 and PUBLIC_WORDS in (pdf_words(body) if which.endswith(".pdf") else body.decode("utf-8", "replace"))
                    seen.append((time.monotonic(), which, status, words))

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        edited = time.monotonic()
        make_exempt(minimal)
        wait_for(lambda: told.read_text().count("Rebuilt in") >= 1, timeout=120, message="not rebuilt after the edit")
        # the public pack is made again without the report: once it is served, the background work is done
        wait_for(lambda: get(url + PACK)[0] == 200 and "Exempt item" in pdf_words(get(url + PACK)[1]), timeout=180, message="the pack was not made again")
        stop.set()
        watcher.join(timeout=60)

        assert get(url + PDF)[0] == 404, "the exempt report's old PDF is still served"
        assert get(url + PAGE)[0] == 404, "the exempt report's page is still served at its old address"
        page = fetch(url + BASE + "exempt-item-5/")
        assert "Exempt item" in page and PUBLIC_WORDS not in page
        assert PUBLIC_WORDS not in pdf_words(get(url + PACK)[1])
        # once the server had seen the edit (its first refusal), the old words were never served again
        after = [s for s in seen if s[0] > edited]
        first_refused = next(i for i, s in enumerate(after) if s[2] != 200)
        leaks = [s for s in after[first_refused:] if s[3]]
        assert leaks == [], leaks
        assert {s[2] for s in after if s[1] == PDF} <= {200, 404, 503}


def test_an_error_withholds_the_edited_meeting_until_it_is_fixed(minimal, tmp_path):
    with serving(minimal, tmp_path) as (url, told, port):
        assert PUBLIC_WORDS in fetch(url + PAGE)
        minutes = fetch(url + "meetings/2026-03-03-audit/minutes/")
        report = minimal / REPORT
        text = report.read_text("utf-8")
        report.write_text(text.replace("signed_by:", "signed_byy:"), "utf-8")
        wait_for(lambda: "Not rebuilt" in told.read_text(), message="the error was not told")
        assert "error PAP100" in told.read_text()
        status, body = get(url + PAGE)
        assert status == 503 and b"Not rebuilt: 1 error(s) in the papers" in body and PUBLIC_WORDS.encode() not in body
        assert get(url + PDF)[0] == 503
        assert get(url)[0] == 503, "the home page lists the last good papers: it waits for the fix too"
        assert fetch(url + "meetings/2026-03-03-audit/minutes/") == minutes, "another meeting is still served"
        report.write_text(text, "utf-8")
        wait_for(lambda: get(url + PAGE)[0] == 200 and get(url)[0] == 200, message="the pages were not served again after the fix")
        assert PUBLIC_WORDS in fetch(url + PAGE)


def test_serve_refuses_a_pages_folder_that_is_the_papers(minimal, tmp_path):
    (minimal / "mkdocs.yml").write_text(
        "site_name: Fenbridge\ndocs_dir: papers/meetings\ntheme: {name: material, font: false}\nplugins:\n  - committee-papers\n", "utf-8"
    )
    with serving(minimal, tmp_path) as (url, told, port):
        wait_for(lambda: "Not rebuilt" in told.read_text(), message="the refusal was not told")
        assert "mkdocs.yml:2:1: error PAP602" in told.read_text()
        for path in ("", "2026-04-14-audit/04-internal-audit-plan.md", PAGE, "meetings/2026-04-14-audit/04-internal-audit-plan.md"):
            status, body = get(url + path)
            assert status in (404, 503) and PUBLIC_WORDS.encode() not in body, path


def test_materials_search_index_keeps_no_old_words_of_an_edited_meeting(example, tmp_path):
    from test_serve import PAGE as EXAMPLE_PAGE
    from test_serve import REPORT as EXAMPLE_REPORT

    with serving(example, tmp_path) as (url, told, port):
        assert "seven operators" in fetch(url + EXAMPLE_PAGE)
        index = fetch(url + "search/search_index.json")
        assert "seven operators" in index and '"location": "meetings/2026-10-14-environment-and-planning/' in index.replace('":"', '": "')
        report = example / EXAMPLE_REPORT
        report.write_text(report.read_text("utf-8").replace("seven operators", "eight operators"), "utf-8")
        wait_for(lambda: "Rebuilt in" in told.read_text(), message="not rebuilt after the edit")
        status, body = get(url + "search/search_index.json")
        assert status == 200 and b"seven operators" not in body
        assert b"meetings/2026-10-14-environment-and-planning/" in body, "the other meetings stay searchable"
