"""`papers serve`: the site built once into a temporary folder, then only what each edit touches.

The checked archive, the plan and MkDocs' configuration, menu and theme stay
in memory. Saving a report reads and checks its meeting folder again, renders
that meeting's pages and lays them out first (the browser reloads), then the
pages that show the whole archive; the PDFs and the search index follow in the
background. An edit to the council, people, committees, templates or mkdocs.yml
builds everything again. Nothing is written to the site or members' folders; the members' packs are not made.
"""

from __future__ import annotations

import json
import queue
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from committee_papers.adapter import config as mkdocs_config
from committee_papers.adapter import run
from committee_papers.adapter.frames import Frames
from committee_papers.adapter.logs import quiet_mkdocs
from committee_papers.adapter.served import ARCHIVE_FILES, EVERYTHING, MATERIAL_INDEX, SEARCH_INDEXES, Served
from committee_papers.adapter.theme import fill_page
from committee_papers.check import CheckResult, check, check_again
from committee_papers.incremental import link_or_copy
from committee_papers.pages.render import PageRenderer
from committee_papers.pipeline import finish as steps
from committee_papers.pipeline.options import resolve_options
from committee_papers.pipeline.plan import Plan, menu, output_path, plan_build, render_general_pages
from committee_papers.publication import build_date
from committee_papers.render.environment import template_environment
from committee_papers.serving import Versions, address, start_server, watch
from committee_papers.timing import phase

Say = Callable[[str], None]
NOT_REBUILT = "The terminal shows the errors; this page is served again when they are fixed."


class Session:
    def __init__(self, root: Path, drafts: bool | None, say: Say, work: Path):
        self.root, self.drafts, self.say = root.resolve(), drafts, say
        self.site_dir, self.members_dir = work / "site", work / "members"  # the members' packs are not made while serving
        self.versions = Versions()
        self.served = Served()  # what may be served now: only what the current papers publish
        self.broken: set[str] = set()  # meeting folders whose papers have errors: their files are not served
        self.held = ExitStack()
        self.lock = threading.Lock()  # one rebuild at a time
        self.background: threading.Thread | None = None
        self.stopping = threading.Event()
        self.result: CheckResult | None = None
        self.plan: Plan | None = None

    # -- everything ----------------------------------------------------------------
    def build_all(self, result: CheckResult) -> bool:
        """Build every page (no PDFs yet); False if the papers have errors (the last good site stays)."""
        if not self._told(result):
            self.served.hold([EVERYTHING], self._not_rebuilt(result))
            return False
        self.served.hold([EVERYTHING])
        self.held.close()
        _forget_templates()
        _empty(self.site_dir)  # nothing of the last build stays; every file is made again
        config = self.held.enter_context(mkdocs_config.mkdocs_config(self.root, self.site_dir))
        config.site_url = ""  # links stay on this server
        settings = mkdocs_config.settings_of(config, mkdocs_config.plugin_of(config).config)
        settings = type(settings)(**{**vars(settings), "confidential_dir": str(self.members_dir)})
        self.options = resolve_options(self.root, settings, today=build_date(), site_dir=self.site_dir, drafts=self.drafts, serving=True).with_(
            deferred=True, parallel=True, incremental=False
        )
        try:
            run.build(config, self.options, result)
        except run.BuildFailed as error:  # the output guard stopped it, and removed what it found
            self.say(f"{error}\nNot served: the files that would show exempt text were removed.")
            self.plan = None  # the next edit builds everything again
            return False
        self.config, self.plugin = config, mkdocs_config.plugin_of(config)
        self.result, self.plan = result, self.plugin.plan
        self.frames = Frames(config, self.plugin.files.documentation_pages(), self.plugin.nav, self.plugin.env, self.plugin.contents)
        work, remade = object(), set(self.plan.records)
        self.served.built(self.plan, remade, work, full=True)
        self.broken.clear()
        self.served.release_all()
        self.versions.bump()
        self.later(self.plan, remade, work)
        return True

    # -- one edit ----------------------------------------------------------------------
    def changed(self, paths: set[Path]) -> None:
        meetings = _meeting_folders(self.root, paths)
        everything = meetings is None or self.plan is None or self.served.holds_everything()
        # from now until rebuilt, what the edit may have changed is not served: it may have become exempt
        self.served.hold([EVERYTHING] if everything else [MATERIAL_INDEX, *SEARCH_INDEXES, *self._archive_files(), *(_prefix(folder) for folder in meetings)])
        with self.lock:
            start = time.perf_counter()
            if everything:
                done = self.build_all(check(self.root, prepare=True))
            else:
                done = self.update(meetings)
            if done:
                self.say(f"Rebuilt in {time.perf_counter() - start:.1f} s.")

    def update(self, folders: list[Path]) -> bool:
        """Read, check and lay out again the meetings in `folders`, and whatever shows them."""
        start = time.perf_counter()
        result = check_again(self.result, folders, prepare=True)
        if not self._told(result, folders):
            # the pages listing the whole archive show the last good papers, so they wait for the fix too
            self.broken |= {folder.name for folder in folders}
            self.served.hold([*SEARCH_INDEXES, *self._archive_files(), *(_prefix(folder) for folder in folders)], self._not_rebuilt(result))
            _narrow_material_index(self.site_dir / MATERIAL_INDEX, set(self.plan.records) - self.broken)
            self.served.release([MATERIAL_INDEX])
            return False
        self.broken -= {folder.name for folder in folders}
        previous, plan = self.plan, plan_build(self.options, result, self.plan.theme_settings, previous=self.plan, general=False)
        if menu(plan) != menu(previous):  # a new year or committee: the menu every page shows has changed
            return self.build_all(result)
        changed = list(plan.pages)  # the changed meetings' pages: the general pages are rendered after them
        if not self.guarded(plan, changed):
            return False
        plan.pages.update({uri: previous.pages[uri] for uri in previous.general})  # as the menu shows them until then
        self.lay_out(plan, changed)
        for mid in set(previous.records) | set(plan.records):
            if mid not in plan.fresh:
                self.remove_stale(previous.records.get(mid), plan.records.get(mid))
        for asset in plan.meeting_assets:
            link_or_copy(Path(asset.source), self.site_dir / asset.url)
        work, remade = object(), {mid for mid in plan.records if mid not in plan.fresh}
        general = self._archive_files()
        self.served.built(plan, remade, work, full=False)
        self.served.release([_prefix(folder) for folder in folders])
        self.versions.bump()
        names = ", ".join(sorted(mid for mid in plan.records if mid not in plan.fresh)) or "nothing"
        self.say(f"Rebuilt the pages of {names} in {time.perf_counter() - start:.1f} s; now the pages that list them.")
        with phase("render pages (core)"):
            render_general_pages(plan, PageRenderer(plan.site))
        files = steps.site_files(plan)
        if not self.guarded(plan, plan.general, files):
            return False
        self.lay_out(plan, plan.general)
        for path, content in files.items():
            _write(self.site_dir / path, content)
        self.result, self.plan = result, plan
        _narrow_material_index(self.site_dir / MATERIAL_INDEX, plan.fresh - self.broken)
        if self.broken:  # they show the last good papers of a meeting with errors
            self.served.hold([*SEARCH_INDEXES, *general], NOT_REBUILT)
        else:
            self.served.release([*SEARCH_INDEXES, *general])  # Pagefind's index: served once made again (Served.search)
        self.served.release([MATERIAL_INDEX])
        self.versions.bump()
        self.later(plan, remade, work)
        return True

    def guarded(self, plan: Plan, uris: list[str], files: dict[str, bytes] | None = None) -> bool:
        """The output guard on pages and files before they are written and served; False (said) if one holds exempt text."""
        from committee_papers.guard.public_files import read_file
        from committee_papers.guard.scan import ExemptLeak, check_files

        pages = [read_file(output_path(plan.pages[uri].url), (plan.pages[uri].title + "\n" + plan.pages[uri].html).encode("utf-8")) for uri in uris]
        written = [read_file(path, content if isinstance(content, bytes) else content.encode("utf-8")) for path, content in (files or {}).items()]
        try:
            with phase("output guard"):
                check_files(plan.exempt, pages + written)
        except ExemptLeak as leak:
            self.say(f"{leak.problem.to_text()}\nNot rebuilt: the last good pages are still served.")
            return False
        return True

    def lay_out(self, plan: Plan, uris: list[str]) -> None:
        for uri in uris:
            page = plan.pages[uri]
            file = self.plugin.files.get_file_from_path(uri)
            if file is None or file.page is None:
                file = File.generated(self.config, uri, content="")
                self.plugin.files.append(file)
                Page(None, file, self.config)
            fill_page(file.page, page, plan)
            self.frames.lay_out(file.page)

    def remove_stale(self, before, after) -> None:
        gone = set(before.outputs if before else []) - set(after.outputs if after else [])
        for output in gone:
            (self.site_dir / output).unlink(missing_ok=True)

    # -- in the background ---------------------------------------------------------
    def later(self, plan: Plan, meetings: set[str], token: object) -> None:
        """The search index, then the PDFs of `meetings`, after the pages; each is served once made (`token`: this work)."""

        before = self.background

        def made(done, *_) -> None:
            self._going_on()
            self.served.pdfs_made(done.meeting, done.site, plan.records[done.meeting], token)

        def work() -> None:
            if before is not None:
                before.join()  # one piece of background work at a time, in order
            try:
                if plan.options.search == "pagefind":
                    page_files = [output_path(f.url) for f in self.plugin.files.documentation_pages()]
                    steps.index_search(plan, self.site_dir, page_files)
                    self.served.search_made(token)
                if plan.options.packs:
                    from committee_papers.packs.build import build_all_packs

                    keep = {mid: [] for mid in plan.records if mid not in meetings}
                    build_all_packs(plan.site, self.site_dir, None, engine=plan.options.pdf_engine, keep=keep, progress=made, guard=plan.exempt)

                    with self.lock:
                        if self.plan is plan:
                            steps.write_sizes(plan, self.site_dir)
                            self.versions.bump()
            except _Stopped:
                pass
            except Exception as error:  # noqa: BLE001 - told, and the pages go on being served
                if not self.stopping.is_set():
                    self.say(f"The PDFs or the search index could not be made: {error}")
            finally:
                self.served.work_done(token)  # what it did not make is not served

        self.background = threading.Thread(target=work, daemon=True)
        self.background.start()

    def _going_on(self, *_) -> None:
        if self.stopping.is_set():
            raise _Stopped

    def stop(self) -> None:
        """Stop the background work (the PDFs of meetings already started are finished) and wait for it."""
        self.stopping.set()
        if self.background is not None:
            self.background.join(timeout=120)

    def _told(self, result: CheckResult, folders: list[Path] | None = None) -> bool:
        """Say the problems (after an edit: the errors, and the warnings in the edited folders); False on errors."""
        shown = [f"{folder.relative_to(self.root).as_posix()}/" for folder in folders or []]
        for problem in result.problems.sorted():
            if folders is None or problem.severity.value == "error" or problem.file.startswith(tuple(shown)):
                self.say(problem.to_text())
        if result.problems.errors:
            self.say(f"Not rebuilt: {len(result.problems.errors)} error(s) in the papers; the last good pages are still served.")
            return False
        return True

    def _archive_files(self) -> list[str]:
        """The pages and files that list the whole archive (held while an edit to any meeting is rebuilt)."""
        return [output_path(self.plan.pages[uri].url) for uri in self.plan.general] + list(ARCHIVE_FILES)

    def _not_rebuilt(self, result: CheckResult) -> str:
        return f"Not rebuilt: {len(result.problems.errors)} error(s) in the papers. {NOT_REBUILT}"


class _Stopped(Exception):
    pass


def _narrow_material_index(index: Path, fresh: set[str]) -> None:
    """Material's search index is made by full builds only: after an edit it keeps only the pages of unchanged meetings."""
    try:
        data = json.loads(index.read_text("utf-8"))
    except (OSError, ValueError):
        return
    kept = tuple(_prefix(Path(mid)) for mid in fresh)
    data["docs"] = [doc for doc in data.get("docs", []) if isinstance(doc, dict) and str(doc.get("location", "")).startswith(kept)]
    _write(index, json.dumps(data))


def _prefix(folder: Path) -> str:
    return f"meetings/{folder.name}/"


def _empty(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)


def _forget_templates() -> None:
    """Templates and house styles are read again on a full rebuild, so an edited one shows."""
    from committee_papers.house_style import available_styles

    template_environment.cache_clear()
    getattr(available_styles, "cache_clear", lambda: None)()


def _meeting_folders(root: Path, paths: set[Path]) -> list[Path] | None:
    """The meeting folders the changed files are in; None when something every page shows changed."""
    from committee_papers.loading.archive import find_papers

    meetings = (find_papers(root) / "meetings").resolve()
    folders = set()
    for path in paths:
        path = path.resolve()
        if not path.is_relative_to(meetings) or path == meetings:
            return None
        folders.add(meetings / path.relative_to(meetings).parts[0])
    return sorted(folders)


def _write(path: Path, content: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def serve(root: Path, result: CheckResult, *, drafts: bool | None, host: str, port: int, say: Say) -> None:
    quiet_mkdocs(False)
    work = Path(tempfile.mkdtemp(prefix="papers-serve-"))
    session = Session(root, drafts, say, work)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())  # stopped by the system: still tidy up
    edits: queue.Queue[set[Path]] = queue.Queue()
    watched = [root / "papers", root / "templates", root / "pages", root / "mkdocs.yml"]
    watcher = threading.Thread(target=watch, args=(watched, edits.put, stop), daemon=True)
    watcher.start()  # before the first build, so an edit made during it is not missed
    server = None
    try:
        start = time.perf_counter()
        session.site_dir.mkdir()
        server = start_server(session.site_dir, host, port, session.versions, session.served.refusal)
        local = " (this computer only)" if host in ("127.0.0.1", "localhost", "::1") else ""
        say(f"Serving the site at {address(server)}{local}; building it now. Press Ctrl+C to stop.")
        if session.build_all(result):
            say(f"Built in {time.perf_counter() - start:.1f} s; the PDFs and the search index follow in the background.")
        while not stop.is_set():
            try:
                batch = edits.get(timeout=0.5)
            except queue.Empty:
                continue
            while not edits.empty():
                batch |= edits.get()
            session.changed(batch)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        if server is not None:
            server.shutdown()
        session.stop()
        session.held.close()
        shutil.rmtree(work, ignore_errors=True)
