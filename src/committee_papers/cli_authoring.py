"""The authoring commands, `papers new`, `papers schema` and `papers import`: thin click commands over the library."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from committee_papers.authoring.files import Plan, ScaffoldError, carry_out

if TYPE_CHECKING:
    from committee_papers import scaffold

DIR_ARG = click.argument("directory", required=False, default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _fail(error: Exception) -> click.ClickException:
    return click.ClickException(str(error))


def _report_created(report: scaffold.NewReport, root: Path) -> None:
    click.echo(f"Created {_shown(report.file.path, root)}")
    if report.agenda is not None:
        lines = "`- exclusion` and " * report.added_exclusion + f"`{report.agenda_line}`"
        click.echo(f"Added {lines} to the agenda in {_shown(report.agenda.path, root)}")


def carry_out_plan(plan_for: Callable[[], Plan], root: Path) -> None:
    """Work out the plan, write it (all or nothing), and say what was written."""
    try:
        plan = plan_for()
        carry_out(plan)
    except ScaffoldError as error:
        raise _fail(error) from None
    for file in plan.files:
        click.echo(f"Created {_shown(file.path, root)}")
    for edit in plan.edits:
        click.echo(f"{edit.summary or 'Changed'} in {_shown(edit.path, root)}")
    for note in plan.notes:
        click.echo(f"Note: {note}")


@click.group("new")
def new_group() -> None:
    """Create a new meeting, report, committee, person, minutes or appendix, filled in so that it passes the check.

    Nothing existing is overwritten. An author's file is changed only by
    adding to it (a report's line on the agenda, a person in people.yml, a
    member of a committee, an appendix in a report's list), with every other
    byte kept.
    """


@new_group.command("meeting")
@click.argument("committee")
@click.argument("date")
@DIR_ARG
@click.option("--time", help="The start time, HH:MM (default: the committee's usual time).")
@click.option("--venue", help="Where the meeting is held (default: the committee's usual venue).")
def new_meeting_command(committee: str, date: str, directory: Path, time: str | None, venue: str | None) -> None:
    """Create the meeting folder and meeting.yml for COMMITTEE (an id) on DATE (YYYY-MM-DD).

    The time and venue are the committee's defaults unless given; the agenda
    opens with its standard items, approving the minutes of its previous held
    meeting. The command says by when the agenda must be published.
    """
    from committee_papers.authoring import meetings

    carry_out_plan(lambda: meetings.new_meeting(directory, committee, date, time, venue), directory)


@new_group.command("report")
@click.argument("meeting_id", metavar="MEETING-ID")
@click.argument("title")
@DIR_ARG
@click.option(
    "--exempt",
    "exempt",
    type=int,
    multiple=True,
    metavar="PARAGRAPH",
    help="The report is exempt under this paragraph of the exempt-information schedule (repeat for more); "
    "it goes after the exclusion of the public, which is added to the agenda if missing.",
)
def new_report_command(meeting_id: str, title: str, directory: Path, exempt: tuple[int, ...]) -> None:
    """Create a draft report called TITLE in the meeting folder MEETING-ID.

    The report has every section and key the house style requires, with
    placeholders marked TBC to replace, and an unsigned placeholder for each
    comment the council requires. If meeting.yml lists its agenda, the report
    is added to it and named for its title; otherwise its name starts with
    its item number.
    """
    from committee_papers import scaffold

    try:
        report = scaffold.new_report(directory, meeting_id, title, list(exempt))
        scaffold.write_report(report)
    except scaffold.ScaffoldError as error:
        raise _fail(error) from None
    _report_created(report, directory)
    for note in report.notes:
        click.echo(f"Note: {note}")


@click.command("schema")
@click.option(
    "--output",
    "output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one <kind>.schema.json file per kind of file into this folder, instead of printing them.",
)
def schema_command(output: Path | None) -> None:
    """Print the JSON Schemas of the papers' files, for editors to suggest keys and catch mistakes.

    One schema for each kind of file: report (front matter), council, people,
    committee, meeting and minutes (front matter). See docs/editors.md.
    """
    from committee_papers import schema_export

    if output is None:
        click.echo(json.dumps(schema_export.schemas(), indent=2, ensure_ascii=False))
        return
    try:
        written = schema_export.write_schemas(output)
    except (ValueError, OSError) as error:
        raise _fail(error) from None
    for path in written:
        click.echo(f"Wrote {path}")


@click.command("import")
@click.argument("docx", metavar="FILE.docx", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--meeting", "meeting_id", required=True, metavar="ID", help="The meeting folder to put the report in.")
@DIR_ARG
def import_command(docx: Path, meeting_id: str, directory: Path) -> None:
    """Turn a Word report (FILE.docx) into a draft report in the meeting folder ID.

    The title, purpose, recommendations and comments are lifted into the front
    matter where the document's headings show them; the rest stays in the body.
    Whatever could not be placed is listed, so that it can be added by hand.
    """
    from committee_papers import scaffold, word_import

    try:
        imported = word_import.import_docx(directory, docx, meeting_id)
        scaffold.write_report(imported.report)
    except scaffold.ScaffoldError as error:
        raise _fail(error) from None
    _report_created(imported.report, directory)
    if imported.unplaced:
        click.echo("\nCould not be placed:")
        for item in imported.unplaced:
            click.echo(f"  - {item}")
    if imported.to_fill:
        click.echo("\nStill to fill in (marked TBC):")
        for item in imported.to_fill:
            click.echo(f"  - {item}")


def register(main: click.Group) -> None:
    for command in (new_group, schema_command, import_command):
        main.add_command(command)
