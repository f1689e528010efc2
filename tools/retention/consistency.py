"""What looks wrong in an account as typed but is not an error: said before the answer
(and live under the fields), so a slip in 37 hand-copied codes is caught early."""

from __future__ import annotations

from datetime import date

from tools.common.months import month_of, month_text
from tools.common.where import located
from tools.retention import codes

# A report's grid can end a month or two before the report month (the lender reports
# monthly, with a delay); a longer gap means months were left out.
REPORT_LAG = 2


def _note(field: str, message: str, who: dict) -> dict:
    text = located(message, account=who["account"])
    return {**who, "field": field, "message": message, "text": text}


def _cure(history: str, last: int, settled: int | None, start: int) -> tuple[int, str] | None:
    """When the record first shows an episode (ending at place ``last``) repaid, and how:
    the next N, C or G, else the settlement."""
    for place in range(last + 1, len(history)):
        code = history[place]
        if code in codes.CURES_LATER:
            month = month_text(start + place)
            return start + place, f"还款记录在 {month} 已是“{code}”，说明那时已还清"
    if settled is not None:
        return settled, f"账户在 {month_text(settled)} 已结清"
    return None


def _short(end: int, settled: int | None, report: int) -> str | None:
    """Why the codes seem to stop early: before the settlement, or well before the report."""
    if settled is not None and settled <= report:
        if end < settled:
            return (
                f"还款记录排到 {month_text(end)}，比结清月份 {month_text(settled)} 早 "
                f"{settled - end} 个月：最后几个月的代码可能没有抄全。"
            )
    elif report - end > REPORT_LAG:
        return (
            f"还款记录只排到 {month_text(end)}，报告月份是 {month_text(report)}：如果账户还在"
            f"还款，可能少抄了最近 {report - end} 个月；如果只抄了后面几年，"
            "请填写“还款记录起始月份”。"
        )
    return None


def notes(
    history: str,
    start: int,
    settled: int | None,
    report: int,
    runs: list[tuple[int, int]],
    repaid: list[date | None],
    who: dict,
) -> list[dict]:
    """The notes on one account; ``who`` locates it (see InputError)."""
    found = []
    short = _short(start + len(history) - 1, settled, report)
    if short:
        found.append(_note("history", short, who))
    for number, ((_, last), paid) in enumerate(zip(runs, repaid, strict=True), start=1):
        cure = _cure(history, last, settled, start)
        if paid is None or cure is None or month_of(paid) <= cure[0]:
            continue
        found.append(
            _note(
                "repaid_on",
                f"第 {number} 段逾期的还款日期 {paid.isoformat()} 晚于 {month_text(cure[0])}："
                f"{cure[1]}。请核对这个日期，或看看它是不是另一段逾期的。",
                who,
            )
        )
    return found
