"""Exempt information: the categories of each jurisdiction and the words the papers print."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from committee_papers.model.base import Exempt


@cache
def categories() -> dict:
    text = resources.files("committee_papers").joinpath("exempt_paragraphs.yml").read_text("utf-8")
    return yaml.safe_load(text)


def valid_paragraphs(jurisdiction: str) -> list[int]:
    return sorted(categories()[jurisdiction]["paragraphs"])


def exemption_notice(exempt: Exempt, jurisdiction: str) -> str:
    """One sentence naming the paragraph(s) relied on, as the public agenda prints it."""
    table = categories()[jurisdiction]
    numbers = exempt.paragraphs
    which = f"paragraph {numbers[0]}" if len(numbers) == 1 else "paragraphs " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"
    descriptions = [table["paragraphs"].get(n, "") for n in numbers]
    text = f"NOT FOR PUBLICATION: exempt information under {which} of {table['schedule']}"
    described = " ".join(d for d in descriptions if d)
    return f"{text}. {described}".strip() if described else f"{text}."


def paragraphs_label(exempt: Exempt) -> str:
    numbers = [str(n) for n in exempt.paragraphs]
    if len(numbers) == 1:
        return f"Paragraph {numbers[0]}"
    return "Paragraphs " + ", ".join(numbers[:-1]) + f" and {numbers[-1]}"


def header_label(exempt: Exempt, jurisdiction: str) -> str:
    """The short line printed at the top of every exempt page of a confidential pack."""
    schedule = categories()[jurisdiction]["schedule"].split(" to ")
    short = schedule[0].replace("Part 1 of ", "").replace("Part 4 of ", "").replace("Part I of ", "")
    return f"NOT FOR PUBLICATION: {paragraphs_label(exempt).lower()} of {short}"
