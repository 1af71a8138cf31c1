"""The guides: the shipped ones by name, or a guide file of the agency's own, loaded as a catalog.

A province or an agency that holds the full text of its field's guide can write it in the
catalog format (``govopen import 标准目录.xlsx`` does that) and name the file:
``--guide 标准目录/自然资源.yaml`` or ``guide = "标准目录/自然资源.yaml"`` in govopen.toml.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from govopen_cli.catalog.config import guide_is_file
from govopen_cli.catalog.files import load_file
from govopen_cli.catalog.model import Catalog
from govopen_cli.catalog.model_build import not_a_catalog
from govopen_cli.errors import UsageError

#: ``--guide`` name -> data file in ``govopen_cli/guide/data``. Aliases a user may type
#: ("自然资源领域") point to the same file.
GUIDES = {"自然资源": "自然资源.yaml"}
_ALIASES = {"自然资源领域": "自然资源", "zrzy": "自然资源", "natural-resources": "自然资源"}


def guide_names() -> list[str]:
    """The names ``--guide`` and govopen.toml's ``guide`` accept."""
    return list(GUIDES)


def guide_path(name: str) -> Path:
    """The data file of the guide called ``name`` (or the file ``name`` names);
    :class:`UsageError` for an unknown name or a missing file."""
    if guide_is_file(name):
        path = Path(name)
        if not path.is_file():
            raise UsageError(
                f"标准目录文件 {name} 不存在：请改正路径，或用附带的标准目录"
                f"（如 --guide {next(iter(GUIDES))}）"
            )
        return path
    key = _ALIASES.get(name, name)
    if key not in GUIDES:
        raise UsageError(
            f"没有名为 {name!r} 的标准目录：可选 {'、'.join(GUIDES)}（如 --guide 自然资源），"
            "或写出按目录格式保存的标准目录文件（.yaml）"
        )
    return Path(str(resources.files("govopen_cli.guide") / "data" / GUIDES[key]))


def load_guide(name: str) -> Catalog:
    """The guide called ``name`` as a catalog (its rows are the items)."""
    loaded = load_file(guide_path(name), "catalog")
    other = not_a_catalog(loaded.document.data) if loaded.document is not None else None
    if guide_is_file(name) and other is not None:
        raise UsageError(
            f"标准目录文件 {name} 是{other}，不是目录格式的标准目录：请改为标准目录文件"
            "（有 catalog、items，每个事项是标准目录的一行）"
        )
    if loaded.catalog is None and guide_is_file(name):
        raise UsageError(
            f"标准目录文件 {name} 无法作为目录读取：请先运行 govopen check {name}，"
            "按提示改正后再对照"
        )
    if loaded.catalog is None:  # the shipped data is tested; this is a broken install
        raise UsageError(f"附带的标准目录 {name} 无法读取：请重新安装 govopen")
    return loaded.catalog
