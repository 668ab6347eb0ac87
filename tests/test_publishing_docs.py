"""The publishing guide's files: the example CI files, the pre-commit hook, and the docs' links.

A council copies these files into its own papers repository, so they are
tested as that council would rely on them: they parse, they check before they
build, they publish the site and never the confidential packs, the hook's
command really passes good papers and fails bad ones, and every relative link
in the documentation leads somewhere.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
import yaml
from conftest import ROOT, build_epoch, copy_council
from markdown_it import MarkdownIt

GITHUB = ROOT / "examples" / "github-actions.yml"
GITLAB = ROOT / "examples" / "gitlab-ci.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"

# Commands that would put one folder's files into another.
_COPY = re.compile(r"^\s*(?:cp|mv|rsync|ln|tar|zip)\b")


def load(path: Path):
    return yaml.safe_load(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def github() -> dict:
    return load(GITHUB)


@pytest.fixture(scope="module")
def gitlab() -> dict:
    return load(GITLAB)


@pytest.fixture(scope="module")
def hook() -> dict:
    hooks = load(HOOKS)
    assert isinstance(hooks, list)
    return next(h for h in hooks if h["id"] == "papers-check")


def _folder(path: str) -> str:
    return str(PurePosixPath(path.strip().rstrip("/"))) if path.strip() not in ("", ".", "./") else "."


def _days(expiry: str) -> float:
    """A GitLab `expire_in` as days: "1 day", "12 hrs", "1 week"."""
    number, unit = re.fullmatch(r"\s*(\d+)\s*([a-z]+)\s*", str(expiry).lower()).groups()
    per_day = {"min": 1 / 1440, "mins": 1 / 1440, "minute": 1 / 1440, "minutes": 1 / 1440, "hr": 1 / 24, "hrs": 1 / 24,
               "hour": 1 / 24, "hours": 1 / 24, "day": 1, "days": 1, "week": 7, "weeks": 7}  # fmt: skip
    return int(number) * per_day[unit]


# -- parsing -------------------------------------------------------------------


@pytest.mark.parametrize("path", [GITHUB, GITLAB, HOOKS], ids=lambda p: p.name)
def test_example_files_parse_as_yaml(path):
    data = load(path)
    assert data, f"{path.name} is empty"
    assert isinstance(data, list if path == HOOKS else dict)


# -- GitHub Actions ------------------------------------------------------------


def _gh_steps(job: dict) -> list[dict]:
    return job.get("steps") or []


def _gh_runs(job: dict) -> list[str]:
    return [step["run"] for step in _gh_steps(job) if "run" in step]


def _gh_needs(job: dict) -> list[str]:
    needs = job.get("needs") or []
    return [needs] if isinstance(needs, str) else list(needs)


def _gh_ancestors(jobs: dict, name: str) -> set[str]:
    seen: set[str] = set()
    todo = _gh_needs(jobs[name])
    while todo:
        other = todo.pop()
        if other not in seen:
            seen.add(other)
            todo += _gh_needs(jobs[other])
    return seen


def _mentions(run: str, command: str) -> bool:
    return any(line.strip().startswith(command) for line in run.splitlines())


def test_github_workflow_runs_on_every_push_and_pull_request(github):
    triggers = github.get("on", github.get(True))  # YAML 1.1 reads the key `on` as true
    assert "push" in triggers and "pull_request" in triggers
    push = triggers["push"] or {}
    assert not push.get("branches") and not push.get("paths"), "the check must run on every push"


def test_github_workflow_checks_before_it_builds(github):
    jobs = github["jobs"]
    checking = {name for name, job in jobs.items() if any(_mentions(run, "papers check") for run in _gh_runs(job))}
    assert checking, "no job runs `papers check`"
    building = [name for name, job in jobs.items() if any("papers build" in run for run in _gh_runs(job))]
    assert building, "no job runs `papers build`"
    for name in building:
        runs = _gh_runs(jobs[name])
        first_build = next(i for i, run in enumerate(runs) if "papers build" in run)
        checked_here = any(_mentions(run, "papers check") for run in runs[:first_build])
        assert checked_here or _gh_ancestors(jobs, name) & checking, f"job `{name}` builds without `papers check` first"


def test_github_workflow_builds_and_publishes_from_main_only(github):
    jobs = github["jobs"]
    for name, job in jobs.items():
        uses = [step.get("uses", "") for step in _gh_steps(job)]
        publishing = any(u.startswith(("actions/upload-pages-artifact", "actions/deploy-pages")) for u in uses)
        if publishing:
            conditions = " ".join(jobs[other].get("if", "") for other in {name, *_gh_ancestors(jobs, name)})
            assert "refs/heads/main" in conditions, f"job `{name}` publishes from other branches too"


def test_github_workflow_never_uploads_confidential_to_pages(github):
    jobs = github["jobs"]
    pages_uploads = [
        (name, step) for name, job in jobs.items() for step in _gh_steps(job)
        if step.get("uses", "").startswith("actions/upload-pages-artifact")
    ]  # fmt: skip
    assert pages_uploads, "the workflow does not publish to GitHub Pages"
    for name, step in pages_uploads:
        path = _folder((step.get("with") or {}).get("path", "_site"))
        assert path == "site", f"job `{name}` publishes {path!r}, not the built site"
        runs = _gh_runs(jobs[name])
        builds = [run for run in runs if "papers build" in run]
        assert all("--site-dir site" in run for run in builds), "the build must write exactly the folder that is published"
        for run in runs:
            for line in run.splitlines():
                assert not (_COPY.match(line) and "confidential" in line), f"job `{name}` copies the confidential packs: {line}"
    # The confidential packs are kept only as a short-lived private artifact, never under Pages' name.
    for job in jobs.values():
        for step in _gh_steps(job):
            with_ = step.get("with") or {}
            if step.get("uses", "").startswith("actions/upload-artifact") and "confidential" in str(with_.get("path", "")):
                assert with_.get("name") != "github-pages"
                assert 1 <= int(with_.get("retention-days", 90)) <= 7, "confidential packs must not be kept for long"
                assert step.get("if"), "confidential packs must be uploaded only from a private repository"


def test_github_workflow_deploys_what_the_build_uploaded(github):
    jobs = github["jobs"]
    deploying = [name for name, job in jobs.items() if any(s.get("uses", "").startswith("actions/deploy-pages") for s in _gh_steps(job))]
    assert deploying
    uploading = {name for name, job in jobs.items() if any(s.get("uses", "").startswith("actions/upload-pages-artifact") for s in _gh_steps(job))}
    for name in deploying:
        assert _gh_ancestors(jobs, name) & uploading
        assert jobs[name]["permissions"] == {"pages": "write", "id-token": "write"}


def test_github_workflow_builds_reproducibly_from_the_commit_time(github):
    for name, job in github["jobs"].items():
        runs = _gh_runs(job)
        if any("papers build" in run or _mentions(run, "papers check") for run in runs):
            text = "\n".join(runs)
            assert "SOURCE_DATE_EPOCH" in text and "git log -1 --format=%ct" in text, f"job `{name}` has no fixed build date"


# -- GitLab CI -----------------------------------------------------------------


def _gl_jobs(config: dict) -> dict[str, dict]:
    reserved = {"stages", "variables", "default", "workflow", "include", "image", "services", "cache", "before_script", "after_script"}
    return {name: job for name, job in config.items() if name not in reserved and not name.startswith(".") and isinstance(job, dict)}


def _gl_script(config: dict, job: dict) -> list[str]:
    """The job's commands, with `extends` and nested lists (YAML anchors) resolved."""

    def flat(items):
        for item in items or []:
            if isinstance(item, list):
                yield from flat(item)
            else:
                yield item

    before = job.get("before_script")
    extends = job.get("extends")
    for parent in [extends] if isinstance(extends, str) else extends or []:
        before = before if before is not None else config[parent].get("before_script")
    return list(flat(before)) + list(flat(job.get("script")))


def test_gitlab_checks_every_pipeline_before_it_builds(gitlab):
    jobs = _gl_jobs(gitlab)
    stages = gitlab["stages"]
    checking = [name for name, job in jobs.items() if any(_mentions(c, "papers check") for c in _gl_script(gitlab, job))]
    assert checking, "no job runs `papers check`"
    for name in checking:
        assert "rules" not in jobs[name] and "only" not in jobs[name], "the check must run in every pipeline"
    for name, job in jobs.items():
        if any("papers build" in command for command in _gl_script(gitlab, job)):
            later = all(stages.index(job["stage"]) > stages.index(jobs[c]["stage"]) for c in checking)
            assert later or set(job.get("needs", [])) & set(checking), f"job `{name}` builds before `papers check`"


def test_gitlab_pages_job_publishes_the_built_site(gitlab):
    jobs = _gl_jobs(gitlab)
    pages = jobs["pages"]
    assert [_folder(p) for p in pages["artifacts"]["paths"]] == ["public"], "GitLab Pages publishes every path of the pages job"
    assert "$CI_DEFAULT_BRANCH" in str(pages.get("rules")), "pages must publish the default branch only"
    script = _gl_script(gitlab, pages)
    copies = [c for c in script if re.match(r"^\s*(cp|mv)\s+(-\S+\s+)*site/?\s+public/?\s*$", c)]
    assert copies, "the pages job must publish public/ as a copy of site/"
    for command in script:
        assert not (_COPY.match(command) and "confidential" in command), f"the pages job copies the confidential packs: {command}"
    # the site it copies is the one the build wrote
    builds = [c for name, job in jobs.items() if name in pages.get("needs", []) for c in _gl_script(gitlab, job) if "papers build" in c]
    assert builds and all("--site-dir site" in c for c in builds)


def test_gitlab_never_publishes_the_confidential_packs(gitlab):
    for name, job in _gl_jobs(gitlab).items():
        paths = [_folder(p) for p in (job.get("artifacts") or {}).get("paths", [])]
        if any(p == "confidential" or p.startswith("confidential/") for p in paths):
            assert name != "pages", "GitLab Pages would publish them"
            artifacts = job["artifacts"]
            assert _days(artifacts["expire_in"]) <= 1, "confidential packs must expire quickly"
            private = artifacts.get("access") in ("developer", "maintainer", "none") or artifacts.get("public") is False
            assert private, f"job `{name}` lets anyone who can see the pipeline download the confidential packs"
            assert "expose_as" not in artifacts


def test_gitlab_builds_reproducibly_from_the_commit_time(gitlab):
    for name, job in _gl_jobs(gitlab).items():
        script = "\n".join(_gl_script(gitlab, job))
        if "papers build" in script or "papers check" in script:
            assert "SOURCE_DATE_EPOCH" in script and "$CI_COMMIT_TIMESTAMP" in script, f"job `{name}` has no fixed build date"


# -- the pre-commit hook ---------------------------------------------------------


def test_pre_commit_hook_definition(hook):
    assert hook["entry"] == "papers check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("papers/meetings/2026-12-08-resources/meeting.yml")
    assert files.search("papers/council.yml")
    assert not files.search("docs/format.md")
    assert not files.search("site/index.html")


def _hook_command(hook: dict) -> list[str]:
    """The hook's entry as pre-commit would run it, with the installed `papers` script."""
    program, *args = shlex.split(hook["entry"])
    script = Path(sys.executable).parent / program
    found = str(script) if script.exists() else shutil.which(program)
    assert found, f"`{program}` is not installed: pip install -e . provides it"
    return [found, *args]


def _run_hook(hook: dict, council: Path) -> subprocess.CompletedProcess:
    # pre-commit runs the hook in the repository's top folder, with no file names
    env = {**os.environ, "SOURCE_DATE_EPOCH": build_epoch()}
    return subprocess.run(_hook_command(hook), cwd=council, capture_output=True, text=True, env=env, timeout=300)


def test_hook_command_passes_the_example_council(hook, example):
    result = _run_hook(hook, example)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No problems found." in result.stdout


def test_hook_command_fails_papers_with_an_error(hook, example, tmp_path):
    broken = copy_council(example, tmp_path / "broken")
    report = broken / "papers" / "meetings" / "2026-12-08-resources" / "06-calderby-pool-boiler.md"
    text = report.read_text("utf-8")
    assert "    by: CD\n" in text
    report.write_text(text.replace("    by: CD\n", "    by: TBC\n", 1), "utf-8")
    assert re.search(hook["files"], report.relative_to(broken).as_posix()), "the hook would not run for this change"
    result = _run_hook(hook, broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "papers/meetings/2026-12-08-resources/06-calderby-pool-boiler.md" in result.stdout
    assert "error PAP409" in result.stdout


# -- links in the documentation ----------------------------------------------------------

DOCS = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
_EXTERNAL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
# Known, reported, and to be fixed where they come from: PAP500's hint in codes.yml
# shows an image's Markdown without backticks, so the generated codes.md has a
# real image link to `file.png`.
KNOWN_BROKEN = {("docs/codes.md", "file.png")}


def _link_targets(text: str) -> list[str]:
    """Every link and image target in Markdown, but not in code (which is where examples live)."""
    md = MarkdownIt("commonmark").enable("table")
    targets = []
    for token in md.parse(text):
        for child in token.children or []:
            if child.type == "link_open":
                targets.append(child.attrGet("href"))
            elif child.type == "image":
                targets.append(child.attrGet("src"))
    return targets


def test_the_link_finder_ignores_code():
    found = _link_targets("[a](one.md) `[b](two.md)`\n\n```\n[c](three.md)\n```\n\n![d](four.png)\n")
    assert found == ["one.md", "four.png"]


@pytest.mark.parametrize("document", DOCS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_in_the_docs_lead_to_files(document):
    missing = []
    for target in _link_targets(document.read_text("utf-8")):
        if not target or target.startswith("#") or _EXTERNAL.match(target):
            continue
        path = target.split("#", 1)[0].split("?", 1)[0]
        if (document.relative_to(ROOT).as_posix(), target) in KNOWN_BROKEN:
            continue
        if not (document.parent / path).exists():
            missing.append(target)
    assert not missing, f"{document.relative_to(ROOT)} links to files that do not exist: {missing}"
