"""MkDocs hook: the priority tool's templates (CSV and .xlsx), generated from its column
table into the site, so they always match what the tool reads (tools/build/templates.py)."""

from __future__ import annotations

from mkdocs.structure.files import File

from tools.build import templates


def on_files(files, config, **kwargs):
    for path, make in (
        (templates.CSV_PATH, templates.template_csv),
        (templates.XLSX_PATH, templates.template_xlsx),
    ):
        files.append(File.generated(config, path, content=make()))
    return files
