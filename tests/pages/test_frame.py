"""The frame around every page: the council's name, address and Democratic Services contact in the footer."""

from __future__ import annotations

from conftest import run_papers
from helpers import load_yaml, page, text


def test_footer_gives_the_councils_name_address_and_contact(built_example):
    council = load_yaml(built_example / "papers/council.yml")
    for url in ("", "meetings/2026-09-22-resources/", "forward-plan/"):
        footer = page(built_example / "site", url).xpath("//footer")[0]
        shown = text(footer)
        assert council["name"] in shown
        assert council["address"] in shown
        assert council["democratic_services"]["email"] in shown and council["democratic_services"]["phone"] in shown
        assert "Made with" not in shown and "Material for MkDocs" not in shown


def test_footer_escapes_what_the_council_wrote(example):
    council = example / "papers/council.yml"
    source = council.read_text("utf-8")
    source = source.replace("address: Council Offices, Abbey Walk, Ravensmere RV1 1AW", 'address: "<img src=x onerror=alert(1)> Abbey Walk"')
    council.write_text(source, "utf-8")
    result = run_papers("build", str(example), "--no-packs")
    assert result.returncode == 0, result.stderr
    footer = page(example / "site", "").xpath("//footer")[0]
    assert not footer.xpath(".//img")
    assert "<img src=x onerror=alert(1)> Abbey Walk" in text(footer)
