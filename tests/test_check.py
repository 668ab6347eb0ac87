"""Each problem code has a case file; `papers check` must report exactly the expected problems."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from casefile import apply_case, parse_case
from click.testing import CliRunner

from committee_papers.cli import main
from committee_papers.problems import registry

CASES = sorted((Path(__file__).parent / "cases").glob("*.case"))


def run_check(council: Path) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(main, ["check", str(council), "--format", "json"], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


def test_minimal_council_is_clean(minimal):
    code, problems = run_check(minimal)
    assert problems == []
    assert code == 0


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_case(case_file, minimal, monkeypatch):
    case = parse_case(case_file)
    apply_case(case, minimal)
    if case.today:
        day = dt.datetime.fromisoformat(case.today).replace(tzinfo=dt.UTC)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(day.timestamp())))
    code, problems = run_check(minimal)
    found = {f"{p['file']}:{p['line']}:{p['column']}: {p['severity']} {p['code']}" for p in problems}
    assert found == case.expect
    for problem in problems:
        assert problem["message"] and problem["hint"], problem
    assert code == (1 if any(p["severity"] == "error" for p in problems) else 0)


BUILD_ONLY = {"PAP650"}  # the output guard: only a build with the exempt rule broken shows it (tests/guard/test_guard_build.py)


def test_every_code_has_a_case():
    covered = {line.split()[-1] for case in CASES for line in parse_case(case).expect}
    # a code only a command shows (papers import's PAP019) has its case among the commands' cases
    commands = sorted((Path(__file__).parent / "authoring" / "cases").glob("*.case"))
    covered |= {word.rstrip(":") for case in commands for line in parse_case(case).expect if line.startswith("says:") for word in line.split()}
    missing = set(registry()) - covered - BUILD_ONLY
    assert not missing, f"codes with no case file: {sorted(missing)}"
