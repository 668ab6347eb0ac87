"""Neither PDF engine fetches anything from the network, whatever the HTML asks for; raw HTML keeps no CSS that could.

A local HTTP server records every request; the tests assert it receives none.
"""

from __future__ import annotations

import http.server
import threading

import lxml.html
import pytest
from conftest import run_papers

from committee_papers.packs import weasy, wkhtml
from committee_papers.packs.document import PackDocument

REPORT = "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md"


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png" if self.path.endswith(".png") else "text/css")
        self.end_headers()
        self.wfile.write(b"body { color: red }")

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    """The address of a web server that records each request it gets."""
    _Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_address[1]}", _Recorder.hits
    server.shutdown()
    server.server_close()


def hostile_page(host: str) -> str:
    """Every way we know for HTML and CSS to make a PDF engine fetch something."""
    return f"""<!DOCTYPE html><html lang="en"><head><title>t</title>
    <link rel="stylesheet" href="http://{host}/link.css">
    <style>@import url(http://{host}/import.css); body {{ background: url(http://{host}/body.png) }}
    @font-face {{ font-family: x; src: url(http://localhost:{host.split(":")[1]}/font.woff) }}</style></head><body>
    <img src="http://{host}/img.png" alt="a"> <img srcset="http://{host}/srcset.png 2x" alt="b">
    <table><tr><td style="background:url(http://{host}/td.png)">cell</td></tr></table>
    <p style="background-image: url('http://{host}/p.png')">text</p>
    <object data="http://{host}/object.png"></object><iframe src="http://{host}/iframe.html"></iframe>
    <video poster="http://{host}/poster.png"></video><svg><image href="http://{host}/svg.png"/></svg>
    <p>Body</p></body></html>"""


@pytest.mark.parametrize("engine", [weasy, wkhtml], ids=["weasyprint", "wkhtmltopdf"])
def test_an_engine_fetches_nothing_whatever_the_html_asks(engine, recorder, tmp_path):
    host, hits = recorder
    papers = tmp_path / "papers"
    papers.mkdir()
    pdf = engine.render_pdf(PackDocument(html=hostile_page(host)), papers)
    assert pdf.startswith(b"%PDF")
    assert hits == []


def test_the_recorder_sees_a_fetch_that_is_not_stopped(recorder, tmp_path):
    """wkhtmltopdf left to itself fetches a cell's background: the server above would have seen it."""
    import subprocess

    host, hits = recorder
    page = tmp_path / "page.html"
    page.write_text(f'<html><body><table><tr><td style="background:url(http://{host}/td.png)">x</td></tr></table></body></html>', "utf-8")
    subprocess.run(["wkhtmltopdf", "--quiet", str(page), str(tmp_path / "out.pdf")], capture_output=True, timeout=120)
    assert "/td.png" in hits


@pytest.mark.parametrize("engine", ["weasyprint", "wkhtmltopdf"])
def test_raw_html_in_a_report_reaches_no_server_from_a_real_build(minimal, recorder, engine):
    host, hits = recorder
    council = minimal / "papers/council.yml"
    council.write_text(council.read_text("utf-8") + "allow_raw_html: true\n", "utf-8")
    report = minimal / REPORT
    report.write_text(
        report.read_text("utf-8").replace(
            "The plan covers twelve audits. {#para:scope}",
            f'The plan covers twelve audits. {{#para:scope}}\n\n<table><tr><th style="background:url(http://{host}/th.png)">Audit</th>'
            f'<td style="text-align:right; background-image: url(http://{host}/td.png)">10</td></tr></table>\n\n'
            f'<p style="background:url(http://{host}/p.png)">Styled.</p> <img src="http://{host}/img.png" alt="A chart">',
        ),
        "utf-8",
    )
    result = run_papers("build", str(minimal), "--pdf-engine", engine)
    assert result.returncode == 0, result.stderr
    assert (minimal / "site/meetings/2026-04-14-audit/agenda-pack.pdf").exists()
    assert hits == []
    page = lxml.html.parse(str(minimal / "site/meetings/2026-04-14-audit/04-internal-audit-plan/index.html")).getroot()
    styles = [element.get("style") for element in page.iter() if element.get("style")]
    assert not [style for style in styles if "url(" in style.replace(" ", "").lower()], styles
