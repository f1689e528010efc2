"""The browser wheel: only browser modules, reproducible, valid RECORD."""

from __future__ import annotations

import io
import re
import zipfile
from importlib import metadata
from pathlib import Path

from tools.build.wheel import content_version, installed_wheel, pack_wheel, source_files

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_ships_no_build_time_code():
    files = source_files(ROOT, "tools", exclude=("build",))
    assert "tools/dispatch.py" in files and "tools/errors.py" in files
    assert not any(name.startswith("tools/build/") for name in files)
    assert not any("__pycache__" in name for name in files)


def test_same_files_give_same_wheel_and_hash_follows_content():
    files = {"pkg/__init__.py": b"x = 1\n"}
    assert pack_wheel("p", "1", files) == pack_wheel("p", "1", files)
    changed = {"pkg/__init__.py": b"x = 2\n"}
    assert content_version("0.1.0", files) != content_version("0.1.0", changed)


def test_wheel_layout_and_record():
    name, data = pack_wheel("huifang-tools", "0.1.0+abc", {"tools/__init__.py": b""})
    assert name == "huifang_tools-0.1.0+abc-py3-none-any.whl"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        record = zf.read("huifang_tools-0.1.0+abc.dist-info/RECORD").decode()
    assert "tools/__init__.py" in names
    assert "huifang_tools-0.1.0+abc.dist-info/WHEEL" in names
    assert all(line.split(",")[0] in names for line in record.splitlines())


def test_shipped_third_party_wheels_keep_licence_and_metadata():
    for dist_name, licences in (("openpyxl", {"LICENCE.rst"}), ("et_xmlfile", {"LICENCE.rst"})):
        dist = metadata.distribution(dist_name)
        name, data = installed_wheel(dist_name)
        info = f"{name.split('-py3')[0]}.dist-info"
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            assert {f"{info}/{licence}" for licence in licences} <= names, (dist_name, names)
            assert zf.read(f"{info}/METADATA") == dist.read_text("METADATA").encode()
            assert f"{info}/INSTALLER" not in names
        assert dist.version in name


def test_shipped_third_party_versions_are_the_pinned_ones():
    pins = re.findall(r'"(openpyxl|et-xmlfile)==([\d.]+)"', (ROOT / "pyproject.toml").read_text())
    assert len(pins) == 2
    for dist_name, version in pins:
        assert metadata.version(dist_name) == version
