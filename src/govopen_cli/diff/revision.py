"""One side of ``govopen diff``: a catalog file, or a catalog at a git revision.

A side is written as a path (``catalogs/2024.yaml``) or as ``REV:path``
(``HEAD~1:catalogs/2024.yaml``), which is read with ``git show`` in the current
repository, the path taken as git takes it (from the repository root, or from the
working directory when it starts with ``./`` or ``../``). A path that exists as a
file is always a file, so a name containing ``:`` and a Windows path such as
``C:\\catalogs\\2024.yaml`` are never mistaken for a revision.

Both kinds go through the same loader and schema check as ``govopen check``.
Problems in the files are diagnostics; only a side that cannot be read at all (a
missing file, a revision or path git does not know) raises
:class:`~govopen_cli.errors.GovopenError`.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from dataclasses import dataclass, field, replace
from pathlib import Path

from govopen_cli.catalog.files import display_path, load_bytes, load_file
from govopen_cli.catalog.model import Catalog, DutyMap, Location
from govopen_cli.codes.gd import GD001
from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.errors import GovopenError, PathNotFoundError

_WINDOWS_PATH = re.compile(r"^[A-Za-z]:[\\/]")


@dataclass(frozen=True)
class SideSpec:
    """Where one side is read from: ``rev`` is None for a file on disk."""

    text: str
    path: str
    rev: str | None = None


def parse_side(text: str) -> SideSpec:
    """Tell ``REV:path`` from a file path.

    An existing file wins, then a Windows drive path; otherwise the text before
    the first ``:`` is the revision (empty means the index, as in ``git show :path``).
    """
    if ":" not in text or Path(text).is_file() or _WINDOWS_PATH.match(text):
        return SideSpec(text=text, path=text)
    rev, path = text.split(":", 1)
    if not path:
        raise GovopenError(
            f"{text} 缺少文件路径：应写成 修订版本:路径，如 HEAD~1:catalogs/2024.yaml"
        )
    return SideSpec(text=text, path=path, rev=rev)


class ItemPositions:
    """Where the items of a catalog are written: all a diff locates in the old catalog.

    The old side's changes are located at an item (GD102, a removed item) or at its
    ``duties`` (GD301, when the catalog or its 三定 mapping links duties to items).
    Those positions are looked up once, so that the file's position index and data
    can be dropped before the new side is read: the diff then holds one file's
    index at a time. Locating any other pointer is a programming error.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.display = catalog.display
        self._at: dict[str, Location] = {}
        duties = bool(catalog.duties_ref) or any(item.duties for item in catalog.items)
        for item in catalog.items:
            self._at[item.pointer] = catalog.locate(item.pointer)
            if duties:
                pointer = f"{item.pointer}/duties"
                self._at[pointer] = catalog.locate(pointer)

    def locate(self, pointer: str) -> Location:
        """The position of an item or of its ``duties``, as the catalog located it."""
        try:
            return self._at[pointer]
        except KeyError:
            raise LookupError(f"{self.display}: no position kept for {pointer}") from None


@dataclass
class LoadedSide:
    """One side after loading: the catalog (None when unusable) and its mapping."""

    spec: SideSpec
    display: str
    diagnostics: list[Diagnostic]
    catalog: Catalog | None = None
    dutymap: DutyMap | None = None
    notes: list[str] = field(default_factory=list)
    #: Set by :meth:`keep_item_positions`: the catalog's document is then dropped.
    positions: ItemPositions | None = None

    @property
    def usable(self) -> bool:
        """A catalog was read and has no errors."""
        return self.catalog is not None and not any(
            d.severity >= Severity.ERROR for d in self.diagnostics
        )

    def keep_item_positions(self) -> None:
        """Keep only the items' positions (:class:`ItemPositions`) and drop the document.

        The catalog keeps its items, header and path; the parsed data and the position
        index of the whole file go.
        """
        if self.catalog is None or self.catalog.document is None:
            return
        self.positions = ItemPositions(self.catalog)
        self.catalog = replace(self.catalog, document=None)


def _git(args: list[str], what: str, rev: str = "", path: str = "") -> bytes:
    try:
        done = subprocess.run(["git", *args], capture_output=True, check=False)
    except OSError as exc:
        raise GovopenError(
            f"无法读取 {what}：找不到 git 程序。"
            "读取 修订版本:路径 要用 git：请安装 git（https://git-scm.com）并确认在命令行中能运行 git；"
            "或先把该版本另存为文件（git show 修订版本:路径 > 旧.yaml），再对比两个文件"
        ) from exc
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", errors="replace")
        raise GovopenError(f"无法读取 {what}：{_git_reason(stderr, done.returncode, rev, path)}")
    return done.stdout


def _git_reason(stderr: str, status: int, rev: str, path: str) -> str:
    """git's English error, said in Chinese with the fix."""
    if "not a git repository" in stderr:
        return (
            f"当前文件夹 {Path.cwd()} 不在 git 仓库中。请在目录所在的仓库里运行 govopen diff"
            "（先 cd 到仓库根目录），或对比两个文件"
        )
    if "invalid object name" in stderr or "unknown revision" in stderr or "bad revision" in stderr:
        return (
            f"git 仓库中没有修订版本 {rev}。修订版本可以是提交号、分支、标签或 HEAD~1"
            "（上一个提交）；用 git log --oneline 查看有哪些提交"
        )
    if "exists on disk, but not in" in stderr:
        return (
            f"{path} 在磁盘上有，但修订版本 {rev} 中还没有它（尚未提交）。"
            "请先提交，或把它当作文件直接对比（不写 修订版本:）"
        )
    if "does not exist in" in stderr or "exists, but not" in stderr:
        return f"修订版本 {rev} 中没有路径 {path}。" + _path_hint(stderr, rev, path)
    lines = stderr.strip().splitlines()
    return lines[-1] if lines else f"git 以状态 {status} 结束"


def _path_hint(stderr: str, rev: str, path: str) -> str:
    hint = (
        "修订版本:路径 中的路径从仓库根目录算起（或以 ./ 开头，从当前文件夹算起），"
        f"用 / 分隔，不用 \\；用 git ls-tree -r --name-only {rev or 'HEAD'} 查看该版本中的文件"
    )
    try:
        prefix = _git(["rev-parse", "--show-prefix"], path).decode().strip()
    except GovopenError:
        prefix = ""
    if prefix and not path.startswith(("./", "../")):
        return (
            f"你在仓库的子文件夹 {prefix.rstrip('/')} 中：要读当前文件夹下的 {path}，"
            f"写 {rev}:./{path} 或 {rev}:{prefix}{path}。" + hint
        )
    return hint


def read_git_file(rev: str, path: str) -> bytes:
    """The bytes of ``path`` at revision ``rev`` (``git show REV:path``).

    Raises :class:`GovopenError` naming the revision and path, in Chinese with the fix,
    when git cannot give a file: git missing, not a repository, unknown revision, no
    such path (or one written with ``\\``), a folder.
    """
    what = f"{rev}:{path}（修订版本 {rev or '暂存区'}，路径 {path}）"
    if "\\" in path:
        raise GovopenError(
            f"无法读取 {what}：git 的路径用 / 分隔，不用 \\。"
            f"请写成 {rev}:{path.replace(chr(92), '/')}（路径从仓库根目录算起）"
        )
    kind = _git(["cat-file", "-t", f"{rev}:{path}"], what, rev, path).decode().strip()
    if kind == "tree":
        raise GovopenError(
            f"无法读取 {what}：这是文件夹，不是文件。请写出其中的目录文件，如 {rev}:{path}/2025.yaml"
        )
    if kind != "blob":
        raise GovopenError(f"无法读取 {what}：这不是文件（是 {kind}）")
    return _git(["show", f"{rev}:{path}"], what, rev, path)


def _repo_path(path: str) -> str:
    """``path`` as git reads it after ``REV:``, made relative to the repository root."""
    if path.startswith(("./", "../")):
        prefix = _git(["rev-parse", "--show-prefix"], path).decode().strip()
        path = prefix + path
    return posixpath.normpath(path)


def _duplicate_ids(catalog: Catalog) -> list[Diagnostic]:
    first: dict[str, int] = {}
    out = []
    for item in catalog.items:
        if not item.id:
            continue
        if item.id not in first:
            first[item.id] = item.index
            continue
        loc = catalog.locate(f"{item.pointer}/id")
        earlier = catalog.locate(f"/items/{first[item.id]}/id")
        out.append(
            GD001.at(
                loc.file,
                f"事项编号 {item.id} 重复（另一处在第 {earlier.line} 行）："
                "对比按编号配对事项，编号必须唯一",
                line=loc.line,
                column=loc.column,
                path=f"{item.pointer}/id",
                severity=Severity.ERROR,
            )
        )
    return out


def load_side(text: str) -> LoadedSide:
    """Load one side of a diff: the catalog, checked like ``govopen check`` would.

    The 三定 mapping is not loaded here (see :func:`load_mapping`).
    """
    spec = parse_side(text)
    if spec.rev is None:
        path = Path(spec.path)
        if not path.is_file():
            if path.is_dir():
                raise GovopenError(f"{spec.path} 是文件夹：govopen diff 对比两个目录文件")
            raise PathNotFoundError(f"文件不存在：{spec.path}")
        loaded = load_file(path, "catalog")
    else:
        raw = read_git_file(spec.rev, spec.path)
        loaded = load_bytes(raw, Path(_repo_path(spec.path)), spec.text, "catalog")
    if loaded.kind == "duties":
        raise GovopenError(
            f"{loaded.display} 是三定映射文件，不是目录文件：govopen diff 对比两个目录文件"
        )
    diagnostics = list(loaded.diagnostics)
    if loaded.catalog is not None:
        diagnostics.extend(_duplicate_ids(loaded.catalog))
    return LoadedSide(spec, loaded.display, diagnostics, catalog=loaded.catalog)


def load_mapping(side: LoadedSide) -> None:
    """Load the 三定 mapping the side's catalog names, from the same place.

    A file side reads it relative to the catalog file; a git side reads it from the
    same revision, relative to the catalog's path in the repository. A mapping that
    cannot be used leaves ``side.dutymap`` None and says why in ``side.notes``.
    """
    catalog = side.catalog
    if catalog is None or not catalog.duties_ref:
        return
    spec = side.spec
    if spec.rev is None:
        target = catalog.duties_path
        assert target is not None
        shown = display_path(target)
        if not target.is_file():
            side.notes.append(f"{side.display} 的三定映射 {shown} 不存在")
            return
        loaded = load_file(target, "duties")
    else:
        base = posixpath.dirname(_repo_path(spec.path))
        repo_path = posixpath.normpath(posixpath.join(base, catalog.duties_ref))
        shown = f"{spec.rev}:{repo_path}"
        if repo_path.startswith("../"):
            side.notes.append(f"{side.display} 的三定映射 {catalog.duties_ref} 在仓库之外")
            return
        try:
            raw = read_git_file(spec.rev, repo_path)
        except GovopenError as exc:
            side.notes.append(str(exc))
            return
        loaded = load_bytes(raw, Path(repo_path), shown, "duties")
    errors = [d for d in loaded.diagnostics if d.severity >= Severity.ERROR]
    if loaded.dutymap is None or errors:
        side.notes.append(
            f"{side.display} 的三定映射 {shown} 有 {len(errors)} 个错误（先用 govopen check 修正）"
        )
        return
    side.dutymap = loaded.dutymap
