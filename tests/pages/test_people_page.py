"""Councillors as residents look them up: photo, party, division, contact, interests, and by division."""

from __future__ import annotations

from helpers import content, load_yaml, page, text

PID = "samira-haddad"


def test_councillor_page_has_photo_details_and_interests(built_example):
    site, papers = built_example / "site", built_example / "papers"
    councillor = load_yaml(papers / "people.yml")["councillors"][PID]
    root = content(page(site, f"people/{PID}/"))
    image = root.xpath("//img[@class='person-photo']")[0]
    assert image.get("alt") == councillor["photo_alt"]
    assert (site / "people" / PID / image.get("src")).read_bytes() == (papers / councillor["photo"]).read_bytes()
    details = {text(dt): text(dt.getnext()) for dt in root.xpath("//dl[@class='person-details']/dt")}
    assert details["Party"] == councillor["party"]
    assert details["Electoral division"] == councillor["division"]
    assert details["Email"] == councillor["email"] and details["Telephone"] == councillor["phone"]
    assert root.xpath("//dl[@class='person-details']//a[contains(., 'register of interests')]/@href") == [councillor["interests"]]


def test_find_your_councillor_lists_each_division(built_example):
    site, papers = built_example / "site", built_example / "papers"
    councillors = load_yaml(papers / "people.yml")["councillors"]
    root = content(page(site, "people/divisions/"))
    shown = {text(section.xpath("h2")[0]): text(section) for section in root.xpath("//section[@class='area']")}
    assert set(shown) == {c["division"] for c in councillors.values()}
    for councillor in councillors.values():
        assert f"Councillor {councillor['name']}" in shown[councillor["division"]]
    assert content(page(site, "people/")).xpath("//a[@href='divisions/']")


def test_photo_outside_the_papers_is_never_published(example):
    from conftest import run_papers

    secret = example.parent / "secret.png"
    secret.write_bytes((example / "papers/people/samira-haddad.png").read_bytes())
    people = example / "papers/people.yml"
    people.write_text(people.read_text("utf-8").replace(f"photo: people/{PID}.png", "photo: ../../secret.png"), "utf-8")
    result = run_papers("check", str(example))
    assert result.returncode != 0 and "PAP250" in result.stdout + result.stderr
