"""docs/getting-started.md, followed to the letter: its commands alone, in an empty folder, give a council that
passes the check and builds its site, packs and minutes. The only files written here are the reports' texts,
as the guide asks the clerk to write them."""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_epoch
from helpers import content, page, text
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parent / "safety"))
from test_confidentiality import public_text  # noqa: E402

GUIDE = ROOT / "docs" / "getting-started.md"
SECRET = "The highest offer for the Quarry Lane land was 412,500 pounds from Fellside Homes."
MEETING = "2026-12-01-policy-and-resources"
PREVIOUS = "2026-10-13-policy-and-resources"


def guide_commands() -> list[str]:
    """Every command of the guide's ```sh blocks, in order."""
    blocks = re.findall(r"^```sh\n(.*?)^```", GUIDE.read_text("utf-8"), re.MULTILINE | re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip() and not line.strip().startswith("#")]


def test_the_guide_uses_only_papers_commands():
    commands = guide_commands()
    assert len(commands) > 20
    for command in commands:
        assert command.startswith(("papers ", "cd ")), f"the guide asks the clerk to run something other than papers: {command}"


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    """The guide's commands run one by one in an empty folder, the reports written as the guide says."""
    top = tmp_path_factory.mktemp("guide")
    shim = top / "bin"
    shim.mkdir()
    (shim / "papers").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m committee_papers "$@"\n', "utf-8")
    (shim / "papers").chmod(0o755)
    home = top / "home"
    (home / "Downloads").mkdir(parents=True)
    survey_pdf(home / "Downloads" / "roof-survey.pdf")
    env = {**os.environ, "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}", "HOME": str(home), "SOURCE_DATE_EPOCH": build_epoch()}
    here = top / "work"
    here.mkdir()
    start = here
    outputs: dict[str, subprocess.CompletedProcess] = {}
    written: list[Path] = []
    for command in guide_commands():
        if command.startswith("cd "):
            here = (here / shlex.split(command)[1]).resolve()
            continue
        result = subprocess.run(["bash", "-c", command], cwd=here, env=env, capture_output=True, text=True)
        outputs[command] = result
        assert result.returncode == 0, f"`{command}` failed:\n{result.stdout}{result.stderr}"
        for created in re.findall(r"^Created (\S+\.md)$", result.stdout, re.MULTILINE):
            if "papers new report" in command:
                written.append(write_report(here / created))
    return start, here, outputs, written


def survey_pdf(path: Path) -> None:
    from weasyprint import HTML

    HTML(string="<h1>Moorside Leisure Centre</h1><p>Roof survey drawings: the north light roof over the main pool.</p>").write_pdf(path)


def write_report(path: Path) -> Path:
    """What the author writes: every placeholder replaced, the comments signed, the report final."""
    source = path.read_text("utf-8")
    _, front, body = source.split("---\n", 2)
    fields = yaml.safe_load(front)
    meeting = dt.date.fromisoformat(path.parent.name[:10])
    signed = (meeting - dt.timedelta(days=14)).isoformat()
    title = fields["title"]
    fields.update(
        report_of="Director of Resources",
        purpose=f"To ask the committee to decide on the {title.lower()}.",
        recommendations=[f"Approve the proposals for the {title.lower()} set out in this report."],
        signed_by="tom-ellery",
        contact="tom-ellery",
        comments={key: {"by": "NP", "date": signed, "text": "The committee may take this decision."} for key in fields["comments"]},
        status="final",
    )
    if "exempt" in fields:
        fields["exempt"].update(
            reason="The report sets out the offers received for the land, which relate to the bidders' business affairs.",
            public_interest="Publishing the offers before the sale completes could lower the price the council obtains.",
        )
    fields = without_placeholders(fields, f"What the author of the {title} report has to say here.")
    assert "TBC" not in yaml.safe_dump(fields)
    words = SECRET if "exempt" in fields else f"The {title} is explained here in the author's own words."
    body = re.sub(r"^.*TBC.*$", words, body, flags=re.MULTILINE)
    path.write_text("---\n" + yaml.safe_dump(fields, sort_keys=False, allow_unicode=True) + "---\n" + body, "utf-8")
    return path


def without_placeholders(value, words: str):
    """Any other part the house style asks for, written as an author would."""
    if isinstance(value, dict):
        return {k: without_placeholders(v, words) for k, v in value.items()}
    if isinstance(value, list):
        return [without_placeholders(v, words) for v in value]
    return words if isinstance(value, str) and "TBC" in value else value


def test_the_guide_gives_a_clean_council(followed):
    start, council, outputs, written = followed
    assert council == start / "brackenmoor"
    check = outputs["papers check"]
    assert check.stdout.strip() == "No problems found."
    assert "Built the site" in outputs["papers build"].stdout

    committees = sorted(p.stem for p in (council / "papers" / "committees").glob("*.yml"))
    assert committees == ["planning", "policy-and-resources"]
    reports = sorted(p.name for p in (council / "papers" / "meetings" / MEETING).glob("*.md"))
    assert len(reports) == 4
    # the only files written by hand are the reports' texts
    assert sorted(p.name for p in written) == sorted(reports + ["treasury-management-mid-year-review.md"])


def test_the_agenda_is_published_with_four_reports(followed):
    _, council, _, _ = followed
    site = council / "site"
    agenda = text(content(page(site, f"meetings/{MEETING}")))
    for title in (
        "Minutes of the Meeting held on 13 October 2026",
        "Council Tax Base 2027/28",
        "Moorside Leisure Centre Roof",
        "Fees and Charges 2027/28",
        "Exclusion of the Public",
        "Sale of Land at Quarry Lane",
    ):
        assert title in agenda
    order = [agenda.index(t) for t in ("Fees and Charges", "Exclusion of the Public", "Sale of Land")]
    assert order == sorted(order), "the exempt report comes after the exclusion of the public"
    roof = text(content(page(site, f"meetings/{MEETING}/moorside-leisure-centre-roof")))
    assert "Roof survey drawings" in roof
    assert (site / "meetings" / MEETING / "moorside-leisure-centre-roof" / "appendix-a.pdf").is_file()


def test_the_packs_hold_the_reports_and_only_members_see_the_exempt_one(followed):
    _, council, _, _ = followed
    public_pack = council / "site" / "meetings" / MEETING / "agenda-pack.pdf"
    members_pack = council / "confidential" / MEETING / "agenda-pack.pdf"
    public = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(public_pack).pages)
    members = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(members_pack).pages)
    assert "Roof survey drawings" in public and "Council Tax Base 2027/28" in public
    assert SECRET in members
    leaks = [name for name, words in public_text(council / "site").items() if "412,500" in words]
    assert leaks == []


def test_the_minutes_of_the_previous_meeting_are_published(followed):
    _, council, _, _ = followed
    minutes = text(content(page(council / "site", f"meetings/{PREVIOUS}/minutes")))
    assert "Draft minutes: to be approved at the meeting on Tuesday 1 December 2026." in minutes
    assert "Alice Brook A apologies given" in minutes
    assert "1. Apologies for Absence Apologies for absence were received from Councillor Alice Brook." in minutes
    assert "3. Treasury Management Mid-Year Review" in minutes
    assert "Resolved (2026/001) That the committee approve the proposals" in minutes
