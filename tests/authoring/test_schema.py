"""`papers schema`: JSON Schemas from the model that accept the example council and catch mistakes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import EXAMPLE

from committee_papers.cli import main
from committee_papers.schema_export import schemas
from committee_papers.yamlsource import parse_yaml

SCHEMAS = schemas()


def as_editor_reads(value):
    """YAML as an editor's YAML 1.2 parser reads it: dates are text."""
    if isinstance(value, dict):
        return {k: as_editor_reads(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_reads(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def load(text: str):
    return as_editor_reads(parse_yaml(text).data)


def yaml_files(papers: Path):
    yield "council", papers / "council.yml"
    yield "people", papers / "people.yml"
    for path in sorted((papers / "committees").glob("*.yml")):
        yield "committee", path
    for path in sorted(papers.glob("meetings/*/meeting.yml")):
        yield "meeting", path
    for path in sorted(papers.glob("meetings/*/*.md")):
        yield ("minutes" if path.name == "minutes.md" else "report"), path


def errors(kind: str, data) -> list[str]:
    return [e.message for e in jsonschema.Draft7Validator(SCHEMAS[kind]).iter_errors(data)]


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_each_schema_is_a_valid_schema_with_descriptions(kind):
    schema = SCHEMAS[kind]
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["title"] and schema["description"]
    assert all("description" in prop for prop in schema["properties"].values())


def test_the_example_council_validates():
    files = list(yaml_files(EXAMPLE / "papers"))
    assert {kind for kind, _ in files} == set(SCHEMAS)
    for kind, path in files:
        text = path.read_text("utf-8")
        data = load(text.split("---\n")[1] if path.suffix == ".md" else text)
        assert errors(kind, data) == [], path


@pytest.mark.parametrize(
    "kind, text",
    [
        ("meeting", "committee: resources\ndate: 2027-02-09\nvenu: Council Chamber\n"),
        ("committee", "name: Audit\nchiar: mira-holt\n"),
        ("report", "title: Budget\ncomments:\n  financial: {by: NR, dated: 2027-01-21, text: Fine.}\n"),
        ("council", "name: Ravensmere\nhouse-style: numbered\n"),
    ],
)
def test_an_unknown_key_is_rejected(kind, text):
    assert any("Additional properties are not allowed" in message for message in errors(kind, load(text)))


@pytest.mark.parametrize(
    "kind, text",
    [
        ("report", "title: Budget\nrecommendations: Approve the budget.\n"),
        ("report", "title: Budget\nkey_decision: true\n"),
        ("meeting", "committee: resources\ndate: 2027-02-09\nstatus: finished\n"),
        ("meeting", "committee: resources\ndate: 2027-02-09\nagenda:\n  - apology\n"),
        ("council", "name: Ravensmere\nallow_raw_html: sometimes\n"),
        ("people", "councillors:\n  ann-baker: Ann Baker\n"),
        ("committee", "name: Audit\ndefault_time: half past six\n"),
        ("minutes", "present: ann-baker\n"),
    ],
)
def test_a_wrong_type_is_rejected(kind, text):
    assert errors(kind, load(text))


def test_what_the_model_accepts_beyond_its_types_is_accepted():
    meeting = "committee: x\ndate: 2027-02-09\nagenda:\n  - apologies\n  - declarations:\n  - item: Announcements\n    exempt: false\n  - exclusion\n"
    assert errors("meeting", load(meeting)) == []
    report = "title: T\nexempt: false\nkey_decision: false\ndivisions_affected: All\nsigned_by: {name: Ann Baker}\n"
    assert errors("report", load(report)) == []
    assert errors("council", load("name: C\nrules: {PAP504: off, PAP411: error}\n")) == []


def test_schema_prints_one_json_object_by_kind():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == json.loads(json.dumps(SCHEMAS))


def test_schema_writes_a_file_per_kind(tmp_path):
    result = CliRunner().invoke(main, ["schema", "--output", str(tmp_path / "schemas")])
    assert result.exit_code == 0, result.output
    for kind, schema in SCHEMAS.items():
        assert json.loads((tmp_path / "schemas" / f"{kind}.schema.json").read_text("utf-8")) == json.loads(json.dumps(schema))


def test_schema_never_writes_inside_the_papers_folder(example):
    for target in (example / "papers", example / "papers" / "schemas", example / "papers" / "meetings" / "x"):
        result = CliRunner().invoke(main, ["schema", "--output", str(target)])
        assert result.exit_code == 1
        assert "inside the papers folder" in result.output
    assert not (example / "papers" / "schemas").exists()
    assert not list((example / "papers").glob("*.schema.json"))
