"""Drafts and embargoed agendas stay off the public site unless --drafts, which marks every page DRAFT."""

from __future__ import annotations

import json

from conftest import run_papers
from helpers import page, text

REPORT = "papers/meetings/2026-12-08-resources/05-council-tax-base-2027-28.md"


def make_draft(council):
    path = council / REPORT
    source = path.read_text("utf-8")
    path.write_text(source.replace("---\n", "---\nstatus: draft\n", 1), "utf-8")


def test_drafts_and_future_agendas_are_not_published(example):
    make_draft(example)
    meeting = example / "papers/meetings/2026-12-08-resources/meeting.yml"
    meeting.write_text(meeting.read_text("utf-8").replace("published: 2026-11-25", "published: 2026-11-27"), "utf-8")
    result = run_papers("build", str(example), "--no-packs")
    assert result.returncode == 0, result.stderr
    site = example / "site"
    assert not (site / "meetings/2026-12-08-resources/05-council-tax-base-2027-28").exists()
    assert not (site / "meetings/2026-12-08-resources/04-financial-management-system").exists()
    agenda = text(page(site, "meetings/2026-12-08-resources/"))
    assert "The agenda for this meeting has not been published yet." in agenda
    everything = "\n".join(p.read_text("utf-8", "replace") for p in site.rglob("*") if p.suffix in (".html", ".json", ".xml", ".ics"))
    assert "Council Tax Base 2027/28" not in everything
    assert "Replacement of the Financial Management System" not in everything
    assert "DRAFT" not in text(page(site, ""))


def test_drafts_option_shows_them_and_marks_every_page(example):
    make_draft(example)
    result = run_papers("build", str(example), "--no-packs", "--drafts")
    assert result.returncode == 0, result.stderr
    site = example / "site"
    report = page(site, "meetings/2026-12-08-resources/05-council-tax-base-2027-28/")
    assert "Council Tax Base 2027/28" in text(report)
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    for html in pages:
        if html.name == "404.html":
            continue
        root = page(html.parent, "") if html.name == "index.html" else None
        assert root is not None and root.xpath("//p[@class='draft-banner']"), html
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    assert any("Council Tax Base" in d["title"] for d in index["docs"])
