"""``govopen init``: a first repository for an office, ready for ``govopen check``.

Writes govopen.toml, a starter catalog with the rows every agency must have under
第二十条 of the 《政府信息公开条例》, a 三定 mapping to fill in, pre-commit, GitHub
Actions and GitLab CI files and a short README, from the templates in
``govopen_cli/templates``. It never overwrites: when any target exists, nothing is
written (status 2).
"""

from __future__ import annotations

import re
import sys
from importlib import resources
from pathlib import Path

import typer

from govopen_cli import __version__
from govopen_cli.cli.help_screen import HelpCommand
from govopen_cli.errors import UsageError

#: The commands of this module; :mod:`govopen_cli.cli.app` adds them to ``govopen``.
commands = typer.Typer()

LEVELS = ("省级", "市级", "县级", "乡级")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

#: template name -> path in the new repository (``{id}``, ``{year}`` filled in)
FILES: dict[str, str] = {
    "govopen.toml.tmpl": "govopen.toml",
    "catalog.yaml.tmpl": "catalogs/{id}/{year}.yaml",
    "sanding.yaml.tmpl": "catalogs/{id}/sanding.yaml",
    "pre-commit-config.yaml.tmpl": ".pre-commit-config.yaml",
    "github-workflow.yml.tmpl": ".github/workflows/govopen.yml",
    "gitlab-ci.yml.tmpl": ".gitlab-ci.yml",
    "README.md.tmpl": "README.md",
}


def _ask(value: str | None, option: str, prompt: str) -> str:
    """The option's value; asked for on a terminal, a usage error otherwise."""
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise typer.BadParameter(f"缺少 {option}（{prompt}）", param_hint=option)
    answer: str = typer.prompt(prompt)
    return answer.strip()


def _year(text: str) -> int:
    if not text.isdigit() or not 2000 <= int(text) <= 2100:
        raise typer.BadParameter(f"年度应为 2000 至 2100 的四位数字，这里是 {text!r}")
    return int(text)


@commands.command(
    "init",
    cls=HelpCommand,
    epilog=(
        "示例：\n\n"
        "  govopen init 目录仓库 --agency 某某县自然资源局 --year 2026 --id mouxian-zrzyj\n\n"
        "退出状态：0 已生成；2 缺少选项、值无效，或目标文件已存在（不覆盖任何文件）。"
    ),
)
def init_command(
    folder: Path = typer.Argument(
        Path("."), help="新仓库的文件夹（默认当前文件夹，不存在时创建）。", show_default=False
    ),
    agency: str | None = typer.Option(None, "--agency", metavar="机关", help="机关全称。"),
    year: str | None = typer.Option(None, "--year", metavar="年度", help="目录年度，如 2026。"),
    catalog_id: str | None = typer.Option(
        None, "--id", metavar="标识", help="目录标识（字母、数字、-），如 mouxian-zrzyj。"
    ),
    level: str = typer.Option("县级", "--level", metavar="层级", help="省级、市级、县级或乡级。"),
) -> None:
    """生成一个新的目录仓库：配置、起步目录、三定映射、CI 文件和说明。

    起步目录含《政府信息公开条例》第二十条等要求每个机关主动公开的事项（机构信息、
    政策文件、规划、行政许可、行政处罚、财政预决算、公开指南、年度报告），生成后
    govopen check 即可通过。终端上缺少的选项会逐项询问；不覆盖任何已有文件。
    """
    missing = [
        o for o, v in (("--agency", agency), ("--year", year), ("--id", catalog_id)) if v is None
    ]
    if missing and not sys.stdin.isatty():  # say them all at once, not one per run
        raise UsageError(
            f"缺少 {'、'.join(missing)}（不在终端上运行，无法逐项询问）。例如：govopen init 目录仓库 "
            "--agency 某某县自然资源局 --year 2026 --id mouxian-zrzyj"
        )
    agency = _ask(agency, "--agency", "机关全称（如 某某县自然资源局）")
    the_year = _year(_ask(year, "--year", "目录年度（如 2026）"))
    catalog_id = _ask(catalog_id, "--id", "目录标识（字母、数字、-，如 mouxian-zrzyj）")
    if not agency.strip():
        raise typer.BadParameter("机关全称不能为空", param_hint="--agency")
    if not _ID.match(catalog_id):
        raise typer.BadParameter(
            f"目录标识只用字母、数字、“-”“_”“.”，这里是 {catalog_id!r}", param_hint="--id"
        )
    if level not in LEVELS:
        raise typer.BadParameter(
            f"层级应为 {'、'.join(LEVELS)} 之一，这里是 {level!r}", param_hint="--level"
        )
    values = {
        "agency": agency.strip(),
        "year": str(the_year),
        "id": catalog_id,
        "level": level,
        "version": __version__,
    }
    targets = {folder / target.format(**values): template for template, target in FILES.items()}
    existing = [path for path in targets if path.exists()]
    if existing:
        raise UsageError(
            f"{folder} 中已有 {'、'.join(str(p) for p in existing)}：govopen init 不覆盖任何文件，"
            "未做任何改动。请换一个空文件夹，或先移走这些文件"
        )
    templates = resources.files("govopen_cli") / "templates"
    for path, template in targets.items():
        text = (templates / template).read_text(encoding="utf-8").format(**values)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    typer.echo(f"已在 {folder} 生成 {len(targets)} 个文件：")
    for path in targets:
        typer.echo(f"  {path}")
    typer.echo(
        f"下一步：cd {folder}，按“三定”规定填写 catalogs/{catalog_id}/sanding.yaml，然后运行 govopen check"
    )
