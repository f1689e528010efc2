"""The result envelope every tool's ``run`` returns (see DESIGN.md).

``{"ok": True, "data": ..., "html": ...}`` on success, ``{"ok": False, "error": {...}}``
when the input is unusable. Any other exception propagates: it is a bug and the
page shows it as one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tools.errors import InputError


def envelope(compute: Callable[[Any], Any], render: Callable[[Any], str], data: Any) -> dict:
    """Run ``compute(data)`` and ``render(result)`` and wrap them in the envelope."""
    try:
        result = compute(data)
    except InputError as err:
        return {"ok": False, "error": err.to_dict()}
    return {"ok": True, "data": result, "html": render(result)}
