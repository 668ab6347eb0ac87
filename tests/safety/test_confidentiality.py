"""Exempt content never reaches anything public; the members' confidential packs hold all of it."""

from __future__ import annotations

import os

import pytest
from canary_council import make_council
from conftest import run_papers
from helpers import public_text
from pypdf import PdfReader

COUNCILS = int(os.environ.get("PAPERS_CANARY_COUNCILS", "3"))


@pytest.mark.parametrize("seed", range(COUNCILS))
def test_no_canary_is_public_and_every_one_is_in_the_members_pack(tmp_path, seed):
    council = tmp_path / "council"
    canaries = make_council(council, seed)
    material = seed % 2 == 1  # every other council with Material's own search instead of the default, Pagefind
    if material:
        (council / "mkdocs.yml").write_text("site_name: Canary\ntheme: {name: material, font: false}\nplugins: [search, committee-papers]\n", "utf-8")
    result = run_papers("build", str(council))
    assert result.returncode == 0, result.stderr
    site = council / "site"
    texts = public_text(site)
    kinds = {
        "sitemap.xml",
        "feed.xml",
        "calendar.ics",
        "data/items.json",
        "forward-plan/index.html",
        "forward-plan/feed.xml",
        "forward-plan/calendar.ics",
        "data/forward-plan.json",
        "decisions/index.html",
        "decisions/2025-26/index.html",
        "meetings/calendar/2026-01/index.html",
        "people/divisions/index.html",
    }
    assert kinds <= set(texts), "the build should have written every kind of public output"
    if material:
        assert "search/search_index.json" in texts, "Material's search should have indexed the pages"
    else:
        assert [name for name in texts if name.endswith(".pf_fragment")], "the default search (Pagefind) should have indexed the pages"
    lowered = {name: text.casefold() for name, text in texts.items()}
    for canary in canaries.confidential + canaries.hidden:  # file names carry them in lower case
        leaks = [name for name, text in lowered.items() if canary.casefold() in text]
        assert not leaks, f"{canary} leaked into {leaks}"
    members = "\n".join(page.extract_text() for pdf in (council / "confidential").rglob("*.pdf") for page in PdfReader(pdf).pages)
    for canary in canaries.confidential:
        assert canary in members, f"{canary} is missing from the confidential packs"
    assert not list(site.rglob("*confidential*")), "nothing confidential is written under site/"
    plan = texts["forward-plan/index.html"]
    assert "FP-2026-001" in plan and "FP-2026-002" in plan, "exempt key decisions are on the forward plan, without their titles"


def test_a_closing_line_inside_a_fence_or_raw_html_publishes_nothing_of_the_passage(tmp_path):
    """Issue 22: a `:::` in a code fence (or, with raw HTML allowed, in a `<div>` or `<pre>`) in a passage ended it there, and the
    rest was published. One real build: none of the passage in any public file, all of it in the members' pack."""
    from conftest import MINIMAL, copy_council
    from helpers import pdf_text

    council = copy_council(MINIMAL, tmp_path / "council")
    (council / "papers/council.yml").write_text((council / "papers/council.yml").read_text("utf-8") + "allow_raw_html: true\n", "utf-8")
    shapes = {
        "backticks": "```\n:::\n```",
        "tildes": "~~~\n:::\n~~~",
        "div": "<div>\nboxed\n:::\n</div>",
        "pre": "<pre>\none\n\n:::\n\ntwo\n</pre>",
    }
    secrets = [f"zsfence{name}after" for name in shapes] + [f"zsfence{name}before" for name in shapes]
    body = "".join(
        f"::: exempt\nText zsfence{name}before.\n\n{shape}\n\nWords zsfence{name}after here.\n:::\n\nPublic text.\n\n" for name, shape in shapes.items()
    )
    report = council / "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md"
    text = report.read_text("utf-8")
    report.write_text(text.replace("The plan covers twelve audits. {#para:scope}\n", "The plan covers twelve audits. {#para:scope}\n\n" + body), "utf-8")
    result = run_papers("build", str(council))
    assert result.returncode == 0, result.stdout + result.stderr
    texts = public_text(council / "site")
    assert any("twelve audits" in found for found in texts.values())
    for secret in secrets:
        leaks = [name for name, found in texts.items() if secret in found]
        assert not leaks, f"{secret} is in {leaks}"
    members = "\n".join(pdf_text(pdf) for pdf in (council / "confidential").rglob("*.pdf"))
    for secret in secrets:
        assert secret in members, f"{secret} is not in the members' pack"
