"""The check cache in `.papers-cache/`: JSON signed on this computer; anything else in its place is ignored and runs nothing."""

from __future__ import annotations

import json
import pickle

import pytest

from committee_papers.check import check
from committee_papers.loading import cache as check_cache

REPORT = "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md"


@pytest.fixture(autouse=True)
def own_key(tmp_path, monkeypatch):
    """A key of this test's own, as if on a computer of its own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    check_cache.signing_key.cache_clear()
    yield
    check_cache.signing_key.cache_clear()


def codes(result) -> list[str]:
    return sorted(f"{p.file}:{p.line}: {p.code}" for p in result.problems.items)


def spoil_report(council) -> None:
    report = council / REPORT
    report.write_text(report.read_text("utf-8").replace("signed_by: ada-finch", "signed_by: nobody-here"), "utf-8")


class Payload:
    """What a hostile cache file would run when unpickled: it leaves a file behind."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_a_pickle_in_the_cache_folder_runs_nothing(minimal, tmp_path):
    marker = tmp_path / "the-cache-ran-code"
    folder = minimal / ".papers-cache"
    folder.mkdir()
    for name in ("check.pickle", "check.json"):
        (folder / name).write_bytes(pickle.dumps({"context": "x", "folders": Payload(marker)}))
    spoil_report(minimal)
    result = check(minimal, use_cache=True)
    assert not marker.exists()
    assert codes(result) == [f"{REPORT}:7: PAP200"]


GARBAGE = {
    "empty": b"",
    "records of the wrong kind": b'{"format": 2, "context": "x", "signature": "00"}\n["2026-04-14-audit", "0"]\n{"~": "record", "t": "Path", "v": {}}\n',
    "a broken pickle": b"\x80\x04garbage",
    "a wrong signature": b'{"format": 2, "signature": "00"}\n[]',
    "deeply nested": b"[" * 100_000,
    "not text": b"\xff\xfe\x00",
}


@pytest.mark.parametrize("garbage", GARBAGE.values(), ids=GARBAGE.keys())
def test_garbage_in_the_cache_is_ignored_and_replaced(minimal, garbage):
    (minimal / ".papers-cache").mkdir()
    (minimal / ".papers-cache/check.json").write_bytes(garbage)
    spoil_report(minimal)
    assert codes(check(minimal, use_cache=True)) == [f"{REPORT}:7: PAP200"]
    header = json.loads((minimal / ".papers-cache/check.json").read_bytes().split(b"\n", 1)[0])
    assert header["format"] == check_cache.FORMAT  # a good cache was written in its place


def forged(council) -> tuple[dict, str]:
    """The lines of a clean run's cache, altered to record the spoilt folder (by its new digest) as clean; and its context."""
    raw = (council / ".papers-cache/check.json").read_bytes()
    context = json.loads(raw.split(b"\n", 1)[0])["context"]
    lines = check_cache.unseal(raw, context)
    digest = check_cache.FolderCache(council, council / "papers", ()).tree_digest(council / "papers/meetings/2026-04-14-audit")
    lines["2026-04-14-audit"] = (digest, lines["2026-04-14-audit"][1])
    return lines, context


def use_key_of(monkeypatch, home) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    check_cache.signing_key.cache_clear()


def test_a_cache_from_another_computer_cannot_hide_problems(minimal, tmp_path, monkeypatch):
    """A cache committed with the papers, recording a folder as clean, is not believed: it was signed elsewhere."""
    check(minimal, use_cache=True)  # a clean run on this computer
    spoil_report(minimal)
    lie, context = forged(minimal)
    path = minimal / ".papers-cache/check.json"
    use_key_of(monkeypatch, tmp_path / "another-computer")
    path.write_bytes(check_cache.seal(lie, context))
    use_key_of(monkeypatch, tmp_path / "home-cache")
    assert codes(check(minimal, use_cache=True)) == [f"{REPORT}:7: PAP200"]
    path.write_bytes(check_cache.seal(lie, context))  # the same lie signed here would be believed: the signature is what refuses it
    assert codes(check(minimal, use_cache=True)) == []


def test_a_tampered_cache_is_ignored(minimal):
    check(minimal, use_cache=True)
    spoil_report(minimal)
    path = minimal / ".papers-cache/check.json"
    head = path.read_bytes().split(b"\n", 1)[0]
    lie, context = forged(minimal)
    path.write_bytes(head + b"\n" + check_cache.seal(lie, context).split(b"\n", 1)[1])  # the lines changed, the signature not
    assert codes(check(minimal, use_cache=True)) == [f"{REPORT}:7: PAP200"]


def test_unchanged_folders_come_from_the_cache_until_the_code_changes(minimal, monkeypatch):
    from committee_papers.loading import archive

    first = check(minimal, use_cache=True)
    read = []
    real = archive.read_report
    monkeypatch.setattr(archive, "read_report", lambda path, problems: read.append(path.name) or real(path, problems))
    second = check(minimal, use_cache=True)
    assert read == []  # nothing read again
    assert codes(second) == codes(first)
    folder = second.archive.meetings["2026-04-14-audit"]
    assert folder.reports["04-internal-audit-plan"].report.title == "Internal Audit Plan 2026/27"
    assert folder.meeting.date.isoformat() == "2026-04-14"
    monkeypatch.setattr(check_cache, "code_digest", lambda: "another version of the code")
    check(minimal, use_cache=True)
    assert read == ["04-internal-audit-plan.md"]


def test_everything_a_check_keeps_of_a_folder_can_be_cached(minimal):
    """A kind of record the cache cannot write would leave no cache at all: every run would read everything."""
    check(minimal, use_cache=True)
    raw = (minimal / ".papers-cache/check.json").read_bytes()
    context = json.loads(raw.split(b"\n", 1)[0])["context"]
    assert set(check_cache.unseal(raw, context)) == {"2026-03-03-audit", "2026-04-14-audit"}
