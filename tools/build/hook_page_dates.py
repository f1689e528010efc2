"""MkDocs hook: last-changed dates that stay put in a tree without git history.

git-revision-date-localized dates each page by its last commit. In a copy
without git history (an exported folder, a zip) it falls back to the build
time, which changes every page on every build: each deployment of such a copy
would make officers' browsers download the whole site again. There the file's
own modification time (which copies keep) dates the page instead.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from mkdocs.plugins import event_priority

PLUGIN = "git-revision-date-localized"
KEY = "git_revision_date_localized"
_in_git = True


def on_config(config, **kwargs):
    global _in_git
    root = Path(config.config_file_path).parent
    try:
        asked = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--is-inside-work-tree"],
            capture_output=True,
            check=False,
        )
        _in_git = asked.returncode == 0
    except OSError:  # no git at all
        _in_git = False
    return config


# After the plugin has set its build-time date.
@event_priority(-50)
def on_page_markdown(markdown, page, config, **kwargs):
    plugin = config.plugins.get(PLUGIN)
    if _in_git or plugin is None or not page.file.abs_src_path:
        return markdown
    stamp = int(Path(page.file.abs_src_path).stat().st_mtime)
    locale = plugin.config.get("locale") or "zh"
    shown = plugin.util.get_date_formats_for_timestamp(stamp, locale=locale, add_spans=True)
    raw = plugin.util.get_date_formats_for_timestamp(stamp, locale=locale, add_spans=False)
    page.meta[KEY] = shown[plugin.config.get("type")]
    for kind, text in raw.items():
        page.meta[f"{KEY}_raw_{kind}"] = text
    return markdown
