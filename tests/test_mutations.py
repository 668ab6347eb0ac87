"""Property test: mutated papers never crash `papers check`, and every problem is located."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLE, MINIMAL, copy_council
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from committee_papers.cli import main

EXAMPLES = int(os.environ.get("PAPERS_MUTATIONS", "60"))
REPLACEMENTS = [None, 0, -1, 3.5, True, "", "x" * 300, [], [1, "a"], {}, {"a": {"b": [None]}}, "2026-13-45", "é\u202e"]


def _mutate_data(data, rng: random.Random):
    """Drop a key, or swap a value for one of another type, somewhere in the data."""
    if isinstance(data, dict) and data:
        key = rng.choice(list(data))
        if rng.random() < 0.35:
            del data[key]
        elif rng.random() < 0.5 and isinstance(data[key], (dict, list)) and data[key]:
            _mutate_data(data[key], rng)
        else:
            data[key] = rng.choice(REPLACEMENTS)
    elif isinstance(data, list) and data:
        index = rng.randrange(len(data))
        if rng.random() < 0.5 and isinstance(data[index], (dict, list)):
            _mutate_data(data[index], rng)
        else:
            data[index] = rng.choice(REPLACEMENTS)


def _mutate_yaml(text: bytes, path: Path, rng: random.Random) -> bytes:
    source = text.decode("utf-8")
    if path.suffix == ".md":
        if not source.startswith("---\n") or "\n---\n" not in source[3:]:
            raise ValueError("no front matter")
        front, body = source[4:].split("\n---\n", 1)
        data = yaml.safe_load(front)
        _mutate_data(data, rng)
        return ("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body).encode("utf-8")
    data = yaml.safe_load(source)
    _mutate_data(data, rng)
    return yaml.safe_dump(data, allow_unicode=True).encode("utf-8")


def mutate(text: bytes, path: Path, rng: random.Random) -> bytes:
    """Drop keys, swap types, insert bytes, delete, repeat, swap or indent lines with tabs, truncate."""
    kind = rng.choice(["data", "bytes", "delete-line", "duplicate-line", "truncate", "tab", "swap-lines"])
    if kind == "data":
        try:
            return _mutate_yaml(text, path, rng)
        except (yaml.YAMLError, ValueError, UnicodeDecodeError):
            kind = "bytes"
    if kind == "bytes":
        offset = rng.randrange(len(text) + 1)
        return text[:offset] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 6))) + text[offset:]
    if kind == "truncate":
        return text[: rng.randrange(len(text) + 1)]
    lines = text.split(b"\n")
    at = rng.randrange(len(lines))
    if kind == "delete-line":
        del lines[at]
    elif kind == "duplicate-line":
        lines.insert(at, lines[at])
    elif kind == "tab":
        lines[at] = b"\t" + lines[at]
    elif kind == "swap-lines":
        other = rng.randrange(len(lines))
        lines[at], lines[other] = lines[other], lines[at]
    return b"\n".join(lines)


@pytest.fixture(scope="module", params=["minimal", "example"])
def council(request, tmp_path_factory):
    source = MINIMAL if request.param == "minimal" else EXAMPLE
    root = copy_council(source, tmp_path_factory.mktemp(request.param) / "council")
    files = sorted(p for p in (root / "papers").rglob("*") if p.suffix in (".yml", ".md"))
    return root, files


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choice=st.integers(min_value=0), seed=st.integers(min_value=0, max_value=2**32))
def test_mutated_papers_are_reported_not_crashed(council, choice, seed):
    root, files = council
    target = files[choice % len(files)]
    original = target.read_bytes()
    try:
        target.write_bytes(mutate(original, target, random.Random(seed)))
        result = CliRunner().invoke(main, ["check", str(root), "--format", "json"], catch_exceptions=True)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert result.exit_code in (0, 1), result.output
        for problem in json.loads(result.stdout):
            where = root / problem["file"]
            assert where.exists() or (problem["code"] == "PAP003" and where.parent.exists()), problem
            assert problem["line"] >= 1 and problem["column"] >= 1
            assert problem["message"] and problem["code"].startswith("PAP")
    finally:
        target.write_bytes(original)
