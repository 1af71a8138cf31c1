"""Where a link written inside a catalog (``catalog.duties``) may lead.

A catalog is often checked in CI on a pull request, with its output in a public log.
A link that could name any file — ``/etc/shadow``, ``/proc/self/environ``, a
``.git-credentials`` — would let a pull request print that file's lines as "unknown
field" messages. So a link stays inside the project: below the folder of the
governing govopen.toml or the git repository the catalog is in, or else (neither
exists) the working folder (the catalog's own folder when it is not below it);
``--allow-outside-links`` widens it. And a linked file that is not a
三定 mapping is named as such, without quoting a word of it.
"""

from __future__ import annotations

from pathlib import Path

from govopen_cli.catalog.config import Config


def project_roots(catalog_path: Path | None, config: Config) -> tuple[Path, ...]:
    """The folders links may stay below (see the module docstring)."""
    roots: list[Path] = []
    if config.path is not None:
        roots.append(config.path.parent.resolve())
    start = (catalog_path.parent if catalog_path is not None else Path.cwd()).resolve()
    repository = next((f for f in (start, *start.parents) if (f / ".git").exists()), None)
    if repository is not None:
        roots.append(repository)
    if roots:
        return tuple(roots)
    cwd = Path.cwd().resolve()
    return (cwd if start == cwd or cwd in start.parents else start,)


def link_problem(ref: str, target_base: Path, roots: tuple[Path, ...]) -> str | None:
    """Why the link ``ref`` (resolved against ``target_base``) may not be followed, or None."""
    if "\0" in ref:
        return "catalog.duties 中含有 NUL 字符，不是有效的路径。请改为三定映射文件的相对路径"
    if len(ref) > 1024:
        return f"catalog.duties 的路径有 {len(ref)} 个字符，过长，不是有效的路径。请改为三定映射文件的相对路径"
    try:
        target = (target_base / ref).resolve()
    except (OSError, ValueError, RuntimeError):
        return "catalog.duties 不是有效的路径（无法解析）。请改为三定映射文件的相对路径"
    if not any(target == root or root in target.parents for root in roots):
        return (
            f"catalog.duties 指向项目文件夹 {roots[0]} 以外的文件，未读取（防止读出项目以外的文件）。"
            "请把三定映射文件放进项目，或检查时加 --allow-outside-links"
        )
    return None
