"""A report still being written, through the real commands: it does not stop the check or the build, is published
nowhere, shows as "Report to follow" on a published agenda, and goes out later in a supplementary agenda."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import run_papers
from helpers import content, page, pdf_text, public_text, text

OLD, NEW = "2026-10-13-policy-and-resources", "2026-12-01-policy-and-resources"
DRAFT = "council-tax-base"
DRAFT_WORDS = "The tax base figures from the Valuation Office are still awaited."
FINAL_WORDS = "The fees and charges are explained here in the author's own words."


def papers(council, *args, day: str | None = None):
    env = {"SOURCE_DATE_EPOCH": epoch(day)} if day else None
    result = run_papers(*args, cwd=council, env_extra=env)
    assert result.returncode == 0, f"papers {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result


def epoch(day: str) -> str:
    import datetime as dt

    return str(int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC).timestamp()))


def finish(path, signed: str, words: str, **more) -> None:
    """What the author does: every placeholder written, the comments signed, the report final."""
    _, front, body = path.read_text("utf-8").split("---\n", 2)
    fields = yaml.safe_load(front)
    fields.update(
        report_of="Director of Resources",
        purpose="To ask the committee to decide.",
        recommendations=["Approve the proposals set out in this report."],
        signed_by="tom-ellery",
        contact="tom-ellery",
        comments={k: {"by": "NP", "date": signed, "text": "The committee may take this decision."} for k in fields["comments"]},
        status="final",
        **more,
    )
    body = re.sub(r"^.*TBC.*$", words, body, flags=re.MULTILINE)
    path.write_text("---\n" + yaml.safe_dump(fields, sort_keys=False) + "---\n" + body, "utf-8")


def write_draft_body(path) -> None:
    source = path.read_text("utf-8")
    path.write_text(source.replace("TBC: the information members need", DRAFT_WORDS + " TBC: the information members need"), "utf-8")


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    """A council as the getting-started guide makes it: the October meeting held with its minutes, and the December
    meeting published on 20 November with one report finished and one still a draft."""
    top = tmp_path_factory.mktemp("drafts")
    papers(top, "init", "brackenmoor", "--name", "Brackenmoor District Council", "--jurisdiction", "england", "--house-style", "numbered-paragraphs",
           "--year-start", "05-01", "--committee", "Policy and Resources Committee")  # fmt: skip
    root = top / "brackenmoor"
    papers(root, "new", "person", "officer", "Nadia Pryce", "--role", "Democratic Services Officer", "--email", "np@brackenmoor.example",
           "--phone", "01632 960400", "--clerk-of", "policy-and-resources")  # fmt: skip
    papers(root, "new", "person", "officer", "Tom Ellery", "--role", "Director of Resources", "--email", "te@brackenmoor.example")
    papers(root, "new", "person", "councillor", "Rhian Castell", "--party", "Independent", "--division", "Moor End", "--chair-of", "policy-and-resources")
    papers(root, "new", "meeting", "policy-and-resources", "2026-10-13", "--time", "18:00", "--venue", "Committee Room 1")
    created = papers(root, "new", "report", OLD, "Treasury Management Review").stdout
    finish(root / re.search(r"^Created (\S+\.md)$", created, re.M).group(1), "2026-09-29", "Treasury words.")
    papers(root, "meeting", "publish", OLD, "--on", "2026-10-02")
    papers(root, "meeting", "held", OLD)
    papers(root, "new", "minutes", OLD)
    papers(root, "new", "meeting", "policy-and-resources", "2026-12-01", "--time", "18:00", "--venue", "Committee Room 1")
    papers(root, "new", "report", NEW, "Fees and Charges")
    finish(root / "papers" / "meetings" / NEW / "fees-and-charges.md", "2026-11-17", FINAL_WORDS)
    papers(root, "new", "report", NEW, "Council Tax Base")
    write_draft_body(root / "papers" / "meetings" / NEW / f"{DRAFT}.md")
    return root


def test_a_fresh_draft_report_is_warned_about_not_refused(council):
    check = run_papers("check", cwd=council)
    assert check.returncode == 0, check.stdout
    path = f"papers/meetings/{NEW}/{DRAFT}.md"
    assert f"{path}:10:3: warning PAP409: the constitutional comment has not been signed yet (allowed while the report is a draft" in check.stdout
    assert f"{path}:11:3: warning PAP409: the financial comment has not been signed yet" in check.stdout
    assert " error " not in check.stdout


def test_a_draft_is_still_held_to_the_structural_rules(council, tmp_path):
    import shutil

    copy = tmp_path / "council"
    shutil.copytree(council, copy)
    draft = copy / "papers" / "meetings" / NEW / f"{DRAFT}.md"
    draft.write_text(draft.read_text("utf-8").replace("status: draft", "status: draft\nsummery: a typing slip"), "utf-8")
    check = run_papers("check", cwd=copy)
    assert check.returncode == 1
    assert re.search(rf"papers/meetings/{NEW}/{DRAFT}.md:\d+:1: error PAP100: ", check.stdout), check.stdout


def test_a_finished_report_is_still_held_to_every_rule(council, tmp_path):
    import shutil

    copy = tmp_path / "council"
    shutil.copytree(council, copy)
    draft = copy / "papers" / "meetings" / NEW / f"{DRAFT}.md"
    draft.write_text(draft.read_text("utf-8").replace("status: draft", "status: final"), "utf-8")
    check = run_papers("check", cwd=copy)
    assert check.returncode == 1
    assert f"papers/meetings/{NEW}/{DRAFT}.md:10:3: error PAP409: the constitutional comment has not been signed yet\n" in check.stdout


@pytest.fixture(scope="module")
def published(council):
    """The December agenda published on 20 November with the draft; built on 26 November."""
    papers(council, "meeting", "publish", NEW, "--on", "2026-11-20")
    build = run_papers("build", cwd=council)
    assert build.returncode == 0, build.stdout + build.stderr
    return council / "site", build


def test_the_build_publishes_everything_but_the_draft(published):
    site, build = published
    assert "warning PAP409" in build.stdout + build.stderr
    assert (site / "meetings" / NEW / "fees-and-charges" / "index.html").is_file()
    assert FINAL_WORDS in pdf_text(site / "meetings" / NEW / "agenda-pack.pdf")
    assert (site / "meetings" / OLD / "minutes" / "index.html").is_file()
    for name, words in public_text(site).items():
        assert DRAFT_WORDS not in words, f"the draft report's text is in {name}"
        assert DRAFT not in name, f"the draft report is published as {name}"


def test_a_draft_on_a_published_agenda_is_a_report_to_follow(published):
    site, _ = published
    item = next(li for li in content(page(site, f"meetings/{NEW}/")).iter("li") if "Council Tax Base" in text(li))
    assert "(Report to follow)" in text(item)
    assert not item.xpath(".//a[contains(@href, 'council-tax-base')]")
    front = " ".join(pdf_text(site / "meetings" / NEW / "agenda-pack.pdf").split())
    assert re.search(r"\d\. Council Tax Base Report to follow", front), front[:1500]


def test_the_next_pack_says_the_minutes_are_a_draft_and_nothing_else(published):
    site, _ = published
    pack = " ".join(pdf_text(site / "meetings" / NEW / "agenda-pack.pdf").split())
    assert "Draft minutes: to be approved at the meeting on Tuesday 1 December 2026." in pack
    assert "Approved as a correct record" not in pack
    assert "a draft until the committee approves them" not in pack


def test_a_drafts_build_previews_the_draft(published, tmp_path):
    council = published[0].parent
    build = run_papers("build", "--drafts", "--no-packs", "--site-dir", str(tmp_path / "draft-site"), cwd=council)
    assert build.returncode == 0, build.stdout + build.stderr
    assert DRAFT_WORDS in text(content(page(tmp_path / "draft-site", f"meetings/{NEW}/{DRAFT}/")))


@pytest.fixture(scope="module")
def followed(published):
    """The draft finished on 24 November and sent out on 25 November with the chair's reasons; built on 26 November."""
    site, _ = published
    council = site.parent
    reason = "The Valuation Office confirmed the tax base figures on 24 November."
    finish(council / "papers" / "meetings" / NEW / f"{DRAFT}.md", "2026-11-24", DRAFT_WORDS, followed={"date": "2026-11-25", "reason": reason})
    check = run_papers("check", cwd=council)
    assert check.returncode == 0 and "PAP407" not in check.stdout, check.stdout
    assert "PAP409" not in check.stdout
    build = run_papers("build", cwd=council)
    assert build.returncode == 0, build.stdout + build.stderr
    return site, reason


def test_a_report_finished_after_publication_goes_out_in_a_supplement(followed):
    site, reason = followed
    supplement = " ".join(pdf_text(site / "meetings" / NEW / "supplement-1.pdf").split())
    assert "Supplementary Agenda 1" in supplement
    assert "Council Tax Base" in supplement and f"Reasons for urgency: {reason}" in supplement
    assert DRAFT_WORDS in supplement
    original = " ".join(pdf_text(site / "meetings" / NEW / "agenda-pack.pdf").split())
    assert re.search(r"\d\. Council Tax Base Report to follow", original)
    assert DRAFT_WORDS not in original
    meeting = content(page(site, f"meetings/{NEW}/"))
    item = next(li for li in meeting.iter("li") if "Council Tax Base" in text(li) and li.xpath(".//a"))
    assert "(report sent out 25 November 2026: see the supplementary agenda)" in text(item)
    assert DRAFT_WORDS in text(content(page(site, f"meetings/{NEW}/{DRAFT}/")))


def test_the_supplement_waits_for_its_date(followed, tmp_path):
    council = followed[0].parent
    build = run_papers("build", "--site-dir", str(tmp_path / "early"), cwd=council, env_extra={"SOURCE_DATE_EPOCH": epoch("2026-11-24")})
    assert build.returncode == 0, build.stdout + build.stderr
    assert not (tmp_path / "early" / "meetings" / NEW / "supplement-1.pdf").exists()
    for name, words in public_text(tmp_path / "early").items():
        assert DRAFT_WORDS not in words, f"the report to follow is in {name} before its date"


def test_approved_minutes_say_approved_and_not_draft(followed):
    council = followed[0].parent
    day = "2026-12-02"
    papers(council, "meeting", "held", NEW, day=day)
    build = run_papers("build", cwd=council, env_extra={"SOURCE_DATE_EPOCH": epoch(day)})
    assert build.returncode == 0, build.stdout + build.stderr
    pack = " ".join(pdf_text(council / "site" / "meetings" / NEW / "agenda-pack.pdf").split())
    assert "Approved as a correct record at the meeting on Tuesday 1 December 2026" in pack
    assert "Draft minutes" not in pack and "a draft until" not in pack
