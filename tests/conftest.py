"""Shared fixtures: the site is built once per test session and served.

It is built with SITE_URL set to the server's own origin (Material's instant
navigation needs it) into a temporary directory, never into ./site.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]


def build_site(directory: Path, url: str) -> None:
    """Strict build of the site into ``directory`` for the origin ``url``."""
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(directory)],
        cwd=ROOT, env=env, check=True,
    )


@dataclass
class SiteServer:
    """A static server process for ``directory``; ``port`` 0 picks a free one."""

    directory: Path
    port: int = 0
    proc: subprocess.Popen | None = field(default=None, repr=False)

    def start(self) -> SiteServer:
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "server.py"), str(self.directory), str(self.port)],
            stdout=subprocess.PIPE, text=True,
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


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    directory = tmp_path_factory.mktemp("site")
    server = SiteServer(directory).start()
    try:
        build_site(directory, server.url)
        yield server
    finally:
        server.stop()
