"""A council template that fails while the site or packs are built is the council's problem, told with its file and line."""

from __future__ import annotations

from conftest import run_papers


def _site_files(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_page_template_asking_for_a_missing_value_stops_the_build_at_its_line(minimal):
    assert run_papers("build", str(minimal), "--no-packs").returncode == 0
    before = _site_files(minimal / "site")
    (minimal / "templates/report/parts").mkdir(parents=True)
    (minimal / "templates/report/parts/contact.html").write_text(
        '<section class="report-contact">\n<p>Contact: {{ contact.nmae }}</p>\n</section>\n', "utf-8"
    )
    assert run_papers("check", str(minimal)).returncode == 0, "the template's syntax is sound: only using it fails"
    result = run_papers("build", str(minimal), "--no-packs", "--full")
    assert result.returncode == 1
    assert "templates/report/parts/contact.html:2:1: error PAP306: the template failed while the site was built: it asks for `nmae`" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert "The published site was not changed." in result.stderr
    assert _site_files(minimal / "site") == before


def test_a_pack_template_given_the_wrong_name_stops_the_packs_at_its_line(minimal):
    (minimal / "templates/pack").mkdir(parents=True)
    (minimal / "templates/pack/front-sheet.html").write_text("<section>\n<h1>{{ meeting_title }}</h1>\n</section>\n", "utf-8")
    result = run_papers("build", str(minimal), "--packs-only")
    assert result.returncode == 1
    assert "templates/pack/front-sheet.html:2:1: error PAP306: the template failed while the site was built: it uses `meeting_title`" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_a_fault_in_a_built_in_template_is_still_reported_as_our_bug(minimal):
    """Only the council's own templates are the council's problem."""
    import jinja2
    import pytest

    from committee_papers.render.environment import template_problem

    try:
        jinja2.Environment(undefined=jinja2.StrictUndefined).from_string("{{ missing.value }}").render()
    except jinja2.TemplateError as error:
        assert template_problem(error, minimal, minimal / "templates") is None
    else:
        pytest.fail("the template should have failed")
