"""A house style file: templates/house_styles/<name>.yml, or one of the built-in styles.

Every key is optional in the file, so that a council's style can `extends:` a
built-in one and change only what differs; the style as used is the merge.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from committee_papers.model.base import StrictModel

Text = Annotated[str, Field(min_length=1)]
Case = Literal["upper", "lower", "as written"]
Markers = Literal["1.", "1)", "(1)", "a.", "a)", "(a)", "A.", "i.", "i)", "(i)", "I.", "bullets", "none"]
DateForm = Literal["long", "short", "numeric"]


class Row(StrictModel):
    """One line of the header block or one row of a table: a label and where its value comes from."""

    label: str | None = None
    from_: str | None = Field(default=None, alias="from")
    text: str | None = None
    case: Case = "as written"
    none: str | None = None
    all: str | None = None
    date: DateForm = "short"
    required: bool = False


class Section(StrictModel):
    """One part of the report, in order: its heading and where its content comes from."""

    label: str | None = None
    from_: str | None = Field(default=None, alias="from")
    text: str | None = None
    required: bool = False
    also: list[Text] = []
    numbered: bool = True
    level: Literal[2, 3] = 2
    inline: bool = False
    case: Case = "as written"
    boilerplate: Literal["statutory_implications", "background_papers"] | None = None
    lead_in: str | None = None
    markers: Markers | None = None
    mark_single: bool = True
    none: str | None = None
    all: str | None = None
    columns: list[Text] | None = None
    question: str | None = None
    date: DateForm = "short"


class AddedSection(Section):
    """A section an extending style adds, before or after one of the style it extends."""

    after: str | None = None
    before: str | None = None


class Numbering(StrictModel):
    scheme: Literal["paragraphs", "sections", "none"] = "none"
    starts_at: str | None = None
    sub_sections: bool = True


class Appendices(StrictModel):
    label: Text = "Appendix"
    numbers: Literal["letters", "numbers"] = "letters"


class ContactLabels(StrictModel):
    role: str = "Role"
    name: str = "Name:"
    phone: str = "Telephone:"
    email: str = "Email:"


class Grid(StrictModel):
    """A named group of yes/no boxes, placed inside a named section."""

    name: Text
    inside: Text
    boxes: Annotated[list[Text], Field(min_length=1)]
    columns: Annotated[int, Field(ge=1, le=6)] = 3
    mark_yes: Text = "Yes"
    mark_no: Text = "No"
    at: Literal["start", "end"] = "start"


class HouseStyleFile(StrictModel):
    extends: str | None = None
    title: str | None = None
    description: str | None = None
    template: str | None = None
    header: list[Row] | None = None
    cover: list[Row] | None = None
    sections: list[Section] | None = None
    change_sections: dict[str, Section] | None = None
    remove_sections: list[str] | None = None
    add_sections: list[AddedSection] | None = None
    numbering: Numbering | None = None
    appendices: Appendices | None = None
    contact_labels: ContactLabels | None = None
    grids: list[Grid] | None = None
    # the keys of house style files written before the layout was data; still read
    number_paragraphs: bool | None = None
    required_fields: list[str] | None = None
    required_sections: list[str] | None = None
    required_implications: list[str] | None = None
