"""Live preview for trainers with Python alone: no make, no Node.js; Windows too.

    python scripts/preview.py          (Windows: py scripts\\preview.py)

The first run makes a Python environment in .venv beside the project and
installs the site's packages into it (a few minutes, needs the internet once);
later runs start at once. Then it serves the site at http://127.0.0.1:8000/
(``--port`` to change) with live reload, not strict, like ``make serve``: a
problem in what a trainer edits shows in the page. Without Node.js the online
tools are not in this preview; their pages say so.

Standard library only: it has to run before anything is installed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
# Newer than pyproject.toml: the packages it lists are installed.
STAMP = VENV / ".preview-installed"
MINIMUM = (3, 11)


def venv_python(folder: Path = VENV, windows: bool = os.name == "nt") -> Path:
    return folder / ("Scripts/python.exe" if windows else "bin/python")


def needs_install() -> bool:
    pyproject = ROOT / "pyproject.toml"
    return (
        not venv_python().exists()
        or not STAMP.exists()
        or STAMP.stat().st_mtime < pyproject.stat().st_mtime
    )


def install() -> bool:
    print("第一次运行（或依赖有更新）：正在准备 Python 环境，大约需要几分钟……", flush=True)
    if not venv_python().exists():
        venv.create(VENV, with_pip=True)
    done = subprocess.run(
        [str(venv_python()), "-m", "pip", "install", "-q", "-e", ".[docs]"], cwd=ROOT, check=False
    )
    if done.returncode != 0:
        print(
            "安装没有成功：请确认电脑能上网（公司网络可能要设置代理），然后再运行一次。"
            "上面 pip 的英文提示可以发给开发同事。"
        )
        return False
    STAMP.touch()
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="培训师预览：只用 Python 启动网站的实时预览。")
    parser.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    args = parser.parse_args(argv)
    if sys.version_info < MINIMUM:
        print("需要 Python 3.11 或更新的版本：请到 python.org 下载安装后再运行。")
        return 1
    if needs_install() and not install():
        return 1
    address = f"127.0.0.1:{args.port}"
    print(f"预览地址：http://{address}/ ，修改并保存文件后页面会自动刷新。按 Ctrl+C 停止。")
    command = [str(venv_python()), "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", address]
    try:
        return subprocess.call(command, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
