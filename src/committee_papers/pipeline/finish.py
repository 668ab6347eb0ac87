"""The steps after the pages: the site's other files, kept files, packs, search, publishing, the cache."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from committee_papers import publish
from committee_papers.incremental import BuildCache, link_or_copy, stamps_of
from committee_papers.outputs.calendars import all_calendars, forward_plan_calendar
from committee_papers.outputs.feed import atom_feed, forward_plan_feed
from committee_papers.outputs.opendata import open_data
from committee_papers.pages import urls
from committee_papers.pages.documents import fill_sizes
from committee_papers.pipeline.plan import Plan, search_shards
from committee_papers.problems import BuildRefused
from committee_papers.render.environment import template_problem
from committee_papers.timing import phase

CSS = "assets/committee-papers.css"
SCRIPTS = ("assets/register-filter.js", "assets/table-scroll.js")
SCROLL_CUE = "assets/table-scroll.js"  # on every page; the register's filter only on the pages that use it
Say = Callable[[str], None]


def build_folder(plan: Plan) -> Path:
    """Where this build writes: a fresh folder beside the site, swapped in at the end (`atomic`), or the site itself."""
    if plan.options.serving:
        return plan.options.site_dir
    if plan.options.atomic:
        return publish.staging_dir(plan.options.site_dir)
    clear_site(plan)
    return plan.options.site_dir


def clear_site(plan: Plan) -> None:
    """A build in place (`atomic: false`) starts as one into a fresh folder would: with only what it keeps.

    So a meeting, report or file removed since the last build leaves nothing behind.
    As MkDocs' own clean build, it leaves the site folder's hidden entries (such as `.git`).
    """
    from committee_papers.outputs.search import SHARDS

    site = plan.options.site_dir
    if not site.is_dir() or plan.options.root.resolve().is_relative_to(site.resolve()):
        return
    keep = {out for mid in plan.fresh for out in plan.records[mid].outputs}
    shards = tuple(f"{SHARDS}/{name}/" for name in kept_shards(plan))
    found = [path for entry in site.iterdir() if not entry.name.startswith(".") for path in (entry, *_inside(entry))]
    for path in sorted(found, reverse=True):  # a folder's files before the folder
        name = path.relative_to(site).as_posix()
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        elif name not in keep and not name.startswith(shards):
            path.unlink()


def _inside(entry: Path) -> list[Path]:
    return list(entry.rglob("*")) if entry.is_dir() and not entry.is_symlink() else []


def kept_shards(plan: Plan) -> set[str]:
    """The search shards whose years' meetings are all kept (none changed, none removed)."""
    from committee_papers.outputs.search import year_of

    if not plan.fresh:
        return set()
    groups = search_shards(plan.site)
    changed = {year_of(view.id) for view in plan.site.meetings if view.id not in plan.fresh}
    changed |= {year_of(mid) for mid in plan.gone}  # a removed meeting's words leave its year's shard
    return {name for name, years in groups.items() if not changed & set(years)}


def site_files(plan: Plan) -> dict[str, bytes]:
    """The calendars, the feed, the open data and our stylesheet: every file that is not a page."""
    with phase("calendars, feed, open data"):
        known = {mid: plan.records[mid].event.encode("utf-8") for mid in plan.fresh if plan.records[mid].event}
        calendars, events = all_calendars(plan.site, known)
        for mid, text in events.items():
            plan.records[mid].event = text.decode("utf-8")
        files = {
            **calendars,
            urls.feed(): atom_feed(plan.site),
            **open_data(plan.site),
            urls.forward_plan_feed(): forward_plan_feed(plan.site),
            urls.forward_plan_calendar(): forward_plan_calendar(plan.site),
        }
    for asset in (CSS, *SCRIPTS):
        files[asset] = resources.files("committee_papers").joinpath(asset).read_bytes()
    return files


@contextmanager
def council_templates(archive):
    """A council template that fails while rendering is the council's problem, told as one (PAP306), not our bug."""
    try:
        yield
    except BuildRefused:
        raise
    except Exception as error:  # a filter given the wrong kind of value raises plain Python errors too
        problem = template_problem(error, archive.root, archive.templates)
        if problem is None:
            raise
        raise BuildRefused(problem) from None


def link_kept(plan: Plan, target: Path) -> None:
    """The files of unchanged meetings, linked from the published site into the new one."""
    site_dir = plan.options.site_dir
    if target == site_dir:
        return
    with phase("link kept files"):
        for mid in plan.fresh:
            for output in plan.records[mid].outputs:
                link_or_copy(site_dir / output, target / output)


def make_packs(plan: Plan, target: Path, say: Say, progress=None) -> None:
    """Every changed meeting's PDFs; the members' packs go to the confidential folder, replaced as a whole."""
    from committee_papers.packs.build import build_all_packs

    options = plan.options
    warn_engine(options.pdf_engine, say)
    keep = {mid: record.confidential for mid, record in plan.records.items() if mid in plan.fresh and record.packs}
    with phase("packs"), council_templates(plan.archive):
        results = build_all_packs(plan.site, target, options.confidential_dir, engine=options.pdf_engine, progress=progress, keep=keep, guard=plan.exempt)
    for done in results:
        plan.checked_pdfs.update(done.site)  # by the output guard, before each was made
        record = plan.records[done.meeting]
        record.outputs += [f for f in done.site if f not in record.outputs]
        record.confidential = done.confidential
    for record in plan.records.values():
        record.packs = True


def warn_engine(engine: str, say: Say) -> None:
    if engine != "wkhtmltopdf":
        return
    from committee_papers.packs.wkhtml import limitations

    for missing in limitations():
        say(f"packs made with wkhtmltopdf: {missing}. Use the default engine, WeasyPrint, for packs that have them.")


def write_sizes(plan: Plan, target: Path) -> None:
    """The sizes of the packs and report PDFs, written into the pages that offer them (now they exist)."""
    with phase("file sizes"):
        changed = [out for mid, record in plan.records.items() if mid not in plan.fresh for out in record.outputs if out.endswith(".html")]
        fill_sizes(target, changed)


class SearchFailed(Exception):
    pass


def index_search(plan: Plan, target: Path, page_files: list[str]) -> None:
    """The Pagefind index, in shards of years; shards whose meetings are unchanged are linked from the last build."""
    from committee_papers.outputs.search import SearchIndexError, build_search

    groups = search_shards(plan.site)
    years = {year for group in groups.values() for year in group}
    keep = kept_shards(plan)
    general = [path for path in page_files if not (path.startswith("meetings/") and path[9:13] in years and path[13:14] == "-")]
    with phase("pagefind"):
        try:
            build_search(target, general, groups, keep, plan.options.site_dir if plan.fresh else None)
        except SearchIndexError as exc:
            raise SearchFailed(f"Pagefind could not index the site: {exc}") from None


def guard_outputs(plan: Plan, target: Path) -> None:
    """The output guard: every file about to be published, read back and checked against the exempt text (PAP650).

    The PDFs made by this build were checked before they were made (packs.build).
    A file linked unchanged from the published site (an unchanged meeting's pages
    and PDFs, a kept search shard) was checked when it was written: it is checked
    by name only, unless the exempt text has changed since then.
    """
    from committee_papers.guard import record
    from committee_papers.guard.scan import ExemptLeak, check_site

    if plan.exempt is None:
        return
    with phase("output guard"):
        site_dir = plan.options.site_dir
        skip = set(plan.checked_pdfs)
        if target != site_dir and record.unchanged(plan.options.root, site_dir, plan.exempt):
            skip |= linked_from(site_dir, target)
        try:
            check_site(plan.exempt, target, skip, site_dir.name)
        except ExemptLeak as leak:
            if target == site_dir:  # written in place (`atomic: false`, or `papers serve`): the leaking files go
                for name in leak.files:
                    (target / name).unlink(missing_ok=True)
            raise


def linked_from(site_dir: Path, target: Path) -> set[str]:
    """The files of `target` that are the published site's own files, linked (the same file, not a copy)."""
    import os

    found = set()
    for folder, _, names in os.walk(target):
        for name in names:
            path = Path(folder, name)
            relative = path.relative_to(target)
            try:
                if os.path.samestat(path.stat(), (site_dir / relative).stat()):
                    found.add(relative.as_posix())
            except OSError:
                continue
    return found


def publish_site(plan: Plan, target: Path) -> None:
    if target != plan.options.site_dir:
        with phase("publish"):
            publish.swap_into_place(target, plan.options.site_dir)


def save_cache(plan: Plan) -> None:
    options = plan.options
    with phase("save the cache"):
        for record in plan.records.values():
            record.stamps = stamps_of(record, options.site_dir, options.confidential_dir)
        BuildCache(plan.options.root, plan.options.site_dir).save(plan.global_digest, plan.records)


def finish(plan: Plan, target: Path, page_files: list[str], say: Say, progress=None) -> None:
    """After the pages are in `target`: kept files, packs, search; then the site goes live and the cache is saved."""
    link_kept(plan, target)
    if plan.options.deferred:
        guard_outputs(plan, target)
        return  # `papers serve` makes the PDFs and the search index afterwards, in the background
    if plan.options.packs:
        make_packs(plan, target, say, progress)
    write_sizes(plan, target)
    if plan.options.search == "pagefind":
        index_search(plan, target, page_files)
    guard_outputs(plan, target)
    publish_site(plan, target)
    if not plan.options.serving:  # a served site is in a temporary folder: no later build starts from it
        save_cache(plan)
        from committee_papers.guard import record

        record.save(plan.options.root, plan.options.site_dir, plan.exempt)


def abandon(plan: Plan, target: Path) -> None:
    """A failed build: its half-built folder goes; the published site stays as it was."""
    if target != plan.options.site_dir:
        publish.discard(target)
