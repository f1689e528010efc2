"""Lines every block trainers write shares (pymdownx.blocks): the closing line, and
what ends a block left open (the checks close it there in the preview)."""

from __future__ import annotations

import re

CLOSE_RE = re.compile(r"^[ ]{0,3}///[ \t]*$")
# Any block's first line (/// name): an unclosed block ends before the next one ...
ANY_OPEN_RE = re.compile(r"^[ ]{0,3}/{3,}[ \t]*[\w-]+")
# ... or before a heading: pymdownx.blocks would run it to the end of the page.
HEADING_RE = re.compile(r"^[ ]{0,3}#{1,6}[ \t]")


def inline_text(text: str) -> str:
    """Text for inline processing (emphasis, links, tooltips) that can never be raw HTML:
    Markdown passes tags through, entities stay text."""
    return text.replace("<", "&lt;").replace(">", "&gt;")
