"""The ``[requests]`` table of govopen.toml: thresholds of ``govopen requests check``."""

from __future__ import annotations

from dataclasses import dataclass

from govopen_cli.catalog.config import Config


@dataclass(frozen=True)
class RequestSettings:
    """The ``[requests]`` table of govopen.toml."""

    conversion_threshold: int = 3
    similarity: float = 80.0
    due_soon_days: int = 5
    conversion_window_days: int = 365

    @classmethod
    def from_config(cls, config: Config) -> RequestSettings:
        """Settings from a (validated) configuration, defaults for what it leaves out."""
        table = config.requests
        default = cls()
        return cls(
            conversion_threshold=int(
                table.get("conversion-threshold", default.conversion_threshold)
            ),
            similarity=float(table.get("similarity", default.similarity)),
            due_soon_days=int(table.get("due-soon-days", default.due_soon_days)),
            conversion_window_days=int(
                table.get("conversion-window-days", default.conversion_window_days)
            ),
        )
