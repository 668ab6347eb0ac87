"""Folders MkDocs copies to the site as they are (`docs_dir`, the theme's `custom_dir`) never publish the papers or the
members' packs: each setting, or a link in such a folder, is refused at its line by `papers check` and every build."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import build_epoch, run_papers

EXEMPT = "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md"


def write_mkdocs_yml(council, *lines: str) -> None:
    text = "site_name: Fenbridge\n" + "".join(line + "\n" for line in lines)
    if "plugins:" not in text:
        text += "plugins:\n  - committee-papers\n"
    (council / "mkdocs.yml").write_text(text, "utf-8")


def assert_refused(council, located: str) -> None:
    """`papers check` and `papers build` both stop at the located error, and nothing is written."""
    for command in (("check",), ("build", "--no-packs"), ("build",)):
        result = run_papers(*command, str(council))
        assert result.returncode == 1, result.stderr
        told = result.stdout + result.stderr  # `papers check` reports on stdout, a build on stderr
        assert located in told, told
        assert "Traceback" not in told
    assert not (council / "site").exists()
    assert not list(council.rglob("agenda-pack.pdf"))


@pytest.mark.parametrize(
    ("docs_dir", "column"),
    [("papers/meetings", 1), ("papers", 1), (".", 1), ("papers/meetings/2026-04-14-audit", 1)],
)
def test_a_pages_folder_that_is_in_or_around_the_papers_is_refused_at_its_line(minimal, docs_dir, column):
    write_mkdocs_yml(minimal, f"docs_dir: {docs_dir}")
    assert_refused(minimal, f"mkdocs.yml:2:{column}: error PAP602: `docs_dir`")


def test_a_theme_folder_inside_the_papers_is_refused_at_its_line(minimal):
    (minimal / "pages").mkdir()
    write_mkdocs_yml(minimal, "docs_dir: pages", "theme:", "  name: material", "  custom_dir: papers/meetings")
    assert_refused(minimal, "mkdocs.yml:5:3: error PAP602: `custom_dir`")


def test_a_pages_folder_that_is_a_link_to_the_papers_is_refused_at_its_line(minimal):
    os.symlink("papers/meetings", minimal / "pages")
    write_mkdocs_yml(minimal, "docs_dir: pages")
    assert_refused(minimal, "mkdocs.yml:2:1: error PAP602: `docs_dir`")


def test_a_link_in_the_pages_folder_to_the_papers_is_refused_at_the_link(minimal):
    (minimal / "pages").mkdir()
    os.symlink("../papers/meetings", minimal / "pages/minutes-and-reports")
    write_mkdocs_yml(minimal, "docs_dir: pages")
    assert_refused(minimal, "pages/minutes-and-reports:1:1: error PAP602: the link pages/minutes-and-reports")


@pytest.mark.parametrize("members", ["docs/members", "docs", "theme/packs"])
def test_a_members_folder_inside_a_published_folder_is_refused_at_its_line(minimal, members):
    exempt = minimal / EXEMPT
    exempt.write_text(exempt.read_text("utf-8").replace("## Other Options", "::: exempt\nThe rents audit names a tenant.\n:::\n\n## Other Options"), "utf-8")
    (minimal / "docs").mkdir()
    (minimal / "theme").mkdir()
    write_mkdocs_yml(
        minimal,
        "docs_dir: docs",
        "theme:",
        "  name: material",
        "  custom_dir: theme",
        "plugins:",
        "  - committee-papers:",
        f"      confidential_dir: {members}",
    )
    assert_refused(minimal, "mkdocs.yml:8:7: error PAP601: the members' confidential folder")


def test_a_pages_folder_inside_the_members_folder_is_refused(minimal):
    (minimal / "confidential/pages").mkdir(parents=True)
    write_mkdocs_yml(minimal, "docs_dir: confidential/pages")
    assert_refused(minimal, "mkdocs.yml:2:1: error PAP601: the members' confidential folder")


def test_mkdocs_build_with_the_plugin_refuses_a_pages_folder_in_the_papers(minimal):
    write_mkdocs_yml(minimal, "docs_dir: papers/meetings", "theme: {name: material, font: false}")
    env = {**os.environ, "SOURCE_DATE_EPOCH": build_epoch()}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=minimal, capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert "mkdocs.yml:2:1: error PAP602" in result.stdout + result.stderr
    assert not (minimal / "site").exists()


def test_pages_of_their_own_beside_the_papers_still_build(minimal):
    (minimal / "pages").mkdir()
    (minimal / "pages/have-your-say.md").write_text("# Have your say\n\nWrite to us.\n", "utf-8")
    write_mkdocs_yml(minimal, "docs_dir: pages", "theme: {name: material, font: false}")
    result = run_papers("build", str(minimal), "--no-packs")
    assert result.returncode == 0, result.stderr
    assert (minimal / "site/have-your-say/index.html").is_file()
