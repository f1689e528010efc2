"""The one schema of a visit record (贷后检查记录): sections, fields and choice lists.

Everything else follows this table: the tool's form (tools/build/widgets.py), the
printable blank visit record and report template (docs/forms/, by shortcode), the
checks of a record (tools/report/record.py) and the draft's wording.

The record, as the page collects it, saves it and sends it to ``run``, is one flat
JSON object, field key → value:

- ``text``, ``textarea``, ``number``, ``date``, ``choice``, ``flag``: a string
  (numbers and dates as typed; "" or absent when not filled in);
- ``checks``: a list of the ticked items' texts (strings);
- ``areas`` (the interview, key ``interview``): an object, area title →
  ``{"finding": string, "flag": one of FLAGS or ""}``; areas left untouched may
  be absent.

Example: ``{"client": "示例 王某", "check_type": "定期检查", "documents": ["电话费缴费单"],
"interview": {"主营与地址": {"finding": "未变", "flag": "正常"}}}``.

Checklist-driven lists (interview areas, documents, photos, warning signals) are
the trainer-edited files ``snippets/checklists/*.md``: a field names its file in
``checklist`` and tools/report/checklists.py reads the items. On CPython (tests,
the build) it reads ``snippets/checklists/`` directly; in the browser there is no
``snippets/``, so the wheel build (tools/build/hook_wheel.py) packs the parsed
lists as ``tools/report/checklists.json`` into the wheel, which is read first.
"""

from __future__ import annotations

from dataclasses import dataclass

from tools.priority.columns import AMORTISING, BULLET, GRADES

CHECK_TYPES = ("首次检查", "定期检查", "不定期检查")
MODES = ("上门", "电话", "非现场")
PRODUCTS = ("个人经营贷", "小微企业流动资金贷款", "农户贷款", "消费贷")
BUSINESS, SMALL_FIRM, FARMER, CONSUMER = PRODUCTS
PAYMENTS = ("受托支付", "自主支付")
# How an item looked: a finding's flag. Not 关注, which is a loan class.
FLAGS = ("正常", "需留意", "异常")
NORMAL, NOTE, ABNORMAL = FLAGS
FUNDS_USE = ("按约定用途使用", "未按约定用途使用", "尚未核实")
AS_AGREED, DIVERTED, UNCHECKED = FUNDS_USE
GUARANTEES = ("保证", "抵押", "质押", "信用（无担保）")
GUARANTY, MORTGAGE, PLEDGE, UNSECURED = GUARANTEES
GUARANTEE_KINDS = ("连带责任保证", "一般保证", "合同未写明")
ROLES = ("借款人", "实际控制人", "财务负责人", "借款人配偶", "保证人", "其他")
YES_NO_UNCHECKED = ("是", "否", "未核实")
HARVESTS = ("好于往年", "与往年相当", "减产", "绝收")
JOB_CHANGES = ("没有变动", "换了工作", "失业或待业")
LOOKUPS = ("未查询", "已查询，未发现", "已查询，有发现")
LOOKUP_FOUND = LOOKUPS[2]


@dataclass(frozen=True)
class Field:
    key: str  # the record's key, the form field's name
    label: str  # the form's label; error messages name the field by it
    kind: str  # text, textarea, number, date, choice, checks, flag, areas
    required: bool = False
    choices: tuple[str, ...] = ()  # choice and checks (when not from a checklist)
    checklist: str = ""  # checks and areas: the file in snippets/checklists/ (no .md)
    hint: str = ""
    products: tuple[str, ...] = ()  # asked only for these products (empty: all)
    unit: str = ""  # number: the unit, shown after the label
    blank_lines: int = 1  # the printed blank form: lines left for writing

    @property
    def options(self) -> tuple[str, ...]:
        """The fixed choices (a flag, and each interview area's flag: FLAGS); the items of
        checklist-driven lists: see checklists.items."""
        return FLAGS if self.kind in ("flag", "areas") else self.choices


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    fields: tuple[Field, ...]
    hint: str = ""


SECTIONS = (
    Section(
        "check",
        "检查概况",
        (
            Field("client", "客户名称", "text", True, hint="借款人姓名或企业名称"),
            Field("check_type", "检查类型", "choice", True, CHECK_TYPES),
            Field(
                "trigger",
                "触发原因",
                "textarea",
                hint="不定期检查写明是什么引起的：风险信号、逾期、分类下调、担保变化、快到期或专项检查",
            ),
            Field("mode", "检查方式", "choice", True, MODES),
            Field("visit_date", "检查日期", "date", True, hint="不能晚于今天"),
            Field("officers", "检查人", "text", True, hint="两人检查的，两个人的名字都写"),
            Field("met_person", "接待人", "text", hint="电话检查写接电话的人"),
            Field("met_role", "接待人身份", "choice", choices=ROLES),
            Field("address_same", "地址与档案一致", "choice", choices=YES_NO_UNCHECKED),
        ),
    ),
    Section(
        "loan",
        "贷款基本情况",
        (
            Field("product", "产品", "choice", True, PRODUCTS),
            Field("balance", "贷款余额", "number", True, unit="元"),
            Field("maturity", "到期日", "date", True),
            Field("repayment", "还款方式", "choice", choices=(BULLET, AMORTISING)),
            Field("grade", "当前五级分类", "choice", True, GRADES),
            Field("overdue_days", "逾期天数", "number", unit="天", hint="没有逾期填 0 或留空"),
            Field(
                "guarantees",
                "担保方式",
                "checks",
                choices=GUARANTEES,
                hint="可多选；没有担保的只勾“信用（无担保）”",
            ),
        ),
    ),
    Section(
        "funds",
        "资金用途",
        (
            Field("payment", "支付方式", "choice", True, PAYMENTS),
            Field("funds_use", "资金用途核查结果", "choice", True, FUNDS_USE),
            Field(
                "funds_evidence",
                "核对的凭证",
                "textarea",
                hint="付款回单、购销合同、发票、流水，现场看到的货物或设备",
            ),
            Field(
                "funds_detail",
                "实际用途与去向",
                "textarea",
                hint="未按约定用途使用的，写清金额、去向和借款人的说法",
                blank_lines=2,
            ),
            Field(
                "funds_action",
                "已采取或建议的措施",
                "textarea",
                hint="资金未按约定用途使用时必须写",
            ),
        ),
    ),
    Section(
        "income",
        "经营或收入",
        (
            Field(
                "turnover_ytd",
                "今年以来营业额",
                "number",
                products=(BUSINESS, SMALL_FIRM),
                unit="元",
            ),
            Field(
                "turnover_last",
                "去年同期营业额",
                "number",
                products=(BUSINESS, SMALL_FIRM),
                unit="元",
            ),
            Field("staff", "在岗人数", "number", products=(BUSINESS, SMALL_FIRM), unit="人"),
            Field("season", "淡季与旺季", "text", products=(BUSINESS, SMALL_FIRM, FARMER)),
            Field("stock", "库存情况", "text", products=(BUSINESS, SMALL_FIRM)),
            Field(
                "partners",
                "主要上下游",
                "textarea",
                products=(BUSINESS, SMALL_FIRM),
                hint="主要供货方和买家，合作多久，是否稳定",
            ),
            Field(
                "farming",
                "种养殖情况",
                "textarea",
                products=(FARMER,),
                hint="品种、面积或存栏数，和放款时比",
            ),
            Field("harvest", "今年收成", "choice", choices=HARVESTS, products=(FARMER,)),
            Field(
                "insurance",
                "农业保险",
                "text",
                products=(FARMER,),
                hint="有无保单、是否在有效期内、有无理赔",
            ),
            Field("employer", "工作单位", "text", products=(CONSUMER,)),
            Field("job_change", "工作变动", "choice", choices=JOB_CHANGES, products=(CONSUMER,)),
            Field("salary", "月工资", "number", products=(CONSUMER,), unit="元"),
            Field(
                "income_note",
                "经营或收入说明",
                "textarea",
                hint="写数字：流水进账、库存、存栏、工资；和上次相比的变化",
                blank_lines=3,
            ),
            Field(
                "repayment_source",
                "下一期还款来源",
                "textarea",
                hint="钱从哪里来，压力大不大",
                blank_lines=2,
            ),
        ),
    ),
    Section(
        "evidence",
        "资料与照片",
        (
            Field("documents", "收集的资料", "checks", checklist="documents"),
            Field(
                "documents_missing",
                "没拿到的资料及原因",
                "textarea",
            ),
            Field("photos", "拍摄的照片", "checks", checklist="photos"),
            Field(
                "photos_note",
                "照片说明",
                "textarea",
                hint="照片证明了什么，和客户说法不一致的地方",
            ),
        ),
    ),
    Section(
        "interview",
        "问询记录",
        (
            Field(
                "interview",
                "问询记录",
                "areas",
                checklist="interview",
                hint="每个方面写结论和数字，不写“良好”“一般”；再标正常、需留意或异常",
                blank_lines=2,
            ),
        ),
    ),
    Section(
        "guarantee",
        "担保情况",
        (
            Field("guarantor", "保证人", "text", hint="没有保证人的留空"),
            Field("guarantee_kind", "保证方式", "choice", choices=GUARANTEE_KINDS),
            Field(
                "guarantee_until",
                "约定的保证期间截止日",
                "date",
                hint="保证合同没有约定的留空：按到期之日起 6 个月推算",
            ),
            Field("guarantor_flag", "保证人情况", "flag"),
            Field(
                "guarantor_note",
                "保证人说明",
                "textarea",
                hint="还款能力、意愿、联系方式有没有变化",
            ),
            Field("collateral", "抵押物或质押物", "text", hint="没有的留空"),
            Field("collateral_flag", "抵押物或质押物情况", "flag"),
            Field(
                "collateral_note",
                "抵押物或质押物说明",
                "textarea",
                hint="还在不在、谁在用、有没有查封、在卖或拆迁、大约值多少",
            ),
        ),
    ),
    Section(
        "risk",
        "风险信号",
        (
            Field("signals", "发现的预警信号", "checks", checklist="warning-signals"),
            Field(
                "new_debts",
                "新增负债或对外担保",
                "textarea",
                hint="没有发现的留空",
            ),
            Field("court_lookup", "诉讼、被执行和查封查询", "choice", choices=LOOKUPS),
            Field(
                "court_note",
                "查询发现",
                "textarea",
                hint="案号、金额、被查封的财产",
            ),
            Field(
                "other_findings",
                "其他发现",
                "textarea",
                hint="客户说法和资料、现场对不上的地方",
                blank_lines=2,
            ),
        ),
    ),
    Section(
        "conclusion",
        "结论",
        (
            Field(
                "officer_view",
                "信贷员意见",
                "textarea",
                hint="风险判断和建议的措施；草稿会列出工具找到的风险点，请补充和修改",
                blank_lines=3,
            ),
        ),
    ),
)

FIELDS = {f.key: f for s in SECTIONS for f in s.fields}
LABELS = {key: f.label for key, f in FIELDS.items()}
REQUIRED = tuple(f for f in FIELDS.values() if f.required)
CHECKLISTS = tuple(f.checklist for f in FIELDS.values() if f.checklist)


def asked(field: Field, product: str) -> bool:
    """Whether the form asks ``field`` for a loan of ``product`` ("" : not chosen yet)."""
    return not field.products or not product or product in field.products
