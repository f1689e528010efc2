"""No sentence of the source article is copied into the site's text.

The source stays outside the repository; the check runs on its committed
fingerprints (tests/copycheck.py), so it runs on any clone. Where the source is
beside the clone, the fingerprints must match it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.copycheck import (
    FINGERPRINTS,
    ROOT,
    RUN,
    SOURCE,
    fingerprints,
    load,
    render,
    shared_runs,
)

TEXT_SUFFIXES = {".md", ".txt", ".html", ".css", ".js", ".yml", ".json"}


def site_files() -> list[Path]:
    return sorted(
        path
        for folder in ("docs", "snippets")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and path.suffix in TEXT_SUFFIXES
    )


def test_the_detector_finds_a_copied_run_despite_whitespace():
    prints = fingerprints("甲乙丙丁戊己庚辛壬癸 子丑寅卯辰巳午未申酉戌亥")
    copied = "开头 甲乙丙丁戊己庚辛\n壬癸子丑寅卯辰巳午未申酉 结尾"
    assert shared_runs(prints, copied) == ["甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"]
    assert shared_runs(prints, copied[:-15]) == []  # 19 shared characters: allowed


def test_the_detector_reports_two_separate_copies():
    prints = fingerprints("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥")
    one, two = (
        "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉",
        "乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌",
    )
    assert shared_runs(prints, one + "，我们自己的话，" + two) == [one, two]


def test_committed_fingerprints_match_the_source():
    if not SOURCE.is_file():
        pytest.skip(
            f"source article not beside this clone ({SOURCE}); fingerprints used as committed"
        )
    expected = render(fingerprints(SOURCE.read_text(encoding="utf-8")))
    assert FINGERPRINTS.read_text(encoding="utf-8") == expected, (
        "tests/data/source-fingerprints.txt is stale: run `python scripts/fingerprint_source.py`"
    )


def test_site_text_shares_no_long_run_with_the_source():
    prints = load()
    assert len(prints) > 1000, "fingerprint file looks empty or truncated"
    files = site_files()
    assert len(files) > 20, "docs/ 和 snippets/ 里的文件太少，检查路径"
    copies = {
        path.relative_to(ROOT).as_posix(): runs
        for path in files
        if (runs := shared_runs(prints, path.read_text(encoding="utf-8")))
    }
    assert not copies, f"与来源文章相同的连续文字（{RUN} 字以上，请改写）：{copies}"
