"""MkDocs hook: keep every address in the built site on its own origin.

Vendored JavaScript carries fallbacks to outside hosts on code paths this site
never takes (Material's polyfill/mermaid/repository loaders, Pyodide's CDN for
packages by name). They are rewritten to ``about:blank`` so that even a path we
did not foresee cannot reach outside; source maps, which only repeat them, are
dropped. tests/site checks the result.
"""

from __future__ import annotations

import re
from pathlib import Path

DORMANT_HOSTS = re.compile(
    r"https://(?:unpkg\.com|cdn\.jsdelivr\.net|api\.github\.com|fonts\.googleapis\.com"
    r"|fonts\.gstatic\.com|cdnjs\.cloudflare\.com)"
)
# GitLab's API URL is built from the host name alone: `https://${host}/api/v4/...`.
GITLAB_API = re.compile(r"https://(\$\{\w+\}/api/v4/)")


def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    for path in site.rglob("*.map"):
        path.unlink()
    for path in [*site.rglob("*.js"), *site.rglob("*.mjs")]:
        text = path.read_text(encoding="utf-8")
        new = GITLAB_API.sub(r"about:blank/\1", DORMANT_HOSTS.sub("about:blank", text))
        if new != text:
            path.write_text(new, encoding="utf-8")
