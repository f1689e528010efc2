"""Any text in any field of a record (or a saved file): an answer or the InputError
envelope, never another exception."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tools import dispatch
from tools.report.schema import FIELDS

from .test_report_rules import BASE

TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "-1",
            "1e400",
            "nan",
            "2026-02-30",
            "20260230",
            "10万",
            "正常",
            "关注",
            "上门",
            "2099-01-01",
            "１２３",
            "<b>x</b>",
        ]
    ),
)
VALUE = st.one_of(
    TEXT,
    st.lists(TEXT, max_size=4),
    st.dictionaries(TEXT, st.dictionaries(st.sampled_from(["finding", "flag"]), TEXT), max_size=3),
    st.integers(),
    st.none(),
    st.booleans(),
)


@st.composite
def records(draw):
    record = dict(BASE) if draw(st.booleans()) else {}
    for key in draw(st.lists(st.sampled_from(sorted(FIELDS)), max_size=8)):
        record[key] = draw(VALUE)
    if draw(st.booleans()):
        record[draw(TEXT)] = draw(VALUE)  # a key that is not ours
    return record


def call(action: str, payload: dict, files=None) -> dict:
    answer = json.loads(dispatch.call("report", action, json.dumps(payload), files)[0])
    assert set(answer) in ({"ok", "data", "html"}, {"ok", "error"}), answer
    if not answer["ok"]:
        assert answer["error"]["message"]
    return answer


@settings(max_examples=300, deadline=None)
@given(records(), st.one_of(st.none(), TEXT))
def test_any_record_is_answered_or_refused(record, today):
    payload = {"record": record} if today is None else {"record": record, "today": today}
    ran = call("run", payload)
    saved = call("save", payload)
    if saved["ok"]:
        # What was saved opens again, and a draft of it answers the same way.
        back = call("open", {}, {"file": saved["data"]["text"].encode()})
        assert back["ok"]
        again = call("run", {**payload, "record": back["data"]["record"]})
        assert again["ok"] == ran["ok"]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_any_file_is_opened_or_refused(blob):
    answer = call("open", {}, {"file": blob})
    if not answer["ok"]:
        assert answer["error"]["field"] == "file"
