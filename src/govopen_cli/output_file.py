"""Writing output files atomically: nothing half-written, ever.

Every file govopen writes (reports, baselines, workbooks, imported catalogs) goes
to a temporary file beside its target and is moved into place only when complete.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from govopen_cli.errors import OutputError


def _file_mode(path: Path) -> int:
    """The mode a new file would get (umask applied), or the mode of the file replaced."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; moved into place on success.

    Nothing half-written is ever left at ``path``: on any error the temporary file
    is removed and ``path`` is untouched. The result gets the permissions an
    ordinary new file would (or keeps those of the file it replaces), so colleagues
    on a shared folder can open it.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"输出目录不存在：{folder}。请先创建该目录，或换一个输出路径")
    if path.is_dir():
        raise OutputError(f"{path} 是一个目录：请写出文件名，如 {path / '报告.txt'}")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"无法在 {folder} 中写入文件：{exc.strerror or exc}。请检查该目录的写入权限"
        ) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, _file_mode(path))
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"无法写入 {path}：{exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_path`)."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
