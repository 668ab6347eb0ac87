"""Hostile content: no script reaches a page, the PDF engine reads nothing outside the papers."""

from __future__ import annotations

import http.server
import threading

import lxml.html
import pytest
from conftest import run_papers

from committee_papers.packs.document import PackDocument
from committee_papers.packs.fetcher import PapersURLFetcher
from committee_papers.packs.weasy import render_pdf

REPORT = "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md"
HOSTILE = """
## Information

A line with <b onclick="steal()">bold</b> and <a href="javascript:alert('link')">a trap</a>.

<script>alert("script")</script>

<img src="x.png" onerror="alert('img')" alt="A picture">

<iframe src="https://evil.example/"></iframe>

[Markdown trap](javascript:alert('md')) and [data trap](data:text/html;base64,PHNjcmlwdD4=) and [vb](vbscript:msgbox).

<svg onload="alert('svg')"></svg> <style>body{display:none}</style>

## Other Options Considered

None.

## Reason/s for Recommendation/s

None.

## Statutory and Policy Implications

None.
"""


@pytest.mark.parametrize("allow_html", [False, True])
def test_no_script_reaches_a_built_page(minimal, allow_html):
    council_file = minimal / "papers/council.yml"
    # the check refuses links to script addresses (PAP333); as a warning, the build shows what the renderer makes of them
    council_file.write_text(council_file.read_text("utf-8") + "rules: {PAP333: warning}\n", "utf-8")
    if allow_html:
        council_file.write_text(council_file.read_text("utf-8") + "allow_raw_html: true\n", "utf-8")
    report = minimal / REPORT
    front = report.read_text("utf-8").split("---\n")[1]
    report.write_text("---\n" + front + "---\n" + HOSTILE, "utf-8")
    result = run_papers("build", str(minimal), "--no-packs")
    assert result.returncode == 0, result.stderr
    for address in ("javascript:alert('md')", "data:text/html", "vbscript:msgbox"):  # each told where it is written
        assert f"warning PAP333: the link to `{address}" in result.stderr
    root = lxml.html.parse(str(minimal / "site/meetings/2026-04-14-audit/04-internal-audit-plan/index.html")).getroot()
    article = root.xpath("//article")[0]
    assert not article.xpath(".//script | .//iframe | .//svg | .//style | .//object | .//embed")
    for element in article.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name in ("href", "src"):
                assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), value
    for script in root.xpath("//script"):
        assert "alert(" not in (script.text or "")


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        _Counter.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_pdf_engine_reads_no_file_outside_the_papers_and_nothing_from_the_network(tmp_path, caplog):
    server = http.server.HTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    papers = tmp_path / "papers"
    papers.mkdir()
    (tmp_path / "secret.txt").write_text("TOP SECRET", "utf-8")
    port = server.server_address[1]
    html = f"""<html lang="en"><head><title>t</title>
    <link rel="stylesheet" href="http://127.0.0.1:{port}/style.css"></head><body>
    <img src="http://127.0.0.1:{port}/tracker.png" alt="t">
    <img src="file://{tmp_path}/secret.txt" alt="s">
    <img src="../secret.txt" alt="r">
    <object data="file:///etc/passwd"></object>
    <p>Body</p></body></html>"""
    try:
        pdf = render_pdf(PackDocument(html=html), papers)
    finally:
        server.shutdown()
        server.server_close()
    assert pdf.startswith(b"%PDF")
    assert _Counter.hits == []
    assert b"TOP SECRET" not in pdf
    fetcher = PapersURLFetcher(papers)
    for url in (f"file://{tmp_path}/secret.txt", "file:///etc/passwd", f"http://127.0.0.1:{port}/x", "https://example.org/x", "data:text/plain,hi"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    inside = papers / "ok.txt"
    inside.write_text("fine", "utf-8")
    response = fetcher.fetch(inside.as_uri())  # a file inside the papers is allowed
    response.close()


def test_odd_file_names_are_refused_clearly(minimal):
    odd = minimal / "papers/meetings/2026-04-14-audit/05-café budget.md"
    odd.write_text("---\ntitle: Café\n---\n", "utf-8")
    result = run_papers("build", str(minimal), "--no-packs")
    assert result.returncode == 1
    assert "error PAP006: the name `05-café budget.md` has characters that cannot be used in a web address" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
