"""TEST ONLY: a switch that breaks the exempt rule, so tests can show that the output guard alone stops a leak.

With PAPERS_TEST_BREAK_EXEMPT_RULE=1 in the environment, `markdown.exempt.withhold`
publishes exempt passages, a report's public version is its members' version
(render.prepared, cached or not), and the public site is made as if nothing were exempt
(reports, appendices, agenda items, minutes, titles). The exempt text the guard
compares against is gathered before that (guard.corpus). Never set it for a real
council: the build then stops with PAP650 wherever anything is exempt.
"""

from __future__ import annotations

import os

SWITCH = "PAPERS_TEST_BREAK_EXEMPT_RULE"


def broken() -> bool:
    return os.environ.get(SWITCH) == "1"


def forget_exemptions(archive) -> None:
    """Every exemption in the archive's data dropped, as a public renderer that ignored them would behave."""
    for folder in archive.meetings.values():
        for entry in (folder.meeting.agenda or []) if folder.meeting else []:
            if getattr(entry, "exempt", None) is not None:
                entry.exempt = None
        for report_file in folder.reports.values():
            report = report_file.report
            if report is None:
                continue
            report.exempt = None
            for appendix in report.appendices:
                appendix.exempt = None
