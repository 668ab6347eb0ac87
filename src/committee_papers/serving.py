"""A local web server for `papers serve`: a folder's files, and pages that reload themselves when the site changes.

Each HTML page gets a small script that asks the server, and waits, for the
site's version; when a rebuild changes it, the page reloads. Watching the
papers is `watchfiles` (the operating system's file events), so a large
archive costs nothing while nothing changes.
"""

from __future__ import annotations

import functools
import html
import http.server
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

VERSION_PATH = "/.papers-serve/version"
RELOAD = (
    "<script>/* papers serve: reload when the site is rebuilt */(function(){var seen=null;"
    "function ask(){fetch('" + VERSION_PATH + "?seen='+(seen===null?'':seen)).then(function(r){return r.text()})"
    ".then(function(v){if(seen!==null&&v!==seen){location.reload();return}seen=v;ask()})"
    ".catch(function(){setTimeout(ask,2000)})}ask()})();</script>"
)


class Versions:
    """The site's version, raised by each rebuild; readers wait for a change."""

    def __init__(self):
        self.number = 0
        self.changed = threading.Condition()

    def bump(self) -> None:
        with self.changed:
            self.number += 1
            self.changed.notify_all()

    def wait(self, seen: str, timeout: float = 25) -> int:
        with self.changed:
            self.changed.wait_for(lambda: str(self.number) != seen, timeout=timeout)
            return self.number


Refusal = Callable[[str], "tuple[int, str] | None"]  # a site-relative file → (status, why) if it may not be served now


class _Handler(http.server.SimpleHTTPRequestHandler):
    versions: Versions
    refusal: Refusal | None = None

    def log_message(self, *args) -> None:  # quiet: the terminal is for the build's messages
        pass

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        url = urlsplit(self.path)
        if url.path == VERSION_PATH:
            seen = url.query.partition("seen=")[2]
            self._send(str(self.versions.wait(seen)).encode(), "text/plain")
            return
        path = Path(self.translate_path(url.path))
        if path.is_dir():
            if self._refused(path / "index.html"):
                return
            if not url.path.endswith("/"):
                super().do_GET()  # the redirect to the folder's address
                return
            path = path / "index.html"
        if self._refused(path):
            return
        if path.suffix == ".html" and path.is_file():
            self._send(_with_reload(path.read_bytes()), "text/html; charset=utf-8")
            return
        if not path.exists() and (Path(self.directory) / "404.html").is_file():
            self._send(_with_reload((Path(self.directory) / "404.html").read_bytes()), "text/html; charset=utf-8", 404)
            return
        super().do_GET()

    def do_HEAD(self) -> None:  # noqa: N802
        path = Path(self.translate_path(urlsplit(self.path).path))
        if not self._refused(path / "index.html" if path.is_dir() else path):
            super().do_HEAD()

    def _refused(self, path: Path) -> bool:
        """Answer for a file the site may not serve now (Refusal): 404 or 503, with a page that reloads itself."""
        if self.refusal is None:
            return False
        try:
            relative = path.relative_to(self.directory).as_posix()
        except ValueError:
            return False
        found = self.refusal(relative)
        if found is None:
            return False
        status, why = found
        missing = Path(self.directory) / "404.html"
        if status == 404 and missing.is_file() and self.refusal("404.html") is None:
            body = missing.read_bytes()
        else:
            body = f'<!doctype html><html lang="en"><meta charset="utf-8"><title>{status}</title><body><p>{html.escape(why)}</p></body></html>'.encode()
        self._send(_with_reload(body), "text/html; charset=utf-8", status)
        return True

    def _send(self, body: bytes, kind: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def _with_reload(page: bytes) -> bytes:
    marker = page.rfind(b"</body>")
    script = RELOAD.encode()
    return page[:marker] + script + page[marker:] if marker >= 0 else page + script


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the browser left before the file was sent (a new page, a cancelled download)
        super().handle_error(request, client_address)


def start_server(folder: Path, host: str, port: int, versions: Versions, refusal: Refusal | None = None) -> http.server.ThreadingHTTPServer:
    """Serve `folder` on `host:port` in a background thread; `refusal` may withhold any file (404 or 503)."""
    handler = functools.partial(
        type("Handler", (_Handler,), {"versions": versions, "refusal": staticmethod(refusal) if refusal else None}), directory=str(folder)
    )
    server = _Server((host, port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def address(server: http.server.ThreadingHTTPServer) -> str:
    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in str(host) else host
    return f"http://{shown}:{port}/"


def watch(paths: Iterable[Path], changed: Callable[[set[Path]], None], stop: threading.Event) -> None:
    """Call `changed` with each batch of changed files under `paths` until `stop` is set."""
    from watchfiles import watch as file_events

    existing = [str(path) for path in paths if path.exists()]
    for batch in file_events(*existing, stop_event=stop, debounce=200, step=50, raise_interrupt=False):
        changed({Path(path) for _, path in batch})
