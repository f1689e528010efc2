"""The retention rules of domain.md §2: window, account record, episodes, deadlines."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from tools.common.dates import blank, date_input, last_year, month_input, this_month
from tools.common.months import add_years, month_of, month_text, months_span
from tools.errors import InputError
from tools.retention import codes, consistency
from tools.retention.fields import LABELS

WINDOW = 60  # months of repayment history on a second-generation report
RETENTION_YEARS = 5  # adverse records are kept this long after they end (征信业管理条例 §16)
# A personal report with many online loans can list a few hundred accounts; more
# than this is a pasting mistake, and its picture-per-account HTML would be huge.
MAX_ACCOUNTS = 500
# Months over all accounts (accounts × months): 100 accounts × 1,500 months froze the
# page for 48 s. 200 accounts × 10 years fit.
MAX_TOTAL_MONTHS = 24_000


# Repayment dates typed in one field: "2019-08-15, , 2021-03-02" (blank: not known).
_DATE_LIST = re.compile(r"[,，;；、]")


def window_of(report: int) -> tuple[int, int]:
    """The months a report pulled in month ``report`` prints: R-59 … R."""
    return report - WINDOW + 1, report


def window(report_month: str | date) -> tuple[str, str]:
    """First and last month (``YYYY-MM``) a report pulled in ``report_month`` prints."""
    first, last = window_of(month_input(report_month, LABELS["report_month"], field="report_month"))
    return month_text(first), month_text(last)


def check(data: dict) -> dict:
    """Which records a report pulled in ``data["report_month"]`` shows, and until when."""
    if not isinstance(data, dict):
        raise InputError("输入应包含报告月份和至少一个账户。")
    latest = last_year(data)
    report = month_input(
        data.get("report_month"),
        LABELS["report_month"],
        this_month(data),
        latest,
        field="report_month",
    )
    accounts = data.get("accounts")
    if not isinstance(accounts, list) or not accounts:
        raise InputError("请至少填写一个账户。", field="accounts")
    if len(accounts) > MAX_ACCOUNTS:
        raise InputError(
            f"一次最多查询 {MAX_ACCOUNTS} 个账户（现在是 {len(accounts)} 个），请分批查询。",
            field="accounts",
        )
    _check_total(accounts)
    first, last = window_of(report)
    shared = _shared_names(accounts)
    results = [
        _account(acc, number, report, latest, shared)
        for number, acc in enumerate(accounts, start=1)
    ]
    return {
        "window": {"first": month_text(first), "last": month_text(last)},
        "accounts": results,
        "warnings": [note for account in results for note in account["warnings"]],
    }


def _check_total(accounts: list) -> None:
    """Refuse, before any work, more months over all accounts than MAX_TOTAL_MONTHS (each
    account's own limit is checked as its codes are read)."""
    histories = (a.get("history") for a in accounts if isinstance(a, dict))
    total = sum(len(h) - sum(map(str.isspace, h)) for h in histories if isinstance(h, str))
    if total > MAX_TOTAL_MONTHS:
        raise InputError(
            f"{len(accounts)} 个账户的还款记录共 {total:,} 个月，"
            f"一次最多 {MAX_TOTAL_MONTHS:,} 个月：请分批查询，或只抄写报告上列出的月份。",
            field="accounts",
        )


def _name_of(acc) -> str:
    return str(acc.get("name") or "").strip() if isinstance(acc, dict) else ""


def _shared_names(accounts: list) -> set[str]:
    """Names given to more than one account: a message naming one of those by its name
    would not say which account is wrong."""
    counts = Counter(_name_of(acc) for acc in accounts)
    return {name for name, count in counts.items() if name and count > 1}


def _account(acc, number: int, report: int, last: int, shared: set[str] = frozenset()) -> dict:
    if not isinstance(acc, dict):
        raise InputError("账户信息格式不对。", field="accounts", account=number, item=number)
    name = _name_of(acc)
    # How error messages name the account (by its place when its name is not its own),
    # and where the page finds it.
    who = {"account": number if not name or name in shared else name, "item": number}
    who_last = {**who, "last": last}
    opened = month_input(acc.get("opened"), LABELS["opened"], **who_last, field="opened")
    settled = _optional_month(acc.get("settled"), "settled", who_last)
    start = _optional_month(acc.get("history_start"), "history_start", who_last)
    start = opened if start is None else start
    base = {"name": name or f"账户 {number}"}
    if report < opened:
        return {**base, "record_shown": False, "shown_months": None, "episodes": [], "warnings": []}
    if settled is not None and settled < opened:
        raise InputError(
            f"结清月份 {month_text(settled)} 早于开户月份 {month_text(opened)}。",
            field="settled",
            **who,
        )
    if start < opened:
        raise InputError(
            f"还款记录起始月份 {month_text(start)} 早于开户月份 {month_text(opened)}："
            "还款记录从开户起才有，请检查这两个月份。",
            field="history_start",
            **who,
        )
    if start > report:
        raise InputError(
            f"还款记录起始月份 {month_text(start)} 晚于报告月份 {month_text(report)}："
            "报告里还不会有这些记录，请检查起始月份或报告月份。",
            field="history_start",
            **who,
        )
    history = codes.normalize(acc.get("history"), who)
    if not history:
        raise InputError("请填写还款记录（每月一个状态代码，如 NNN1NN）。", field="history", **who)
    codes.check_known(history, who)
    end = start + len(history) - 1
    _check_end(end, report, LABELS["report_month"], history, start, who)
    if settled is not None:
        _check_end(end, settled, LABELS["settled"], history, start, who)
    # A settlement after the report month is not known to that report.
    settled_by_report = settled is not None and settled <= report
    runs = codes.episodes(history)
    repaid = _repaid_dates(acc.get("repaid_on"), runs, start, who, last)
    episodes = []
    for (lo, hi), paid in zip(runs, repaid, strict=True):
        is_cured = codes.cured(history, hi, settled_by_report)
        if paid is not None and not is_cured:
            months = months_span(start + lo, start + hi)
            raise InputError(
                f"{months} 这段逾期在还款记录里之后没有出现 N、C 或 G，"
                "账户也未结清，按记录仍未还清；如已还清，请在还款记录末尾补上还款后的月份，"
                "或删去这个还款日期。",
                field="repaid_on",
                **who,
            )
        episodes.append(_episode(start + lo, start + hi, is_cured, paid))
    top = min(report, settled) if settled_by_report else report
    low = max(window_of(report)[0], opened)
    shown = {"first": month_text(low), "last": month_text(top)} if low <= top else None
    notes = consistency.notes(history, start, settled, report, runs, repaid, who)
    return {
        **base,
        "record_shown": True,
        "shown_months": shown,
        "episodes": episodes,
        "warnings": notes,
    }


def _optional_month(value, field: str, who: dict) -> int | None:
    return None if blank(value) else month_input(value, LABELS[field], field=field, **who)


def _check_end(end: int, limit: int, label: str, history: str, start: int, who: dict) -> None:
    if end > limit:
        raise InputError(
            f"还款记录共 {len(history)} 个月，从 {month_text(start)} 排到 {month_text(end)}，"
            f"晚于{label} {month_text(limit)}。请检查起始月份，或删去多出的 {end - limit} 个代码。",
            field="history",
            **who,
        )


def _date_list(value, who: dict) -> list:
    """The repayment dates as typed: one text with separators, or a list."""
    if blank(value):
        return []
    if isinstance(value, str):
        value = [part.strip() or None for part in _DATE_LIST.split(value)]
        while value and value[-1] is None:
            value.pop()
    if not isinstance(value, list):
        raise InputError("还款日期应为每段逾期一个日期的列表。", field="repaid_on", **who)
    return value


def _repaid_dates(value, runs, start: int, who: dict, last: int) -> list[date | None]:
    """One repayment date (or None) per episode, checked against the episode's months."""
    value = _date_list(value, who)
    if len(value) > len(runs):
        raise InputError(
            f"填写了 {len(value)} 个还款日期，但还款记录里只有 {len(runs)} 段逾期。"
            "请每段逾期填一个日期（不知道的留空），多余的删去。",
            field="repaid_on",
            **who,
        )
    dates: list[date | None] = []
    for number, ((_, hi), raw) in enumerate(
        zip(runs, value + [None] * (len(runs) - len(value)), strict=True), start=1
    ):
        if blank(raw):
            dates.append(None)
            continue
        label = f"第 {number} 段逾期的还款日期"
        paid = date_input(raw, label, last, field="repaid_on", **who)
        if month_of(paid) < start + hi:
            raise InputError(
                f"第 {number} 段逾期的还款日期 {paid.isoformat()} 早于它最后一个逾期月份 "
                f"{month_text(start + hi)}：还款只能在逾期之后。",
                field="repaid_on",
                **who,
            )
        dates.append(paid)
    return dates


def _episode(first: int, last: int, is_cured: bool, paid: date | None) -> dict:
    if not is_cured:
        gone, deadline, estimated = None, None, False
    elif paid is None:
        # No date given: the overdue ended at the latest in the month after its last mark.
        gone, deadline, estimated = month_text(last + WINDOW), month_text(last + 1 + WINDOW), True
    else:
        gone, deadline, estimated = (
            month_text(last + WINDOW),
            add_years(paid, RETENTION_YEARS).isoformat(),
            False,
        )
    return {
        "first": month_text(first),
        "last": month_text(last),
        "status": "cured" if is_cured else "unpaid",
        "gone_from": gone,
        "legal_deadline": deadline,
        "estimated": estimated,
    }
