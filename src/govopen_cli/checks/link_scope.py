"""Where a link written inside a catalog (``catalog.duties``) may lead.

A catalog is often checked in CI on a pull request, with its output in a public log.
A link that could name any file — ``/etc/shadow``, ``/proc/self/environ``, a
``.git-credentials`` — would let a pull request print that file's lines as "unknown
field" messages. So a link stays inside the project: below the folder of the
governing govopen.toml, or else the git repository the catalog is in, or else the
working folder (the catalog's own folder when it is not below it);
``--allow-outside-links`` widens it. And a linked file that is not a
三定 mapping is named as such, without quoting a word of it.
"""

from __future__ import annotations

from pathlib import Path

from govopen_cli.catalog.config import Config


def project_root(catalog_path: Path | None, config: Config) -> Path:
    """The folder links must stay below (see the module docstring)."""
    if config.path is not None:
        return config.path.parent.resolve()
    start = (catalog_path.parent if catalog_path is not None else Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    cwd = Path.cwd().resolve()
    return cwd if start == cwd or cwd in start.parents else start


def link_problem(ref: str, target_base: Path, root: Path) -> str | None:
    """Why the link ``ref`` (resolved against ``target_base``) may not be followed, or None."""
    if "\0" in ref:
        return "catalog.duties 中含有 NUL 字符，不是有效的路径。请改为三定映射文件的相对路径"
    if len(ref) > 1024:
        return f"catalog.duties 的路径有 {len(ref)} 个字符，过长，不是有效的路径。请改为三定映射文件的相对路径"
    try:
        target = (target_base / ref).resolve()
    except (OSError, ValueError, RuntimeError):
        return "catalog.duties 不是有效的路径（无法解析）。请改为三定映射文件的相对路径"
    if target != root and root not in target.parents:
        return (
            f"catalog.duties 指向项目文件夹 {root} 以外的文件，未读取（防止读出项目以外的文件）。"
            "请把三定映射文件放进项目，或检查时加 --allow-outside-links"
        )
    return None
