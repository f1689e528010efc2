"""Synthetic portfolios (invented people) for benchmarks, property tests and the example file.

``portfolio(n, seed, month)`` returns rows keyed by the Chinese headers, as a
bank export would give them: strings only, realistic names, areas and industries.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国红梅玉兰志强春花海燕德胜金凤"
AREAS = (
    "城关镇", "河西村", "柳树湾村", "新华街道", "李家庄村", "石桥镇", "东坪村",
    "马坊乡", "青龙村", "南关社区", "白沙镇", "杨柳村", "王庄村", "北塬乡",
)  # fmt: skip
INDUSTRIES = (
    ("农资经营", False), ("蔬菜种植", False), ("生猪养殖", True), ("小超市", False),
    ("餐饮", False), ("货运物流", False), ("建材销售", True), ("服装零售", False),
    ("汽车修理", False), ("茶叶加工", False), ("煤炭贸易", True), ("水果批发", False),
    ("小型加工厂", True), ("民宿", False),
)  # fmt: skip
SIGNAL_CHOICES = ("搬家", "换工作", "法院执行", "执照异常", "资产查封", "担保变化")
TERMS = (180, 365, 730, 1095)


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _overdue(rng: random.Random) -> tuple[int, str]:
    """Days past due and a class that mostly, not always, respects the overdue floors."""
    roll = rng.random()
    if roll < 0.85:
        return 0, "关注" if rng.random() < 0.03 else "正常"
    if roll < 0.93:
        return rng.randint(1, 30), rng.choice(("正常", "关注", "关注"))
    if roll < 0.97:
        return rng.randint(31, 90), rng.choice(("关注", "关注", "次级"))
    return rng.randint(91, 400), rng.choice(("次级", "可疑", "损失", "正常"))


def client(rng: random.Random, number: int, as_of: date) -> dict:
    term = rng.choice(TERMS)
    # About 2% are past maturity with a balance left (a warning in the plan).
    elapsed = rng.randint(1, term - 1) if rng.random() < 0.98 else term + rng.randint(1, 90)
    disbursed = as_of - timedelta(days=elapsed)
    maturity = disbursed + timedelta(days=term)
    industry, risky = rng.choice(INDUSTRIES)
    dpd, grade = _overdue(rng)
    # Most clients were seen within their check interval; some were missed.
    last_visit = None
    if elapsed > 20 and rng.random() < 0.97:
        every = 190 if grade == "正常" else 35
        last_visit = as_of - timedelta(days=rng.randint(1, min(elapsed - 10, every)))
    restricted = rng.choices(("", "慎入", "禁入"), (92, 5, 3))[0]
    signals = rng.sample(SIGNAL_CHOICES, rng.choice((1, 1, 2))) if rng.random() < 0.06 else []
    return {
        "客户编号": f"KH{number:05d}",
        "客户名称": _name(rng),
        "区域": rng.choice(AREAS),
        "行业": industry,
        "高危行业": _yes(risky),
        "名单类型": restricted,
        "放款日期": disbursed.isoformat(),
        "到期日期": maturity.isoformat(),
        "还款方式": "到期一次还本" if rng.random() < 0.3 else "分期还款",
        "贷款余额": str(rng.randint(5, 300) * 10_000),
        "逾期天数": str(dpd),
        "近12个月逾期次数": str(
            rng.choice((0, 0, 0, 0, 1, 2, 3)) if dpd or rng.random() < 0.2 else 0
        ),
        "五级分类": grade,
        "上次回访日期": last_visit.isoformat() if last_visit else "",
        "首次检查已完成": _yes(elapsed > 30 or rng.random() < 0.5),
        "交接客户": _yes(rng.random() < 0.05),
        "转介绍意向": _yes(rng.random() < 0.1),
        "信贷员标记": _yes(rng.random() < 0.05),
        "行内要求回访": _yes(rng.random() < 0.02),
        "风险信号": "、".join(signals),
        "备注": "",
    }


def portfolio(n: int, seed: int | str = 0, month: str = "2026-12") -> list[dict]:
    """``n`` synthetic clients for the plan month ``month`` (YYYY-MM)."""
    rng = random.Random(seed)
    year, mon = (int(x) for x in month.split("-"))
    as_of = date(year, mon, 1)
    return [client(rng, i + 1, as_of) for i in range(n)]
