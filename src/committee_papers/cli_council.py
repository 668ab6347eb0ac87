"""`papers init`, `papers new committee|person|minutes|appendix` and `papers meeting publish|held`: thin click commands."""

from __future__ import annotations

from pathlib import Path

import click

from committee_papers.authoring import appendix, council, meetings, minutes, people
from committee_papers.cli_authoring import DIR_ARG, carry_out_plan, new_group


def _ids(values: tuple[str, ...]) -> tuple[str, ...]:
    """Ids given as `--x a --x b` or `--x a,b`."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _pairs(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    pairs = []
    for value in _ids(values):
        member, _, substitute = value.partition("=")
        if not member.strip() or not substitute.strip():
            raise click.BadParameter(f"`{value}` is not written ABSENT-ID=SUBSTITUTE-ID", param_hint="--substitute")
        pairs.append((member.strip(), substitute.strip()))
    return tuple(pairs)


@click.command("init")
@click.argument("directory", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", prompt="The council's full name", help="The council's full name, as printed on agendas.")
@click.option(
    "--jurisdiction",
    type=click.Choice(council.JURISDICTIONS),
    default="england",
    show_default=True,
    prompt="Jurisdiction",
    help="Whose law applies: the exempt-information paragraphs and the bank holidays.",
)
@click.option(
    "--house-style",
    type=click.Choice(council.shipped_styles()),
    default="numbered-paragraphs",
    show_default=True,
    prompt="House style",
    help="How reports are laid out: numbered paragraphs, a cover sheet, or numbered sections (docs/house-styles.md).",
)
@click.option(
    "--year-start",
    default="05-01",
    show_default=True,
    prompt="First day of the municipal year (MM-DD)",
    help="The first day of the municipal year, MM-DD: resolutions are numbered afresh from it.",
)
@click.option(
    "--committee", "committee_name", default="Council", show_default=True, prompt="The first committee's name", help="The first committee's full name."
)
@click.option("--committee-id", help="The first committee's id (default: made from its name).")
def init_command(directory: Path, name: str, jurisdiction: str, house_style: str, year_start: str, committee_name: str, committee_id: str | None) -> None:
    """Start a council's papers in DIR (default: here; made if missing).

    Asks for what it is not given as an option, then writes papers/council.yml,
    papers/people.yml, one committee and the meetings folder: a council that
    passes `papers check` and builds at once. It never replaces a file.
    """
    carry_out_plan(lambda: council.init(directory, name, jurisdiction, house_style, year_start, committee_name, committee_id), directory)
    click.echo("Next: add people with `papers new person`, then a meeting with `papers new meeting`.")


@new_group.command("committee")
@click.argument("name")
@DIR_ARG
@click.option("--id", "committee_id", help="The committee's id (default: made from its name).")
@click.option("--chair", metavar="ID", help="The chair, a councillor's id; a member too.")
@click.option("--vice-chair", metavar="ID", help="The vice-chair, a councillor's id; a member too.")
@click.option("--members", multiple=True, metavar="ID,ID", help="The members' ids, comma-separated or the option repeated.")
@click.option("--clerk", metavar="ID", help="The clerk, an officer's id.")
@click.option("--parent", metavar="ID", help="For a sub-committee, the committee it reports to.")
@click.option("--time", help="The usual start time, HH:MM.")
@click.option("--venue", help="The usual venue.")
@click.option("--standard-items", metavar="ITEM,ITEM", help="The items that open every agenda (default: minutes,apologies,declarations; give '' for none).")
def new_committee_command(name, directory, committee_id, chair, vice_chair, members, clerk, parent, time, venue, standard_items) -> None:
    """Create papers/committees/<id>.yml for the committee called NAME."""
    items = None if standard_items is None else _ids((standard_items,))
    carry_out_plan(
        lambda: people.new_committee(
            directory,
            name,
            committee_id,
            chair=chair,
            vice_chair=vice_chair,
            members=_ids(members),
            clerk=clerk,
            parent=parent,
            time=time,
            venue=venue,
            standard_items=items,
        ),
        directory,
    )


@new_group.command("person")
@click.argument("kind", type=click.Choice(["councillor", "officer"]))
@click.argument("name")
@DIR_ARG
@click.option("--id", "person_id", help="The person's id (default: made from the name).")
@click.option("--party", help="A councillor's party or group.")
@click.option("--division", help="The division or ward a councillor represents.")
@click.option("--role", help="An officer's job title.")
@click.option("--email", help="Email address.")
@click.option("--phone", help="Telephone number.")
@click.option("--member-of", multiple=True, metavar="COMMITTEE", help="Make the councillor a member of this committee (repeatable).")
@click.option("--chair-of", multiple=True, metavar="COMMITTEE", help="Make the councillor this committee's chair, and a member.")
@click.option("--clerk-of", multiple=True, metavar="COMMITTEE", help="Make the officer this committee's clerk.")
def new_person_command(kind, name, directory, person_id, party, division, role, email, phone, member_of, chair_of, clerk_of) -> None:
    """Add a councillor or officer called NAME to papers/people.yml.

    The entry is added to the file, whose other lines are kept as they are;
    with --member-of, --chair-of or --clerk-of the committee's file is added
    to as well.
    """
    if kind == "councillor" and role:
        raise click.UsageError("--role is for officers; a councillor has --party and --division")
    if kind == "officer" and (party or division):
        raise click.UsageError("--party and --division are for councillors; an officer has --role")
    details = {"party": party, "division": division, "role": role, "email": email, "phone": phone}
    carry_out_plan(
        lambda: people.new_person(directory, kind, name, person_id, details, _ids(member_of), _ids(chair_of), _ids(clerk_of)),
        directory,
    )


@new_group.command("minutes")
@click.argument("meeting_id", metavar="MEETING-ID")
@DIR_ARG
@click.option("--apologies", multiple=True, metavar="ID,ID", help="Members who sent apologies (and were absent).")
@click.option("--absent", multiple=True, metavar="ID,ID", help="Members absent without apologies.")
@click.option("--substitute", multiple=True, metavar="ABSENT=SUBSTITUTE", help="A councillor who substituted for an absent member.")
@click.option("--officer", multiple=True, metavar="ID,ID", help="Officers in attendance, besides the committee's clerk.")
def new_minutes_command(meeting_id, directory, apologies, absent, substitute, officer) -> None:
    """Create minutes.md for MEETING-ID: a minute for each agenda item, numbered and titled as on the agenda.

    The attendance is the committee's membership less the apologies and
    absences given; decisions are written as resolutions with the municipal
    year's next numbers. Check every minute against your notes.
    """
    carry_out_plan(
        lambda: minutes.new_minutes(directory, meeting_id, _ids(apologies), _ids(absent), _pairs(substitute), _ids(officer)),
        directory,
    )


@new_group.command("appendix")
@click.argument("meeting_id", metavar="MEETING-ID")
@click.argument("report_id", metavar="REPORT")
@click.argument("source", metavar="FILE", type=click.Path(dir_okay=True, path_type=Path))
@DIR_ARG
@click.option("--title", help="The appendix's title (default: made from the file name).")
@click.option("--exempt", type=int, multiple=True, metavar="PARAGRAPH", help="The appendix alone is exempt under this paragraph.")
def new_appendix_command(meeting_id, report_id, source, directory, title, exempt) -> None:
    """Copy FILE (a PDF or Markdown file) beside the report REPORT as its next appendix, and list it in the report."""
    carry_out_plan(lambda: appendix.new_appendix(directory, meeting_id, report_id, source, title, list(exempt)), directory)


@click.group("meeting")
def meeting_group() -> None:
    """Record a meeting's progress in its meeting.yml: the agenda published, the meeting held."""


@meeting_group.command("publish")
@click.argument("meeting_id", metavar="MEETING-ID")
@DIR_ARG
@click.option("--on", "on", metavar="DATE", help="The day the agenda goes out, YYYY-MM-DD (default: today).")
def publish_command(meeting_id: str, directory: Path, on: str | None) -> None:
    """Record the day MEETING-ID's agenda is published (`published:` in meeting.yml).

    Refuses a day that leaves fewer clear working days before the meeting
    than the law requires, naming the last lawful day. The agenda appears on
    the website at the first build on or after that day.
    """
    carry_out_plan(lambda: meetings.publish(directory, meeting_id, on), directory)


@meeting_group.command("held")
@click.argument("meeting_id", metavar="MEETING-ID")
@DIR_ARG
def held_command(meeting_id: str, directory: Path) -> None:
    """Record that MEETING-ID took place (`status: held`); its minutes.md is then published."""
    carry_out_plan(lambda: meetings.held(directory, meeting_id), directory)


def register(main: click.Group) -> None:
    for command in (init_command, meeting_group):
        main.add_command(command)
