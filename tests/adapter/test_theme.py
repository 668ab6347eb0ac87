"""The core's pages in Material's frame: contents, menu, nothing from the papers live in it."""

from __future__ import annotations

from conftest import run_papers
from helpers import page, text

REPORT = "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md"


def test_a_heading_with_markup_in_its_words_is_words_in_on_this_page(minimal):
    report = minimal / REPORT
    report.write_text(report.read_text("utf-8").replace("## Other Options", "### Scope &lt;img src=x onerror=alert(1)&gt; notes\n\nText.\n\n## Other Options"), "utf-8")
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    root = page(minimal / "site", "meetings/2026-04-14-audit/04-internal-audit-plan/")
    contents = root.xpath("//nav[contains(@class, 'md-nav--secondary')]")[0]
    assert "Scope <img src=x onerror=alert(1)> notes" in text(contents)
    assert not root.xpath("//img[@onerror]")
