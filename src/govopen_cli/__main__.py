"""``python -m govopen_cli`` runs the same command as ``govopen``."""

from __future__ import annotations

from govopen_cli.cli.app import main

if __name__ == "__main__":
    main()
