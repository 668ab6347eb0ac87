"""`papers serve` with the exempt rule broken: the guard stops an edit that would show exempt text, before it is served."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from conftest import MINIMAL, build_epoch, copy_council
from exempt_shapes import PASSAGE, write_passage
from test_serve import fetch, free_port, wait_for

from committee_papers.broken_rule import SWITCH

PAGE = "meetings/2026-04-14-audit/04-internal-audit-plan/"


def answer(url: str) -> tuple[int, str]:
    """The status and text of what the server answers, 503 included (asked once: `fetch` retries until it is served)."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def test_an_edit_that_would_serve_exempt_text_is_not_served(tmp_path):
    council = copy_council(MINIMAL, tmp_path / "council")
    port, told = free_port(), tmp_path / "serve.txt"
    env = {**os.environ, "SOURCE_DATE_EPOCH": build_epoch(), SWITCH: "1"}
    with open(told, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "committee_papers", "serve", str(council), "--port", str(port)], stdout=out, stderr=out, env=env, start_new_session=True
        )
    try:
        url = f"http://127.0.0.1:{port}/"
        assert "twelve audits" in fetch(url + PAGE)
        source = write_passage(council)
        wait_for(lambda: "Not rebuilt" in told.read_text(), message="the guard did not stop the rebuild")
        said = told.read_text()
        assert f"{source}:" in said and "error PAP650" in said and f"site/{PAGE}index.html" in said, said
        status, page = answer(url + PAGE)
        assert status == 503, (status, page)  # held while the meeting's papers do not build
        assert "Fenwick Marsh" not in page and PASSAGE not in page
        assert PASSAGE not in answer(url + "decisions/")[1]
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=120)
