"""Each report is parsed once per build: the check's parse, rendered for both audiences, fills every output."""

from __future__ import annotations

from committee_papers.agenda import agenda_items
from committee_papers.check import check
from committee_papers.model.prepared import PreparedReport
from committee_papers.render.prepared import resolve_files
from committee_papers.render.view import render_report

MEETING = "2026-04-14-audit"
REPORT = f"papers/meetings/{MEETING}/04-internal-audit-plan.md"


def _with_exempt_passage(council) -> None:
    report = council / REPORT
    text = report.read_text("utf-8").replace(
        "## Other Options", "::: exempt\nThe rents audit names a tenant. {#para:tenant}\n:::\n\nSee [the plan](plan.pdf#page=2).\n\n## Other Options"
    )
    report.write_text(text, "utf-8")
    (council / f"papers/meetings/{MEETING}/plan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")


def test_a_build_check_renders_each_report_for_members_and_public(minimal):
    _with_exempt_passage(minimal)
    result = check(minimal, prepare=True)
    assert not result.problems.errors, [p.to_text() for p in result.problems.errors]
    report = result.archive.meetings[MEETING].reports["04-internal-audit-plan"]
    prepared = report.prepared
    assert isinstance(prepared, PreparedReport) and prepared.has_exempt
    assert "names a tenant" in prepared.members.body
    assert "names a tenant" not in prepared.public.body
    assert "A passage of this report contains exempt information" in prepared.public.body
    assert check(minimal).archive.meetings[MEETING].reports["04-internal-audit-plan"].prepared is None, "papers check alone renders nothing"


def test_outputs_fill_the_template_from_the_prepared_parts_without_parsing_again(minimal):
    result = check(minimal, prepare=True)
    archive = result.archive
    folder = archive.meetings[MEETING]
    report = folder.reports["04-internal-audit-plan"]
    for block in report.prepared.public.blocks:  # the house style's blocks, as the check rendered them
        if block["kind"] == "section" and block["source"] == "body":
            block["html"] = ["<p>ONLY-IN-THE-PREPARED-PARTS</p>"]
    item = next(i for i in agenda_items(archive, folder) if i.report is report)
    html = render_report(archive, folder, item, report)
    assert "ONLY-IN-THE-PREPARED-PARTS" in html
    assert "twelve audits" not in html


def test_links_to_local_files_are_resolved_for_each_output(minimal):
    _with_exempt_passage(minimal)
    prepared = check(minimal, prepare=True).archive.meetings[MEETING].reports["04-internal-audit-plan"].prepared
    body = prepared.public.body
    assert "plan.pdf" in body and 'href="plan.pdf' not in body  # marked, for each output to resolve
    web = resolve_files(body, prepared.marker, lambda path: f"../{path}")
    assert 'href="../plan.pdf#page=2"' in web
    pack = resolve_files(body, prepared.marker, lambda path: None)
    assert "<a>the plan</a>" in pack
    untouched = resolve_files(body, prepared.marker, None)
    assert 'href="plan.pdf#page=2"' in untouched
