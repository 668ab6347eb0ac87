"""`papers build --packs-only`: the PDFs of the current papers, and no public PDF that is no longer published."""

from __future__ import annotations

from conftest import run_papers

MEETING = "papers/meetings/2026-04-14-audit"
REPORT = f"{MEETING}/04-internal-audit-plan.md"


def make_exempt(council) -> None:
    report = council / REPORT
    exempt = "exempt: {paragraphs: [3], reason: Contract terms., public_interest: Disclosure would harm the negotiation.}"
    report.write_text(report.read_text("utf-8").replace("background_papers: []", f"background_papers: []\n{exempt}"), "utf-8")
    meeting = council / MEETING / "meeting.yml"
    meeting.write_text(meeting.read_text("utf-8").replace("  - report: 04", "  - exclusion\n  - report: 04"), "utf-8")


def test_a_report_made_exempt_loses_its_public_pdf_with_packs_only(minimal):
    assert run_papers("build", str(minimal)).returncode == 0
    public_pdf = minimal / "site/meetings/2026-04-14-audit/04-internal-audit-plan.pdf"
    assert public_pdf.is_file()
    make_exempt(minimal)
    result = run_papers("build", str(minimal), "--packs-only")
    assert result.returncode == 0, result.stderr
    assert not public_pdf.exists()
    assert (minimal / "site/meetings/2026-04-14-audit/agenda-pack.pdf").is_file()
    assert (minimal / "confidential/2026-04-14-audit/agenda-pack.pdf").is_file()
