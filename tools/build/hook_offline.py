"""MkDocs hook: keep every address in the built site on its own origin.

Vendored JavaScript carries fallbacks to outside hosts on code paths this site
never takes (Material's polyfill/mermaid/repository loaders, Pyodide's CDN for
packages by name). They are rewritten to ``about:blank`` so that even a path we
did not foresee cannot reach outside; source maps, which only repeat them, are
dropped, and so are the search language packs the site's search does not use
(they bundle Node code naming outside sites, and would bloat the offline cache).
tests/site checks the result.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import event_priority

DORMANT_HOSTS = re.compile(
    r"https://(?:unpkg\.com|cdn\.jsdelivr\.net|api\.github\.com|fonts\.googleapis\.com"
    r"|fonts\.gstatic\.com|cdnjs\.cloudflare\.com)"
)
# GitLab's API URL is built from the host name alone: `https://${host}/api/v4/...`.
GITLAB_API = re.compile(r"https://(\$\{\w+\}/api/v4/)")


# Segmenters Material loads only for Japanese and Thai.
SEGMENTERS = {"tinyseg.js": "ja", "wordcut.js": "th"}


def _unused_search_languages(site: Path, config) -> list[Path]:
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    langs = set(plugin.config.lang or ["en"]) if plugin else set()
    lunr = site / "assets" / "javascripts" / "lunr"
    unused = [p for p in lunr.glob("*.js") if SEGMENTERS.get(p.name, "") not in langs]
    for path in (lunr / "min").glob("lunr.*.min.js"):
        lang = path.name.split(".")[1]
        needed = (
            lang in langs
            or (lang == "stemmer" and langs - {"en"})
            or (lang == "multi" and len(langs) > 1)
        )
        if not needed:
            unused.append(path)
    return unused


# After the hooks that write vendored files (Pyodide core), before the service worker.
@event_priority(-50)
def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    for path in [*site.rglob("*.map"), *_unused_search_languages(site, config)]:
        path.unlink()
    for path in [*site.rglob("*.js"), *site.rglob("*.mjs")]:
        text = path.read_text(encoding="utf-8")
        new = GITLAB_API.sub(r"about:blank/\1", DORMANT_HOSTS.sub("about:blank", text))
        if new != text:
            path.write_text(new, encoding="utf-8")
