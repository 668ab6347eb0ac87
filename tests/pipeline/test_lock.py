"""One build of a council at a time: a second build waits for the first and never removes its work."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time

from conftest import build_epoch, run_papers
from safety.test_publish import snapshot


def test_a_second_build_waits_while_another_holds_the_council(minimal, tmp_path):
    (minimal / ".papers-cache").mkdir()
    env = {**os.environ, "SOURCE_DATE_EPOCH": build_epoch()}
    told = tmp_path / "stderr.txt"
    with open(minimal / ".papers-cache/build.lock", "a+") as held, open(told, "w") as errors:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a running build holds it
        process = subprocess.Popen(
            [sys.executable, "-m", "committee_papers", "build", str(minimal), "--no-packs"], stderr=errors, stdout=subprocess.DEVNULL, env=env
        )
        deadline = time.monotonic() + 120
        while "Another build of this council is running" not in told.read_text() and time.monotonic() < deadline:
            assert process.poll() is None, told.read_text()
            time.sleep(0.2)
        time.sleep(2)
        assert process.poll() is None, "the second build went ahead while the first held the council"
        assert not (minimal / "site").exists()
        fcntl.flock(held, fcntl.LOCK_UN)
        assert process.wait(timeout=300) == 0, told.read_text()
    assert (minimal / "site/meetings/2026-04-14-audit/04-internal-audit-plan/index.html").is_file()


def test_two_builds_at_once_leave_a_whole_site(minimal, tmp_path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": build_epoch()}
    command = [sys.executable, "-m", "committee_papers", "build", str(minimal)]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    for process in (first, second):
        _, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
    reference = tmp_path / "reference"
    import shutil

    shutil.copytree(minimal / "papers", reference / "papers")
    assert run_papers("build", str(reference)).returncode == 0
    assert snapshot(minimal / "site") == snapshot(reference / "site")
    assert snapshot(minimal / "confidential") == snapshot(reference / "confidential")
