"""Safe builds: killed at any moment the published site stays whole; the papers are never written to;
the same papers give the same bytes."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import build_epoch, copy_council, run_papers

KILLS = int(os.environ.get("PAPERS_KILLS", "12"))


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def build_command(council: Path) -> list[str]:
    return [sys.executable, "-m", "committee_papers", "build", str(council)]


def test_a_build_killed_at_any_moment_leaves_a_complete_site(minimal, tmp_path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": build_epoch()}
    assert run_papers("build", str(minimal)).returncode == 0
    old_site, old_members = snapshot(minimal / "site"), snapshot(minimal / "confidential")
    report = minimal / "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md"
    report.write_text(report.read_text("utf-8").replace("The plan covers twelve audits.", "The plan covers thirteen audits."), "utf-8")
    reference = tmp_path / "reference"
    copy_council(minimal, reference)
    start = time.perf_counter()
    assert run_papers("build", str(reference)).returncode == 0
    full = time.perf_counter() - start
    new_site, new_members = snapshot(reference / "site"), snapshot(reference / "confidential")
    assert new_site != old_site

    rng = random.Random(20261126)
    outcomes = {"old": 0, "new": 0}
    for _ in range(KILLS):
        process = subprocess.Popen(build_command(minimal), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(0, full * 1.5))
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()
        site = snapshot(minimal / "site")
        assert site in (old_site, new_site), "the published site is incomplete or mixed after a kill"
        assert snapshot(minimal / "confidential") in (old_members, new_members)
        outcomes["old" if site == old_site else "new"] += 1
    assert run_papers("build", str(minimal)).returncode == 0
    assert snapshot(minimal / "site") == new_site
    assert not [p.name for p in minimal.iterdir() if "-building-" in p.name], "a later build removes what killed builds left behind"
    deadline = time.monotonic() + 20  # the superseded site is deleted in the background
    while [p for p in minimal.iterdir() if "-old-" in p.name] and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [p.name for p in minimal.iterdir() if "-old-" in p.name]
    print(f"kills survived: {KILLS} ({outcomes})")


def test_the_tool_never_writes_inside_papers_or_templates(example):
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in [*(example / "papers").rglob("*"), *(example / "templates").rglob("*")] if p.is_file()}
    dirs_before = sorted(str(p) for p in (example / "papers").rglob("*"))
    assert run_papers("check", str(example)).returncode == 0
    assert run_papers("build", str(example)).returncode == 0
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in [*(example / "papers").rglob("*"), *(example / "templates").rglob("*")] if p.is_file()}
    assert after == before
    assert sorted(str(p) for p in (example / "papers").rglob("*")) == dirs_before


def test_a_site_folder_inside_the_papers_is_refused(minimal):
    result = run_papers("build", str(minimal), "--no-packs", "--site-dir", str(minimal / "papers" / "site"))
    assert result.returncode == 1
    assert "would overwrite the council's own files" in result.stderr
    assert not (minimal / "papers" / "site").exists()


def test_builds_are_reproducible(example, tmp_path):
    other = copy_council(example, tmp_path / "other")
    assert run_papers("build", str(example)).returncode == 0
    time.sleep(1.1)  # a timestamp taken from the clock would now differ
    assert run_papers("build", str(other)).returncode == 0
    assert snapshot(example / "site") == snapshot(other / "site")
    assert snapshot(example / "confidential") == snapshot(other / "confidential")
