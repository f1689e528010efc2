"""Settings of a plan: defaults (domain.md §4) and validation with Chinese messages."""

from __future__ import annotations

import math

from tools.common.dates import LAST_YEAR, month_input
from tools.common.months import first_day, month_text
from tools.errors import InputError
from tools.priority.columns import GRADES

# The score table: key, label shown on the page and in reasons, default points.
WEIGHTS = (
    ("dpd_1", "逾期 1–30 天", 30),
    ("dpd_31", "逾期 31–60 天", 50),
    ("dpd_61", "逾期 61–90 天", 60),
    ("dpd_91", "逾期 90 天以上", 70),
    ("grade_关注", "五级分类为关注", 25),
    ("grade_次级", "五级分类为次级", 40),
    ("grade_可疑", "五级分类为可疑", 50),
    ("grade_损失", "五级分类为损失", 50),
    ("repeat_overdue", "近 12 个月逾期 2 次及以上", 15),
    ("flagged", "信贷员标记", 25),
    ("life_change", "生活变化（搬家、换工作）", 20),
    ("guarantee_change", "担保人或抵押物变化", 20),
    ("banned", "禁入名单", 20),
    ("cautious", "慎入名单", 10),
    ("handover", "交接客户尚未见面", 15),
    ("high_risk", "高危行业", 10),
    ("check_overdue", "定期检查超期，每满 10 天", 2),
    ("check_overdue_max", "定期检查超期，最多", 20),
    ("amortising_maturity", "分期还款 60 天内到期", 10),
    ("exposure", "贷款余额（按本表最大余额折算）", 10),
)
DEFAULT_WEIGHTS = {key: points for key, _, points in WEIGHTS}
WEIGHT_LABELS = {key: label for key, label, _ in WEIGHTS}

DEFAULTS = {
    "capacity": 40,
    "first_check_days": 30,
    "check_interval_days": {"正常": 180, "关注": 30, "次级": 30, "可疑": 30, "损失": 30},
    "sample_share": 0.05,
    "sample_min": 2,
    "high_score": 40,
}
# Labels of the form fields, used in error messages.
LABELS = {
    "month": "计划月份",
    "capacity": "每月回访容量",
    "first_check_days": "首次检查期限（天）",
    "sample_share": "随机抽样比例",
    "sample_min": "随机抽样最少户数",
    "high_score": "高分线",
    "seed": "随机种子",
}
# Hints under the form fields that need one.
HINTS = {
    "month": "留空即本月（按本机日期）；所有规则以该月 1 日为基准日",
    "sample_share": "0 到 1 之间的小数，0.05 即 5%",
    "seed": "留空即等于计划月份；同一份数据、同一种子，抽中的客户相同",
}


def _number(raw, field: str, label: str, low: float, high: float, integer: bool = True):
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise InputError(f"请填写{label}", field=field)
    try:
        value = float(str(raw).strip())
    except ValueError:
        raise InputError(f"{label}应为数字，现为“{raw}”", field=field) from None
    if not math.isfinite(value):
        raise InputError(f"{label}应为有限的数字，现为“{raw}”", field=field)
    if integer and value != int(value):
        raise InputError(f"{label}应为整数，现为“{raw}”", field=field)
    if not low <= value <= high:
        raise InputError(f"{label}应在 {low:g} 到 {high:g} 之间，现为 {value:g}", field=field)
    return int(value) if integer else value


def _table(raw, defaults: dict, field: str, label_of, low: int, high: int) -> dict:
    raw = raw or {}
    if not isinstance(raw, dict):
        raise InputError(f"{field} 应为一张表", field=field)
    unknown = sorted(set(raw) - set(defaults))
    if unknown:
        raise InputError(f"不认识的设置项“{unknown[0]}”", field=f"{field}.{unknown[0]}")
    table = dict(defaults)
    for key, value in raw.items():
        name = f"{field}.{key}"
        table[key] = _number(value, name, label_of(key), low, high)
    return table


def label_of(name: str) -> str:
    """How messages name the form field ``name`` ("weights.dpd_1" is a score row)."""
    head, _, key = name.partition(".")
    if head == "weights" and key in WEIGHT_LABELS:
        return f"评分表“{WEIGHT_LABELS[key]}”"
    if head == "check_interval_days" and key in GRADES:
        return _interval_label(key)
    return LABELS.get(name, name)


def _interval_label(grade: str) -> str:
    return f"{grade}类检查间隔（天）" if grade in GRADES else grade


def unreadable(names) -> None:
    """Number fields the page could not read (an ``<input type=number>`` holding "abc",
    "--5" or 1e400 hands the page an empty value): name the first one."""
    if isinstance(names, list) and names:
        name = str(names[0])
        raise InputError(
            f"{label_of(name)}不是可以识别的数字（例如写成了“abc”“--5”或过大的数），请只填写数字",
            field=name,
        )


def _nested(raw: dict) -> dict:
    """The form's flat fields as settings: "weights.dpd_1" is weights["dpd_1"]."""
    out: dict = {}
    for name, value in raw.items():
        head, dot, key = str(name).partition(".")
        if dot and head in ("weights", "check_interval_days"):
            out.setdefault(head, {})[key] = value
        else:
            out[name] = value
    return out


def validate(raw: dict | None, this_month: int | None = None, last: int = LAST_YEAR) -> dict:
    """Return complete settings from the user's (possibly partial, possibly string) ones;
    a blank month is ``this_month`` (the officer's, from the page's date)."""
    raw = raw or {}
    if not isinstance(raw, dict):
        raise InputError("设置应为一张表", field="settings")
    raw = _nested(raw)
    known = {*DEFAULTS, "month", "seed", "weights"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise InputError(f"不认识的设置项“{unknown[0]}”", field=unknown[0])
    plan_month = month_input(raw.get("month"), LABELS["month"], this_month, last, field="month")
    as_of, month = first_day(plan_month), month_text(plan_month)

    def get(key):
        return raw[key] if raw.get(key) not in (None, "") else DEFAULTS[key]

    seed = str(raw.get("seed") or "").strip() or month
    return {
        "month": month,
        "as_of": as_of,
        "capacity": _number(get("capacity"), "capacity", LABELS["capacity"], 1, 10000),
        "first_check_days": _number(
            get("first_check_days"), "first_check_days", LABELS["first_check_days"], 1, 366
        ),
        "check_interval_days": _table(
            raw.get("check_interval_days"),
            DEFAULTS["check_interval_days"],
            "check_interval_days",
            _interval_label,
            1,
            3660,
        ),
        "sample_share": _number(
            get("sample_share"), "sample_share", LABELS["sample_share"], 0, 1, integer=False
        ),
        "sample_min": _number(get("sample_min"), "sample_min", LABELS["sample_min"], 0, 10000),
        "high_score": _number(get("high_score"), "high_score", LABELS["high_score"], 0, 10000),
        "seed": seed,
        "weights": _table(
            raw.get("weights"), DEFAULT_WEIGHTS, "weights", lambda k: WEIGHT_LABELS[k], 0, 1000
        ),
    }


def public(settings: dict) -> dict:
    """The settings as JSON (the date as text), returned with every plan."""
    return {**settings, "as_of": settings["as_of"].isoformat()}
