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
from dataclasses import dataclass, field
from pathlib import Path

from govopen_cli.catalog.files import display_path, load_bytes, load_file
from govopen_cli.catalog.model import Catalog, DutyMap
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


@dataclass
class LoadedSide:
    """One side after loading: the catalog (None when unusable) and its mapping."""

    spec: SideSpec
    display: str
    diagnostics: list[Diagnostic]
    catalog: Catalog | None = None
    dutymap: DutyMap | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        """A catalog was read and has no errors."""
        return self.catalog is not None and not any(
            d.severity >= Severity.ERROR for d in self.diagnostics
        )


def _git(args: list[str], what: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], capture_output=True, check=False)
    except OSError as exc:
        raise GovopenError(f"无法运行 git 来读取 {what}：{exc.strerror or exc}") from exc
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        detail = reason[-1] if reason else f"git 退出状态 {done.returncode}"
        raise GovopenError(f"无法从 git 读取 {what}：{detail}")
    return done.stdout


def read_git_file(rev: str, path: str) -> bytes:
    """The bytes of ``path`` at revision ``rev`` (``git show REV:path``).

    Raises :class:`GovopenError` naming the revision and path when git cannot
    give a file: not a repository, unknown revision, no such path, a folder.
    """
    what = f"{rev}:{path}（修订版本 {rev or '暂存区'}，路径 {path}）"
    kind = _git(["cat-file", "-t", f"{rev}:{path}"], what).decode().strip()
    if kind != "blob":
        raise GovopenError(f"无法从 git 读取 {what}：这不是文件（是 {kind}）")
    return _git(["show", f"{rev}:{path}"], what)


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
            Diagnostic(
                file=loc.file,
                line=loc.line,
                column=loc.column,
                code=GD001.code,
                severity=Severity.ERROR,
                message=f"事项编号 {item.id} 重复（另一处在第 {earlier.line} 行）："
                "对比按编号配对事项，编号必须唯一",
                path=f"{item.pointer}/id",
                name=GD001.name,
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
