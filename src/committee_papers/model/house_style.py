"""templates/house_styles/<name>.yml: a council's own house style."""

from __future__ import annotations

from committee_papers.model.base import StrictModel


class HouseStyleFile(StrictModel):
    title: str | None = None
    template: str = "report/numbered.html"
    number_paragraphs: bool = True
    required_fields: list[str] = []
    required_sections: list[str] = []
    required_implications: list[str] = []
