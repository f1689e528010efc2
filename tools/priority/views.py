"""Which rows of a plan the page shows: the list, the sort column and direction, the page.

The plan stays in the worker (tools/priority/plans.py); the page asks for a view of it
and gets HTML. Unsorted, the visits are in planner.display_order and the list of clients
left out in plan rank; sorted by a column, equal values keep plan rank.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from tools.priority.limits import MAX_PRINTED
from tools.priority.planner import LEFT_OUT, TIER_RANK, display_order
from tools.priority.rules import MODES, PURPOSES

PAGE_SIZE = 100
# The columns of each list, in the order the page shows them.
LISTS = {
    "visits": ("week", "area", "id", "tier", "score", "purpose", "mode"),
    "not_planned": ("area", "id", "tier", "score", "next_check", "why"),
}
DIRECTIONS = ("ascending", "descending")


def _collate(text: str) -> bytes:
    # GB2312 (inside GB18030) orders its 3,755 common characters by pinyin, which is
    # how Chinese readers expect place names sorted; rarer characters come after.
    return text.encode("gb18030")


def _declared(table: dict) -> dict:
    return {key: place for place, key in enumerate(table)}


_PURPOSE, _MODE, _LEFT_OUT = _declared(PURPOSES), _declared(MODES), _declared(LEFT_OUT)
SORT_KEYS = {
    "week": lambda e: e["week"],
    "area": lambda e: _collate(e["area"]),
    "id": lambda e: _collate(e["id"]),
    "tier": lambda e: TIER_RANK[e["tier"]],
    "score": lambda e: e["score"],
    "purpose": lambda e: _PURPOSE[e["purpose"]],
    "mode": lambda e: _MODE[e["mode"]],
    "next_check": lambda e: e["next_check"],
    "why": lambda e: _LEFT_OUT[e["why"]],
}


@dataclass(frozen=True)
class View:
    list: str = "visits"
    sort: str | None = None
    dir: str | None = None
    page: int = 0

    @classmethod
    def of(cls, data: dict) -> View:
        """The view the page asks for; anything the page could not have sent is a bug."""
        view = cls(
            list=data.get("list") or "visits",
            sort=data.get("sort") or None,
            dir=data.get("dir") or None,
            page=data.get("page") or 0,
        )
        columns = LISTS.get(view.list)
        if (
            columns is None
            or (view.sort is not None and (view.sort not in columns or view.dir not in DIRECTIONS))
            or not isinstance(view.page, int)
            or view.page < 0
        ):
            raise ValueError(f"no such view of a plan: {data!r}")
        return view

    def request(self) -> dict:
        """What the page sends back to ask for this view."""
        return asdict(self)

    def sorted_by(self, key: str) -> View:
        """The view a click on column ``key`` asks for: ascending, descending, then the
        plan's own order again; always from the first page."""
        if self.sort != key:
            return replace(self, sort=key, dir="ascending", page=0)
        if self.dir == "ascending":
            return replace(self, dir="descending", page=0)
        return replace(self, sort=None, dir=None, page=0)

    def at(self, page: int) -> View:
        return replace(self, page=page)


def ordered(plan: dict, view: View) -> list[dict]:
    """Every entry of the view's list, in the view's order."""
    items = plan[view.list]
    if view.sort is None:
        return display_order(items) if view.list == "visits" else items
    by_rank = sorted(items, key=lambda e: e["rank"])
    # Python's sort is stable, also in reverse: equal values stay in rank order.
    return sorted(by_rank, key=SORT_KEYS[view.sort], reverse=view.dir == "descending")


def pages(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def printed_parts(total: int) -> int:
    """How many printed sheets a list of ``total`` rows takes (limits.MAX_PRINTED each)."""
    return max(1, -(-total // MAX_PRINTED))


def printed_rows(items: list[dict], part: int) -> list[dict]:
    """The rows printed on sheet ``part`` (0-based), in the view's order."""
    return items[part * MAX_PRINTED : (part + 1) * MAX_PRINTED]


def page_rows(items: list[dict], view: View) -> list[dict]:
    """The rows of the view's page (the last page when it asks for one past the end)."""
    page = min(view.page, pages(len(items)) - 1)
    return items[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
