"""What building one meeting's PDFs wrote, and how long it took."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class MeetingPdfs:
    meeting: str
    site: list[str]  # written under the site folder, relative to it
    confidential: list[str]  # written under the confidential folder, relative to it
    seconds: float

    @property
    def written(self) -> list[str]:
        return self.site + self.confidential
