"""MkDocs hook: keep the build's output to what a trainer needs to read.

jieba (Chinese segmentation for the search index) logs its dictionary loading
at DEBUG level to stderr on every build; only its warnings matter here.
"""

from __future__ import annotations

import logging


def on_startup(**kwargs):
    import jieba  # imported here: only the build needs it

    jieba.setLogLevel(logging.WARNING)
