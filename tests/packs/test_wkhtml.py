"""The optional wkhtmltopdf engine: real page ranges, and its limits said plainly at build time."""

from __future__ import annotations

import re

from conftest import run_papers
from pypdf import PdfReader


def test_wkhtmltopdf_pack_has_real_ranges_and_says_what_it_lacks(minimal):
    result = run_papers("build", str(minimal), "--pdf-engine", "wkhtmltopdf")
    assert result.returncode == 0, result.stderr
    assert "built without patched Qt: no running 'Agenda Item N' headers and no page numbers" in result.stderr
    assert "the PDFs are not tagged" in result.stderr
    reader = PdfReader(minimal / "site/meetings/2026-04-14-audit/agenda-pack.pdf")
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    found = re.findall(r"(\d+)\. [A-Z][^.]*? (\d+)(?: - (\d+))?(?= \d+\. | Appendix| Notes|$)", texts[0])  # "2 - 4", or "2" for one page
    ranges = {int(n): (int(a), int(b or a)) for n, a, b in found}
    assert set(ranges) == {1, 4}
    for number, (first, last) in ranges.items():
        starts = [i + 1 for i, t in enumerate(texts) if f"Agenda Item {number}:" in t]
        assert starts == [first]
        assert last >= first
    assert ranges[4][1] == len(texts)
    assert [item.title for item in reader.outline] == ["Agenda Item 1", "Agenda Item 4"]
