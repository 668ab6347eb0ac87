"""What `papers serve` may serve: only what the current papers publish, never a file left from before an edit.

The served folder can hold files the current papers no longer publish (a
report made exempt keeps its old PDF on disk until something removes it), and
while an edit is being rebuilt its meeting's files are stale. So every request
is asked of `Served.refusal` first:

- while an edit is read and rebuilt, its meeting's files and the pages that
  list the whole archive (or, for an edit that rebuilds everything, every
  file) are not served (503, the page reloads when the rebuild is done); they
  stay so while the meeting's papers have errors;
- a file in a meeting's folder is served only if the current build made it
  (its pages, copied files, calendar and the PDFs already remade); a meeting
  no longer published has no files (404);
- a meeting's PDFs are not served while the background work that remakes them
  is pending (503), nor the search index while it is being made again;
- after an edit, the sitemap is that of the last full build, so it is not
  served until the next one (404); Material's search index, also made by
  full builds only, keeps only the unchanged meetings' pages (adapter/serve).
"""

from __future__ import annotations

import re
import threading

_MEETING_ID = re.compile(r"\d{4}-\d{2}-\d{2}-")
EVERYTHING = ""
REBUILDING = "This page is being rebuilt after an edit; it reloads by itself when it is ready."
MATERIAL_INDEX = "search/search_index.json"
STALE_AFTER_EDIT = ("sitemap.xml", "sitemap.xml.gz")
SEARCH_INDEXES = ("pagefind/", "pagefind-shards/")
# The files besides the general pages that list the whole archive, remade after each edit (finish.site_files).
ARCHIVE_FILES = ("calendar.ics", "feed.xml", "data/", "committees/", "forward-plan/")


class Served:
    def __init__(self):
        self.lock = threading.Lock()
        self.held: dict[str, str] = {EVERYTHING: REBUILDING}  # path prefix → why it is not served now (503)
        self.published: dict[str, set[str]] = {}  # meeting id → the files in its folder the current build made
        self.pdfs: dict[str, object] = {}  # meeting id → the background work that will remake its PDFs
        self.search: object | None = None  # the background work that will remake the search index
        self.stale: set[str] = set()

    # -- told by the session ---------------------------------------------------------
    def hold(self, prefixes, why: str = REBUILDING) -> None:
        with self.lock:
            self.held.update(dict.fromkeys(prefixes, why))

    def release(self, prefixes) -> None:
        with self.lock:
            for prefix in prefixes:
                self.held.pop(prefix, None)

    def release_all(self) -> None:
        with self.lock:
            self.held.clear()

    def holds_everything(self) -> bool:
        with self.lock:
            return EVERYTHING in self.held

    def built(self, plan, remade: set[str], work: object, *, full: bool) -> None:
        """A rebuild's pages are in place: serve what `plan` publishes; `remade` meetings' PDFs wait for `work`."""
        with self.lock:
            self.published = {mid: set(record.outputs) | {f"meetings/{mid}/meeting.ics"} for mid, record in plan.records.items()}
            self.pdfs.update(dict.fromkeys(remade, work))
            for mid in set(self.pdfs) - set(plan.records):
                del self.pdfs[mid]
            if plan.options.search == "pagefind":
                self.search = work
            self.stale = set() if full else set(STALE_AFTER_EDIT)

    def pdfs_made(self, mid: str, files: list[str], record, work: object) -> None:
        with self.lock:
            if self.pdfs.get(mid) is work:
                record.outputs += [f for f in files if f not in record.outputs]
                self.published.setdefault(mid, set()).update(files)
                del self.pdfs[mid]

    def search_made(self, work: object) -> None:
        with self.lock:
            if self.search is work:
                self.search = None

    def work_done(self, work: object) -> None:
        """The background work has ended (made, failed or stopped): what it did not make stays unserved (404)."""
        with self.lock:
            for mid in [mid for mid, owner in self.pdfs.items() if owner is work]:
                del self.pdfs[mid]
            if self.search is work:
                self.search = None

    # -- asked by the server -------------------------------------------------------------
    def refusal(self, path: str) -> tuple[int, str] | None:
        """(status, why) for a site-relative file that must not be served now; None to serve it."""
        with self.lock:
            for prefix, why in self.held.items():
                if path.startswith(prefix):
                    return 503, why
            if path in self.stale:
                return 404, "not served until the next full rebuild"
            if self.search is not None and path.startswith(SEARCH_INDEXES):
                return 503, "the search index is being made again"
            parts = path.split("/")
            if len(parts) < 3 or parts[0] != "meetings" or not _MEETING_ID.match(parts[1]):
                return None
            mid = parts[1]
            if mid not in self.published:
                return 404, "not published"
            if path in self.published[mid]:
                return None
            if mid in self.pdfs and path.lower().endswith(".pdf"):
                return 503, "this meeting's PDFs are being made again"
            return 404, "not published"
