"""Which removed and added items can be one item renamed: candidates before scoring.

Scoring every removed item against every added item is quadratic: 1,500 × 1,500
pairs in a 50,000-item year. :func:`candidate_pairs` returns only the pairs whose
names share one of their rarest characters, and it never misses a pair that
:func:`~govopen_cli.diff.similarity.score_texts` puts at or above the threshold,
so the matches are exactly those of scoring all pairs.

Why no pair is missed (prefix filtering, as in set-similarity joins). A pair
scores the lower of two ``rapidfuzz.fuzz.ratio`` values, so its names alone score
at least ``T``. For names of lengths ``m`` and ``n`` that ratio is
``200·LCS/(m + n)``, so ``LCS ≥ a·(m + n)`` with ``a = T/200``. The characters of a
common subsequence are common characters, so the names share ``O ≥ LCS`` characters
counted with repeats; with ``n ≥ O`` this gives ``O ≥ a/(1 − a)·m`` (and the same with
``n``). Write each name as the set of its characters numbered by occurrence (the
second ``公`` is ``(公, 1)``), so ``O`` is the size of the intersection, and sort each
set in one global order, rarest first. The first common token of the two sets has
at most ``m − O`` tokens of the name before it, so it is among the first
``m − t + 1`` for any ``t ≤ O``: two names that can score ``T`` share a token within
their prefixes of ``m − ⌈a/(1 − a)·m⌉ + 1`` tokens. Those prefixes are the buckets.
Two empty names score 100 and share the bucket of the empty name; an empty and a
non-empty name score 0. A threshold of 0 or less lets every pair through, and
then every pair is a candidate.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence

#: Slack on the overlap bound, so that a score rounded up to the threshold in
#: floating point is still a candidate: a longer prefix never loses a pair.
_SLACK = 1e-6

Token = tuple[str, int]
_EMPTY: Token = ("", 0)


def _tokens(name: str) -> list[Token]:
    """The name's characters, each numbered by its occurrence: 公开公 -> 公0 开0 公1."""
    seen: dict[str, int] = {}
    out = []
    for char in name:
        k = seen.get(char, 0)
        seen[char] = k + 1
        out.append((char, k))
    return out or [_EMPTY]


def prefix_length(length: int, threshold: float) -> int:
    """How many of a name's rarest tokens must be indexed for a name of ``length``."""
    if length == 0:
        return 1
    a = threshold / 200
    if a >= 1:  # no ratio reaches 200
        return 0
    need = max(1, math.ceil(a / (1 - a) * length - _SLACK))
    return max(0, length - need + 1)


def candidate_pairs(
    old_names: Sequence[str], new_names: Sequence[str], threshold: float
) -> Iterator[tuple[int, int]]:
    """Pairs ``(i, j)`` of old and new names that can score ``threshold``, each once.

    Every pair whose names' ``fuzz.ratio`` is at or above ``threshold`` is among them
    (see the module's docstring); ``i`` ascends, ``j`` ascends within one ``i``.
    """
    if threshold <= 0:
        for i in range(len(old_names)):
            yield from ((i, j) for j in range(len(new_names)))
        return
    old_tokens = [_tokens(name) for name in old_names]
    new_tokens = [_tokens(name) for name in new_names]
    frequency: Counter[Token] = Counter()
    for tokens in (*old_tokens, *new_tokens):
        frequency.update(tokens)

    def rarest(tokens: list[Token], name: str) -> list[Token]:
        tokens.sort(key=lambda t: (frequency[t], t))
        return tokens[: prefix_length(len(name), threshold)]

    buckets: dict[Token, list[int]] = {}
    for j, tokens in enumerate(new_tokens):
        for token in rarest(tokens, new_names[j]):
            buckets.setdefault(token, []).append(j)
    for i, tokens in enumerate(old_tokens):
        found: set[int] = set()
        for token in rarest(tokens, old_names[i]):
            found.update(buckets.get(token, ()))
        yield from ((i, j) for j in sorted(found))
