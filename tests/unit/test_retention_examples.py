"""The nine worked examples of domain.md §2, read from the JSON files the page's
example buttons load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools.retention import check, run, window

EXAMPLES = Path(__file__).parents[2] / "docs" / "tools" / "examples" / "retention"
FILES = sorted(EXAMPLES.glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_all_nine_examples_are_there():
    assert len(FILES) == 9


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_example_answer(path):
    example = load(path)
    result = check(example["input"])
    expect = example["expect"]
    assert result["window"] == expect["window"]
    assert len(result["accounts"]) == len(expect["accounts"])
    for got, want in zip(result["accounts"], expect["accounts"], strict=True):
        for key, value in want.items():
            assert got[key] == value, key
    assert run(example["input"])["ok"] is True


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_example_marks_roll_off(path):
    """A month is printed up to the report of ``last_shown`` and gone from ``gone_from``."""
    for mark in load(path).get("marks", []):
        first, last = window(mark["last_shown"])
        assert first <= mark["month"] <= last
        first, _ = window(mark["gone_from"])
        assert mark["month"] < first


def test_never_repaid_window_is_all_adverse():
    (path,) = [p for p in FILES if load(p).get("window_all_adverse")]
    data = load(path)["input"]
    account = data["accounts"][0]
    codes = account["history"].replace(" ", "")
    first, last = window(data["report_month"])
    start = int(account["history_start"][:4]) * 12 + int(account["history_start"][5:]) - 1
    shown = [
        code
        for i, code in enumerate(codes)
        if first <= f"{(start + i) // 12:04d}-{(start + i) % 12 + 1:02d}" <= last
    ]
    assert len(shown) == 60
    assert set(shown) <= set("1234567DZB")
