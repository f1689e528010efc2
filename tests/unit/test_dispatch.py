"""The worker's single entry point: declared actions only, JSON in, envelope JSON out;
bugs propagate."""

from __future__ import annotations

import json
import sys
import types

import pytest

from tools import dispatch, priority, report, retention
from tools.api import API
from tools.errors import InputError


@pytest.fixture
def echo_tool(monkeypatch):
    api = API()

    @api.action
    def run(data):
        if data.get("bad"):
            raise InputError("坏输入", field="x", row=2, column="客户编号")
        if data.get("crash"):
            raise ZeroDivisionError("boom")
        if data.get("file"):
            return {"name": "a.csv", "file": "中".encode()}, ""
        got = {k: len(v) if isinstance(v, bytes) else v for k, v in data.items()}
        return {"got": got}, f"<p>{len(got)}</p>"

    module = types.ModuleType("tools.echo")
    module.api = api
    module.helper = lambda data: {"raw": True}  # public, but not declared
    monkeypatch.setitem(sys.modules, "tools.echo", module)
    monkeypatch.setattr(dispatch, "TOOLS", (*dispatch.TOOLS, "echo"))


def test_ok_envelope_with_files_merged(echo_tool):
    out = json.loads(dispatch.call("echo", "run", '{"a": "中"}', {"csv": b"\xef\xbb\xbf"})[0])
    assert out["ok"] is True
    assert out["html"] == "<p>2</p>"
    assert out["data"]["got"] == {"a": "中", "csv": 3}


def test_bytes_of_the_data_cross_beside_the_json(echo_tool):
    """An exported file is handed to the worker as bytes, never escaped into the JSON."""
    text, blobs = dispatch.call("echo", "run", '{"file": true}')
    assert json.loads(text) == {"ok": True, "data": {"name": "a.csv"}, "html": ""}
    assert blobs == {"file": "中".encode()}
    assert dispatch.call("echo", "run", "{}")[1] == {}


def test_files_are_held_as_bytes_once(echo_tool):
    """The worker's copy of a file (a memoryview) is replaced, not kept beside the bytes,
    and a second call (after installing a package) gets the same bytes."""
    files = {"csv": memoryview(b"abc"), "xlsx": JsBuffer(b"de")}
    dispatch.call("echo", "run", "{}", files)
    assert files == {"csv": b"abc", "xlsx": b"de"}
    assert all(type(blob) is bytes for blob in files.values())


class JsBuffer:
    """What the worker hands over in the browser: the page's Uint8Array as a JsProxy."""

    def __init__(self, data: bytes):
        self.data = data

    def to_bytes(self) -> bytes:
        return self.data


def test_input_error_becomes_error_envelope(echo_tool):
    out = json.loads(dispatch.call("echo", "run", '{"bad": true}')[0])
    assert out["ok"] is False
    assert out["error"] == InputError("坏输入", field="x", row=2, column="客户编号").to_dict()
    assert out["error"]["row"] == 2 and out["error"]["column"] == "客户编号"


def test_other_exceptions_are_bugs_and_propagate(echo_tool):
    with pytest.raises(ZeroDivisionError):
        dispatch.call("echo", "run", '{"crash": true}')


@pytest.mark.parametrize(
    ("tool", "action"),
    [
        ("echo", "helper"),  # public but not declared
        ("echo", "_private"),
        ("../x", "run"),
        ("build", "run"),  # a package of tools, but no browser tool
        ("priority", "compute"),  # the plan itself, for Python only
        ("priority", "gc"),  # a module the package imports
        ("retention", "check"),
    ],
)
def test_only_declared_actions_of_known_tools_are_called(echo_tool, tool, action):
    with pytest.raises(LookupError, match=action if tool in dispatch.TOOLS else tool):
        dispatch.call(tool, action, "{}")


def test_input_must_be_an_object(echo_tool):
    with pytest.raises(TypeError):
        dispatch.call("echo", "run", "[1, 2]")


@pytest.mark.parametrize("module", [priority, retention, report])
def test_every_declared_action_answers_in_the_envelope(module):
    """An empty input is no input: each action says so in an error envelope."""
    assert module.api.actions
    for name, answer in module.api.actions.items():
        out = json.loads(dispatch.call(module.__name__.split(".")[-1], name, "{}")[0])
        assert set(out) in ({"ok", "data", "html"}, {"ok", "error"}), (name, out)
        assert answer.__name__ == name


def test_preload_imports_every_tool_and_no_optional_package(monkeypatch):
    # What the worker imports before its memory snapshot: every tool, not openpyxl.
    tools = tuple(f"tools.{tool}" for tool in dispatch.TOOLS)
    for name in [m for m in sys.modules if m.startswith(tools)]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.delitem(sys.modules, "openpyxl", raising=False)
    dispatch.preload()
    for tool in dispatch.TOOLS:
        assert f"tools.{tool}" in sys.modules
    assert "openpyxl" not in sys.modules
