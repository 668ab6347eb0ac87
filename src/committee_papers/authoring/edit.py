"""Adding to an author's YAML by inserting text, never by writing the file out again.

Every byte already in the file is kept (comments, quotes, blank lines, line
endings); the new text goes where a person would type it. Each edit is read
back, and refused (None) unless the file then holds exactly what it held
before plus the addition.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

import yaml

from committee_papers.authoring.emit import emit, flow, scalar

MAX_LINE = 140


# --- reading the file's structure ---------------------------------------------------


def _root(text: str) -> yaml.MappingNode | None | bool:
    """The top-level mapping; None for an empty document; False if it cannot be read or is not a mapping."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return False
    if root is None:
        return None
    return root if isinstance(root, yaml.MappingNode) else False


def _data(text: str) -> Any:
    return yaml.load(text, Loader=yaml.SafeLoader)


def _entry(root: yaml.MappingNode | None, key: str) -> tuple[yaml.Node, yaml.Node, yaml.Node | None] | None:
    """(key node, value node, the next key's node) of a top-level key."""
    if root is None:
        return None
    pairs = root.value
    for position, (name, value) in enumerate(pairs):
        if isinstance(name, yaml.ScalarNode) and name.value == key:
            return name, value, pairs[position + 1][0] if position + 1 < len(pairs) else None
    return None


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _line_end(text: str, index: int) -> int:
    """Where the line holding `index` ends (before its line break)."""
    end = text.find("\n", index)
    if end < 0:
        return len(text)
    return end - 1 if end > 0 and text[end - 1] == "\r" else end


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _verified(after: str, expected: Any) -> str | None:
    try:
        return after if _data(after) == expected else None
    except yaml.YAMLError:
        return None


def _append(text: str, lines: list[str]) -> str:
    newline = _newline(text)
    if text and not text.endswith("\n"):
        text += newline
    return text + "".join(line + newline for line in lines)


def _insert_after_item(text: str, at: int, end: int, indent: int, lines: list[str]) -> str:
    """Insert `lines` after the last line between `at` and `end` that belongs to the item above (indented past `indent`)."""
    newline = _newline(text)
    position = offset = at
    for raw in re.findall(r"[^\n]*\n|[^\n]+$", text[at:end]):
        content = raw.rstrip("\r\n")
        offset += len(raw)
        if content.strip() and len(content) - len(content.lstrip(" ")) > indent:
            position = offset
    block = "".join(line + newline for line in lines)
    if position > 0 and not text[:position].endswith("\n"):
        return text[:position] + newline + block.rstrip("\r\n") + text[position:]
    return text[:position] + block + text[position:]


def _after_key_line(text: str, key: yaml.Node, value: yaml.Node, lines: list[str]) -> str:
    """Give a key with an empty value (nothing, `[]` or `{}`) block lines under it; anything after it on its line stays."""
    newline = _newline(text)
    start, end = value.start_mark.index, value.end_mark.index
    if end > start:  # drop `[]` or `{}` and the spaces before it
        while start > key.end_mark.index and text[start - 1] in " \t":
            start -= 1
        text = text[:start] + text[end:]
        line_end = _line_end(text, start)
    else:
        line_end = _line_end(text, key.end_mark.index)
    block = "".join(newline + line for line in lines)
    return text[:line_end] + block + text[line_end:]


# --- lists ---------------------------------------------------------------------------


def _block_item(value: Any) -> str:
    if isinstance(value, dict) and len(value) == 1:
        ((name, inner),) = value.items()
        if not isinstance(inner, (dict, list)):
            return f"{scalar(name)}: {scalar(inner)}"
    return flow(value) if isinstance(value, (dict, list)) else scalar(value)


def add_to_list(text: str, key: str, entries: list[Any], at: int | None = None, create: bool = False) -> str | None:
    """The text with `entries` added to the top-level list `key`, before its item `at` (default: at the end).

    With `create`, a missing or empty key is given the list. None if it cannot be done safely.
    """
    root = _root(text)
    if root is False:
        return None
    before = _data(text) if root is not None else None
    found = _entry(root, key)
    if found is None:
        if not create or (before is not None and not isinstance(before, dict)):
            return None
        edited = _append(text, [f"{scalar(key)}:", *(f"  - {_block_item(e)}" for e in entries)])
    else:
        name, node, next_key = found
        if _is_null(node):
            edited = _after_key_line(text, name, node, [f"  - {_block_item(e)}" for e in entries]) if create else None
        elif not isinstance(node, yaml.SequenceNode):
            return None
        elif node.flow_style:
            edited = _add_to_flow_list(text, node, entries, at)
        else:
            edited = _add_to_block_list(text, node, next_key, entries, at)
    if edited is None:
        return None
    expected = copy.deepcopy(before) if isinstance(before, dict) else {}
    items = list(expected.get(key) or [])
    position = len(items) if at is None else at
    items[position:position] = entries
    expected[key] = items
    return _verified(edited, expected)


def _add_to_flow_list(text: str, node: yaml.SequenceNode, entries: list[Any], at: int | None) -> str | None:
    words = ", ".join(flow(e) for e in entries)
    if at is not None and at < len(node.value):
        position = node.value[at].start_mark.index
        return text[:position] + words + ", " + text[position:]
    position = node.end_mark.index - 1
    if text[position] != "]":
        return None
    return text[:position] + (", " if node.value else "") + words + text[position:]


def _add_to_block_list(text: str, node: yaml.SequenceNode, next_key, entries: list[Any], at: int | None) -> str | None:
    first = node.value[0].start_mark.index
    line_start = _line_start(text, first)
    dash = text[line_start:first].rfind("-")
    if dash < 0 or text[line_start : line_start + dash].strip():
        return None
    lines = [" " * dash + f"- {_block_item(e)}" for e in entries]
    if at is not None and at < len(node.value):
        position = _line_start(text, node.value[at].start_mark.index)
        newline = _newline(text)
        return text[:position] + "".join(line + newline for line in lines) + text[position:]
    end = _line_start(text, next_key.start_mark.index) if next_key is not None else len(text)
    last = text.find("\n", node.value[-1].start_mark.index) + 1 or len(text)
    return _insert_after_item(text, last, end, dash, lines)


# --- mappings ------------------------------------------------------------------------


def add_to_mapping(text: str, key: str, name: str, value: Any) -> str | None:
    """The text with `name: value` added to the top-level mapping `key` (created if missing). None if unsafe."""
    root = _root(text)
    if root is False:
        return None
    before = _data(text) if root is not None else None
    found = _entry(root, key)
    entry = f"{scalar(name)}: {flow(value)}"
    if found is None:
        edited = _append(text, [f"{scalar(key)}:", "  " + entry])
    else:
        key_node, node, next_key = found
        if _is_null(node) or (isinstance(node, yaml.MappingNode) and node.flow_style and not node.value):
            edited = _after_key_line(text, key_node, node, ["  " + entry])
        elif not isinstance(node, yaml.MappingNode):
            return None
        elif node.flow_style:
            position = node.end_mark.index - 1
            edited = text[:position] + ", " + entry + text[position:] if text[position] == "}" else None
        else:
            edited = _add_to_block_mapping(text, node, next_key, name, value)
    if edited is None:
        return None
    expected = copy.deepcopy(before) if isinstance(before, dict) else {}
    inner = dict(expected.get(key) or {})
    inner[name] = value
    expected[key] = inner
    return _verified(edited, expected)


def _add_to_block_mapping(text: str, node: yaml.MappingNode, next_key, name: str, value: Any) -> str | None:
    first_key = node.value[0][0]
    indent = first_key.start_mark.column
    if text[_line_start(text, first_key.start_mark.index) : first_key.start_mark.index].strip():
        return None
    entry = " " * indent + f"{scalar(name)}: {flow(value)}"
    lines = emit(name, value, indent) if len(entry) > MAX_LINE else [entry]
    end = _line_start(text, next_key.start_mark.index) if next_key is not None else len(text)
    last = text.find("\n", node.value[-1][0].start_mark.index) + 1 or len(text)
    return _insert_after_item(text, last, end, indent, lines)


# --- single values -------------------------------------------------------------------


def set_value(text: str, key: str, value: Any, before_keys: tuple[str, ...] = ()) -> str | None:
    """The text with the top-level `key` set to a scalar: its one-line value replaced, or a line added
    before the first of `before_keys` present (else at the end). None if unsafe."""
    root = _root(text)
    if root is False:
        return None
    before = _data(text) if root is not None else None
    found = _entry(root, key)
    if found is not None:
        _, node, _ = found
        if not isinstance(node, yaml.ScalarNode) or node.start_mark.line != node.end_mark.line:
            return None
        start, end = node.start_mark.index, node.end_mark.index
        edited = text[:start] + (" " if start == end else "") + scalar(value) + text[end:]
    else:
        line = f"{scalar(key)}: {scalar(value)}"
        following = [entry[0] for entry in (_entry(root, k) for k in before_keys) if entry is not None]
        if following:
            position = _line_start(text, min(n.start_mark.index for n in following))
            edited = text[:position] + line + _newline(text) + text[position:]
        else:
            edited = _append(text, [line])
    expected = copy.deepcopy(before) if isinstance(before, dict) else {}
    expected[key] = value
    return _verified(edited, expected)


# --- front matter --------------------------------------------------------------------


def in_front_matter(text: str, change: Callable[[str], str | None]) -> str | None:
    """Apply `change` to the YAML between a file's `---` lines; the body is kept as it was."""
    lines = text.split("\n")
    if not lines or lines[0].lstrip("\ufeff").rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            head = lines[0] + "\n"
            front = "".join(line + "\n" for line in lines[1:index])
            tail = "\n".join(lines[index:])
            changed = change(front)
            return None if changed is None else head + changed + tail
    return None
