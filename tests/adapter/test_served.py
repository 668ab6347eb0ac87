"""What `papers serve` may serve (adapter/served.py): only the files the current build made, nothing held or pending."""

from __future__ import annotations

from types import SimpleNamespace

from committee_papers.adapter.served import EVERYTHING, Served

MID = "2026-04-14-audit"


def plan(*outputs: str, search: str = "pagefind"):
    record = SimpleNamespace(outputs=list(outputs))
    return SimpleNamespace(records={MID: record}, options=SimpleNamespace(search=search)), record


def test_nothing_is_served_before_the_first_build():
    assert Served().refusal("index.html")[0] == 503


def test_a_meeting_serves_only_what_the_current_build_made():
    served, work = Served(), object()
    current, record = plan(f"meetings/{MID}/index.html", f"meetings/{MID}/04-report/index.html")
    served.built(current, {MID}, work, full=True)
    served.release_all()
    assert served.refusal(f"meetings/{MID}/04-report/index.html") is None
    assert served.refusal(f"meetings/{MID}/meeting.ics") is None
    assert served.refusal(f"meetings/{MID}/05-old-report/index.html")[0] == 404  # left on disk by an earlier build
    assert served.refusal("meetings/2025-01-01-gone/index.html")[0] == 404
    assert served.refusal(f"meetings/{MID}/04-report.pdf")[0] == 503  # its PDFs are being made
    assert served.refusal("pagefind/pagefind.js")[0] == 503
    served.pdfs_made(MID, [f"meetings/{MID}/04-report.pdf"], record, work)
    served.search_made(work)
    assert served.refusal(f"meetings/{MID}/04-report.pdf") is None
    assert served.refusal("pagefind/pagefind.js") is None
    assert f"meetings/{MID}/04-report.pdf" in record.outputs  # removed from disk when a later build drops it


def test_pdfs_made_by_work_a_later_edit_superseded_are_not_served():
    served, old, new = Served(), object(), object()
    first, first_record = plan(f"meetings/{MID}/index.html")
    served.built(first, {MID}, old, full=True)
    second, _ = plan(f"meetings/{MID}/index.html")
    served.built(second, {MID}, new, full=False)
    served.release_all()
    served.pdfs_made(MID, [f"meetings/{MID}/04-report.pdf"], first_record, old)  # the old plan's PDF, made late
    served.work_done(old)
    assert served.refusal(f"meetings/{MID}/04-report.pdf")[0] == 503
    served.work_done(new)  # the new work made no such PDF (the report is exempt now)
    assert served.refusal(f"meetings/{MID}/04-report.pdf")[0] == 404


def test_held_files_answer_503_until_released():
    served = Served()
    served.built(plan(f"meetings/{MID}/index.html")[0], set(), object(), full=True)
    served.release_all()
    served.hold([f"meetings/{MID}/", "index.html"], "not rebuilt")
    assert served.refusal(f"meetings/{MID}/index.html") == (503, "not rebuilt")
    assert served.refusal("index.html") == (503, "not rebuilt")
    assert served.refusal("assets/committee-papers.css") is None
    served.release([f"meetings/{MID}/", "index.html"])
    assert served.refusal(f"meetings/{MID}/index.html") is None
    served.hold([EVERYTHING])
    assert served.refusal("assets/committee-papers.css")[0] == 503


def test_the_sitemap_waits_for_a_full_rebuild_after_an_edit():
    served, work = Served(), object()
    served.built(plan(search="material")[0], set(), work, full=False)
    served.release_all()
    assert served.refusal("sitemap.xml")[0] == 404
    served.built(plan(search="material")[0], set(), work, full=True)
    assert served.refusal("sitemap.xml") is None
