"""`papers serve`: the site on this computer's loopback address, rebuilt (only what an edit touches) when a paper changes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import build_epoch

REPORT = "papers/meetings/2026-09-22-resources/04-leisure-centre-operating-contract.md"
PAGE = "meetings/2026-09-22-resources/04-leisure-centre-operating-contract/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def wait_for(condition, timeout: float = 60, message: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.3)


@contextmanager
def serving(council, tmp_path, *options):
    port = free_port()
    told = tmp_path / "serve.txt"
    env = {**os.environ, "SOURCE_DATE_EPOCH": build_epoch()}
    with open(told, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "committee_papers", "serve", str(council), "--port", str(port), *options],
            stdout=out,
            stderr=out,
            env=env,
            start_new_session=True,
        )
    try:
        yield f"http://127.0.0.1:{port}/", told, port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=120)


def listening_addresses(port: int) -> set[str]:
    """The local addresses a socket listens on `port` from, as /proc/net/tcp and tcp6 list them (hex)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.rpartition(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def test_serve_says_where_and_reloads_only_what_changed(example, tmp_path):
    with serving(example, tmp_path) as (url, told, port):
        assert "seven operators" in fetch(url + PAGE)
        said = told.read_text()
        assert f"Serving the site at http://127.0.0.1:{port}/ (this computer only)" in said
        assert listening_addresses(port) == {"0100007F"}, "serve listens on 127.0.0.1 only"
        report = example / REPORT
        report.write_text(report.read_text("utf-8").replace("seven operators", "nine operators"), "utf-8")
        wait_for(lambda: "nine operators" in fetch(url + PAGE), message="the page was not rebuilt after the paper changed")
        wait_for(lambda: "Rebuilt in" in told.read_text(), message="no 'Rebuilt in' line")
        said = told.read_text()
        assert "Rebuilt the pages of 2026-09-22-resources in" in said, said
        assert not (example / "site").exists() and not (example / "confidential").exists(), "serving writes no site or members' folder"


@pytest.mark.browser
def test_an_open_page_reloads_itself_after_an_edit(example, tmp_path, tab):
    with serving(example, tmp_path) as (url, told, port):
        fetch(url + PAGE)
        tab.goto(url + PAGE)
        assert "seven operators" in tab.inner_text("article")
        report = example / REPORT
        report.write_text(report.read_text("utf-8").replace("seven operators", "nine operators"), "utf-8")
        # mid-reload the new document may not have its article yet
        tab.wait_for_function("document.querySelector('article')?.innerText.includes('nine operators')", timeout=60000)


def test_a_browser_leaving_mid_download_prints_no_traceback(tmp_path, capfd):
    from committee_papers.serving import Versions, start_server

    (tmp_path / "agenda-pack.pdf").write_bytes(b"%PDF" + b"0" * 30_000_000)
    server = start_server(tmp_path, "127.0.0.1", 0, Versions())
    try:
        host, port = server.server_address[:2]
        for _ in range(3):
            with socket.create_connection((host, port)) as client:
                client.sendall(b"GET /agenda-pack.pdf HTTP/1.1\r\nHost: x\r\n\r\n")
                assert client.recv(1024).startswith(b"HTTP/1.0 200")
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # reset, as a closed tab does
        time.sleep(2)
        with urllib.request.urlopen(f"http://{host}:{port}/agenda-pack.pdf", timeout=30) as response:
            assert response.read(4) == b"%PDF"  # still serving
    finally:
        server.shutdown()
        server.server_close()
    assert "Traceback" not in capfd.readouterr().err
