"""Pack pure-Python wheels for the browser, without any build backend.

Our own browser modules are packed from the source tree (content hash in the
version, so a new build never reuses a cached wheel); third-party pure-Python
packages the browser needs (openpyxl) are repacked from the installed
distribution, so the build needs no network.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

# Fixed timestamp: the same files give the same wheel bytes.
_EPOCH = (2020, 1, 1, 0, 0, 0)


def _record_hash(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def pack_wheel(
    name: str, version: str, files: dict[str, bytes], info_files: dict[str, bytes] | None = None
) -> tuple[str, bytes]:
    """Return ``(filename, bytes)`` of a py3-none-any wheel holding ``files``.

    ``info_files`` go into the ``.dist-info`` folder by name (a third-party
    package's own METADATA, licence and authors files); a METADATA given there
    replaces the minimal one written here.
    """
    dist = name.replace("-", "_")
    info = f"{dist}-{version}.dist-info"
    meta = {
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode(),
        **{f"{info}/{file}": data for file, data in sorted((info_files or {}).items())},
        f"{info}/WHEEL": (
            b"Wheel-Version: 1.0\nGenerator: huifang-kb\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        ),
    }
    entries = {**dict(sorted(files.items())), **meta}
    record = "".join(f"{path},{_record_hash(data)},{len(data)}\n" for path, data in entries.items())
    record += f"{info}/RECORD,,\n"
    entries[f"{info}/RECORD"] = record.encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, data in entries.items():
            zf.writestr(zipfile.ZipInfo(path, _EPOCH), data, zipfile.ZIP_DEFLATED)
    return f"{dist}-{version}-py3-none-any.whl", buf.getvalue()


def source_files(root: Path, package: str, exclude: Iterable[str] = ()) -> dict[str, bytes]:
    """The ``.py`` and data files of ``root/package``, minus the excluded subpackages."""
    skip = {f"{package}/{name}" for name in exclude}
    files = {}
    for path in sorted((root / package).rglob("*")):
        arc = path.relative_to(root).as_posix()
        if not path.is_file() or "__pycache__" in arc or path.suffix == ".pyc":
            continue
        if any(arc == s or arc.startswith(s + "/") for s in skip):
            continue
        files[arc] = path.read_bytes()
    return files


def content_version(base: str, files: dict[str, bytes]) -> str:
    """``base`` plus a short hash of ``files`` as a PEP 440 local version."""
    digest = hashlib.sha256()
    for arc, data in sorted(files.items()):
        digest.update(arc.encode() + b"\0" + data + b"\0")
    return f"{base}+{digest.hexdigest()[:12]}"


# Written anew for the repacked wheel, or about the local install only.
_INFO_SKIP = {"RECORD", "WHEEL", "INSTALLER", "REQUESTED", "direct_url.json"}


def installed_wheel(dist_name: str) -> tuple[str, bytes]:
    """Repack an installed pure-Python distribution: its package files, and its own
    metadata and licence files (a shipped package keeps its licence)."""
    dist = metadata.distribution(dist_name)
    files, info = {}, {}
    for entry in dist.files or ():
        arc = entry.as_posix()
        if "__pycache__" in arc or arc.startswith(".."):
            continue
        path = Path(dist.locate_file(entry))
        if ".dist-info/" in arc:
            name = arc.split(".dist-info/", 1)[1]
            if name not in _INFO_SKIP:
                info[name] = path.read_bytes()
        elif arc.endswith((".py", ".typed")) or "/" in arc:
            files[arc] = path.read_bytes()
    return pack_wheel(dist.metadata["Name"], dist.version, files, info)
