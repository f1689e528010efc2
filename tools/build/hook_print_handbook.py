"""MkDocs hook: the whole-handbook print page (mkdocs-print-site-plugin) without the tools.

The plugin keeps each page's HTML as rendered (``page.html``) and puts them
together after the build. A tool is no use on paper and would start Pyodide
on the print page: the plugin's copy of a tool page becomes a short note, while
the tool page itself stays as it is. Runs after the plugin's own on_page_content.
"""

from __future__ import annotations

from html import escape

from mkdocs.plugins import event_priority

NOTE = (
    '<h1 id="{anchor}">{title}</h1>'
    '<div class="admonition note"><p class="admonition-title">在线工具不在打印版里</p>'
    "<p>“{title}”是在浏览器里使用的计算工具：打开知识库网站的这一页（{url}）使用。</p></div>"
)


@event_priority(-50)
def on_page_content(html, page, **kwargs):
    if "data-tool" in html:  # data-tool=, or data-tool-unavailable= without Pyodide
        title = escape(page.title or "")
        page.html = NOTE.format(anchor=escape(page.file.src_uri), title=title, url=page.url)
    return html
