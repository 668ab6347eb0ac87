"""Pydantic's validation errors, rewritten for a clerk and located in the YAML."""

from __future__ import annotations

import datetime as dt
import difflib
import types
import typing
from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from committee_papers.problems import Problems
from committee_papers.yamlsource import YamlDoc

_EXPECTED = {
    "string_type": "text",
    "list_type": "a list (lines starting with `- `)",
    "dict_type": "a mapping of `key: value` pairs",
    "model_type": "a mapping of `key: value` pairs",
    "model_attributes_type": "a mapping of `key: value` pairs",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "none_required": "empty (nothing after the colon)",
}


def describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, (int, float)):
        return f"the number `{value}`"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"the text `{short}`"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return "something else"


def _data_path(data: Any, loc: tuple) -> tuple[tuple, Any, bool]:
    """Follow an error location through the data; skip pydantic's union tags.

    Returns the path that exists in the data, the value there, and whether the
    whole location was found.
    """
    path: list = []
    current = data
    complete = True
    for i, part in enumerate(loc):
        if isinstance(current, dict) and part in current:
            path.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        elif i == len(loc) - 1:
            complete = False
    return tuple(path), current, complete


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types inside Optional, Annotated, Union."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _models_at(root: type[BaseModel], loc: tuple) -> list[type[BaseModel]]:
    """The model classes that could hold the key at the end of `loc`."""
    current: list[Any] = [root]
    for part in loc:
        following: list[Any] = []
        for candidate in (t for c in current for t in _unwrap(c)):
            origin = typing.get_origin(candidate)
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                fields = {field.alias or name: field for name, field in candidate.model_fields.items()}  # as written: `from`
                if isinstance(part, str) and part in fields:
                    following.append(fields[part].annotation)
            elif origin is list and isinstance(part, int):
                following.append(typing.get_args(candidate)[0])
            elif origin is dict:
                following.append(typing.get_args(candidate)[1])
        if following:
            current = following
        # a part that matches nothing is a pydantic union tag: stay where we are
    return [t for c in current for t in _unwrap(c) if isinstance(t, type) and issubclass(t, BaseModel)]


def _where(path: tuple) -> str:
    """A path in words a clerk can follow: `agenda item 3: lead`, `members entry 2`."""
    text = ""
    for index, part in enumerate(path):
        if isinstance(part, int):
            text += f" item {part + 1}" if path[index - 1] == "agenda" else f" entry {part + 1}"
        else:
            text += f": {part}" if text and isinstance(path[index - 1], int) else (f".{part}" if text else str(part))
    return text


_EXAMPLE_VALUES = {
    "date": "YYYY-MM-DD",
    "published": "YYYY-MM-DD",
    "by": "INITIALS",
    "time": '"HH:MM"',
    "committee": "COMMITTEE-ID",
}


def report_validation_error(
    error: ValidationError,
    model: type[BaseModel],
    doc: YamlDoc,
    file: Path,
    problems: Problems,
    what: str,
) -> None:
    """Turn each pydantic error into one located, plain-English problem."""
    seen: set[tuple] = set()
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        path, value, complete = _data_path(doc.data, loc)
        kind = err["type"]
        key = loc[-1] if loc else None
        where = _where(path) or what
        if (path, kind, key) in seen:
            continue
        seen.add((path, kind, key))

        if kind == "missing":
            line, column = doc.key_at(path) if path else doc.start
            example = _EXAMPLE_VALUES.get(str(key), "...")
            problems.add("PAP101", file, line, column, f"{_where(path) or what} has no `{key}`", f"add `{key}: {example}` to {where}")
        elif kind == "extra_forbidden":
            owners = _models_at(model, loc[:-1])
            allowed = sorted({field.alias or name for m in owners for name, field in m.model_fields.items()})
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            hint = f"did you mean `{close[0]}`?" if close else "the keys allowed here are: " + ", ".join(allowed)
            line, column = doc.key_at(path)
            parent = _where(path[:-1])
            message = f"unknown key `{key}`" + (f" in {parent}" if parent else f" in {what}")
            problems.add("PAP100", file, line, column, message, hint)
        elif kind in ("date_invalid", "time_invalid", "month_day_invalid"):
            line, column = doc.value_at(path)
            hints = {
                "date_invalid": "write dates as YYYY-MM-DD, for example 2026-09-22",
                "time_invalid": 'write times on the 24-hour clock in quotes, for example "10:30"',
                "month_day_invalid": "write the month and day as MM-DD, for example 05-01",
            }
            problems.add("PAP107", file, line, column, f"{where}: {err['msg']}", hints[kind])
        elif kind in _ADDRESS_CODES:
            line, column = doc.value_at(path)
            problems.add(_ADDRESS_CODES[kind], file, line, column, f"{where}: {err['msg']}")
        elif kind == "literal_error":
            line, column = doc.value_at(path)
            expected = err.get("ctx", {}).get("expected", "")
            problems.add("PAP106", file, line, column, f"{where} cannot be {describe(value)}", f"use one of: {expected.replace(chr(39), '')}")
        elif kind in ("too_short", "string_too_short"):
            line, column = doc.value_at(path)
            problems.add("PAP108", file, line, column, f"{where} is empty", f"write something for {where} or remove it")
        elif kind in ("person_ref", "agenda_entry", "union_tag_invalid", "union_tag_not_found"):
            line, column = doc.value_at(path)
            problems.add("PAP109", file, line, column, f"{where}: {err['msg']}", _UNION_HINTS.get(kind, ""))
        elif kind in _EXPECTED:
            line, column = doc.value_at(path)
            problems.add(
                "PAP102",
                file,
                line,
                column,
                f"{where} should be {_EXPECTED[kind]}, not {describe(value)}",
                f"change {where} to {_EXPECTED[kind]}",
            )
        else:
            line, column = doc.value_at(path)
            problems.add("PAP102", file, line, column, f"{where}: {err['msg']}", "")


_ADDRESS_CODES = {"web_address": "PAP110", "email_address": "PAP111", "phone_number": "PAP112"}

_UNION_HINTS = {
    "person_ref": "give an id from people.yml, such as jo-bloggs, or {name: ..., role: ...}",
    "agenda_entry": "start the entry with one of those words, for example `- report: 04-budget`",
}


def validate(model: type[BaseModel], doc: YamlDoc, file: Path, problems: Problems, what: str) -> Any:
    """Validate YAML data against a model; report problems and return the model or None."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as error:
        report_validation_error(error, model, doc, file, problems, what)
        return None
