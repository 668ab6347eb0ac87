"""Where a build writes: the site and members' folders from mkdocs.yml or the command line, never overlapping."""

from __future__ import annotations

from conftest import run_papers

MKDOCS_YML = "site_name: Fenbridge\ntheme: {{name: material, font: false}}\nplugins:\n  - committee-papers:\n{options}"


def write_mkdocs_yml(council, **options) -> None:
    lines = "".join(f"      {key}: {value}\n" for key, value in options.items()) or "      packs: true\n"
    (council / "mkdocs.yml").write_text(MKDOCS_YML.format(options=lines), "utf-8")


def test_a_members_folder_inside_the_site_is_refused_at_its_line(minimal):
    write_mkdocs_yml(minimal, confidential_dir="site/members")
    result = run_papers("build", str(minimal))
    assert result.returncode == 1
    assert "mkdocs.yml:5:7: error PAP601: the members' confidential folder" in result.stderr
    assert "is inside the site folder" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (minimal / "site").exists()


def test_the_site_inside_the_members_folder_is_refused(minimal):
    result = run_papers("build", str(minimal), "--site-dir", str(minimal / "confidential" / "site"))
    assert result.returncode == 1
    assert "--site-dir:1:1: error PAP601: the site folder" in result.stderr
    assert not (minimal / "confidential").exists()


def test_packs_only_is_refused_too_when_the_members_folder_is_inside_the_site(minimal):
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    write_mkdocs_yml(minimal, confidential_dir="site")
    result = run_papers("build", str(minimal), "--packs-only")
    assert result.returncode == 1
    assert "error PAP601" in result.stderr
    assert not list((minimal / "site").rglob("*.pdf"))


def test_a_relative_members_folder_is_inside_the_council_folder_wherever_the_command_runs(minimal, tmp_path):
    write_mkdocs_yml(minimal, confidential_dir="members-only")
    (minimal / "docs").mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    exempt = minimal / "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md"
    exempt.write_text(exempt.read_text("utf-8").replace("## Other Options", "::: exempt\nThe rents audit names a tenant.\n:::\n\n## Other Options"), "utf-8")
    result = run_papers("build", str(minimal), cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert (minimal / "members-only/2026-04-14-audit/agenda-pack.pdf").is_file()
    assert not list(elsewhere.iterdir())


def test_packs_only_takes_its_folders_and_engine_from_mkdocs_yml(minimal):
    write_mkdocs_yml(minimal, confidential_dir="members-only", pdf_engine="wkhtmltopdf")
    (minimal / "docs").mkdir()
    text = (minimal / "mkdocs.yml").read_text("utf-8")
    (minimal / "mkdocs.yml").write_text(text.replace("site_name: Fenbridge\n", "site_name: Fenbridge\nsite_dir: public\n"), "utf-8")
    exempt = minimal / "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md"
    exempt.write_text(exempt.read_text("utf-8").replace("## Other Options", "::: exempt\nThe rents audit names a tenant.\n:::\n\n## Other Options"), "utf-8")
    result = run_papers("build", str(minimal), "--packs-only")
    assert result.returncode == 0, result.stderr
    assert "the PDFs are not tagged" in result.stderr  # wkhtmltopdf, as mkdocs.yml says
    assert (minimal / "public/meetings/2026-04-14-audit/agenda-pack.pdf").is_file()
    assert (minimal / "members-only/2026-04-14-audit/agenda-pack.pdf").is_file()
    assert not (minimal / "site").exists() and not (minimal / "confidential").exists()


def test_a_council_with_mkdocs_yml_and_no_docs_folder_builds(minimal):
    write_mkdocs_yml(minimal, packs="false")
    assert not (minimal / "docs").exists()
    result = run_papers("build", str(minimal))
    assert result.returncode == 0, result.stderr
    assert "docs_dir" not in result.stderr
    assert (minimal / "site/meetings/2026-04-14-audit/04-internal-audit-plan/index.html").is_file()
