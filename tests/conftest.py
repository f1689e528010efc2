"""Shared fixtures: the site is built once per test session and served."""

from __future__ import annotations

import pytest

from tests.server import SiteServer, build_site


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    directory = tmp_path_factory.mktemp("site")
    server = SiteServer(directory).start()
    try:
        build_site(directory, server.url)
        yield server
    finally:
        server.stop()
