"""The site's Markdown settings for the extension tests: mkdocs.yml's extension list.

Every test renders with the full list (attr_list, abbr, snippets, our glossary …),
so an interaction between them shows up. Paths become absolute; snippets come
from ``snippets`` (default: the real folder) and, unless asked, no glossary is
appended so the expected HTML stays short.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from tools.build.snippet_lint import ROOT


def site_markdown_kwargs(snippets: Path = ROOT / "snippets", glossary: bool = False) -> dict:
    names, configs = [], {}
    # MkDocs's own reader: YAML tags (the toc's slugify) come out as MkDocs sees them.
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        extensions = yaml_load(file)["markdown_extensions"]
    for entry in extensions:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = dict(options or {})
    speakers = str(ROOT / "snippets" / "speakers.txt")
    configs["tools.build.snippets"].update(
        base_path=[str(snippets)],
        auto_append=configs["tools.build.snippets"]["auto_append"] if glossary else [],
        speakers_file=speakers,
    )
    configs["tools.build.dialogue"]["speakers_file"] = speakers
    return {"extensions": names, "extension_configs": configs}
