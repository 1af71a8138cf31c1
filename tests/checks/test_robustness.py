"""Mistyped files never end in a traceback: every problem is a located diagnostic.

The bundled catalog is mutated the way hurried editing does (a character inserted,
deleted or replaced: colons, brackets, quotes, tabs, full-width punctuation), with a
fixed seed so a failure reproduces.
"""

from __future__ import annotations

import random

import pytest

from conftest import CATALOGS
from govopen_cli.checks.run import check_paths

SLIPS = list(":-[]{}'\"#&*!|>\t \n：，、0123456789~%@`")


def mutated(seed: int) -> str:
    text = (CATALOGS / "pingyao-zrzyj" / "2025.yaml").read_text(encoding="utf-8")
    chars = list("".join(text.splitlines(keepends=True)[:120]))
    rnd = random.Random(seed)
    for _ in range(rnd.randint(1, 6)):
        pos = rnd.randrange(len(chars))
        roll = rnd.random()
        if roll < 0.4:
            chars.insert(pos, rnd.choice(SLIPS))
        elif roll < 0.8:
            del chars[pos]
        else:
            chars[pos] = rnd.choice(SLIPS)
    return "".join(chars)


@pytest.mark.parametrize("seed", range(0, 300, 3))
def test_a_mistyped_catalog_gives_located_diagnostics(write, seed):
    path = write("2025.yaml", mutated(seed))
    report = check_paths([path]).report
    for diag in report.diagnostics:
        assert diag.line >= 1 and diag.column >= 1
        assert diag.message and diag.code
