"""The output guard through real builds: with the exempt rule deliberately broken (the test switch), the guard
alone stops `papers build` for each kind of exempt thing, and the published site stays byte for byte as it was."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINIMAL, build_epoch, copy_council, run_papers
from exempt_shapes import REFUSED, SHAPES, WORDS
from helpers import pdf_text, public_text

from committee_papers.broken_rule import SWITCH

BROKEN = {SWITCH: "1"}


def snapshot(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def guard_error(stderr: str, source: str) -> str:
    """The public file the guard's located error names, after checking it points at the exempt source."""
    found = re.search(rf"(?:^|failed: ){re.escape(source)}:(\d+):1: error PAP650: the (?:text|name) of .* would be published in site/(\S+)", stderr, re.M)
    assert found, stderr
    return found.group(2)


@pytest.mark.parametrize("shape", sorted(set(SHAPES) - set(REFUSED)))
def test_the_guard_alone_stops_a_build_that_would_publish_exempt_text(tmp_path, shape):
    council = copy_council(MINIMAL, tmp_path / "council")
    source = SHAPES[shape](council)
    built = run_papers("build", str(council), "--no-packs")
    assert built.returncode == 0, built.stderr  # the rule intact: no false alarm
    assert not [name for name, text in public_text(council / "site").items() if WORDS[shape].casefold() in text.casefold()]
    before = snapshot(council / "site")

    broken = run_papers("build", str(council), env_extra=BROKEN)

    assert broken.returncode == 1
    leaked_into = guard_error(broken.stderr, source)
    assert "The published site was not changed." in broken.stderr
    assert snapshot(council / "site") == before, "the published site must be byte for byte as it was"
    assert not leaked_into.startswith(".")
    assert not list(council.glob(".site-building-*")), "the half-built site is removed"


def with_check_set_aside(codes: set[str], *args: str):
    """`papers ARGS`, broken rule, with the check's errors of `codes` set aside (tests/guard/set_aside.py)."""
    script = Path(__file__).with_name("set_aside.py")
    env = {**os.environ, "SOURCE_DATE_EPOCH": build_epoch(), **BROKEN}
    return subprocess.run([sys.executable, str(script), ",".join(sorted(codes)), *args], capture_output=True, text=True, env=env)


@pytest.mark.parametrize("shape", sorted(REFUSED))
def test_the_guard_alone_stops_a_shape_the_check_refuses(tmp_path, shape):
    """Mistyped minute headings, disguised markers, a link into a title-exempt report's folder: the check refuses
    each; with its verdict set aside and the rule broken, the guard still stops the build."""
    council = copy_council(MINIMAL, tmp_path / "council")
    assert run_papers("build", str(council), "--no-packs").returncode == 0
    before = snapshot(council / "site")
    source = SHAPES[shape](council)
    refused = run_papers("check", str(council))
    assert refused.returncode == 1
    assert {code for code in REFUSED[shape] if f"error {code}:" in refused.stdout + refused.stderr} == REFUSED[shape]

    broken = with_check_set_aside(REFUSED[shape], "build", str(council), "--no-packs")

    assert broken.returncode == 1, broken.stderr
    assert not [code for code in REFUSED[shape] if f"error {code}:" in broken.stderr], "the check's verdict was set aside"
    guard_error(broken.stderr, source)
    assert "The published site was not changed." in broken.stderr
    assert snapshot(council / "site") == before, "the published site must be byte for byte as it was"


def test_a_full_build_with_the_rule_broken_stops_too(tmp_path):
    """No previous site, no cache: the guard reads every file of the first build."""
    council = copy_council(MINIMAL, tmp_path / "council")
    source = SHAPES["minute"](council)
    broken = run_papers("build", str(council), "--no-packs", "--full", env_extra=BROKEN)
    assert broken.returncode == 1
    guard_error(broken.stderr, source)
    assert not (council / "site").exists(), "nothing was published"


def test_packs_only_checks_each_pdf_before_it_is_made(tmp_path):
    council = copy_council(MINIMAL, tmp_path / "council")
    source = SHAPES["passage"](council)
    assert run_papers("build", str(council), "--no-packs").returncode == 0
    broken = run_papers("build", str(council), "--packs-only", env_extra=BROKEN)
    assert broken.returncode == 1
    assert guard_error(broken.stderr, source).endswith(".pdf")
    made = list((council / "site").rglob("*.pdf"))
    assert not [pdf for pdf in made if "Fenwick Marsh" in pdf_text(pdf)], "no PDF holding the passage was made"
    assert not (council / "site/meetings/2026-04-14-audit/agenda-pack.pdf").exists()


def test_the_guard_reads_what_the_public_reads_in_a_pdf_and_a_name(tmp_path):
    """With packs, a leak into a PDF stops the build before the PDF is made; a title-exempt name is found in addresses."""
    council = copy_council(MINIMAL, tmp_path / "council")
    source = SHAPES["title"](council)
    broken = run_papers("build", str(council), env_extra=BROKEN)
    assert broken.returncode == 1
    assert guard_error(broken.stderr, source).endswith(".pdf"), "the pack is checked before it is made, before the pages are read back"
    assert not (council / "site").exists()
