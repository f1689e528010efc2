"""pymdownx.snippets, reading trainers' files the safe way. Same options, plus ``speakers_file``.

pymdownx.snippets reads every file in one encoding and stops the build on a
file it cannot decode. This reads each snippet through tools/build/trainer_text.py
(a BOM is dropped, GBK and the like become a problem with the fix) and runs
the checks on it (tools/build/annotate.py), so every problem shows in the page
where it occurs and in the build log, and the rest of the page still renders.
"""

from __future__ import annotations

from pathlib import Path

from pymdownx.snippets import SnippetExtension, SnippetPreprocessor

from tools.build.annotate import annotate
from tools.build.checks import Context, Source
from tools.build.problems import report
from tools.build.trainer_text import read_text


class TrainerSnippetPreprocessor(SnippetPreprocessor):
    def __init__(self, config, md, context: Context):
        super().__init__(config, md)
        self.md = md  # pymdownx.snippets does not keep it
        self.context = context

    def run(self, lines):
        # The toc's slugify, for links to sections (registered by now, whatever the order).
        processors = self.md.treeprocessors  # a Registry: no .get()
        if "toc" in processors:
            self.context.slugify = getattr(processors["toc"], "slugify", None)
        return super().run(lines)

    def read_lines(self, path):
        rel = self.context.rel(path)
        decoded = read_text(path, rel)
        found = [decoded.problem] if decoded.problem else []
        text = annotate(Source(rel, Path(path), decoded.text), self.context, found)
        return text.split("\n") if text else []


class TrainerSnippetExtension(SnippetExtension):
    def __init__(self, **kwargs):
        self.speakers_file = kwargs.pop("speakers_file", "snippets/speakers.txt")
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        super().extendMarkdown(md)
        config = self.getConfigs()
        # pymdownx.snippets resolves its base paths from the working directory: so do we.
        context = Context.create(
            Path.cwd(), config["base_path"], config["auto_append"], self.speakers_file
        )
        for problem in context.problems:  # of speakers.txt itself
            report(problem)
        md.preprocessors.register(TrainerSnippetPreprocessor(config, md, context), "snippet", 32)


def makeExtension(**kwargs):
    return TrainerSnippetExtension(**kwargs)
