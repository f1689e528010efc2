"""MkDocs hook: page parts generated from the tools' own tables, by shortcode.

As mkdocs-material's overrides/hooks/shortcodes.py: ``<!-- md:NAME args -->`` in a
page's Markdown is replaced by what NAME makes of args; an unknown NAME, argument or
misplaced widget stops the build.

- ``<!-- md:tool priority -->``: the tool's widget (tools/build/widgets.py); only on
  a page whose front matter says ``tool: priority``, and such a page must have it.
- ``<!-- md:columns priority -->``: the table of the columns the calculator reads.
- ``<!-- md:rule retention.window -->``: a rule constant quoted in the prose.
- ``<!-- md:sample priority -->``: how many clients the example portfolio holds.
- ``<!-- md:limits priority -->``: how much the calculator takes at once.
- ``<!-- md:form visit-record -->`` / ``risk-report``: a blank form from the report
  tool's schema (tools/build/report_forms.py).
- ``<!-- md:example report NAME -->``: the draft the report tool makes of the worked
  example docs/tools/examples/report/NAME.json (its own Python, at build time).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from tools import report
from tools.build import report_forms, widgets
from tools.common import dates
from tools.priority import limits as priority_limits
from tools.priority import planner
from tools.priority import rules as priority_rules
from tools.report import files as report_files
from tools.report import record as report_record
from tools.report import render
from tools.retention import codes as retention_codes
from tools.retention import rules as retention_rules

SHORTCODE = re.compile(r"<!-- md:(\w+)(.*?) -->")
# The rule constants pages may quote, by the name they use.
RULES = {
    "priority.notice_dpd": priority_rules.NOTICE_DPD,
    "priority.bullet_days": priority_rules.BULLET_DAYS,
    "priority.weeks": planner.WEEKS,
    "retention.window": retention_rules.WINDOW,
    "retention.window_years": retention_rules.WINDOW // 12,
    "retention.years": retention_rules.RETENTION_YEARS,
    "retention.max_accounts": retention_rules.MAX_ACCOUNTS,
    "retention.max_months": retention_codes.MAX_MONTHS,
    "retention.max_total_months": f"{retention_rules.MAX_TOTAL_MONTHS:,}",
    "report.max_text": f"{report_record.MAX_TEXT:,}",
    "report.max_file_kb": report_files.MAX_BYTES // 1024,
    "dates.forms": dates.DATE_FORMS,
    "dates.first_year": dates.FIRST_YEAR,
    "dates.years_ahead": dates.YEARS_AHEAD,
}


def report_example(docs: Path, name: str) -> str:
    """The report tool's draft of a worked example, as of the example's own today."""
    path = docs / widgets.REPORT_EXAMPLES / f"{name}.json"
    if not path.is_file():
        raise ValueError(f"md:example report {name}: no file {path}")
    example = json.loads(path.read_text(encoding="utf-8"))
    result = report.compute({"record": example["record"], "today": example["today"]})
    return render.draft_html(result["sections"], result["client"], level=4)


def on_page_markdown(markdown: str, page, config, **kwargs) -> str:
    docs = Path(config["docs_dir"])
    tool = (page.meta or {}).get("tool")
    placed = []

    def link(path: str) -> str:
        """A docs/ file's URL relative to this page (a directory URL)."""
        here = posixpath.dirname(page.url.rstrip("/") + "/index.html")
        target = posixpath.relpath(path, here or ".")
        return target + "/" if path.endswith("/") else target

    def replace(match: re.Match) -> str:
        name, args = match[1], match[2].strip()
        if name == "tool":
            if args not in widgets.WIDGETS or args != tool:
                raise ValueError(f"{page.file.src_uri}: md:tool {args} on a page of tool {tool}")
            placed.append(args)
            return widgets.WIDGETS[args](docs, link)
        if name == "columns" and args == "priority":
            return widgets.columns_table()
        if name == "rule":
            if args not in RULES:
                raise ValueError(f"{page.file.src_uri}: unknown rule {args!r}")
            return str(RULES[args])
        if name == "limits" and args == "priority":
            return priority_limits.described()
        if name == "sample" and args == "priority":
            return str(widgets.sample_clients(docs))
        if name == "form" and args in report_forms.FORMS:
            return report_forms.FORMS[args]()
        if name == "example" and args.startswith("report "):
            return report_example(docs, args.removeprefix("report ").strip())
        raise ValueError(f"{page.file.src_uri}: unknown shortcode md:{name} {args}")

    markdown = SHORTCODE.sub(replace, markdown)
    if tool and placed != [tool]:
        raise ValueError(f"{page.file.src_uri}: front matter says tool {tool}, page has {placed}")
    return markdown
