"""Fuzzing: mutated papers through `papers check` and the whole build. No traceback, every problem located.

CI runs a bounded number (PAPERS_FUZZ, default 120 inputs); the full run is
`PAPERS_FUZZ=10000 python -m pytest tests/safety/test_fuzz.py -n 2 -m slow`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil

import pytest
from click.testing import CliRunner
from conftest import MINIMAL, copy_council
from test_mutations import mutate

from committee_papers.check import check
from committee_papers.cli import main
from committee_papers.outputs.calendars import all_calendars
from committee_papers.outputs.feed import atom_feed
from committee_papers.outputs.opendata import open_data
from committee_papers.packs.document import PackComposer
from committee_papers.pages.render import PageRenderer
from committee_papers.pages.site import build_site
from committee_papers.publication import Publication

TOTAL = int(os.environ.get("PAPERS_FUZZ", "120"))
CHUNKS = 12
BUILD_EVERY = 40  # every so many inputs that pass the check, a real `papers build` too


def render_everything(result) -> int:
    """The whole public build in the core: pages, calendars, feed, open data and every pack's HTML."""
    site = build_site(result.archive, Publication(today=dt.date(2026, 11, 26)))
    renderer = PageRenderer(site)
    pages = renderer.all_pages()
    all_calendars(site), atom_feed(site), open_data(site)
    composer = PackComposer(renderer)
    for view in site.meetings:
        if view.agenda_published:
            composer.pack(view)
            composer.pack(view, confidential=True)
    return len(pages)


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_fuzzed_papers_check_and_build_without_a_traceback(tmp_path, chunk):
    rng = random.Random(chunk)
    council = copy_council(MINIMAL, tmp_path / "council")
    files = sorted(p for p in (council / "papers").rglob("*") if p.suffix in (".yml", ".md"))
    passed = builds = 0
    inputs = TOTAL // CHUNKS + (1 if chunk < TOTAL % CHUNKS else 0)
    for _ in range(inputs):
        target = rng.choice(files)
        original = target.read_bytes()
        data = original
        for _ in range(rng.randint(1, 3)):
            data = mutate(data, target, rng)
        target.write_bytes(data)
        try:
            result = CliRunner().invoke(main, ["check", str(council), "--format", "json"])
            assert result.exit_code in (0, 1), (target, result.output, result.exception)
            for problem in json.loads(result.stdout):
                where = council / problem["file"]
                assert where.exists() or problem["code"] == "PAP003", problem
                assert problem["line"] >= 1 and problem["column"] >= 1 and problem["message"]
            if result.exit_code == 0:
                passed += 1
                render_everything(check(council))
                if passed % BUILD_EVERY == 1:
                    site = tmp_path / "site"
                    built = CliRunner().invoke(main, ["build", str(council), "--no-packs", "--site-dir", str(site)])
                    assert built.exit_code == 0, built.output
                    builds += 1
                    shutil.rmtree(site, ignore_errors=True)
        finally:
            target.write_bytes(original)
    summary = f"chunk {chunk}: {inputs} inputs fuzzed, {passed} passed the check and were rendered whole, {builds} built with papers build"
    print(summary)
    if os.environ.get("PAPERS_FUZZ_LOG"):
        with open(os.environ["PAPERS_FUZZ_LOG"], "a", encoding="utf-8") as log:
            log.write(summary + "\n")
