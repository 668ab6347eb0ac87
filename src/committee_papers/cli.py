"""The `papers` command: thin click commands over the library."""

from __future__ import annotations

import json
import sys
import tempfile
import traceback
from contextlib import contextmanager
from pathlib import Path

import click

from committee_papers import __version__
from committee_papers.problems import Severity, registry

DIR_ARG = click.argument("directory", required=False, default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))


class Group(click.Group):
    """Keeps internal bugs apart from problems in the papers: a bug gets a short report, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # `papers check | head`: the reader stopped listening
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            log = Path(tempfile.gettempdir()) / "papers-internal-error.log"
            try:
                log.write_text(traceback.format_exc(), "utf-8")
                where = f" (details in {log})"
            except OSError:
                where = ""
            click.echo(
                f"internal error: committee-papers hit a bug, not a problem in your papers: {type(exc).__name__}: {exc}{where}\n"
                "  please report it at the project's issue tracker",
                err=True,
            )
            sys.exit(3)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="committee-papers")
def main() -> None:
    """Committee papers: check a council's papers, build its agenda website and packs."""


@main.command("check")
@DIR_ARG
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True, help="How to print the problems.")
def check_command(directory: Path, output: str) -> None:
    """Check every paper in DIR (default: here) against the format and the rules.

    Exits 1 if there is any error, 0 if there are only warnings or nothing.
    """
    from committee_papers.check import check

    result = check(directory)
    problems = result.problems.sorted()
    if output == "json":
        click.echo(json.dumps([p.to_json() for p in problems], indent=2))
    else:
        for problem in problems:
            click.echo(problem.to_text())
        errors = sum(p.severity is Severity.ERROR for p in problems)
        warnings = len(problems) - errors
        if problems:
            click.echo(f"\n{_plural(errors, 'error')}, {_plural(warnings, 'warning')}.")
        else:
            click.echo("No problems found.")
    sys.exit(1 if result.problems.errors else 0)


@main.command("explain")
@click.argument("code", required=False)
def explain_command(code: str | None) -> None:
    """Explain a problem code (such as PAP103), or list every code."""
    codes = registry()
    if code is None:
        for entry in codes.values():
            click.echo(f"{entry.code}  {entry.severity.value:<7}  {entry.title}")
        return
    entry = codes.get(code.upper())
    if entry is None:
        raise click.BadParameter(f"there is no code {code}; run `papers explain` to list them", param_hint="CODE")
    click.echo(f"{entry.code} ({entry.severity.value}): {entry.title}\n\n{entry.explanation}")
    if entry.hint:
        click.echo(f"\nHow to fix it: {entry.hint}")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@main.command("build")
@DIR_ARG
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), help="Where to write the site (default: mkdocs.yml's site_dir, or DIR/site).")
@click.option("--drafts", is_flag=True, default=None, help="Include drafts and unpublished agendas; every page then says DRAFT.")
@click.option("--no-packs", "no_packs", is_flag=True, default=None, help="Build the website only, without PDF agenda packs.")
@click.option("--packs-only", is_flag=True, help="Build the PDF agenda packs only, into the existing site, not the website.")
@click.option(
    "--pdf-engine",
    type=click.Choice(["weasyprint", "wkhtmltopdf"]),
    default=None,
    help="The engine that lays out the PDFs (default: mkdocs.yml's setting, or weasyprint).",
)
@click.option("--full", is_flag=True, help="Render every page and PDF again instead of only what changed.")
@click.option("-v", "--verbose", is_flag=True, help="Show MkDocs' progress messages too.")
def build_command(directory: Path, site_dir: Path | None, drafts: bool, no_packs: bool, packs_only: bool, pdf_engine: str, full: bool, verbose: bool) -> None:
    """Check the papers in DIR, then build the website and the agenda packs.

    Errors in the papers stop the build (the published site is left as it was);
    warnings are shown and the build goes on. One build of a council runs at a
    time: a second waits for the first to finish.
    """
    from committee_papers.check import check
    from committee_papers.timing import phase

    if no_packs and packs_only:
        raise click.UsageError("--no-packs and --packs-only cannot be used together")
    with phase("check"):
        result = check(directory, use_cache=not packs_only, refresh=full, prepare=True)
    for problem in result.problems.sorted():
        click.echo(problem.to_text(), err=True)
    if result.problems.errors:
        click.echo(f"\nThe build stopped: {_plural(len(result.problems.errors), 'error')} in the papers. The published site was not changed.", err=True)
        sys.exit(1)
    packs = None if no_packs is None else not no_packs
    with _build_failures():
        from committee_papers.adapter import config as mkdocs_config
        from committee_papers.adapter import run
        from committee_papers.adapter.logs import quiet_mkdocs
        from committee_papers.packs.progress import rich_progress
        from committee_papers.pipeline.lock import build_lock
        from committee_papers.pipeline.options import resolve_options
        from committee_papers.pipeline.packs_only import build_packs_only
        from committee_papers.publication import build_date

        quiet_mkdocs(verbose)
        with mkdocs_config.mkdocs_config(directory, site_dir) as config:
            settings = mkdocs_config.settings_of(config, mkdocs_config.plugin_of(config).config)
            options = resolve_options(
                directory,
                settings,
                today=build_date(),
                site_dir=site_dir,
                drafts=drafts,
                packs=packs,
                pages=not packs_only,
                pdf_engine=pdf_engine,
                incremental=not full,
            )
            with build_lock(options.root, _say):
                if packs_only:
                    written = build_packs_only(options, result, _say, rich_progress())
                    click.echo(f"Built {_plural(written, 'agenda pack')}.")
                    return
                out = run.build(config, options, result)
    click.echo(f"Built the site in {out}.")


def _say(message: str) -> None:
    click.echo(message, err=True)


@contextmanager
def _build_failures():
    """A build refused or failed is told plainly, and the published site was not changed."""
    from committee_papers.adapter.config import ConfigFailed
    from committee_papers.adapter.run import BuildFailed
    from committee_papers.problems import BuildRefused

    try:
        yield
    except BuildRefused as exc:
        click.echo(f"{exc.problem.to_text()}\n\nThe build stopped. The published site was not changed.", err=True)
        sys.exit(1)
    except (BuildFailed, ConfigFailed) as exc:
        click.echo(f"The build failed: {exc}\nThe published site was not changed.", err=True)
        sys.exit(1)


@main.command("serve")
@DIR_ARG
@click.option("--drafts", is_flag=True, default=None, help="Include drafts and unpublished agendas.")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to serve on (127.0.0.1: this computer only).")
@click.option("--port", default=8000, show_default=True, type=int, help="The port to serve on.")
def serve_command(directory: Path, drafts: bool | None, host: str, port: int) -> None:
    """Serve the site of DIR with live reload while you edit papers or templates.

    Pages come first; the PDFs follow in the background. Nothing is written to
    the site folder. It prints the address, and a line each time it has rebuilt.
    """
    from committee_papers.check import check

    result = check(directory, prepare=True)
    for problem in result.problems.sorted():
        click.echo(problem.to_text(), err=True)
    with _build_failures():
        from committee_papers.adapter import serve

        serve.serve(directory, result, drafts=drafts, host=host, port=port, say=_say)


from committee_papers.cli_authoring import register as _register_authoring  # noqa: E402

_register_authoring(main)
from committee_papers.cli_council import register as _register_council  # noqa: E402

_register_council(main)
