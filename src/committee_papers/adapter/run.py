"""`papers build` as a MkDocs build: the pipeline's options and checked papers handed to the plugin."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort, PluginError

from committee_papers.adapter.config import plugin_of
from committee_papers.adapter.logs import ErrorsHeld
from committee_papers.check import CheckResult
from committee_papers.pipeline.options import BuildOptions


class BuildFailed(Exception):
    """A build that could not finish, with a message for the clerk."""


def build(config, options: BuildOptions, result: CheckResult) -> Path:
    """Build the site into `options.site_dir`; with a previous build and its cache, only what changed is rendered."""
    from mkdocs.commands.build import build as mkdocs_build

    plugin = plugin_of(config)
    plugin.options, plugin.preloaded = options, result
    # Always "dirty": the build goes into a fresh folder, and MkDocs then skips the
    # pages the plugin has already written (kept from the last build, or laid out in parallel).
    config.plugins.on_startup(command="serve" if options.serving else "build", dirty=True)
    with ErrorsHeld() as errors:
        try:
            mkdocs_build(config, dirty=True)
        except (Abort, PluginError) as exc:
            # MkDocs logs why it stopped, then says only "Aborted with a BuildError!"
            raise BuildFailed(errors.reason(exc)) from None
        finally:
            config.plugins.on_shutdown()
    return options.site_dir
