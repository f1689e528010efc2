"""Build the site and serve it from another process, for the tests and the benchmark.

``python tests/server.py DIRECTORY [PORT]`` serves DIRECTORY on 127.0.0.1 (port 0 =
any free port) with the MIME types Pyodide needs and prints the chosen port on
its first line. ``SiteServer`` starts and stops such a process; ``build_site``
builds the site for a given origin (Material's instant navigation needs
``site_url`` to match it), never into ./site.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]


class Handler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
    }

    def end_headers(self):
        # Like a real deployment: revalidate, so a rebuilt site is seen at once.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, *args):
        pass


def build_site(directory: Path, url: str, **env_extra: str) -> None:
    """Strict build of the site into ``directory`` for the origin ``url``."""
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1", **env_extra}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(directory)],
        cwd=ROOT,
        env=env,
        check=True,
    )


@dataclass
class SiteServer:
    """A static server process for ``directory``; ``port`` 0 picks a free one."""

    directory: Path
    port: int = 0
    proc: subprocess.Popen | None = field(default=None, repr=False)

    def start(self) -> SiteServer:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, str(self.directory), str(self.port)],
            stdout=subprocess.PIPE,
            text=True,
        )
        self.port = int(self.proc.stdout.readline())
        return self

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        if self.proc and self.proc.stdout:
            self.proc.stdout.close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def origin(self) -> str:
        return f"127.0.0.1:{self.port}"

    def is_own(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("data", "blob", "about") or parts.netloc == self.origin


def main() -> None:
    directory, port = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0
    server = ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(Handler, directory=directory)
    )
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
