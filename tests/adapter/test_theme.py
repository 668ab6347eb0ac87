"""The core's pages in Material's frame: contents, menu, nothing from the papers live in it."""

from __future__ import annotations

from conftest import run_papers
from helpers import page, text

REPORT = "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md"


def test_a_heading_with_markup_in_its_words_is_words_in_on_this_page(minimal):
    report = minimal / REPORT
    report.write_text(
        report.read_text("utf-8").replace("## Other Options", "### Scope &lt;img src=x onerror=alert(1)&gt; notes\n\nText.\n\n## Other Options"), "utf-8"
    )
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    root = page(minimal / "site", "meetings/2026-04-14-audit/04-internal-audit-plan/")
    contents = root.xpath("//nav[contains(@class, 'md-nav--secondary')]")[0]
    assert "Scope <img src=x onerror=alert(1)> notes" in text(contents)
    assert not root.xpath("//img[@onerror]")


def test_a_council_template_that_changes_the_title_is_followed_on_every_page(example):
    """The frame shared by pages of one kind is checked against full layouts: a template that changes the title turns it off."""
    (example / "overrides").mkdir()
    (example / "overrides/main.html").write_text(
        '{% extends "base.html" %}\n{% block htmltitle %}<title>{{ page.title | upper | truncate(30) }} at {{ page.url }}</title>{% endblock %}\n', "utf-8"
    )
    config = (example / "mkdocs.yml").read_text("utf-8")
    (example / "mkdocs.yml").write_text(config.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"), "utf-8")
    assert run_papers("build", str(example), "--no-packs").returncode == 0
    site = example / "site"
    reports = sorted(site.glob("meetings/20??-??-??-*/*/index.html"))
    assert len(reports) > 10
    for path in reports:
        root = page(site, str(path.parent.relative_to(site)) + "/")
        heading = text(root.xpath("//article//h1")[0])
        expected = heading.upper() if len(heading) <= 30 else None
        title = text(root.xpath("//title")[0])
        assert title.endswith(f" at {path.parent.relative_to(site).as_posix()}/"), title
        if expected:
            assert title.startswith(expected), (title, expected)
        assert "\x02" not in path.read_text("utf-8")  # no marker of the shared frame left in


def test_pages_laid_out_outside_mkdocs_carry_what_materials_search_shows(built_example):
    """Pages outside the menu are filled in by the adapter, not read by MkDocs: their search tags must still be there."""
    import json

    index = json.loads((built_example / "site/search/search_index.json").read_text("utf-8"))
    entry = next(d for d in index["docs"] if d["location"] == "meetings/2026-09-22-resources/04-leisure-centre-operating-contract/")
    assert {"Resources Committee", "22 September 2026"} <= set(entry["tags"])
