"""MkDocs hook: write the service worker for offline use, with per-file revisions.

docs/javascripts/sw.js is the source; this writes it to the site root (its scope
must be the whole site) with the precache manifests filled in: pages, search
index and assets (CORE) and the Pyodide core and wheels (TOOLS), each URL with
the hash of its bytes as its revision, so an update downloads only changed
files. The version hashes the manifests: any change to a file makes a new one.
Under `mkdocs serve` the worker removes itself instead, so trainers always see
their latest edit.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mkdocs.plugins import event_priority

SOURCE = "javascripts/sw.js"
TOOL_DIRS = ("_pyodide/", "_tools/")
# Not worth caching: compressed twin of sitemap.xml.
SKIP = {"sitemap.xml.gz"}
# Live preview: no caching; drop any worker and cache left from a built site.
UNREGISTER = """self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) if (name.startsWith("kb-")) await caches.delete(name);
  await self.registration.unregister();
})()));
"""
_command = "build"


def on_startup(command, **kwargs):
    global _command
    _command = command


def _cache_key(rel: str) -> str:
    """The URL a browser asks for: pages by their directory."""
    if rel == "index.html":
        return "./"
    if rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel


# Last of all (search index, Pyodide, wheels, rewrites): it hashes what they wrote.
@event_priority(-100)
def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    source = site / SOURCE
    template = source.read_text(encoding="utf-8")
    source.unlink()
    if _command == "serve":
        (site / "sw.js").write_text(UNREGISTER, encoding="utf-8")
        return

    files = sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and p.name not in SKIP and p.name != "sw.js"
    )
    revisions = {rel: revision((site / rel).read_bytes()) for rel in files}
    core = {_cache_key(rel): rev for rel, rev in revisions.items() if not rel.startswith(TOOL_DIRS)}
    tools = {rel: rev for rel, rev in revisions.items() if rel.startswith(TOOL_DIRS)}
    version = revision(json.dumps([core, tools], sort_keys=True).encode())

    text = (
        template.replace("__KB_VERSION__", version)
        .replace("__KB_CORE__", json.dumps(core, ensure_ascii=False, indent=0))
        .replace("__KB_TOOLS__", json.dumps(tools, indent=0))
    )
    (site / "sw.js").write_text(text, encoding="utf-8")


def revision(data: bytes) -> str:
    """A file's revision in the precache manifest: a short hash of its bytes."""
    return hashlib.sha256(data).hexdigest()[:16]
