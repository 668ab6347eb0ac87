"""A council template that fails while the site or packs are built is the council's problem, told with its file and line."""

from __future__ import annotations

from conftest import run_papers


def _site_files(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_page_template_asking_for_a_missing_value_stops_the_build_at_its_line(minimal):
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    before = _site_files(minimal / "site")
    (minimal / "templates/report/parts").mkdir(parents=True)
    (minimal / "templates/report/parts/contact.html").write_text('<section class="report-contact">\n<p>Contact: {{ contact.nmae }}</p>\n</section>\n', "utf-8")
    assert run_papers("check", str(minimal)).returncode == 0, "the template's syntax is sound: only using it fails"
    result = run_papers("build", str(minimal), "--no-packs", "--full")
    assert result.returncode == 1
    assert "templates/report/parts/contact.html:2:1: error PAP306: the template failed while the site was built: it asks for `nmae`" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert "The published site was not changed." in result.stderr
    assert _site_files(minimal / "site") == before


def _build_with(council, template: str, text: str, *options: str):
    """Build `council` with one of its templates replaced by `text`."""
    path = council / "templates" / template
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return run_papers("build", str(council), *options)


def test_a_pack_template_given_the_wrong_name_stops_the_packs_at_its_line(minimal):
    result = _build_with(minimal, "pack/front-sheet.html", "<section>\n<h1>{{ meeting_title }}</h1>\n</section>\n", "--packs-only")
    assert result.returncode == 1
    assert "templates/pack/front-sheet.html:2:1: error PAP306: the template failed while the site was built: it uses `meeting_title`" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_a_filter_given_the_wrong_kind_of_value_is_told_at_the_template_line(minimal):
    result = _build_with(
        minimal, "report/parts/contact.html", '<section class="report-contact">\n<p>Contact: {{ contact.name | long_date }}</p>\n</section>\n', "--no-packs"
    )
    assert result.returncode == 1
    assert "templates/report/parts/contact.html:2:1: error PAP306: the template failed while the site was built" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_a_fault_in_a_built_in_template_is_still_reported_as_our_bug(minimal):
    """Only the council's own templates are the council's problem, even when one extends a built-in template."""
    import pytest

    from committee_papers.render.environment import template_environment, template_problem

    (minimal / "templates/report").mkdir(parents=True)
    (minimal / "templates/report/ours.html").write_text('{% extends "builtin/pages/base.html" %}\n', "utf-8")
    template_environment.cache_clear()
    env = template_environment(minimal / "templates")
    try:
        env.get_template("report/ours.html").render()  # the built-in page frame, given nothing it needs
    except Exception as error:  # noqa: BLE001
        assert template_problem(error, minimal, minimal / "templates") is None
    else:
        pytest.fail("the template should have failed")
    (minimal / "templates/report/theirs.html").write_text("<p>\n{{ page.missing }}</p>\n", "utf-8")
    try:
        env.get_template("report/theirs.html").render(page={})
    except Exception as error:  # noqa: BLE001
        problem = template_problem(error, minimal, minimal / "templates")
        assert (problem.file, problem.line, problem.code) == ("templates/report/theirs.html", 2, "PAP306")
    else:
        pytest.fail("the template should have failed")
