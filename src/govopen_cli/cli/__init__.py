"""The ``govopen`` command line: the Typer app (:mod:`govopen_cli.cli.app`) and one
module per command group, each turning options into one core call, a reporter and an
exit code."""
