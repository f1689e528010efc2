"""Properties of the retention rules that hold for any history (hypothesis)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from tools.retention import check, window

CODES = "N1234567CGDZB#*/"
MONTHS = st.integers(min_value=2000 * 12, max_value=2040 * 12)


def text(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


@st.composite
def cases(draw):
    """An account with a random history, a report month at or after its end, and a
    repayment date (or none) for each cured episode."""
    opened = draw(MONTHS)
    history = draw(st.text(alphabet=CODES, min_size=1, max_size=90))
    report = opened + len(history) - 1 + draw(st.integers(0, 80))
    data = {
        "report_month": text(report),
        "accounts": [{"opened": text(opened), "history": history}],
    }
    repaid = []
    for episode in check(data)["accounts"][0]["episodes"]:
        if episode["status"] == "cured" and draw(st.booleans()):
            last = index(episode["last"])
            day = draw(st.dates(date(last // 12, last % 12 + 1, 1), date(2050, 12, 31)))
            repaid.append(day.isoformat())
        else:
            repaid.append(None)
    data["accounts"][0]["repaid_on"] = repaid
    return data


@given(MONTHS, st.integers(1, 28))
def test_window_is_sixty_months_ending_at_report(month, day):
    first, last = window(f"{text(month)}-{day:02d}")
    assert last == text(month)
    assert index(last) - index(first) + 1 == 60


@given(cases())
def test_gone_never_later_than_legal_deadline(data):
    for episode in check(data)["accounts"][0]["episodes"]:
        if episode["status"] == "cured":
            assert index(episode["gone_from"]) <= index(episode["legal_deadline"])


@given(cases(), st.integers(0, 600))
def test_unpaid_episode_never_expires(data, later):
    result = check(data)
    report = index(data["report_month"]) + later
    again = check({**data, "report_month": text(report)})
    for before, after in zip(
        result["accounts"][0]["episodes"], again["accounts"][0]["episodes"], strict=True
    ):
        if before["status"] == "unpaid":
            assert before["gone_from"] is None and before["legal_deadline"] is None
            assert after == before


@given(cases())
def test_every_adverse_month_is_in_exactly_one_episode(data):
    account = data["accounts"][0]
    start = index(account["opened"])
    episodes = check(data)["accounts"][0]["episodes"]
    for offset, code in enumerate(account["history"]):
        month = text(start + offset)
        owners = [e for e in episodes if e["first"] <= month <= e["last"]]
        if code in "1234567DZB":
            assert len(owners) == 1
        else:
            assert len(owners) <= 1
