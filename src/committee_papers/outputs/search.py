"""Pagefind search, sharded: one bundle for the site's general pages, one for each run of years of meetings.

A browser loads the general bundle and merges the year bundles at search time
(Pagefind's `mergeIndex`), fetching only the chunks a query needs. A rebuild
indexes again only the general pages and the shards whose meetings changed.
Shards hold consecutive calendar years up to about SHARD_PAGES pages: fewer
shards load less for a query; smaller ones re-index faster.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from committee_papers.incremental import link_or_copy

GENERAL = "pagefind"
SHARDS = "pagefind-shards"


class SearchIndexError(Exception):
    pass


SHARD_PAGES = 2500


def year_of(meeting_id: str) -> str:
    return meeting_id[:4]


def shards(pages_by_year: dict[str, int]) -> dict[str, list[str]]:
    """Group consecutive years into shards named by their span, such as `2016-2018`."""
    groups: list[list[str]] = []
    size = 0
    for year in sorted(pages_by_year):
        if groups and size + pages_by_year[year] <= SHARD_PAGES:
            groups[-1].append(year)
            size += pages_by_year[year]
        else:
            groups.append([year])
            size = pages_by_year[year]
    return {(g[0] if len(g) == 1 else f"{g[0]}-{g[-1]}"): g for g in groups}


def _command(site: Path, glob: str, output: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", glob, "--output-path", str(output)]  # output captured (--silent is Pagefind 1.3+)


def _run_all(commands: list[list[str]]) -> None:
    """Run the Pagefind commands, as many at once as there are cores; raise on the first failure."""
    with ThreadPoolExecutor(max(1, min(len(commands), os.cpu_count() or 1))) as pool:
        results = list(pool.map(lambda command: subprocess.run(command, capture_output=True, text=True), commands))
    for result in results:
        if result.returncode != 0:
            raise SearchIndexError(result.stderr.strip() or result.stdout.strip() or "pagefind failed")


def build_search(site: Path, general_pages: list[str], groups: dict[str, list[str]], keep: set[str], previous: Path | None) -> None:
    """Index the general pages, and each shard not in `keep`; link the kept shards' bundles from `previous`."""
    commands = [_command(site, "{" + ",".join(sorted(general_pages)) + "}", site / GENERAL)]
    for name, years in groups.items():
        target = site / SHARDS / name
        source = previous / SHARDS / name if previous is not None else None
        if name in keep and source is not None and (source / "pagefind-entry.json").exists():
            if source == target:
                continue  # rebuilt in place (`papers serve`): the kept shard is there already
            for path in source.rglob("*"):
                if path.is_file():
                    link_or_copy(path, target / path.relative_to(source))
            continue
        if target.exists():
            shutil.rmtree(target)
        commands.append(_command(site, "meetings/{" + ",".join(years) + "}-*/**/*.html", target))
    _run_all(commands)
