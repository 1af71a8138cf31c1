"""Build an offline bundle (wheelhouse) of govopen and all its dependencies.

For intranets without internet access: run this once on a machine that can reach
PyPI, copy the ``wheelhouse`` folder to the intranet, and install there with::

    pip install --no-index --find-links wheelhouse govopen          (Linux)
    py -m pip install --no-index --find-links wheelhouse govopen    (Windows)

Usage (from the repository root)::

    python tools/wheelhouse.py                      # Windows + Linux, Python 3.10-3.13
    python tools/wheelhouse.py --platform win_amd64 --python 3.12   # one pair only

Only binary wheels are downloaded (``--only-binary=:all:``), so the intranet machine
needs no compiler. The wheels are not committed to the repository.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

#: platform name -> the pip ``--platform`` tags that machine accepts (newest first)
PLATFORMS: dict[str, list[str]] = {
    "win_amd64": ["win_amd64"],
    "manylinux_x86_64": [
        "manylinux_2_28_x86_64",
        "manylinux_2_17_x86_64",
        "manylinux2014_x86_64",
    ],
}
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]


def _pip(*args: str) -> None:
    command = [sys.executable, "-m", "pip", *args]
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True)


def build(out: Path, platforms: list[str], pythons: list[str]) -> None:
    """govopen's own wheel, then every dependency for each platform and Python version."""
    out.mkdir(parents=True, exist_ok=True)
    _pip("wheel", "--no-deps", "--wheel-dir", str(out), str(REPO))
    [wheel] = sorted(out.glob("govopen-*.whl"))[-1:]
    for platform in platforms:
        tags = [arg for tag in PLATFORMS[platform] for arg in ("--platform", tag)]
        for python in pythons:
            _pip(
                "download",
                "--only-binary=:all:",
                *tags,
                "--python-version",
                python,
                "--implementation",
                "cp",
                "--dest",
                str(out),
                str(wheel),
            )
    wheels = sorted(p.name for p in out.glob("*.whl"))
    print(f"\n{out}：{len(wheels)} 个 wheel 文件")
    for name in wheels:
        print("  " + name)


def main() -> None:
    """Parse the command line and build the wheelhouse."""
    parser = argparse.ArgumentParser(
        description="为内网离线安装准备 govopen 及全部依赖的 wheel 文件。"
    )
    parser.add_argument("--out", type=Path, default=REPO / "wheelhouse", help="输出文件夹")
    parser.add_argument(
        "--platform", action="append", choices=sorted(PLATFORMS), help="平台（可重复；默认全部）"
    )
    parser.add_argument(
        "--python", action="append", choices=PYTHONS, help="Python 版本（可重复；默认 3.10-3.13）"
    )
    args = parser.parse_args()
    build(args.out, args.platform or sorted(PLATFORMS), args.python or PYTHONS)


if __name__ == "__main__":
    main()
