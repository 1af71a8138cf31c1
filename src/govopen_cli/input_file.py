"""The one door every input file comes through: regular files only, and a size bound.

Whatever path a user (or a file the user was given) names — a catalog, a 三定 mapping,
``--baseline``, ``--holidays``, a ledger, a workbook, ``govopen.toml`` — its bytes
are read by :func:`read_input`:

* only a regular file is read: a FIFO, ``/dev/zero``, a terminal or a socket is
  refused at once, without blocking (the file is opened with ``O_NONBLOCK`` and
  looked at with ``fstat`` before anything is read);
* at most :data:`MAX_INPUT_BYTES` (:data:`MAX_WORKBOOK_BYTES` for a workbook) are
  read: a larger file is refused, never loaded;
* a path too long for the system, or holding a NUL character, is a message, not a
  traceback.

Every file read is remembered (device and inode, and its resolved path) so that the
output door (:mod:`govopen_cli.output_file`) can refuse to write over an input.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from govopen_cli.errors import GovopenError

#: The largest text input read (a catalog, mapping, ledger, baseline, holiday file): 64 MiB.
MAX_INPUT_BYTES = 64 * 1024 * 1024
#: The largest workbook (.xlsx) read: 100 MiB (its contents are bounded separately).
MAX_WORKBOOK_BYTES = 100 * 1024 * 1024

_CHUNK = 1 << 20

#: (st_dev, st_ino) of every file read in this run, and their resolved paths.
_READ_IDS: set[tuple[int, int]] = set()
_READ_PATHS: set[str] = set()


class InputFileError(GovopenError):
    """An input path that cannot be read as a file: the message says why, in Chinese."""


def _size_text(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} 字节"


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "文件夹"
    if stat.S_ISFIFO(mode):
        return "管道（FIFO）"
    if stat.S_ISCHR(mode):
        return "字符设备（如 /dev/zero、终端）"
    if stat.S_ISBLK(mode):
        return "块设备"
    if stat.S_ISSOCK(mode):
        return "套接字"
    return "特殊文件"


def shown(path: Path | str) -> str:
    """A path as a message may quote it: control characters escaped, long paths cut."""
    text = str(path)
    if len(text) > 200:
        text = text[:120] + f"…（共 {len(text)} 个字符）"
    return "".join(ch if ch.isprintable() or ch == " " else f"\\x{ord(ch):02x}" for ch in text)


def _open_error(path: Path | str, exc: OSError) -> InputFileError:
    name = shown(path)
    if exc.errno == errno.ENOENT:
        if os.path.islink(path):
            target = shown(os.readlink(path))
            return InputFileError(
                f"{name} 是一个链接，它指向的 {target} 不存在。请修复或删除这个链接"
            )
        return InputFileError(f"找不到文件 {name}。请检查路径")
    if exc.errno == errno.ENAMETOOLONG:
        return InputFileError(f"路径过长，系统无法打开：{name}。请检查路径是否写错")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputFileError(f"没有读取权限：{name}。请检查文件权限")
    if exc.errno == errno.EISDIR:
        return InputFileError(f"{name} 是一个文件夹，不是文件")
    if exc.errno == errno.ELOOP:
        return InputFileError(f"{name} 是循环的符号链接，无法打开")
    return InputFileError(f"无法读取 {name}：{exc.strerror or exc}")


def open_regular(path: Path | str) -> tuple[int, os.stat_result]:
    """An open descriptor of ``path`` and its status, when it is a regular file.

    Never blocks: a FIFO with no writer, a device or a socket is refused before
    anything is read from it. The caller closes the descriptor.
    """
    if "\0" in str(path):
        raise InputFileError(f"路径中含有 NUL 字符，无法打开：{shown(path)}")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _open_error(path, exc) from exc
    except ValueError as exc:  # embedded NUL, on some platforms
        raise InputFileError(f"路径无法打开：{shown(path)}") from exc
    try:
        status = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        raise _open_error(path, exc) from exc
    if not stat.S_ISREG(status.st_mode):
        os.close(fd)
        raise InputFileError(
            f"{shown(path)} 是{_kind_of(status.st_mode)}，不是普通文件，未读取。请给出一个文件"
        )
    return fd, status


def _remember(path: Path | str, status: os.stat_result) -> None:
    _READ_IDS.add((status.st_dev, status.st_ino))
    with contextlib.suppress(OSError, RuntimeError, ValueError):
        _READ_PATHS.add(str(Path(path).resolve()))


def read_input(path: Path | str, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises :class:`InputFileError` (exit status 2, or a diagnostic where the caller
    makes one) for anything that is not a readable regular file within the bound.
    """
    fd, status = open_regular(path)
    try:
        if status.st_size > limit:
            raise InputFileError(
                f"{shown(path)} 有 {_size_text(status.st_size)}，超过 govopen 读取的上限 "
                f"{_size_text(limit)}，未读取。请确认文件是否选错，或拆分后再处理"
            )
        chunks: list[bytes] = []
        total = 0
        while True:
            try:
                chunk = os.read(fd, _CHUNK)
            except OSError as exc:
                raise _open_error(path, exc) from exc
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise InputFileError(
                    f"{shown(path)} 在读取时超过了上限 {_size_text(limit)}，未读取"
                )
            chunks.append(chunk)
    finally:
        os.close(fd)
    _remember(path, status)
    return b"".join(chunks)


def read_input_text(path: Path | str, *, limit: int = MAX_INPUT_BYTES) -> str:
    """:func:`read_input` decoded as UTF-8 (a BOM accepted); undecodable bytes are an error."""
    raw = read_input(path, limit=limit)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{shown(path)} 不是 UTF-8 编码的文本（第 {exc.start + 1} 个字节起无法识别）。"
            "请另存为 UTF-8 编码"
        ) from exc


def is_input(path: Path | str) -> bool:
    """Whether ``path`` is (the same file as) one read by :func:`read_input` in this run."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        status = None
    if status is not None and (status.st_dev, status.st_ino) in _READ_IDS:
        return True
    try:
        return str(Path(path).resolve()) in _READ_PATHS
    except (OSError, RuntimeError, ValueError):
        return False


def note_input(path: Path | str) -> None:
    """Remember ``path`` as an input without reading it (a file another library opens)."""
    with contextlib.suppress(OSError, ValueError):
        _remember(path, os.stat(path))


def forget_inputs() -> None:
    """Forget the inputs remembered (a new command in the same process: tests)."""
    _READ_IDS.clear()
    _READ_PATHS.clear()
