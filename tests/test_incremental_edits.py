"""Incremental builds equal full builds, byte for byte, after any sequence of the edits a clerk makes.

Each sequence starts from the minimal council, makes a few random (seeded) edits and
after each one builds incrementally and compares the site with a `--full` build of
the same papers. PAPERS_EDIT_SEQUENCES=200 runs 200 sequences instead of the few here.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import BUILD_DAY, MINIMAL, copy_council, run_papers
from safety.test_publish import snapshot

SEQUENCES = int(os.environ.get("PAPERS_EDIT_SEQUENCES", "3"))
EDITS = 3
WORDS = ("heron", "lantern", "quarry", "saffron", "tundra", "walnut", "bramble", "cobalt", "juniper", "marlin")
# meetings that can be added: several municipal years (they start on 1 May); the last is published after the build day
DATES = ("2021-06-15", "2022-09-13", "2023-01-17", "2024-07-09", "2025-03-11", "2026-06-09", "2026-10-13", "2027-01-19")
BASE_MKDOCS = {
    "site_name": "Fenbridge committee papers",
    "theme": {"name": "material", "language": "en", "font": False, "features": ["navigation.indexes", "navigation.top", "navigation.footer"]},
    "plugins": ["committee-papers"],
}


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8")) if path.exists() else {}


def _write_yaml(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


def _meetings(council: Path) -> list[Path]:
    return sorted(p for p in (council / "papers/meetings").iterdir() if p.is_dir())


def _reports(council: Path) -> list[Path]:
    return [p for m in _meetings(council) for p in sorted(m.glob("*.md")) if p.name != "minutes.md"]


def _front(report: Path) -> tuple[dict, str]:
    _, front, body = report.read_text("utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def _write_front(report: Path, front: dict, body: str) -> None:
    report.write_text("---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n" + body, "utf-8")


def new_meeting(council: Path, rng: random.Random) -> str:
    free = [d for d in DATES if not (council / f"papers/meetings/{d}-audit").exists()]
    if not free:
        return edit_council(council, rng)
    return new_meeting_on(council, rng.choice(free))


def new_meeting_on(council: Path, date: str) -> str:
    target = council / f"papers/meetings/{date}-audit"
    shutil.copytree(MINIMAL / "papers/meetings/2026-04-14-audit", target)
    meeting = _yaml(target / "meeting.yml")
    meeting["date"] = dt.date.fromisoformat(date)
    meeting["published"] = dt.date.fromisoformat(date) - dt.timedelta(days=14)
    meeting["agenda"] = [item for item in meeting["agenda"] if not (isinstance(item, dict) and "minutes" in item)]
    _write_yaml(target / "meeting.yml", meeting)
    report = target / "04-internal-audit-plan.md"
    front, body = _front(report)
    for comment in front["comments"].values():  # cleared before the agenda is published, and not after the build day
        comment["date"] = min(meeting["published"] - dt.timedelta(days=3), build_day(council))
    _write_front(report, front, body)
    return f"new meeting {date}"


def edit_council(council: Path, rng: random.Random) -> str:
    path = council / "papers/council.yml"
    data = _yaml(path)
    data["address"] = f"{rng.choice(WORDS).title()} House, Bridge Street, Fenbridge FB1 2AA"
    _write_yaml(path, data)
    return f"council address {data['address']}"


def house_style(council: Path, rng: random.Random) -> str:
    path = council / "papers/council.yml"
    data = _yaml(path)
    data["house_style"] = rng.choice(["numbered-paragraphs", "numbered-sections"])
    _write_yaml(path, data)
    return f"house style {data['house_style']}"


def edit_people(council: Path, rng: random.Random) -> str:
    path = council / "papers/people.yml"
    data = _yaml(path)
    data["officers"]["ada-finch"]["name"] = f"Ada {rng.choice(WORDS).title()}"
    _write_yaml(path, data)
    return f"officer renamed {data['officers']['ada-finch']['name']}"


def edit_mkdocs(council: Path, rng: random.Random) -> str:
    path = council / "mkdocs.yml"
    data = _yaml(path) or dict(BASE_MKDOCS)
    key = rng.choice(["copyright", "site_name", "extra", "search"])
    word = rng.choice(WORDS)
    if key == "copyright":
        data["copyright"] = f"Copyright {word} Fenbridge Borough Council"
    elif key == "site_name":
        data["site_name"] = f"Fenbridge {word} papers"
    elif key == "extra":
        data["extra"] = {"social": [{"icon": "fontawesome/brands/mastodon", "link": f"https://social.example/@{word}"}]}
    else:  # MkDocs' own search, or (without it) Pagefind
        ours = [plugin for plugin in data["plugins"] if plugin != "search"]
        data["plugins"] = ours if "search" in data["plugins"] else ["search", *ours]
    _write_yaml(path, data)
    return f"mkdocs.yml {key} {word}"


def remove_report(council: Path, rng: random.Random) -> str:
    reports = _reports(council)
    if not reports:
        return new_meeting(council, rng)
    report = rng.choice(reports)
    meeting = _yaml(report.parent / "meeting.yml")
    meeting["agenda"] = [{"item": "Report withdrawn"} if item == {"report": report.stem} else item for item in meeting["agenda"]]
    _write_yaml(report.parent / "meeting.yml", meeting)
    shutil.rmtree(report.with_suffix(""), ignore_errors=True)
    report.unlink()
    return f"removed report {report.parent.name}/{report.name}"


def rename_report(council: Path, rng: random.Random) -> str:
    reports = _reports(council)
    if not reports:
        return new_meeting(council, rng)
    report = rng.choice(reports)
    new = report.with_name(f"{report.stem}-{rng.choice(WORDS)}.md")
    meeting = _yaml(report.parent / "meeting.yml")
    meeting["agenda"] = [{"report": new.stem} if item == {"report": report.stem} else item for item in meeting["agenda"]]
    _write_yaml(report.parent / "meeting.yml", meeting)
    front, body = _front(report)
    for appendix in front.get("appendices") or []:
        appendix["file"] = appendix["file"].replace(f"{report.stem}/", f"{new.stem}/", 1)
    _write_front(new, front, body)
    if report.with_suffix("").is_dir():
        report.with_suffix("").rename(new.with_suffix(""))
    report.unlink()
    return f"renamed report {report.parent.name}/{report.name} to {new.name}"


def add_appendix(council: Path, rng: random.Random) -> str:
    reports = _reports(council)
    if not reports:
        return new_meeting(council, rng)
    report = rng.choice(reports)
    front, body = _front(report)
    appendices = front.get("appendices") or []
    name = f"appendix-{'abcdefgh'[len(appendices)]}.md"
    word = rng.choice(WORDS)
    folder = report.with_suffix("")
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(f"# The {word} schedule\n\nThe {word} work is set out here.\n", "utf-8")
    front["appendices"] = [*appendices, {"title": f"The {word} schedule", "file": f"{folder.name}/{name}"}]
    _write_front(report, front, body)
    return f"appendix {name} for {report.parent.name}/{report.name}"


def time_passes(council: Path, rng: random.Random) -> str:
    """The next build is made some days later: what its date publishes changes."""
    day = build_day(council) + dt.timedelta(days=rng.randint(1, 60))
    (council / DAY_FILE).write_text(day.isoformat(), "utf-8")
    return f"built on {day}"


DAY_FILE = "build-day.txt"  # beside papers/: the day the sequence's builds are made on


def build_day(council: Path) -> dt.date:
    path = council / DAY_FILE
    return dt.date.fromisoformat(path.read_text("utf-8") if path.exists() else BUILD_DAY)


CLERK_EDITS = (new_meeting, edit_council, house_style, edit_people, edit_mkdocs, remove_report, rename_report, add_appendix, time_passes)


def build(council: Path, *args: str) -> None:
    epoch = dt.datetime.combine(build_day(council), dt.time(), tzinfo=dt.UTC).timestamp()
    built = run_papers("build", str(council), *args, env_extra={"SOURCE_DATE_EPOCH": str(int(epoch))})
    assert built.returncode == 0, built.stdout + built.stderr


def differences(ours: Path, theirs: Path) -> list[str]:
    left, right = snapshot(ours), snapshot(theirs)
    return sorted(name for name in set(left) | set(right) if left.get(name) != right.get(name))


def check_sequence(council: Path, tmp_path: Path, edits, packs: bool = False) -> None:
    """Build; then after each edit build again and compare the site with a `--full` build of a copy."""
    options = () if packs else ("--no-packs",)
    build(council, *options)
    done = []
    for step, edit in enumerate(edits):
        done.append(edit(council))
        build(council, *options)
        reference = tmp_path / f"full-{step}"
        copy_council(council, reference)
        if (council / DAY_FILE).exists():
            shutil.copy2(council / DAY_FILE, reference / DAY_FILE)
        build(reference, "--full", *options)
        assert differences(council / "site", reference / "site") == [], f"after: {done}"
        if packs:
            assert differences(council / "confidential", reference / "confidential") == [], f"after: {done}"
        shutil.rmtree(reference)


def test_kept_pages_show_a_new_municipal_years_menu_and_a_new_copyright(minimal, tmp_path):
    """The two stale pages of issue 23: the menu without the new year, and the old footer."""
    _write_yaml(minimal / "mkdocs.yml", BASE_MKDOCS)

    def copyright_added(council):
        _write_yaml(council / "mkdocs.yml", {**BASE_MKDOCS, "copyright": "Copyright Fenbridge Borough Council"})
        return "copyright"

    check_sequence(minimal, tmp_path, [lambda council: new_meeting_on(council, "2026-06-09"), copyright_added])
    page = (minimal / "site/meetings/2026-04-14-audit/index.html").read_text("utf-8")
    assert "2026/27" in page and "Copyright Fenbridge Borough Council" in page


@pytest.mark.parametrize("seed", range(SEQUENCES))
def test_an_incremental_build_equals_a_full_build_after_every_edit(seed, tmp_path):
    rng = random.Random(seed)
    council = copy_council(MINIMAL, tmp_path / "council")
    if seed % 4 == 1:  # a site built in place, not in a fresh folder swapped in at the end
        _write_yaml(council / "mkdocs.yml", {**BASE_MKDOCS, "plugins": [{"committee-papers": {"atomic": False}}]})
    elif seed % 2 == 0:  # else the first edit of mkdocs.yml writes it (until then, the settings of a council without one)
        _write_yaml(council / "mkdocs.yml", BASE_MKDOCS)
    edits = [lambda council: rng.choice(CLERK_EDITS)(council, rng) for _ in range(EDITS)]
    check_sequence(council, tmp_path, edits, packs=seed % 3 == 2)  # one sequence in three with the PDF packs (slower)
