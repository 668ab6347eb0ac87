"""The authoring commands, `papers new`, `papers schema` and `papers import`: thin click commands over the library."""

from __future__ import annotations

import json
from pathlib import Path

import click

from committee_papers import scaffold, schema_export, word_import

DIR_ARG = click.argument(
    "directory", required=False, default=".", type=click.Path(exists=True, file_okay=False, path_type=Path)
)


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
        click.echo(f"Added `{report.agenda_line}` to the agenda in {_shown(report.agenda.path, root)}")


@click.group("new")
def new_group() -> None:
    """Create a new meeting or report, already filled in so that it passes the check.

    Nothing existing is overwritten; the only change to an existing file is
    the new report's line on an agenda listed in meeting.yml.
    """


@new_group.command("meeting")
@click.argument("committee")
@click.argument("date")
@DIR_ARG
def new_meeting_command(committee: str, date: str, directory: Path) -> None:
    """Create the meeting folder and meeting.yml for COMMITTEE (an id) on DATE (YYYY-MM-DD).

    The time and venue are the committee's defaults; the agenda opens with its
    standard items, approving the minutes of its previous held meeting.
    """
    try:
        new = scaffold.new_meeting(directory, committee, date)
        scaffold.write_new(new.file)
    except scaffold.ScaffoldError as error:
        raise _fail(error) from None
    click.echo(f"Created {_shown(new.file.path, directory)}")
    for note in new.notes:
        click.echo(f"Note: {note}")


@new_group.command("report")
@click.argument("meeting_id", metavar="MEETING-ID")
@click.argument("title")
@DIR_ARG
def new_report_command(meeting_id: str, title: str, directory: Path) -> None:
    """Create a draft report called TITLE in the meeting folder MEETING-ID.

    The report has every section and key the house style requires, with
    placeholders to replace, and an unsigned placeholder for each comment the
    council requires. If meeting.yml lists its agenda, the report is added to it.
    """
    try:
        report = scaffold.new_report(directory, meeting_id, title)
        scaffold.write_report(report)
    except scaffold.ScaffoldError as error:
        raise _fail(error) from None
    _report_created(report, directory)
    for note in report.notes:
        click.echo(f"Note: {note}")


@click.command("schema")
@click.option(
    "--output", "output", type=click.Path(file_okay=False, path_type=Path),
    help="Write one <kind>.schema.json file per kind of file into this folder, instead of printing them.",
)
def schema_command(output: Path | None) -> None:
    """Print the JSON Schemas of the papers' files, for editors to suggest keys and catch mistakes.

    One schema for each kind of file: report (front matter), council, people,
    committee, meeting and minutes (front matter). See docs/editors.md.
    """
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
