"""`papers init`, `papers new person` and `papers new committee`: a council that passes the check, added to line by line."""

from __future__ import annotations

import click
import pytest
import yaml
from click.testing import CliRunner
from conftest import run_papers

from committee_papers.check import check
from committee_papers.cli import main

INIT = ["--name", "Harrowby Vale District Council", "--jurisdiction", "scotland", "--house-style", "cover-sheet", "--year-start", "04-01"]


def papers(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_init_writes_a_council_that_passes_the_check_and_builds(tmp_path):
    council = tmp_path / "harrowby"
    result = papers("init", str(council), *INIT, "--committee", "Finance and Audit Committee")
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(council).as_posix() for p in council.rglob("*")) == [
        ".gitignore",
        "papers",
        "papers/committees",
        "papers/committees/finance-and-audit.yml",
        "papers/council.yml",
        "papers/meetings",
        "papers/people.yml",
    ]
    settings = yaml.safe_load((council / "papers/council.yml").read_text("utf-8"))
    assert settings == {
        "name": "Harrowby Vale District Council",
        "jurisdiction": "scotland",
        "house_style": "cover-sheet",
        "municipal_year_starts": "04-01",
        "required_comments": ["constitutional", "financial"],
    }
    assert "confidential/" in (council / ".gitignore").read_text("utf-8")
    assert check(council).problems.items == []

    built = run_papers("build", str(council))
    assert built.returncode == 0, built.stdout + built.stderr
    home = (council / "site" / "index.html").read_text("utf-8")
    assert "Harrowby Vale District Council" in home
    assert (council / "site" / "committees" / "finance-and-audit" / "index.html").is_file()


def test_init_asks_for_what_it_is_not_given(tmp_path):
    answers = "Harrowby Vale District Council\nwales\nnumbered-sections\n05-01\nCabinet\n"
    result = papers("init", str(tmp_path / "council"), input=answers)
    assert result.exit_code == 0, result.output
    for question in ("The council's full name", "Jurisdiction", "House style", "First day of the municipal year (MM-DD)", "The first committee's name"):
        assert question in result.output
    council = yaml.safe_load((tmp_path / "council/papers/council.yml").read_text("utf-8"))
    assert (council["jurisdiction"], council["house_style"]) == ("wales", "numbered-sections")
    assert yaml.safe_load((tmp_path / "council/papers/committees/cabinet.yml").read_text("utf-8"))["name"] == "Cabinet"


def test_init_keeps_an_existing_gitignore(tmp_path):
    (tmp_path / ".gitignore").write_text("*.docx\n", "utf-8")
    result = papers("init", str(tmp_path), *INIT, "--committee", "Council")
    assert result.exit_code == 0, result.output
    assert (tmp_path / ".gitignore").read_text("utf-8") == "*.docx\n"
    assert ".gitignore was left as it was" in result.output


PEOPLE = """\
# Fenbridge's people. Keep councillors in ward order.
councillors:
  mira-holt: {name: Mira Holt, party: Green, division: Fenbridge Central}   # chair of audit

  owen-drake:
    name: Owen Drake
    party: Conservative
# officers follow
officers:
  ben-cole: {name: Ben Cole, role: Committee Clerk}
"""


def test_new_people_are_added_and_every_other_byte_is_kept(minimal):
    people = minimal / "papers/people.yml"
    people.write_text(PEOPLE, "utf-8")
    committee = minimal / "papers/committees/audit.yml"
    committee.write_text(
        committee.read_text("utf-8").replace("members: [mira-holt, owen-drake, ruth-kemp]", "members: [mira-holt, owen-drake]  # two seats vacant\n"), "utf-8"
    )
    members_before = committee.read_text("utf-8")

    result = papers("new", "person", "councillor", "Sam Ives", "--party", "Liberal Democrat", "--division", "Westgate", "--member-of", "audit", str(minimal))
    assert result.exit_code == 0, result.output
    assert "Added sam-ives under `councillors` in papers/people.yml" in result.output
    assert "Made sam-ives a member of the Audit Committee in papers/committees/audit.yml" in result.output
    result = papers("new", "person", "officer", "Ada Finch", "--role", "Head of Audit", "--email", "ada.finch@fenbridge.example", str(minimal))
    assert result.exit_code == 0, result.output

    # Only whole lines were added: the author's comments, blank lines and layout are all still there.
    after = people.read_text("utf-8")
    assert after == PEOPLE.replace(
        "    party: Conservative\n",
        "    party: Conservative\n  sam-ives: {name: Sam Ives, party: Liberal Democrat, division: Westgate}\n",
    ).replace(
        "  ben-cole: {name: Ben Cole, role: Committee Clerk}\n",
        "  ben-cole: {name: Ben Cole, role: Committee Clerk}\n  ada-finch: {name: Ada Finch, role: Head of Audit, email: ada.finch@fenbridge.example}\n",
    )
    assert committee.read_text("utf-8") == members_before.replace("owen-drake]", "owen-drake, sam-ives]")


def test_a_chair_and_a_clerk_are_set_only_where_there_is_none(minimal):
    committee = minimal / "papers/committees/audit.yml"
    committee.write_text(committee.read_text("utf-8").replace("chair: mira-holt\n", "").replace("clerk: ben-cole\n", ""), "utf-8")
    assert papers("new", "person", "councillor", "Ann Lee", "--chair-of", "audit", str(minimal)).exit_code == 0
    assert papers("new", "person", "officer", "Joe Park", "--role", "Clerk", "--clerk-of", "audit", str(minimal)).exit_code == 0
    audit = yaml.safe_load(committee.read_text("utf-8"))
    assert (audit["chair"], audit["clerk"]) == ("ann-lee", "joe-park")
    assert audit["members"] == ["mira-holt", "owen-drake", "ruth-kemp", "ann-lee"]
    assert check(minimal).problems.items == []


def test_people_yml_is_created_when_missing(minimal):
    (minimal / "papers/people.yml").unlink()
    result = papers("new", "person", "officer", "Ann Lee", "--role", "Clerk", str(minimal))
    assert result.exit_code == 0, result.output
    assert yaml.safe_load((minimal / "papers/people.yml").read_text("utf-8")) == {"officers": {"ann-lee": {"name": "Ann Lee", "role": "Clerk"}}}


def test_new_committee_passes_the_check(minimal):
    result = papers(
        "new",
        "committee",
        "Standards Sub-Committee",
        "--parent",
        "audit",
        "--chair",
        "ruth-kemp",
        "--vice-chair",
        "sam-ives",
        "--members",
        "mira-holt",
        "--members",
        "owen-drake,ruth-kemp",
        "--clerk",
        "ben-cole",
        "--time",
        "9:30",
        "--venue",
        "Guildhall, Fenbridge",
        "--standard-items",
        "apologies,declarations",
        str(minimal),
    )
    assert result.exit_code == 0, result.output
    path = minimal / "papers/committees/standards.yml"
    assert "Created papers/committees/standards.yml" in result.output
    assert yaml.safe_load(path.read_text("utf-8")) == {
        "name": "Standards Sub-Committee",
        "parent": "audit",
        "chair": "ruth-kemp",
        "vice_chair": "sam-ives",
        "members": ["ruth-kemp", "sam-ives", "mira-holt", "owen-drake"],
        "clerk": "ben-cole",
        "default_time": "09:30",
        "default_venue": "Guildhall, Fenbridge",
        "standard_items": ["apologies", "declarations"],
    }
    assert check(minimal).problems.items == []


@pytest.mark.parametrize(
    "name, expected",
    [("Planning Committee", "planning"), ("Property and Assets Sub-Committee", "property-and-assets"), ("Committee", "committee"), ("Cabinet", "cabinet")],
)
def test_committee_ids_leave_out_the_word_committee(name, expected):
    from committee_papers.authoring.reading import committee_id

    assert committee_id(name) == expected


def _commands(group: click.Group, path: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*path, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


@pytest.mark.parametrize("command", list(_commands(main)), ids=" ".join)
def test_every_command_explains_itself(command):
    result = papers(*command, "--help")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage: ")
    description = result.output.split("\n\n", 2)[1].strip()
    assert len(description) > 20, f"`papers {' '.join(command)} --help` says too little: {description!r}"


def test_a_member_listed_before_joining_people_yml_is_not_listed_twice(minimal):
    committee = minimal / "papers/committees/audit.yml"
    committee.write_text(committee.read_text("utf-8").replace("ruth-kemp]", "ruth-kemp, ann-lee]"), "utf-8")
    assert {p.code for p in check(minimal).problems.items} == {"PAP200"}
    before = committee.read_bytes()
    result = papers("new", "person", "councillor", "Ann Lee", "--member-of", "audit", str(minimal))
    assert result.exit_code == 0, result.output
    assert "papers/committees/audit.yml already lists ann-lee; it was left as it was" in result.output
    assert committee.read_bytes() == before
    assert check(minimal).problems.items == []
