"""Reading a council's mkdocs.yml, or the default settings when it has none, once per build.

A council folder builds whether or not it has a mkdocs.yml or a docs folder:
without mkdocs.yml it gets Material with the defaults below (and Pagefind
search); a mkdocs.yml whose docs folder does not exist gets an empty one.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from mkdocs.config import config_options as c
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort, ConfigurationError

from committee_papers.adapter.logs import ErrorsHeld
from committee_papers.pipeline.options import ENGINES, SEARCHES, Settings

PLUGIN = "committee-papers"


class ConfigFailed(Exception):
    """mkdocs.yml cannot be used, with MkDocs' reasons."""


class PapersConfig(Config):
    """The plugin's options in mkdocs.yml; a value left out is None, so the command line or default decides."""

    root = c.Optional(c.Type(str))
    drafts = c.Optional(c.Type(bool))
    packs = c.Optional(c.Type(bool))
    pdf_engine = c.Optional(c.Choice(ENGINES))
    confidential_dir = c.Optional(c.Type(str))
    atomic = c.Optional(c.Type(bool))
    search = c.Optional(c.Choice(SEARCHES))


def default_config(root: Path, docs_dir: Path) -> dict:
    """The settings of a council folder without mkdocs.yml: Material, no web fonts, the plugin."""
    return {
        "site_name": "Committee papers",
        "docs_dir": str(docs_dir),
        "site_dir": str(root / "site"),
        # No web fonts: nothing is fetched from another website (privacy, and offline use).
        "theme": {"name": "material", "language": "en", "font": False, "features": ["navigation.indexes", "navigation.top"]},
        "plugins": [{PLUGIN: {"root": str(root)}}],
    }


def settings_of(config, plugin_config: PapersConfig) -> Settings:
    config_file = Path(config.config_file_path) if config.config_file_path else None
    return Settings(
        drafts=plugin_config.drafts,
        packs=plugin_config.packs,
        pdf_engine=plugin_config.pdf_engine,
        confidential_dir=plugin_config.confidential_dir,
        atomic=plugin_config.atomic,
        search=plugin_config.search,
        site_dir=config.site_dir,
        config_file=config_file if config_file and config_file.exists() else None,
        docs_dir=config.docs_dir,
        custom_dir=config.theme.custom_dir,
        material_search=any(name == "search" or name.endswith("/search") for name in config.plugins),
    )


def root_of(config, plugin_config: PapersConfig) -> Path:
    """The council folder: the plugin's `root` option, else mkdocs.yml's folder."""
    base = Path(config.config_file_path).resolve().parent
    return (base / plugin_config.root).resolve() if plugin_config.root else base


def _declared_docs_dir(config_file: Path) -> Path:
    from mkdocs.utils.yaml import yaml_load

    try:
        with config_file.open("rb") as handle:
            data = yaml_load(handle) or {}
    except Exception:  # noqa: BLE001 - MkDocs reads it again below and says what is wrong
        return config_file.parent / "docs"
    declared = data.get("docs_dir", "docs") if isinstance(data, dict) else "docs"
    return config_file.parent / str(declared)


@contextmanager
def mkdocs_config(root: Path, site_dir: Path | None = None) -> Iterator:
    """The council's MkDocs configuration with the plugin set up, for the length of one build."""
    root = root.resolve()
    own = root / "mkdocs.yml"
    with tempfile.TemporaryDirectory(prefix="papers-docs-") as empty:
        overrides: dict = {"site_dir": str(site_dir.resolve())} if site_dir else {}
        if own.exists():
            source, path = str(own), str(own)
            if not _declared_docs_dir(own).is_dir():
                overrides["docs_dir"] = empty
        else:
            docs = root / "pages" if (root / "pages").is_dir() else Path(empty)
            source = io.BytesIO(yaml.safe_dump(default_config(root, docs), sort_keys=False).encode("utf-8"))
            path = str(own)
        with ErrorsHeld() as errors:
            try:
                config = load_config(source, config_file_path=path, **overrides)
            except (ConfigurationError, Abort) as exc:
                raise ConfigFailed(f"{own.name}: {errors.reason(exc)}") from None
        if config.plugins.get(PLUGIN) is None:
            raise ConfigFailed(f"{own} does not list the `{PLUGIN}` plugin under `plugins:`")
        yield config


def plugin_of(config):
    return config.plugins[PLUGIN]
