"""The project file ``govopen.toml``: the nearest one upward from each checked file.

As ruff and black do, a file is checked under the ``govopen.toml`` in its own folder
or the nearest parent (:class:`ConfigFinder`), so the result does not depend on the
working directory. A file saved by Notepad with a UTF-8 BOM is read as well; one in
GBK gets a Chinese message that says how to save it as UTF-8.

Example (every key optional)::

    catalogs = ["catalogs"]          # what `govopen check` checks with no path
    duties = "catalogs/x/sanding.yaml"  # a 三定 mapping for catalogs that name none
    select = ["GO"]                  # rule codes or prefixes to run (default: all)
    ignore = ["GO205"]               # codes or prefixes to skip
    fail-on = "error"                # error | warning | info
    min-coverage = 100               # 三定 coverage below this (percent) fails

    [severity]                       # per-rule severity
    GO205 = "warning"

    [channels]
    extra = ["征地信息公开平台"]       # channel names this project also accepts

    [requests]                       # 依申请 ledger (govopen requests)
    conversion-threshold = 3         # same item asked for this often -> 主动公开 candidate
    conversion-window-days = 365     # ... within this many days
    similarity = 80                  # 申请内容 this similar (0-100) counts as the same
    due-soon-days = 5                # open requests due within this many 工作日 are flagged

Unknown keys and unknown rule codes are errors that name them (:class:`ConfigError`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.errors import ConfigError
from govopen_cli.input_file import InputFileError, read_input

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAME = "govopen.toml"

_TOP_KEYS = {
    "catalogs",
    "duties",
    "select",
    "ignore",
    "fail-on",
    "min-coverage",
    "severity",
    "channels",
    "requests",
    "holidays",
    "guide",
}
_CHANNEL_KEYS = {"extra"}
_REQUEST_KEYS = {"conversion-threshold", "similarity", "due-soon-days", "conversion-window-days"}
#: [requests] key -> (smallest, largest) allowed value
_REQUEST_RANGES: dict[str, tuple[float, float]] = {
    "conversion-threshold": (2, 1000),
    "similarity": (50, 100),
    "due-soon-days": (0, 60),
    "conversion-window-days": (1, 3660),
}


@dataclass
class Config:
    """Settings for a run. The defaults are what a run without govopen.toml uses."""

    path: Path | None = None
    catalogs: list[str] = field(default_factory=lambda: ["catalogs"])
    duties: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    min_coverage: float | None = None
    extra_channels: list[str] = field(default_factory=list)
    holidays: str | None = None
    #: The national guide (标准目录) the catalogs are written from: ``guide = "自然资源"``.
    guide: str | None = None
    requests: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The folder paths in the configuration are relative to."""
        return self.path.parent if self.path is not None else Path.cwd()

    def resolve(self, relative: str) -> Path:
        """A path from the configuration, resolved against its folder."""
        return (self.root / relative).resolve()

    def enabled(self, code: str) -> bool:
        """Whether a rule runs under ``select``/``ignore`` (longest prefix wins)."""
        sel = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        ign = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        if self.select and sel < 0:
            return False
        return not ign > sel

    def severity_for(self, code: str, default: Severity) -> Severity:
        """The configured severity of a rule, or its default."""
        return self.severity.get(code, default)


def find_config(start: Path | None = None) -> Path | None:
    """``govopen.toml`` in ``start`` (a folder, or a file's folder; default: the
    working directory) or the nearest parent."""
    here = (start or Path.cwd()).resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def _list_of_str(value: Any, key: str, path: Path) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{path}：{key} 应为文字或文字列表，这里是 {value!r}")


def _check_keys(table: dict[str, Any], allowed: Iterable[str], where: str, path: Path) -> None:
    unknown = sorted(set(table) - set(allowed))
    if unknown:
        raise ConfigError(
            f"{path}：{where}中有未知的配置项 {'、'.join(unknown)}。"
            f"允许的有：{'、'.join(sorted(allowed))}"
        )


def guide_is_file(name: str) -> bool:
    """Whether a ``--guide``/``guide`` value names a YAML file rather than a shipped guide."""
    return name.lower().endswith((".yaml", ".yml"))


def load_config(path: Path | None, known_code: Callable[[str], bool] | None = None) -> Config:
    """Read a govopen.toml (or return defaults for None).

    ``known_code`` tells whether a code or prefix names existing rules; unknown
    codes in ``select``/``ignore``/``severity`` are configuration errors.
    """
    if path is None:
        return Config()
    try:
        # utf-8-sig: Notepad saves "UTF-8" with a byte-order mark
        data = tomllib.loads(read_input(path).decode("utf-8-sig"))
    except InputFileError as exc:
        raise ConfigError(f"无法读取配置文件：{exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"配置文件 {path} 不是 UTF-8 编码（第 {exc.start + 1} 个字节起无法按 UTF-8 读取，"
            "多半是用 GBK/ANSI 保存的）。请在记事本中“另存为”，编码选 UTF-8 后保存"
        ) from exc
    except OSError as exc:
        raise ConfigError(f"无法读取配置文件 {path}：{exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"配置文件 {path} 不是有效的 TOML：{exc}") from exc
    _check_keys(data, _TOP_KEYS, "顶层", path)
    config = Config(path=path.resolve())
    if "catalogs" in data:
        config.catalogs = _list_of_str(data["catalogs"], "catalogs", path)
    if "duties" in data:
        if not isinstance(data["duties"], str):
            raise ConfigError(f"{path}：duties 应为三定映射文件的路径")
        config.duties = data["duties"]
    if "holidays" in data:
        if not isinstance(data["holidays"], str):
            raise ConfigError(f"{path}：holidays 应为节假日文件的路径")
        config.holidays = data["holidays"]
    if "guide" in data:
        if not isinstance(data["guide"], str):
            raise ConfigError(
                f'{path}：guide 应为标准目录的名称或文件，如 guide = "自然资源"'
                ' 或 guide = "标准目录/自然资源.yaml"'
            )
        guide = data["guide"]
        # A guide file is relative to the configuration's folder, like duties and holidays.
        config.guide = str(config.resolve(guide)) if guide_is_file(guide) else guide
    config.select = _list_of_str(data.get("select", []), "select", path)
    config.ignore = _list_of_str(data.get("ignore", []), "ignore", path)
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f"{path}：[severity] 应为“规则编号 = 严重程度”的表")
    for code, value in severity.items():
        try:
            config.severity[code] = Severity.parse(str(value))
        except ValueError as exc:
            raise ConfigError(f"{path}：[severity] {code} = {value!r}：{exc}") from exc
    if "fail-on" in data:
        try:
            config.fail_on = Severity.parse(str(data["fail-on"]))
        except ValueError as exc:
            raise ConfigError(f"{path}：fail-on：{exc}") from exc
    if "min-coverage" in data:
        value = data["min-coverage"]
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
            raise ConfigError(f"{path}：min-coverage 应为 0 到 100 的百分数，这里是 {value!r}")
        config.min_coverage = float(value)
    channels = data.get("channels", {})
    if not isinstance(channels, dict):
        raise ConfigError(f'{path}：[channels] 应为表，如 extra = ["征地信息公开平台"]')
    _check_keys(channels, _CHANNEL_KEYS, "[channels] ", path)
    config.extra_channels = _list_of_str(channels.get("extra", []), "channels.extra", path)
    requests = data.get("requests", {})
    if not isinstance(requests, dict):
        raise ConfigError(f"{path}：[requests] 应为表")
    _check_keys(requests, _REQUEST_KEYS, "[requests] ", path)
    for key, value in requests.items():
        low, high = _REQUEST_RANGES[key]
        whole = key != "similarity"
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (whole and not isinstance(value, int))
            or not low <= value <= high
        ):
            kind = "整数" if whole else "数"
            raise ConfigError(
                f"{path}：[requests] {key} 应为 {low:g} 到 {high:g} 的{kind}，这里是 {value!r}"
            )
    config.requests = dict(requests)
    if known_code is not None:
        for where, codes in (
            ("select", config.select),
            ("ignore", config.ignore),
            ("[severity]", list(config.severity)),
        ):
            unknown = [c for c in codes if not known_code(c)]
            if unknown:
                raise ConfigError(
                    f"{path}：{where} 中的 {'、'.join(unknown)} 不是已知的规则编号或前缀"
                    "（govopen rules 列出全部规则）"
                )
    return config


def apply_config(diagnostics: list[Diagnostic], config: Config) -> list[Diagnostic]:
    """Drop what ``select``/``ignore`` exclude and apply per-rule severities."""
    out = []
    for diag in diagnostics:
        if not config.enabled(diag.code):
            continue
        if diag.code in config.severity:
            diag = diag.with_severity(config.severity[diag.code])
        out.append(diag)
    return out


class ConfigFinder:
    """The configuration of each file: the nearest ``govopen.toml`` upward from it.

    Each govopen.toml is read once. ``overrides`` (command-line options such as
    ``--min-coverage``) replace the same fields of every configuration found.
    """

    def __init__(
        self,
        known_code: Callable[[str], bool] | None = None,
        overrides: dict[str, Any] | None = None,
    ) -> None:
        self.known_code = known_code
        self.overrides = dict(overrides or {})
        self._loaded: dict[Path | None, Config] = {}

    def config_for(self, path: Path) -> Config:
        """The configuration a file is checked under (defaults when there is none)."""
        found = find_config(path.resolve().parent)
        if found not in self._loaded:
            config = load_config(found, known_code=self.known_code)
            if self.overrides:
                config = replace(config, **self.overrides)
            self._loaded[found] = config
        return self._loaded[found]
