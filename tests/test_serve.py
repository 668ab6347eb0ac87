"""`papers serve`: the site on a local port, rebuilt when a paper changes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import build_epoch


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_serve_shows_the_site_and_reloads_when_a_paper_changes(example):
    port = free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": build_epoch()}
    process = subprocess.Popen(
        [sys.executable, "-m", "committee_papers", "serve", str(example), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/meetings/2026-09-22-resources/04-leisure-centre-operating-contract/"
        assert "seven operators" in fetch(url)
        report = example / "papers/meetings/2026-09-22-resources/04-leisure-centre-operating-contract.md"
        report.write_text(report.read_text("utf-8").replace("seven operators", "nine operators"), "utf-8")
        deadline = time.monotonic() + 60
        while "nine operators" not in fetch(url):
            assert time.monotonic() < deadline, "the page was not rebuilt after the paper changed"
            time.sleep(1)
        assert not (example / "site").exists(), "serving writes no site folder"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
