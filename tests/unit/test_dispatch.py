"""The worker's single entry point: JSON in, envelope JSON out; bugs propagate."""

from __future__ import annotations

import json
import sys
import types

import pytest

from tools import dispatch
from tools.envelope import envelope
from tools.errors import InputError


@pytest.fixture
def echo_tool(monkeypatch):
    def compute(data):
        if data.get("bad"):
            raise InputError("坏输入", field="x", row=2, column="客户编号")
        if data.get("crash"):
            raise ZeroDivisionError("boom")
        return {"got": {k: len(v) if isinstance(v, bytes) else v for k, v in data.items()}}

    module = types.ModuleType("tools.echo")
    module.run = lambda data: envelope(compute, lambda r: f"<p>{len(r['got'])}</p>", data)
    monkeypatch.setitem(sys.modules, "tools.echo", module)


def test_ok_envelope_with_files_merged(echo_tool):
    out = json.loads(dispatch.call("echo", "run", '{"a": "中"}', {"csv": b"\xef\xbb\xbf"}))
    assert out["ok"] is True
    assert out["html"] == "<p>2</p>"
    assert out["data"]["got"] == {"a": "中", "csv": 3}


def test_input_error_becomes_error_envelope(echo_tool):
    out = json.loads(dispatch.call("echo", "run", '{"bad": true}'))
    assert out == {
        "ok": False,
        "error": {
            "message": "坏输入",
            "field": "x",
            "account": None,
            "row": 2,
            "column": "客户编号",
        },
    }


def test_other_exceptions_are_bugs_and_propagate(echo_tool):
    with pytest.raises(ZeroDivisionError):
        dispatch.call("echo", "run", '{"crash": true}')


@pytest.mark.parametrize("tool, action", [("echo", "_private"), ("../x", "run"), ("echo", "run()")])
def test_bad_names_are_refused(echo_tool, tool, action):
    with pytest.raises(ValueError):
        dispatch.call(tool, action, "{}")
