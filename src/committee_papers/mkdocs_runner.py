"""Running MkDocs for `papers build` and `papers serve`: an adapter over mkdocs' own commands."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from committee_papers.check import CheckResult

PLUGIN = "committee-papers"


class BuildFailed(Exception):
    """A build that could not finish, with a message for the clerk."""


def default_config(root: Path, council_name: str, workdir: Path) -> Path:
    """An mkdocs.yml for a council folder that has none: Material, search and the plugin."""
    docs = root / "pages"
    if not docs.is_dir():
        docs = workdir / "docs"
        docs.mkdir(exist_ok=True)
    config = {
        "site_name": council_name,
        "docs_dir": str(docs.resolve()),
        "site_dir": str(root.resolve() / "site"),
        # No web fonts: nothing is fetched from another website (privacy, and offline use).
        "theme": {"name": "material", "language": "en", "font": False, "features": ["navigation.indexes", "navigation.top"]},
        "plugins": ["search", {PLUGIN: {"root": str(root)}}],
    }
    path = workdir / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return path


def configure(root: Path, result: CheckResult, workdir: Path, *, site_dir: Path | None, drafts: bool | None, packs: bool | None, pdf_engine: str | None):
    """Load the council's mkdocs.yml (or the default one) with the plugin set up for this build."""
    own = root / "mkdocs.yml"
    council_name = result.archive.council.name if result.archive.council else "Committee papers"
    config_file = own if own.exists() else default_config(root, council_name, workdir)
    overrides = {"site_dir": str(site_dir.resolve())} if site_dir else {}
    try:
        config = load_config(str(config_file), **overrides)
    except (ConfigurationError, Abort) as exc:
        raise BuildFailed(f"{config_file}: {exc}") from None
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise BuildFailed(f"{config_file} does not list the `{PLUGIN}` plugin under `plugins:`")
    plugin.config.root = plugin.config.root or str(root)
    for name, given in (("drafts", drafts), ("packs", packs), ("pdf_engine", pdf_engine)):
        if given is not None:  # the command line wins; otherwise mkdocs.yml's setting stands
            plugin.config[name] = given
    plugin.preloaded = result
    return config


def build(
    root: Path,
    result: CheckResult,
    *,
    site_dir: Path | None = None,
    drafts: bool | None = None,
    packs: bool | None = None,
    pdf_engine: str | None = None,
    incremental: bool = True,
) -> Path:
    """Build the site. With a previous build and its cache, only what changed is rendered again."""
    from mkdocs.commands.build import build as mkdocs_build

    with tempfile.TemporaryDirectory(prefix="papers-config-") as workdir:
        config = configure(root, result, Path(workdir), site_dir=site_dir, drafts=drafts, packs=packs, pdf_engine=pdf_engine)
        plugin = config.plugins[PLUGIN]
        plugin.incremental = incremental
        plugin.parallel_pages = True
        # Always "dirty": the build goes into a fresh folder, and MkDocs then skips the
        # pages the plugin has already written (kept from the last build, or built in parallel).
        config.plugins.run_event("startup", command="build", dirty=True)
        with _ErrorsHeld() as errors:
            try:
                mkdocs_build(config, dirty=True)
            except (Abort, PluginError) as exc:
                # MkDocs logs why it stopped, then says only "Aborted with a BuildError!"
                raise BuildFailed("\n".join(errors.messages) or str(exc)) from None
            finally:
                config.plugins.run_event("shutdown")
        return Path(config.site_dir)


class _ErrorsHeld(logging.Handler):
    """Holds MkDocs' error messages during a build, so a failure is told once, in full.

    They are shown after all unless the build failed with them as its reason. Worker
    processes forked during the build show theirs at once.
    """

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []
        self.logger = logging.getLogger("mkdocs")
        self.pid = os.getpid()

    def emit(self, record: logging.LogRecord) -> None:
        if os.getpid() == self.pid:
            self.messages.append(record.getMessage())

    def _shown(self, record: logging.LogRecord) -> bool:
        return record.levelno < logging.ERROR or os.getpid() != self.pid

    def __enter__(self) -> "_ErrorsHeld":
        for handler in self.logger.handlers:
            handler.addFilter(self._shown)
        self.logger.addHandler(self)
        return self

    def __exit__(self, kind, error, trace) -> None:
        self.logger.removeHandler(self)
        for handler in self.logger.handlers:
            handler.removeFilter(self._shown)
        if kind is not BuildFailed:
            for message in self.messages:
                self.logger.error(message)


def serve(root: Path, result: CheckResult, *, drafts: bool, host: str, port: int) -> None:
    """Serve with live reload; MkDocs reloads the config on every change, so options go by environment."""
    import os

    from mkdocs.commands.serve import serve as mkdocs_serve

    with tempfile.TemporaryDirectory(prefix="papers-config-") as workdir:
        own = root / "mkdocs.yml"
        council_name = result.archive.council.name if result.archive.council else "Committee papers"
        config_file = own if own.exists() else default_config(root, council_name, Path(workdir))
        os.environ["PAPERS_ROOT"] = str(root.resolve())
        os.environ["PAPERS_DRAFTS"] = "1" if drafts else "0"
        try:
            mkdocs_serve(str(config_file), dev_addr=f"{host}:{port}", livereload=True, build_type="dirty")
        except (Abort, PluginError, ConfigurationError) as exc:
            raise BuildFailed(str(exc)) from None


class _NotDirtyWarning(logging.Filter):
    """MkDocs warns that dirty builds may have stale navigation; ours re-render every page that could."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def quiet_mkdocs(verbose: bool = False) -> None:
    """Show MkDocs' warnings and errors, not its routine chatter."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        handler.addFilter(_NotDirtyWarning())
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False
