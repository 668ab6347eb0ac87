"""Every command has help; exit codes follow the format's contract."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from committee_papers.cli import main


def all_commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,)
        if isinstance(command, click.Group):
            yield from all_commands(command, prefix + (name,))


@pytest.mark.parametrize("command", list(all_commands(main)), ids=" ".join)
def test_every_command_has_help(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage: " in result.output
    summary = result.output.split("\n\n")[1].strip()
    assert len(summary) > 20, f"`papers {' '.join(command)}` needs a real description"


def test_check_real_command_exit_codes(minimal, tmp_path):
    ok = subprocess.run([sys.executable, "-m", "committee_papers", "check", str(minimal)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout
    assert "No problems found." in ok.stdout

    (minimal / "papers" / "committees" / "audit.yml").write_text("name: Audit\nchiar: mira-holt\n", "utf-8")
    bad = subprocess.run([sys.executable, "-m", "committee_papers", "check", str(minimal)], capture_output=True, text=True)
    assert bad.returncode == 1
    assert "papers/committees/audit.yml:2:1: error PAP100: unknown key `chiar`" in bad.stdout
    assert "hint: did you mean `chair`?" in bad.stdout

    misuse = subprocess.run([sys.executable, "-m", "committee_papers", "check", str(tmp_path / "nowhere")], capture_output=True, text=True)
    assert misuse.returncode == 2
    misuse = subprocess.run([sys.executable, "-m", "committee_papers", "check", "--format", "xml", str(minimal)], capture_output=True, text=True)
    assert misuse.returncode == 2


def test_explain_prints_the_registry_entry():
    result = CliRunner().invoke(main, ["explain", "pap103"])
    assert result.exit_code == 0
    assert result.output.startswith("PAP103 (error): A comment has no date")
    unknown = CliRunner().invoke(main, ["explain", "PAP999"])
    assert unknown.exit_code == 2
