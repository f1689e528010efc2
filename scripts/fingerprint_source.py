"""Rewrite tests/data/source-fingerprints.txt from ../shared/reference/source-article.txt.

Run it when the source article changes; tests/site/test_no_copy.py fails while the
committed fingerprints and the source disagree (whenever the source is beside the clone).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.copycheck import FINGERPRINTS, SOURCE, fingerprints, render


def main() -> None:
    if not SOURCE.is_file():
        sys.exit(f"No source article at {SOURCE}: nothing to fingerprint.")
    prints = fingerprints(SOURCE.read_text(encoding="utf-8"))
    FINGERPRINTS.write_text(render(prints), encoding="utf-8")
    print(f"{FINGERPRINTS}: {len(prints)} fingerprints")


if __name__ == "__main__":
    main()
