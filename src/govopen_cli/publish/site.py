"""``govopen publish``: a catalog file in, the folder with its public page out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from govopen_cli.catalog.files import load_catalog
from govopen_cli.errors import PathNotFoundError
from govopen_cli.publish.catalog_page import catalog_page
from govopen_cli.publish.page import write_site


@dataclass(frozen=True)
class Published:
    """What was written."""

    index: Path
    agency: str
    items: int


def publish_catalog(path: Path, folder: Path, *, date: dt.date, force: bool = False) -> Published:
    """Write ``folder/index.html`` and its assets for the catalog at ``path``."""
    if not path.is_file():
        raise PathNotFoundError(f"找不到目录文件：{path}")
    catalog = load_catalog(path)
    html = catalog_page(catalog, date=date)
    index = write_site(folder, html, force=force)
    return Published(index=index, agency=catalog.agency, items=len(catalog.items))
