"""The one entry point the browser worker calls: a declared action of a known tool.

Input and output cross the JS boundary as JSON text plus raw bytes (the files the
page sends in, a file an action makes for the page), so the tools stay plain
dict-in, dict-out Python that the unit tests call directly. The answer is the
action's envelope, or ``{"needs": PACKAGE}`` when the input needs an optional
package first: the worker installs it and calls again.
"""

from __future__ import annotations

import importlib
import json

from tools.api import API
from tools.errors import NeedsPackage

# The tools the page may call; each package declares its actions as ``api``.
TOOLS = ("priority", "retention", "report")


def preload() -> None:
    """Import every tool (not the optional packages), so that a memory snapshot made
    right after holds them: a restored worker answers without importing its tools."""
    for tool in TOOLS:
        importlib.import_module(f"tools.{tool}")


def call(
    tool: str, action: str, payload: str, files: dict[str, bytes] | None = None
) -> tuple[str, dict[str, bytes]]:
    """Run one declared action: its envelope as JSON text, and the bytes of its data.

    ``files`` maps input keys to file contents (bytes), merged into the input. The
    ``bytes`` values of the envelope's data (an exported file) are left out of the
    JSON and answered beside it by key: the worker hands them to the page as they are,
    where JSON would escape a 10 MB file into a string copied at every step.
    An unknown tool or action raises: it is a bug in the page, not a user error.
    """
    if tool not in TOOLS:
        raise LookupError(f"no tool named {tool!r}")
    api: API = importlib.import_module(f"tools.{tool}").api
    answer = api.actions.get(action)
    if answer is None:
        raise LookupError(f"tools.{tool} declares no action {action!r}")
    data = json.loads(payload)
    if not isinstance(data, dict):
        raise TypeError(f"the input of {tool}.{action} must be a JSON object")
    for key, blob in (files or {}).items():
        # Kept as bytes in ``files`` too: a second call (after an install) finds them.
        data[key] = files[key] = _as_bytes(blob)
    try:
        reply = answer(data)
    except NeedsPackage as need:
        reply = {"needs": need.package}
    blobs = _bytes_of(reply.get("data"))
    if blobs:
        reply = {**reply, "data": {k: v for k, v in reply["data"].items() if k not in blobs}}
    return json.dumps(reply, ensure_ascii=False, separators=(",", ":")), blobs


def _as_bytes(blob) -> bytes:
    """A file's bytes. In the browser the worker hands over the page's Uint8Array itself
    (a JsProxy), copied into Python's memory once, here."""
    if isinstance(blob, bytes | bytearray | memoryview):
        return bytes(blob)
    return blob.to_bytes()


def _bytes_of(data) -> dict[str, bytes]:
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, bytes)}
