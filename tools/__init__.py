"""huifang-kb Python: browser tools (pure standard library) and build-time code (tools.build)."""
