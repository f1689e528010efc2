"""Build the site and serve it from another process, for the tests and the benchmark.

``python tests/server.py DIRECTORY PORT LOG`` serves DIRECTORY on 127.0.0.1 (port 0 =
any free port) with the MIME types Pyodide needs, prints the chosen port on its
first line and appends one line per request to LOG ("GET /path 200"). ``SiteServer``
starts and stops such a process (a failing test prints the log's path);
``build_site`` builds the site for a given origin (Material's instant navigation
needs ``site_url`` to match it), from any copy of the tree (``copy_tree``), never
into ./site.
"""

from __future__ import annotations

import functools
import os
import shutil
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

    log = None  # the open log file, set by main()

    def log_request(self, code="-", size="-"):
        if self.log:
            self.log.write(f"{self.command} {self.path} {code}\n")
            self.log.flush()

    def log_message(self, *args):
        pass


def copy_tree(target: Path) -> Path:
    """The parts of the tree a build (or `make serve`) reads; the installed
    environments (.venv, node_modules) linked, not copied. Files keep their
    times, so make sees the environments as up to date."""
    for folder in ("docs", "snippets", "tools", "scripts"):
        shutil.copytree(
            ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    for name in ("mkdocs.yml", "Makefile", "pyproject.toml", "package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, target / name)
    for name in ("node_modules", ".venv"):
        (target / name).symlink_to(ROOT / name)
    return target


def build_site(directory: Path, url: str, root: Path = ROOT, **env_extra: str) -> None:
    """Strict build of the tree at ``root`` into ``directory`` for the origin ``url``."""
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1", **env_extra}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(directory)],
        cwd=root,
        env=env,
        check=True,
    )


@dataclass
class SiteServer:
    """A static server process for ``directory``; ``port`` 0 picks a free one."""

    directory: Path
    port: int = 0
    log: Path | None = None  # default: server.log beside the directory
    proc: subprocess.Popen | None = field(default=None, repr=False)

    def start(self) -> SiteServer:
        self.log = self.log or self.directory.parent / f"{self.directory.name}-server.log"
        self.log.touch()
        self.proc = subprocess.Popen(
            [sys.executable, __file__, str(self.directory), str(self.port), str(self.log)],
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

    def requested_paths(self) -> list[str]:
        """Paths requested so far, in order (from the log)."""
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [line.split(" ")[1] for line in lines if line]

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
    if len(sys.argv) > 3:
        Handler.log = open(sys.argv[3], "a", encoding="utf-8")  # noqa: SIM115 (lives as long as the server)
    server = ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(Handler, directory=directory)
    )
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
