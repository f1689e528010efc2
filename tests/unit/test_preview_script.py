"""scripts/preview.py, the trainers' one command: the parts that differ on Windows."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.server import ROOT

spec = importlib.util.spec_from_file_location("preview", ROOT / "scripts" / "preview.py")
preview = importlib.util.module_from_spec(spec)
spec.loader.exec_module(preview)


def test_the_environment_python_is_found_where_each_system_puts_it():
    folder = Path("env")
    assert preview.venv_python(folder, windows=True) == folder / "Scripts" / "python.exe"
    assert preview.venv_python(folder, windows=False) == folder / "bin" / "python"


def test_an_old_python_gets_a_chinese_message_not_a_traceback(monkeypatch, capsys):
    monkeypatch.setattr(preview.sys, "version_info", (3, 9, 0))
    assert preview.main([]) == 1
    assert "需要 Python 3.11" in capsys.readouterr().out
