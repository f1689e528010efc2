"""The one entry point the browser worker calls: ``tools.<tool>.<action>(input)``.

Input and output cross the JS boundary as JSON text (plus raw file bytes), so the
tools stay plain dict-in, dict-out Python that the unit tests call directly.
"""

from __future__ import annotations

import importlib
import json
import re

_NAME = re.compile(r"^[a-z_]+$")


def call(tool: str, action: str, payload: str, files: dict[str, bytes] | None = None) -> str:
    """Run one tool action and return its envelope as JSON text.

    ``files`` maps input keys to file contents (bytes), merged into the input.
    Unknown tools or actions raise: they are bugs in the page, not user errors.
    """
    if not (_NAME.match(tool) and _NAME.match(action)) or action.startswith("_"):
        raise ValueError(f"bad tool call {tool}.{action}")
    module = importlib.import_module(f"tools.{tool}")
    data = json.loads(payload)
    for key, blob in (files or {}).items():
        data[key] = bytes(blob)
    # Compact JSON: a 10,000-client plan is several MB to hand to the page.
    return json.dumps(getattr(module, action)(data), ensure_ascii=False, separators=(",", ":"))
