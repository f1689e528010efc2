"""Copy detection against the source article without keeping its text.

The article the site began from lives outside the repository
(../shared/reference/source-article.txt) and never goes in. What is committed
instead is a fingerprint file: a short hash of every RUN-character window of the
source (whitespace removed). A run of RUN or more characters shared between the
source and a site file shows up as a chain of windows whose hashes are all in
that set. `scripts/fingerprint_source.py` rewrites the file from the source.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "reference" / "source-article.txt"
FINGERPRINTS = ROOT / "tests" / "data" / "source-fingerprints.txt"
RUN = 20
HEADER = f"# source-article.txt: blake2b-48 of every {RUN}-character window, whitespace removed"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def window_hash(window: str) -> str:
    return hashlib.blake2b(window.encode("utf-8"), digest_size=6).hexdigest()


def fingerprints(source: str, run: int = RUN) -> set[str]:
    text = squeeze(source)
    return {window_hash(text[i : i + run]) for i in range(len(text) - run + 1)}


def render(prints: Iterable[str]) -> str:
    return HEADER + "\n" + "\n".join(sorted(prints)) + "\n"


def load(path: Path = FINGERPRINTS) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def shared_runs(prints: set[str], text: str, run: int = RUN) -> list[str]:
    """Maximal runs of at least ``run`` characters of ``text`` whose windows are all
    fingerprints of the source (whitespace ignored)."""
    text = squeeze(text)
    found, start, end = [], None, -1
    for i in range(len(text) - run + 1):
        if window_hash(text[i : i + run]) in prints:
            if start is None or i > end - run + 1:
                if start is not None:
                    found.append(text[start:end])
                start = i
            end = i + run
    if start is not None:
        found.append(text[start:end])
    return found
