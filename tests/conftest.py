"""Shared fixtures: the site is built once per test session and served."""

from __future__ import annotations

import pytest

from tests.server import SiteServer, build_site

_servers: list[SiteServer] = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing test says where the test server's request log is."""
    outcome = yield
    report = outcome.get_result()
    if report.failed and _servers:
        logs = "\n".join(str(server.log) for server in _servers)
        report.sections.append(("test server logs", logs))


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    directory = tmp_path_factory.mktemp("site")
    server = SiteServer(directory).start()
    _servers.append(server)
    try:
        build_site(directory, server.url)
        yield server
    finally:
        server.stop()
