"""No page or pack has a live link to a script address, even when a template writes one (the check refuses them in the papers)."""

from __future__ import annotations

import lxml.html
from conftest import run_papers
from pypdf import PdfReader

CONTACT = """<div class="report-contact"><p>Contact:
<a href="javascript:alert('template')">the clerk</a>,
<a href=" JaVa&#x09;ScRiPt:alert(2)">the clerk again</a>,
<a href='data:text/html,<script>alert(3)</script>'>a page</a>,
<a href="https://fenbridge.example/contact">the council's contact page</a></p></div>
"""


def pdf_links(path) -> list[str]:
    found = []
    for page in PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                found.append(str(action["/URI"]))
    return found


def test_a_template_cannot_make_a_live_script_link_in_a_page_or_a_pack(minimal):
    """Every page and pack passes through one last step that drops any address that is not web, email, telephone or a file."""
    template = minimal / "templates/report/parts/contact.html"
    template.parent.mkdir(parents=True)
    template.write_text(CONTACT, "utf-8")
    result = run_papers("build", str(minimal))
    assert result.returncode == 0, result.stderr
    page = lxml.html.parse(str(minimal / "site/meetings/2026-04-14-audit/04-internal-audit-plan/index.html")).getroot()
    contact = page.xpath("//div[@class='report-contact']")[0]
    links = {a.text: a.get("href") for a in contact.iter("a")}
    assert links == {
        "the clerk": None,
        "the clerk again": None,
        "a page": None,
        "the council's contact page": "https://fenbridge.example/contact",
    }
    for pack in (minimal / "site/meetings/2026-04-14-audit").rglob("*.pdf"):
        addresses = pdf_links(pack)
        assert not [a for a in addresses if not a.startswith(("https:", "http:", "mailto:", "tel:"))], (pack.name, addresses)
    assert "https://fenbridge.example/contact" in pdf_links(minimal / "site/meetings/2026-04-14-audit/agenda-pack.pdf")
