"""Property: for any Markdown with exempt passages, `papers check` reports an error, or no exempt word is public and members get every one.

Each generated document (exempt_documents.py) is written into a real council four
times, each copy's canaries unique to its place: a report's body, its purpose, its
Markdown appendix, and a minute that the next meeting's pack approves. Then the
real check runs, and if it finds no error, the real public renderers (every page,
the feed, the open data, every public pack and report PDF's HTML) must hold no
exempt canary, and the members' pack must hold every one.

CI runs 150 documents through hypothesis and four seeded chunks of 500; the long run is
`PAPERS_EXEMPT_DOCS=2500 python -m pytest tests/safety/test_exempt_property.py -m slow -n 2`,
which runs that many in hypothesis and in each of the chunks. `test_a_real_build_publishes_no_canary`
builds one council of generated documents with `papers build` and reads the whole site.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

import pytest
from conftest import MINIMAL, copy_council, run_papers
from exempt_documents import Chooser, Document, document, place
from helpers import pdf_text, public_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from committee_papers.check import check
from committee_papers.outputs.calendars import all_calendars
from committee_papers.outputs.feed import atom_feed
from committee_papers.outputs.opendata import open_data
from committee_papers.packs.document import PackComposer
from committee_papers.pages.render import PageRenderer
from committee_papers.pages.site import build_site
from committee_papers.publication import Publication

DOCS = int(os.environ.get("PAPERS_EXEMPT_DOCS", "150"))
CHUNK_DOCS = int(os.environ.get("PAPERS_EXEMPT_DOCS", "500"))
SLOW_CHUNKS = 4
PLACES = {"b": "body", "u": "purpose", "a": "appendix", "m": "minute"}
MEETING, REPORT, PREVIOUS = "2026-04-14-audit", "04-internal-audit-plan", "2026-03-03-audit"
SETTINGS = dict(deadline=None, derandomize=False, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
TALLY = {"documents": 0, "errors": 0, "verified": 0}


def write_document(council: Path, doc: Document, allow_html: bool) -> None:
    """The document in the report's body, purpose and appendix, and in a minute of the meeting it approves."""
    folder = council / "papers/meetings" / MEETING
    report = folder / f"{REPORT}.md"
    source = (MINIMAL / "papers/meetings" / MEETING / f"{REPORT}.md").read_text("utf-8")
    purpose = "".join(f"  {line}\n" if line else "\n" for line in place(doc.text, "u").split("\n"))
    source = source.replace("purpose: To seek approval of the internal audit plan for 2026/27.\n", f"purpose: |2\n{purpose}")
    source = source.replace("The plan covers twelve audits. {#para:scope}\n", "The plan covers twelve audits. {#para:scope}\n\n" + place(doc.text, "b"))
    report.write_text(source, "utf-8")
    (folder / REPORT / "appendix-a.md").write_text("# Audit plan detail\n\n" + place(doc.text, "a"), "utf-8")
    minutes = (MINIMAL / "papers/meetings" / PREVIOUS / "minutes.md").read_text("utf-8")
    (council / "papers/meetings" / PREVIOUS / "minutes.md").write_text(minutes + "\n" + place(doc.text, "m"), "utf-8")
    council_yml = (MINIMAL / "papers/council.yml").read_text("utf-8")
    (council / "papers/council.yml").write_text(council_yml + ("allow_raw_html: true\n" if allow_html else ""), "utf-8")


def rendered(council: Path):
    """The check's result, every public output's text and the members' pack's HTML; None if the check found an error."""
    result = check(council)
    if result.problems.errors:
        return None
    site = build_site(result.archive, Publication(today=dt.date(2026, 11, 26)))
    renderer = PageRenderer(site)
    public = [page.title + page.html for page in renderer.all_pages()]
    public += [atom_feed(site).decode("utf-8"), *(data.decode("utf-8") for data in open_data(site).values())]
    public += [calendar.decode("utf-8") if isinstance(calendar, bytes) else str(calendar) for calendar in all_calendars(site)[0].values()]
    composer = PackComposer(renderer)
    view = site.by_id[MEETING]
    public += [composer.pack(view).html, composer.report(view, next(i for i in view.items if i.report)).html]
    return "\n".join(public), composer.pack(view, confidential=True).html


def assert_property(council: Path, doc: Document, allow_html: bool) -> None:
    write_document(council, doc, allow_html)
    TALLY["documents"] += 1
    outputs = rendered(council)
    if outputs is None:
        TALLY["errors"] += 1
        return
    public, members = outputs
    for where in PLACES:
        for canary in [place(c, where) for c in doc.canaries("s") + doc.canaries("h")]:
            assert canary not in public, f"{canary} ({PLACES[where]}) is public\n{doc.text}"
        for canary in [place(c, where) for c in doc.canaries("s")]:
            assert canary in members, f"{canary} ({PLACES[where]}) is not in the members' pack\n{doc.text}"
        if not doc.has_fence:  # a code block shows what it holds, comments included
            for canary in [place(c, where) for c in doc.canaries("n")]:
                assert canary not in public and canary not in members, f"the author's note {canary} ({PLACES[where]}) is shown\n{doc.text}"
    TALLY["verified"] += 1


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    return copy_council(MINIMAL, tmp_path_factory.mktemp("exempt-property") / "council")


def _report_tally() -> None:
    summary = (
        f"{TALLY['documents']} documents: {TALLY['errors']} reported by papers check, {TALLY['verified']} verified in every public output and the members' pack"
    )
    print(summary)
    if os.environ.get("PAPERS_FUZZ_LOG"):
        with open(os.environ["PAPERS_FUZZ_LOG"], "a", encoding="utf-8") as log:
            log.write(f"exempt property: {summary}\n")


@settings(max_examples=DOCS, **SETTINGS)
@given(data=st.data(), allow_html=st.booleans())
def _bounded(council, data, allow_html):
    assert_property(council, document(Chooser(draw=data.draw), allow_html), allow_html)


def test_exempt_text_is_never_public_and_always_given_to_members(council):
    TALLY.update(documents=0, errors=0, verified=0)
    _bounded(council)
    _report_tally()
    assert TALLY["verified"] >= TALLY["documents"] // 4, "too few documents pass the check for the property to say much"


@pytest.mark.slow
@pytest.mark.parametrize("chunk", range(SLOW_CHUNKS))
def test_exempt_property_over_thousands_of_documents(council, chunk):
    """Seeded documents (a different seed per chunk), CHUNK_DOCS of them in each chunk."""
    TALLY.update(documents=0, errors=0, verified=0)
    rng = random.Random(1000 + chunk)
    for _ in range(CHUNK_DOCS):
        allow_html = rng.random() < 0.5
        assert_property(council, document(Chooser(rng), allow_html), allow_html)
    _report_tally()


def test_a_real_build_publishes_no_canary(tmp_path):
    """Generated documents that pass the check, built together by `papers build`: no canary anywhere under site/."""
    council = copy_council(MINIMAL, tmp_path / "council")
    rng = random.Random(7)
    chosen: list[Document] = []
    while len(chosen) < 6:
        doc = document(Chooser(rng))
        write_document(council, doc, False)
        if doc.canaries("s") and rendered(council) is not None:
            chosen.append(doc)
    folder = council / "papers/meetings" / MEETING
    text = (MINIMAL / "papers/meetings" / MEETING / f"{REPORT}.md").read_text("utf-8")
    agenda = (MINIMAL / "papers/meetings" / MEETING / "meeting.yml").read_text("utf-8")
    write_document(council, chosen[0], False)
    for number, doc in enumerate(chosen[1:], start=1):
        stem = f"0{4 + number}-generated-{number}"
        (folder / f"{stem}.md").write_text(
            text.replace("Internal Audit Plan 2026/27", f"Generated Report {number}")
            .replace("The plan covers twelve audits. {#para:scope}\n", "The plan covers twelve audits. {#para:scope}\n\n" + place(doc.text, str(number)))
            .replace(f"appendices:\n  - {{title: Audit plan detail, file: {REPORT}/appendix-a.md}}\n", ""),
            "utf-8",
        )
        agenda += f"  - report: {stem}\n"
    (folder / "meeting.yml").write_text(agenda, "utf-8")
    result = run_papers("build", str(council))
    assert result.returncode == 0, result.stdout + result.stderr
    texts = public_text(council / "site")
    members = "\n".join(pdf_text(pdf) for pdf in (council / "confidential").rglob("*.pdf"))
    wheres = [*PLACES] + [str(n) for n in range(1, len(chosen))]
    for number, doc in enumerate(chosen):
        places = list(PLACES) if number == 0 else [str(number)]
        for canary in [place(c, where) for c in doc.canaries("s") + doc.canaries("h") + doc.canaries("n") for where in places]:
            leaks = [name for name, found in texts.items() if canary in found]
            assert not leaks, f"{canary} is in {leaks}"
        for canary in [place(c, where) for c in doc.canaries("s") for where in places]:
            assert canary in members, f"{canary} is not in the members' pack"
    assert wheres
