"""Plain Chinese sentences that explain a result, account by account (plain text;
the HTML renderer escapes them)."""

from __future__ import annotations

from tools.common.months import span

# The 60-month window is a model: a real report's grid ends at the lender's latest
# submitted month, which can lag the report month (domain.md §1).
LAG_NOTE = (
    "以上月份按 60 个月窗口推算，是大约的时间：实际报告上的还款记录只排到放款机构"
    "最近一次报送的月份，可能晚一两个月才看不到，以实际报告为准。"
)


def account_sentences(account: dict, win: dict, report: str) -> list[str]:
    if not account["record_shown"]:
        return [f"报告月份 {report} 早于开户月份，这份报告上还没有这个账户，什么都不会显示。"]
    lines = ["账户记录（机构、金额、开户与结清时间）会显示，结清后也照样显示。"]
    shown = account["shown_months"]
    if shown:
        lines.append(f"逐月还款记录显示 {span(shown['first'], shown['last'])}。")
    else:
        lines.append("没有一个还款月份落在这 60 个月内，报告上看不到逐月还款记录。")
    if not account["episodes"]:
        lines.append("还款记录里没有逾期。")
    for episode in account["episodes"]:
        lines.append(f"{episode_sentence(episode, win, report)}")
    return lines


def deadline_text(episode: dict) -> str:
    if episode["estimated"]:
        return f"{episode['legal_deadline']}（估算：未填还款日期，按最后逾期月的下个月起算 5 年）"
    return episode["legal_deadline"]


def episode_sentence(episode: dict, win: dict, report: str) -> str:
    months = span(episode["first"], episode["last"])
    if episode["status"] == "unpaid":
        return (
            f"{months} 的逾期至今未还清，仍是不良记录，每月继续显示；"
            "5 年保留期要从还清之日才开始计算，所以不会自动消失。"
        )
    head = f"{months} 的逾期已还清"
    if report >= episode["gone_from"]:
        seen = f"，按模型从 {episode['gone_from']} 的报告起已不再显示，这份报告上约已看不到"
    else:
        seen = f"，这份报告上仍能看到，约从 {episode['gone_from']} 的报告起不再显示"
        if episode["first"] < win["first"]:
            seen += f"（{episode['first']} 起的早期月份已滚出）"
    return f"{head}{seen}；法定删除期限 {deadline_text(episode)}。"
