"""`papers build`, `mkdocs build` with the plugin, and the default configuration."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import build_epoch, run_papers
from helpers import page, text


def test_mkdocs_build_works_with_the_plugin_listed(example, tmp_path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": build_epoch()}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(example / "mkdocs.yml"), "-d", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert text(page(tmp_path / "out", "committees/resources/").xpath("//h1")[0]) == "Resources Committee"


def test_build_without_mkdocs_yml_uses_the_default(example, tmp_path):
    (example / "mkdocs.yml").unlink()
    result = run_papers("build", str(example), "--no-packs")
    assert result.returncode == 0, result.stderr
    home = page(example / "site", "")
    assert text(home.xpath("//title")[0]).startswith("Ravensmere District Council")
    assert not (example / "site/meetings/2026-09-22-resources/agenda-pack.pdf").exists()
    # the default search is Pagefind, which scales to any archive: a search page and an index sharded by years
    assert (example / "site/search/index.html").is_file() and (example / "site/pagefind/pagefind-entry.json").is_file()
    assert list((example / "site/pagefind-shards").glob("*/pagefind-entry.json"))
    assert not (example / "site/search/search_index.json").exists()
    assert "Search" in [text(a) for a in home.xpath("//nav[contains(@class, 'md-nav--primary')]//a")]


def test_errors_stop_the_build_and_leave_the_site(example):
    first = run_papers("build", str(example), "--no-packs")
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in (example / "site").rglob("*") if p.is_file()}
    meeting = example / "papers/meetings/2026-12-08-resources/meeting.yml"
    meeting.write_text(meeting.read_text("utf-8").replace("committee: resources", "committee: resourcez"), "utf-8")
    second = run_papers("build", str(example), "--no-packs")
    assert second.returncode == 1
    assert "error PAP201: there is no committee `resourcez`" in second.stderr
    assert "The published site was not changed." in second.stderr
    after = {p: p.read_bytes() for p in (example / "site").rglob("*") if p.is_file()}
    assert after == before


def test_warnings_are_shown_and_the_build_goes_on(example):
    stray = example / "papers/meetings/2026-12-08-resources/notes.txt"
    stray.write_text("a note", "utf-8")
    result = run_papers("build", str(example), "--no-packs")
    assert result.returncode == 0
    assert "warning PAP010" in result.stderr
    assert (example / "site/index.html").exists()
