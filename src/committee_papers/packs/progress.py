"""The progress line packs print while they build; kept apart from the packs so that a build without them need not load WeasyPrint."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from committee_papers.packs.meeting_pdfs import MeetingPdfs


def rich_progress() -> Callable[[MeetingPdfs, int, int], None]:
    """A progress line on standard error while packs build."""
    from rich.console import Console

    console = Console(stderr=True)

    def report(done: MeetingPdfs, count: int, total: int) -> None:
        console.print(
            f"[{count}/{total}] {done.meeting}: {len(done.written)} PDF{'s' if len(done.written) != 1 else ''} in {done.seconds:.1f} s", highlight=False
        )

    return report
