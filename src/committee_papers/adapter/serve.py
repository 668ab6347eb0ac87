"""`papers serve`: the site built into a temporary folder and served with live reload."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable

from committee_papers.adapter import config as mkdocs_config
from committee_papers.adapter import run
from committee_papers.adapter.logs import quiet_mkdocs
from committee_papers.check import CheckResult, check
from committee_papers.pipeline.options import resolve_options
from committee_papers.publication import build_date


def serve(root: Path, result: CheckResult, *, drafts: bool | None, host: str, port: int, say: Callable[[str], None]) -> None:
    from mkdocs.livereload import LiveReloadServer

    quiet_mkdocs(False)
    folder = Path(tempfile.mkdtemp(prefix="papers-serve-"))
    try:
        def build(result: CheckResult) -> None:
            with mkdocs_config.mkdocs_config(root, folder) as config:
                config.site_url = ""
                settings = mkdocs_config.settings_of(config, mkdocs_config.plugin_of(config).config)
                options = resolve_options(root, settings, today=build_date(), site_dir=folder, drafts=drafts, packs=False, serving=True)
                run.build(config, options, result)

        def rebuild() -> None:
            start = time.perf_counter()
            build(check(root, prepare=True))
            say(f"Rebuilt in {time.perf_counter() - start:.1f} s.")

        start = time.perf_counter()
        build(result)
        server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(folder))
        for watched in (root / "papers", root / "templates", root / "pages", root / "mkdocs.yml"):
            if watched.exists():
                server.watch(str(watched))
        say(f"Built in {time.perf_counter() - start:.1f} s. Serving the site at {server.url} (press Ctrl+C to stop).")
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
