"""Adding to an author's YAML: the new text goes in, every other byte stays, and anything unsafe is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from committee_papers.authoring.edit import add_to_list, add_to_mapping, in_front_matter, set_value


@pytest.mark.parametrize(
    "before, after",
    [
        ("members: [a, b]\n", "members: [a, b, c]\n"),
        ("members: []  # none yet\n", "members: [c]  # none yet\n"),
        ("members:\n  - a   # the chair\n\n# clerk next\nclerk: x\n", "members:\n  - a   # the chair\n  - c\n\n# clerk next\nclerk: x\n"),
        ("members:\n- a\n", "members:\n- a\n- c\n"),
        ("members:\r\n  - a\r\n", "members:\r\n  - a\r\n  - c\r\n"),
        ("name: X\nmembers:\nclerk: y\n", "name: X\nmembers:\n  - c\nclerk: y\n"),
        ("name: X  # no members yet", "name: X  # no members yet\nmembers:\n  - c\n"),
        ("", "members:\n  - c\n"),
        ("# only a comment\n", "# only a comment\nmembers:\n  - c\n"),
    ],
)
def test_add_to_list(before, after):
    assert add_to_list(before, "members", ["c"], create=True) == after


@pytest.mark.parametrize(
    "text",
    [
        "members: a\n",  # not a list
        "- a\n",  # not a mapping
        "members: [a\n",  # cannot be read
        "members: &m [a]\nother: *m\n",  # the list is shared: adding to it would change `other` too
    ],
)
def test_add_to_list_refuses(text):
    assert add_to_list(text, "members", ["c"], create=True) is None


def test_add_to_list_needs_leave_to_create():
    assert add_to_list("name: X\n", "agenda", [{"report": "r"}]) is None
    assert add_to_list("agenda:\n", "agenda", [{"report": "r"}]) is None


@pytest.mark.parametrize(
    "before, after",
    [
        ("councillors: {}\nofficers: {}\n", "councillors:\n  ann-lee: {name: Ann Lee}\nofficers: {}\n"),
        ("councillors: {}   # none yet\n", "councillors:   # none yet\n  ann-lee: {name: Ann Lee}\n"),
        ("councillors:\nofficers: {}\n", "councillors:\n  ann-lee: {name: Ann Lee}\nofficers: {}\n"),
        ("councillors: {bo: {name: Bo}}\n", "councillors: {bo: {name: Bo}, ann-lee: {name: Ann Lee}}\n"),
        ("officers: {}\n", "officers: {}\ncouncillors:\n  ann-lee: {name: Ann Lee}\n"),
        (
            "councillors:\n    bo:\n        name: Bo\n    # more to come\nofficers: {}\n",
            "councillors:\n    bo:\n        name: Bo\n    ann-lee: {name: Ann Lee}\n    # more to come\nofficers: {}\n",
        ),
        ("\ufeffcouncillors:\n  bo: {name: Bo}", "\ufeffcouncillors:\n  bo: {name: Bo}\n  ann-lee: {name: Ann Lee}"),
    ],
)
def test_add_to_mapping(before, after):
    assert add_to_mapping(before, "councillors", "ann-lee", {"name": "Ann Lee"}) == after


@pytest.mark.parametrize("text", ["councillors: [bo]\n", "councillors: x\n", "councillors: {a: 1\n", "base: &b {bo: {name: Bo}}\ncouncillors: *b\n"])
def test_add_to_mapping_refuses(text):
    assert add_to_mapping(text, "councillors", "ann-lee", {"name": "Ann Lee"}) is None


@pytest.mark.parametrize(
    "before, key, value, after",
    [
        ("date: 2027-03-02\nstatus: scheduled   # until it is held\n", "status", "held", "date: 2027-03-02\nstatus: held   # until it is held\n"),
        ("status: 'scheduled'\n", "status", "held", "status: held\n"),
        ("date: 2027-03-02\nagenda:\n  - apologies\n", "published", dt.date(2027, 2, 19), "date: 2027-03-02\npublished: 2027-02-19\nagenda:\n  - apologies\n"),
        ("date: 2027-03-02\n", "published", dt.date(2027, 2, 19), "date: 2027-03-02\npublished: 2027-02-19\n"),
        ("status:\n", "status", "held", "status: held\n"),
    ],
)
def test_set_value(before, key, value, after):
    assert set_value(before, key, value, ("agenda",)) == after


@pytest.mark.parametrize("text", ["status: >-\n  scheduled\n", "status: [scheduled]\n", "- status\n"])
def test_set_value_refuses(text):
    assert set_value(text, "status", "held") is None


def test_front_matter_is_changed_and_the_body_kept():
    text = "---\ntitle: T\n---\n\nBody with\n---\na rule.\n"
    changed = in_front_matter(text, lambda front: add_to_list(front, "appendices", [{"title": "A", "file": "t/a.pdf"}], create=True))
    assert changed == "---\ntitle: T\nappendices:\n  - {title: A, file: t/a.pdf}\n---\n\nBody with\n---\na rule.\n"
    assert in_front_matter("no front matter\n", lambda front: front) is None
    assert in_front_matter("---\ntitle: T\n", lambda front: front) is None
