"""The few exceptions that mean "cannot run at all".

Problems *in* a user's files are :class:`~govopen_cli.diagnostics.Diagnostic` values,
never exceptions. Only the situations below stop a command; ``cli`` catches
:class:`GovopenError` once and exits with status 2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govopen_cli.diagnostics import Diagnostic


class GovopenError(Exception):
    """A condition that prevents the command from running (exit status 2)."""


class PathNotFoundError(GovopenError):
    """A path named on the command line does not exist."""


class UsageError(GovopenError):
    """The command line asks for something that cannot be done (a wrong kind of file …)."""


class ConfigError(GovopenError):
    """The project configuration (govopen.toml) cannot be read or is invalid."""


class OutputError(GovopenError):
    """The output file cannot be written (exists without --force, no permission …)."""


class BaselineError(GovopenError):
    """A baseline file (``--baseline``) cannot be read or is not a govopen baseline."""


class CatalogUnreadableError(GovopenError):
    """A catalog the command needs cannot be read as a catalog; ``diagnostics`` say why."""

    def __init__(self, message: str, diagnostics: list[Diagnostic]) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics
