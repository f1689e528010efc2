"""The place of an error, as the page shows it before the message (tools/common/where.py)."""

from __future__ import annotations

import pytest

from tools.errors import InputError

CASES = [
    ({}, "请选择文件"),
    ({"account": 2}, "第 2 个账户：请选择文件"),
    ({"account": "车贷", "item": 3}, "账户“车贷”：请选择文件"),
    ({"row": 5, "column": "贷款余额"}, "第 5 行，“贷款余额”列：请选择文件"),
    ({"column": "到期日期"}, "“到期日期”列：请选择文件"),
    ({"field": "month"}, "请选择文件"),  # a form field is marked on the page, not named here
]


@pytest.mark.parametrize(("where", "text"), CASES)
def test_text_is_the_message_with_its_place(where, text):
    error = InputError("请选择文件", **where).to_dict()
    assert error["text"] == text
    assert error["message"] == "请选择文件"
    assert {k: error[k] for k in where} == where
