"""The one door every output file goes through: nothing half-written, nothing lost.

Every file govopen writes (reports, baselines, workbooks, imported catalogs):

* is never one of the command's inputs — the target is compared with every file
  read in this run (:mod:`govopen_cli.input_file`) by resolved path and by file
  identity (device and inode), so ``check 2025.yaml -o 2025.yaml`` is refused, even
  with ``--force`` and through a link;
* never replaces an existing file without ``--force``: the finished file is put in
  place with a hard link, which fails if the name was taken meanwhile, so two runs
  writing one new target cannot both succeed;
* goes to a temporary file beside its target and is moved into place only when
  complete; on an error, Ctrl-C, ``SIGTERM`` or ``SIGHUP`` the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from glob import escape as glob_escape
from pathlib import Path
from types import FrameType

from govopen_cli.errors import OutputError
from govopen_cli.input_file import is_input, shown


class Terminated(KeyboardInterrupt):
    """``SIGTERM`` or ``SIGHUP`` received: unwinds like Ctrl-C, so temporary files go."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


#: The signal that interrupted this run (TERM, HUP), for the exit status 128 + signal.
interrupted_by: list[int] = []


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    interrupted_by.append(signum)
    raise Terminated(signum)


@contextmanager
def signals_unwind() -> Iterator[None]:
    """While inside: ``SIGTERM`` and ``SIGHUP`` raise :class:`Terminated` (cleanups run)."""
    saved: list[tuple[int, object]] = []
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        with contextlib.suppress(ValueError, OSError):  # not the main thread: left alone
            saved.append((signum, signal.signal(signum, _raise_terminated)))
    try:
        yield
    finally:
        for signum, handler in saved:
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(signum, handler)  # type: ignore[arg-type]


@contextmanager
def private_tempdir() -> Iterator[Path]:
    """A fresh temporary folder that libraries (openpyxl) use while inside; removed after.

    openpyxl streams each sheet of a large workbook through ``openpyxl.*`` files in the
    temporary folder and leaves them there when interrupted; inside this context they
    go to a folder of their own, removed on success, error, Ctrl-C, TERM and HUP.
    """
    base = Path(tempfile.gettempdir())
    _sweep(base.glob("govopen-*-*"), "govopen-", folder=True)
    folder = Path(tempfile.mkdtemp(prefix=f"govopen-{os.getpid()}-"))
    saved = tempfile.tempdir
    tempfile.tempdir = str(folder)
    try:
        with signals_unwind():
            yield folder
    finally:
        tempfile.tempdir = saved
        shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's process: leave its files alone
    return True


def _sweep(paths: Iterable[Path], prefix: str, *, folder: bool = False) -> None:
    """Remove what a killed govopen left (``kill -9``: no cleanup could run then).

    Only names carrying the number of a process that no longer runs are removed.
    """
    for path in paths:
        pid = path.name.removeprefix(prefix).split("-" if folder else ".")[0]
        if not path.name.startswith(prefix) or not pid.isdigit() or _alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            if folder:
                shutil.rmtree(path)
            elif path.name.endswith(".tmp"):
                path.unlink()


def _file_mode(path: Path) -> int:
    """The mode a new file would get (umask applied), or the mode of the file replaced."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def check_target(path: Path, force: bool = False, what: str = "") -> None:
    """Refuse a target before any work: an input, a folder, a missing folder, a file kept.

    ``what`` completes the message about a file that exists (``（可能是已填写的检查表）``).
    """
    folder = path.parent if str(path.parent) else Path(".")
    if "\0" in str(path):
        raise OutputError(f"输出路径中含有 NUL 字符：{shown(path)}")
    if is_input(path):
        raise OutputError(
            f"输出文件 {shown(path)} 就是本次读取的输入文件，未写出（写出会覆盖输入）。"
            "请换一个输出文件名"
        )
    if not folder.is_dir():
        raise OutputError(f"输出目录不存在：{shown(folder)}。请先创建该目录，或换一个输出路径")
    if path.is_dir():
        raise OutputError(
            f"{shown(path)} 是一个文件夹：请写出文件名，如 {shown(path / '报告.txt')}"
        )
    if not force and os.path.lexists(path):
        raise OutputError(f"{shown(path)} 已存在{what}，未覆盖。确需覆盖请加 --force")


def _place(tmp: Path, path: Path, force: bool) -> None:
    """Move the finished ``tmp`` to ``path``: replacing only with ``force``."""
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)  # atomic, and fails when the name exists
    except FileExistsError as exc:
        raise OutputError(f"{shown(path)} 已存在，未覆盖。确需覆盖请加 --force") from exc
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links: reserve the name exclusively, then replace.
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError as exists:
            raise OutputError(f"{shown(path)} 已存在，未覆盖。确需覆盖请加 --force") from exists
        os.replace(tmp, path)
        return
    tmp.unlink(missing_ok=True)


@contextmanager
def atomic_path(path: Path, *, force: bool = False) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; moved into place on success.

    Nothing half-written is ever left at ``path``: on any error (Ctrl-C, TERM and HUP
    included) the temporary file is removed and ``path`` is untouched. An existing
    file is replaced only with ``force``; an input of this run never. The result gets
    the permissions an ordinary new file would (or keeps those of the file it
    replaces), so colleagues on a shared folder can open it.
    """
    check_target(path, force)
    folder = path.parent if str(path.parent) else Path(".")
    with signals_unwind():
        try:
            _sweep(folder.glob(f".{glob_escape(path.name)}.[0-9]*.tmp"), f".{path.name}.")
            fd, name = tempfile.mkstemp(
                prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder
            )
        except OSError as exc:
            raise OutputError(
                f"无法在 {shown(folder)} 中写入文件：{exc.strerror or exc}。请检查该目录的写入权限"
            ) from exc
        os.close(fd)
        tmp = Path(name)
        try:
            yield tmp
            if is_input(path):  # became one while we worked (a link made meanwhile)
                raise OutputError(f"输出文件 {shown(path)} 是本次读取的输入文件，未写出")
            os.chmod(tmp, _file_mode(path))
            _place(tmp, path, force)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise OutputError(f"无法写入 {shown(path)}：{exc.strerror or exc}") from exc
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_path`)."""
    with atomic_path(path, force=force) as tmp:
        tmp.write_bytes(data)
