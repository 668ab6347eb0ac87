"""A report whose title is exempt is published as `exempt-item-N`: no file a public report links to may put its file stem
(which repeats the title) in an address, a page or the search index. The check refuses such a link at its line (PAP233);
the build, even with that error set aside, leaves the file out."""

from __future__ import annotations

import datetime as dt

from conftest import run_papers
from helpers import public_text

MEETING = "papers/meetings/2026-04-14-audit"
EXEMPT_STEM = "06-tenant-smith-arrears"
NAME = "tenant-smith-arrears"  # the stem's words after the item number: in no public file or address

MEETING_YML = """committee: audit
date: 2026-04-14
status: scheduled
published: 2026-04-02
agenda:
  - minutes: 2026-03-03-audit
  - apologies
  - declarations
  - report: 04-internal-audit-plan
  - exclusion
  - report: 06-tenant-smith-arrears
"""

EXEMPT_REPORT = """---
title: Rent Arrears of Mr Smith, 4 Mill Lane
report_of: Head of Audit
purpose: To report the arrears of one tenant.
recommendations:
  - Note the arrears.
signed_by: ada-finch
contact: ada-finch
comments:
  constitutional: {by: JP, date: 2026-03-27, text: The committee may note the arrears.}
  financial: {by: LW, date: 2026-03-27, text: No financial implications.}
exempt: {paragraphs: [1], reason: The report names a tenant., public_interest: Naming the tenant would breach his privacy., title_exempt: true}
---

## Information

The tenant owes rent.

## Other Options Considered

None.

## Reason/s for Recommendation/s

The committee must be told.

## Statutory and Policy Implications

Nothing further.
"""


def council_with_links(council, *links: str) -> None:
    """A title-exempt report with a file in its folder; the public report (body, then its Markdown appendix) links to `links`."""
    meeting = council / MEETING
    (meeting / "meeting.yml").write_text(MEETING_YML, "utf-8")
    (meeting / f"{EXEMPT_STEM}.md").write_text(EXEMPT_REPORT, "utf-8")
    (meeting / EXEMPT_STEM).mkdir()
    (meeting / EXEMPT_STEM / "rent-ledger.csv").write_text("month,owed\nMarch,1200\n", "utf-8")
    (meeting / "04-internal-audit-plan/tenant-smith-arrears-summary.csv").write_text("month,owed\nMarch,1200\n", "utf-8")
    (meeting / "04-internal-audit-plan/rents-summary.csv").write_text("month,owed\nMarch,1200\n", "utf-8")
    report = meeting / "04-internal-audit-plan.md"
    body_link, appendix_link = links
    report.write_text(report.read_text("utf-8").replace("The plan is funded.", f"The plan is funded: see the [rents summary]({body_link})."), "utf-8")
    appendix = meeting / "04-internal-audit-plan/appendix-a.md"
    appendix.write_text(appendix.read_text("utf-8") + f"\nThe [rents figures]({appendix_link}) are attached.\n", "utf-8")


def test_a_public_link_to_a_file_in_a_title_exempt_reports_folder_is_refused_at_its_line(minimal):
    council_with_links(minimal, f"{EXEMPT_STEM}/rent-ledger.csv", "04-internal-audit-plan/tenant-smith-arrears-summary.csv")
    for command in (("check",), ("build", "--no-packs")):
        result = run_papers(*command, str(minimal))
        told = result.stdout + result.stderr
        assert result.returncode == 1, told
        assert f"{MEETING}/04-internal-audit-plan.md:38:45: error PAP233: the link to `{EXEMPT_STEM}/rent-ledger.csv`" in told
        assert (
            f"{MEETING}/04-internal-audit-plan/appendix-a.md:5:21: error PAP233: the link to `04-internal-audit-plan/tenant-smith-arrears-summary.csv`" in told
        )
    assert not (minimal / "site").exists()


def test_the_files_the_clerk_moves_beside_the_public_report_are_published_and_the_name_is_nowhere(minimal):
    council_with_links(minimal, "04-internal-audit-plan/rents-summary.csv", "04-internal-audit-plan/rents-summary.csv")
    result = run_papers("build", str(minimal))
    assert result.returncode == 0, result.stderr
    site = minimal / "site"
    assert (site / "meetings/2026-04-14-audit/04-internal-audit-plan/rents-summary.csv").is_file()
    assert (site / "meetings/2026-04-14-audit/exempt-item-6/index.html").is_file()
    leaks = [path for path, text in public_text(site).items() if NAME in text.lower() or "smith" in text.lower()]
    assert leaks == []


def test_the_build_leaves_such_a_file_out_even_with_the_check_set_aside(minimal):
    """The renderer withholds by itself: a build handed the check's result without PAP233 publishes neither file nor name."""
    from committee_papers.adapter import config as mkdocs_config
    from committee_papers.adapter import run
    from committee_papers.check import check
    from committee_papers.pipeline.options import resolve_options

    council_with_links(minimal, f"{EXEMPT_STEM}/rent-ledger.csv", "04-internal-audit-plan/tenant-smith-arrears-summary.csv")
    result = check(minimal, prepare=True)
    assert {p.code for p in result.problems.errors} == {"PAP233"}
    result.problems.items = [p for p in result.problems.items if p.code != "PAP233"]
    with mkdocs_config.mkdocs_config(minimal) as config:
        settings = mkdocs_config.settings_of(config, mkdocs_config.plugin_of(config).config)
        run.build(config, resolve_options(minimal, settings, today=dt.date(2026, 4, 10), incremental=False), result)
    site = minimal / "site"
    page = (site / "meetings/2026-04-14-audit/04-internal-audit-plan/index.html").read_text("utf-8")
    assert "rents summary" in page and "rents figures" in page  # the words stay, without a link
    leaks = [path for path, text in public_text(site).items() if NAME in text.lower() or "smith" in text.lower()]
    assert leaks == []
