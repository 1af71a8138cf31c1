"""govopen：政务公开基本目录（标准目录）检查工具。"""

from __future__ import annotations

__version__ = "0.1.0"
