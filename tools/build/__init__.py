"""Build-time code: MkDocs hooks, the dialogue Markdown extension, the snippet linter.

Nothing here is shipped to the browser.
"""
