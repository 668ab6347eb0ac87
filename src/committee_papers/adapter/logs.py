"""MkDocs' log: its errors held so a failure is told once, its routine chatter quiet."""

from __future__ import annotations

import logging
import os


class ErrorsHeld(logging.Handler):
    """Holds MkDocs' error messages during a build, so a failure is told once, in full.

    They are shown after all unless the build failed with them as its reason. Worker
    processes forked during the build show theirs at once.
    """

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []
        self.logger = logging.getLogger("mkdocs")
        self.pid = os.getpid()
        self.told = False  # set when the messages became the reason a build failed

    def emit(self, record: logging.LogRecord) -> None:
        if os.getpid() == self.pid:
            self.messages.append(record.getMessage())

    def _shown(self, record: logging.LogRecord) -> bool:
        return record.levelno < logging.ERROR or os.getpid() != self.pid

    def reason(self, error: Exception) -> str:
        """Why the build stopped: MkDocs' messages, told now instead of after."""
        self.told = True
        return "\n".join(self.messages) or str(error)

    def __enter__(self) -> ErrorsHeld:
        for handler in self.logger.handlers:
            handler.addFilter(self._shown)
        self.logger.addHandler(self)
        return self

    def __exit__(self, kind, error, trace) -> None:
        self.logger.removeHandler(self)
        for handler in self.logger.handlers:
            handler.removeFilter(self._shown)
        if not self.told:
            for message in self.messages:
                self.logger.error(message)


class _NotDirtyWarning(logging.Filter):
    """MkDocs warns that dirty builds may have stale navigation; ours re-render every page that could."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def quiet_mkdocs(verbose: bool = False) -> None:
    """Show MkDocs' warnings and errors, not its routine chatter."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        handler.addFilter(_NotDirtyWarning())
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False
