"""Readable YAML written by the commands: block keys, short mappings on one line, values quoted only where needed."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import yaml


def document(fields: dict[str, Any]) -> str:
    """A YAML file's text: one key a line, nested values indented."""
    return "\n".join(line for key, value in fields.items() for line in emit(key, value, 0)) + "\n"


def front_matter(fields: dict[str, Any]) -> str:
    return "---\n" + document(fields) + "---\n"


def flow(value: Any) -> str:
    """A value on one line: `{name: X, role: Y}`, `[a, b]` or a scalar."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k, flow=True)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value, flow=True)


class Inline(list):
    """A list written on one line, `[a, b, c]`, as committee members usually are."""


def emit(key: str, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    head = f"{pad}{scalar(key)}:"
    if isinstance(value, Inline) or (isinstance(value, (list, dict)) and not value):
        return [f"{head} {flow(value)}"]
    if isinstance(value, dict):
        if all(not isinstance(v, (dict, list)) and "\n" not in str(v) for v in value.values()):
            inline = ", ".join(f"{scalar(k, flow=True)}: {scalar(v, flow=True)}" for k, v in value.items())
            if len(head) + len(inline) < 140:
                return [f"{head} {{{inline}}}"]
        return [head] + [line for k, v in value.items() for line in emit(k, v, indent + 2)]
    if isinstance(value, list):
        return [head] + [f"{pad}  - {flow(item) if isinstance(item, (dict, list)) else scalar(item)}" for item in value]
    if isinstance(value, str) and "\n" in value.strip() and _printable(value):
        text = value.strip("\n")
        indicator = "2" if text[:1] == " " else ""
        return [f"{head} |{indicator}"] + [f"{pad}  {line}" if line.strip() else "" for line in text.split("\n")]
    return [f"{head} {scalar(value)}"]


def scalar(value: Any, flow: bool = False) -> str:
    """A YAML scalar: plain where that reads back as the same text, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    text = str(value)
    if text and text == text.strip() and "\n" not in text and _printable(text) and _reads_back(text, flow):
        return text
    return _quoted(text)


def _reads_back(text: str, flow: bool) -> bool:
    source = f"{{k: {text}}}" if flow else f"k: {text}"
    try:
        return yaml.load(source, Loader=yaml.SafeLoader) == {"k": text}
    except yaml.YAMLError:
        return False


def _printable(text: str) -> bool:
    return not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u2028\u2029\ufeff\ufffe\uffff]", text)


def _quoted(text: str) -> str:
    quoted = json.dumps(text, ensure_ascii=False)
    return re.sub("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]", lambda m: f"\\u{ord(m.group()):04x}", quoted)
