"""No sentence of the source article is copied into the site's text.

The source lives outside the repository (../shared/reference/ next to it) and
never goes in. Any run of RUN or more characters, whitespace ignored, found both
in the source and in a file under docs/ or snippets/ fails the test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT.parent / "shared" / "reference" / "source-article.txt"
RUN = 20
TEXT_SUFFIXES = {".md", ".txt", ".html", ".css", ".js", ".yml", ".json"}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def shared_runs(source: str, text: str, run: int = RUN) -> list[str]:
    """Maximal runs of at least ``run`` characters found in both texts."""
    grams = {source[i : i + run] for i in range(len(source) - run + 1)}
    found, i = [], 0
    while i <= len(text) - run:
        if text[i : i + run] in grams:
            end = i + run
            while end < len(text) and text[i : end + 1] in source:
                end += 1
            found.append(text[i:end])
            i = end
        else:
            i += 1
    return found


def site_files() -> list[Path]:
    return sorted(
        path
        for folder in ("docs", "snippets")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and path.suffix in TEXT_SUFFIXES
    )


def test_the_detector_finds_a_copied_run_despite_whitespace():
    source = squeeze("甲乙丙丁戊己庚辛壬癸 子丑寅卯辰巳午未申酉戌亥")
    copied = squeeze("开头 甲乙丙丁戊己庚辛\n壬癸子丑寅卯辰巳午未申酉 结尾")
    assert shared_runs(source, copied) == ["甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"]
    assert shared_runs(source, copied[:-15]) == []


@pytest.fixture(scope="module")
def source() -> str:
    if not SOURCE.is_file():
        pytest.fail(f"找不到原文 {SOURCE}：它应放在仓库旁边的 shared/reference/ 里")
    return squeeze(SOURCE.read_text(encoding="utf-8"))


def test_site_text_shares_no_long_run_with_the_source(source):
    files = site_files()
    assert len(files) > 20, "docs/ 和 snippets/ 里的文件太少，检查路径"
    copies = {
        path.relative_to(ROOT).as_posix(): runs
        for path in files
        if (runs := shared_runs(source, squeeze(path.read_text(encoding="utf-8"))))
    }
    assert not copies, f"与原文相同的连续文字（{RUN} 字以上，请改写）：{copies}"
