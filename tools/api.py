"""A tool's browser API: the actions it declares, each answering through the envelope.

An action takes the input dict and returns ``(data, html)``. Declared with
``@api.action`` it answers ``{"ok": True, "data": ..., "html": ...}``, or
``{"ok": False, "error": {...}}`` when it raised InputError (DESIGN.md). Any other
exception is a bug and propagates: the page shows it as one. tools.dispatch calls
declared actions only, so nothing else in a tool's package is reachable from the page.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from tools.errors import InputError

Reply = tuple[Any, str]  # an action's data and its HTML
Answer = Callable[[dict], dict]  # a declared action: input in, envelope out


class API:
    """The actions one tool offers the page, by name."""

    def __init__(self) -> None:
        self.actions: dict[str, Answer] = {}

    def action(self, fn: Callable[[dict], Reply]) -> Answer:
        """Declare ``fn`` under its own name; return it wrapped in the envelope."""

        @functools.wraps(fn)
        def answer(data: dict) -> dict:
            try:
                result, html = fn(data)
            except InputError as err:
                return {"ok": False, "error": err.to_dict()}
            return {"ok": True, "data": result, "html": html}

        self.actions[fn.__name__] = answer
        return answer
