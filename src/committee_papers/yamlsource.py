"""YAML read with positions: every key and value keeps its line and column.

PyYAML's C parser composes a node tree; we build plain Python data from it
ourselves so that each value can be traced back to where it was written,
duplicate keys are caught, and aliases cannot expand without limit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from committee_papers import limits

Path_ = tuple[Any, ...]

MAX_NODES = 100_000
_STR = "tag:yaml.org,2002:str"
_INT, _FLOAT = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SEXAGESIMAL = re.compile(r"^[0-9]+(:[0-5]?[0-9])+$")


NUMBER_HINT = "if it is not a number, put it in quotes; otherwise correct it"


def too_long_number(length: int) -> str:
    return f"this number is {length:,} characters long; a number may have at most {limits.NUMBER_CHARACTERS:,}"


class YamlProblem(Exception):
    """A YAML document that cannot be read; carries a position and a stable code."""

    def __init__(self, code: str, message: str, line: int, column: int, hint: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint


@dataclass
class YamlDoc:
    """Data from one YAML document, with the 1-based position of every key and value."""

    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    start: tuple[int, int] = (1, 1)

    def value_at(self, path: Path_) -> tuple[int, int]:
        """Where the value at `path` was written, or its nearest written ancestor."""
        path = tuple(path)
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), self.start)

    def key_at(self, path: Path_) -> tuple[int, int]:
        """Where the key naming `path` was written (its value's position for list items)."""
        path = tuple(path)
        while path:
            if path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), self.start)


class _Builder:
    def __init__(self, line_offset: int):
        self.line_offset = line_offset
        self.doc = YamlDoc(data=None)
        self.count = 0
        self.scalars = yaml.constructor.SafeConstructor()

    def pos(self, node: Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def build(self, node: Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            line, column = self.pos(node)
            raise YamlProblem(
                "PAP005",
                f"this file expands to more than {MAX_NODES:,} values, which is far more than any paper needs (often a chain of YAML aliases)",
                line,
                column,
            )
        self.doc.values[path] = self.pos(node)
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if isinstance(node, SequenceNode):
            return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        raise AssertionError(f"unexpected YAML node {node!r}")

    def mapping(self, node: MappingNode, path: Path_) -> dict:
        try:
            self.scalars.flatten_mapping(node)
        except yaml.MarkedYAMLError as exc:
            raise _problem_from(exc, self.line_offset) from None
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                line, column = self.pos(key_node)
                raise YamlProblem("PAP004", "a key here is a list or mapping; keys must be plain words", line, column)
            key = self.scalar(key_node)
            if not isinstance(key, (str, int)):
                key = key_node.value
            if key in result:
                line, column = self.pos(key_node)
                first = self.doc.keys[path + (key,)]
                raise YamlProblem(
                    "PAP008",
                    f"the key `{key}` appears twice in the same mapping (first on line {first[0]})",
                    line,
                    column,
                    "keep one of them: YAML would silently use only the last",
                )
            self.doc.keys[path + (key,)] = self.pos(key_node)
            result[key] = self.build(value_node, path + (key,))
        return result

    def scalar(self, node: ScalarNode) -> Any:
        if _CONTROL.search(node.value):
            line, column = self.pos(node)
            raise YamlProblem(
                "PAP004",
                "this value contains an invisible control character (written as an escape such as \\x07)",
                line,
                column,
                "remove the escape sequence from the text",
            )
        if node.tag == _STR:
            return node.value
        if node.tag == "tag:yaml.org,2002:int" and _SEXAGESIMAL.match(node.value):
            return node.value  # 10:30 is a time to a clerk, not YAML 1.1's base-60 number 630
        if node.tag in (_INT, _FLOAT) and len(node.value) > limits.NUMBER_CHARACTERS:
            line, column = self.pos(node)
            raise YamlProblem("PAP018", too_long_number(len(node.value)), line, column, NUMBER_HINT)
        if node.tag == "tag:yaml.org,2002:timestamp":
            try:
                value = self.scalars.construct_yaml_timestamp(node)
            except ValueError:
                return node.value  # left as text: the schema reports it as an impossible date
            return value
        try:
            return self.scalars.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError:
            line, column = self.pos(node)
            raise YamlProblem(
                "PAP004",
                f"the YAML tag `{node.tag}` is not allowed in papers",
                line,
                column,
                "remove the `!tag` before the value",
            ) from None
        finally:
            self.scalars.constructed_objects.clear()


def _problem_from(exc: yaml.MarkedYAMLError, line_offset: int, text: str = "") -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
    column = (mark.column + 1) if mark else 1
    problem = (exc.problem or "the YAML cannot be read").strip()
    hint = "check the indentation and punctuation on this line and the line before it"
    source_line = text.splitlines()[mark.line] if mark and text and mark.line < len(text.splitlines()) else ""
    if "\t" in problem or "tab" in problem or "\t" in source_line[: (mark.column + 1) if mark else 0]:
        problem = "a tab character is used for indentation; YAML needs spaces"
        hint = "replace the tab at the start of this line with spaces"
    elif "mapping values are not allowed" in problem:
        problem = "a colon appears inside a value that is not in quotes"
        hint = 'put the whole value in double quotes, for example title: "Budget: the plan"'
    elif "could not find expected ':'" in problem:
        problem = "a line is missing the colon between key and value"
    elif "found undefined alias" in problem:
        problem = "an alias (*name) refers to an anchor (&name) that is not defined"
        hint = "define the anchor first or write the value out"
    return YamlProblem("PAP004", f"the YAML cannot be read: {problem}", line, column, hint)


def parse_yaml(text: str, line_offset: int = 0) -> YamlDoc:
    """Parse one YAML document into data and positions; raise YamlProblem if it cannot be read."""
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as exc:
        raise _problem_from(exc, line_offset, text) from None
    except yaml.YAMLError as exc:  # reader errors (control characters) carry no mark
        raise YamlProblem("PAP004", f"the YAML cannot be read: {exc}", 1 + line_offset, 1) from None
    builder = _Builder(line_offset)
    builder.doc.start = (1 + line_offset, 1)
    if node is None:
        builder.doc.data = None
        return builder.doc
    try:
        builder.doc.data = builder.build(node, ())
    except RecursionError:  # an alias inside what it names (`x: &a [*a]`) never ends
        raise YamlProblem(
            "PAP005", "an alias (`*name`) refers to the value that contains it, so the value never ends", node.start_mark.line + 1 + line_offset, 1
        ) from None
    return builder.doc


def long_numbers(text: str) -> list[tuple[int, int, int]]:
    """Each number too long to read (line, column, its length), found without reading any value: for YAML that MkDocs reads (mkdocs.yml)."""
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return []  # MkDocs says what is wrong with it
    found, stack, seen = [], [root] if root is not None else [], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue  # an alias: the same node again
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            if node.tag in (_INT, _FLOAT) and len(node.value) > limits.NUMBER_CHARACTERS:
                found.append((node.start_mark.line + 1, node.start_mark.column + 1, len(node.value)))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            stack.extend(part for pair in node.value for part in pair)
    return sorted(found)


def is_date(value: Any) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
