"""Bad input to the commands that write papers: a clear error, and not one byte of the folder changed.

Each case file in cases/ names the council to start from, the command (run in the council's folder), the exit
status and the words the clerk must see; files laid over the council come after, as in tests/cases/.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shlex
from pathlib import Path

import pytest
from casefile import apply_case, parse_case
from click.testing import CliRunner
from conftest import BUILD_DAY, MINIMAL, copy_council

from committee_papers.cli import main

CASES = sorted((Path(__file__).parent / "cases").glob("*.case"))


def snapshot(folder: Path) -> dict[str, str]:
    """Every file's bytes, every folder and every link under `folder`."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = "link " + os.readlink(path)
        elif path.is_dir():
            found[name] = "folder"
        else:
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def settings(case) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in case.expect:
        key, _, value = line.partition(":")
        found.setdefault(key.strip(), []).append(value.strip())
    return found


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_bad_input_is_refused_and_nothing_is_written(case_file, tmp_path, monkeypatch):
    case = parse_case(case_file)
    given = settings(case)
    council = tmp_path / "council"
    if given.get("council", ["minimal"])[0] == "empty":
        council.mkdir()
    else:
        copy_council(MINIMAL, council)
    apply_case(case, council)
    day = dt.datetime.fromisoformat(case.today or BUILD_DAY).replace(tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(day.timestamp())))
    monkeypatch.chdir(council)
    before = snapshot(tmp_path)

    result = CliRunner().invoke(main, shlex.split(given["run"][0]))

    assert result.exit_code == int(given["exit"][0]), result.output
    for words in given["says"]:
        assert words in result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert snapshot(tmp_path) == before
