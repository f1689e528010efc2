"""Monthly status codes as printed on the report, and overdue episodes found in them."""

from __future__ import annotations

import unicodedata

from tools.errors import InputError

ADVERSE = frozenset("1234567DZB")
CURES_LATER = frozenset("NCG")  # a later month with one of these means the overdue was paid
CURED_AT_END = frozenset("DZ")  # paid by the guarantor / settled with assets
INSIDE_RUN = frozenset("*#")  # no payment due / unknown: do not split an episode
KNOWN = frozenset("N1234567CGDZB#*/")
# Codes of one account: 40 years of months. A report prints 60; an account opened in
# 1990 has about 440 by now. Longer is a pasting mistake, and laying it out froze the
# page (12 s per keystroke at 100,000 codes).
MAX_MONTHS = 480
_SPACED = 4  # typed text may hold spaces between codes: read at most this many chars each

MEANING = {
    "N": "正常",
    "C": "结清",
    "G": "账户以结清以外的方式结束",
    "D": "担保人代还",
    "Z": "以资抵债",
    "B": "呆账",
    "#": "状态未知",
    "*": "当月无需还款",
    "/": "尚未开户",
    "1": "逾期 1–30 天",
    "2": "逾期 31–60 天",
    "3": "逾期 61–90 天",
    "4": "逾期 91–120 天",
    "5": "逾期 121–150 天",
    "6": "逾期 151–180 天",
    "7": "逾期 180 天以上",
}


def normalize(text, who: dict | None = None) -> str:
    """Codes without spaces, upper case; full-width ＊／＃ and letters become ASCII.
    ``who`` locates the account in an error (see InputError)."""
    if text is None:
        return ""
    if not isinstance(text, str):
        raise InputError("还款记录应为一串状态代码，如 NNN1NN。", field="history", **(who or {}))
    # Checked on the text before any work, then on the codes it holds.
    if len(text) > MAX_MONTHS * _SPACED or len(found := _codes(text)) > MAX_MONTHS:
        months = len(_codes(text[: MAX_MONTHS * _SPACED * 2]))
        more = f"{months} 个" if months <= MAX_MONTHS * 2 else f"超过 {MAX_MONTHS * 2} 个"
        raise InputError(
            f"还款记录有{more}月份的代码，每个账户最多 {MAX_MONTHS} 个月（{MAX_MONTHS // 12} 年）："
            "请只抄写报告上列出的月份。",
            field="history",
            **(who or {}),
        )
    return found


def _codes(text: str) -> str:
    flat = unicodedata.normalize("NFKC", text).upper()
    return "".join(ch for ch in flat if not ch.isspace())


def check_known(codes: str, who: dict | None = None) -> None:
    for place, code in enumerate(codes, start=1):
        if code not in KNOWN:
            raise InputError(
                f"还款记录第 {place} 个代码“{code}”无法识别。"
                "可用代码：N、1–7、C、G、D、Z、B、#、*、/。",
                field="history",
                **(who or {}),
            )


def episodes(codes: str) -> list[tuple[int, int]]:
    """(first, last) positions of each maximal run of adverse codes; * and # inside a run
    do not split it, and trailing ones are not part of it."""
    runs: list[tuple[int, int]] = []
    start = last = None
    for place, code in enumerate(codes):
        if code in ADVERSE:
            if start is None:
                start = place
            last = place
        elif code not in INSIDE_RUN and start is not None:
            runs.append((start, last))
            start = None
    if start is not None:
        runs.append((start, last))
    return runs


def cured(codes: str, last: int, settled: bool) -> bool:
    """An episode is cured by a later N/C/G, by ending in D or Z, or by settlement."""
    return (
        settled or codes[last] in CURED_AT_END or any(c in CURES_LATER for c in codes[last + 1 :])
    )
