"""The tag PyYAML's resolver gives a plain (unquoted) scalar, without asking it for most.

PyYAML's implicit resolvers are keyed by the scalar's first character: ``yes``,
``0x1F``, ``~``, ``.inf``, ``2024-01-01``, ``<<`` and ``=`` all start with one of
some thirty characters. A plain scalar that starts with any other character (a
Chinese character, ``J`` of ``JG-001``) matches no resolver and is text; the others
are resolved by PyYAML itself, once per distinct text. The answer is PyYAML's own,
read from the same resolver table: tests/catalog/test_yaml_resolve.py checks it
against ``resolve`` on random and tricky scalars.
"""

from __future__ import annotations

from typing import Any

import yaml

STR_TAG = "tag:yaml.org,2002:str"

#: Distinct texts remembered per file; past this, further texts are resolved each time.
_CACHE_LIMIT = 20_000


class PlainTags:
    """``tag_of(value)``: the tag of a plain scalar, as ``SafeLoader.resolve`` gives it."""

    def __init__(self) -> None:
        resolver: Any = yaml.SafeLoader("")
        self._resolve = resolver.resolve
        table: dict[Any, Any] = resolver.yaml_implicit_resolvers
        #: first characters that start a resolver ("" is the empty scalar); with a
        #: resolver for any first character (None), every scalar is asked about.
        self.special: Any = _Everything() if None in table else frozenset(table)
        self._known: dict[str, str] = {}

    def tag_of(self, value: str) -> str:
        """The tag of the plain scalar ``value``."""
        if value[:1] not in self.special:
            return STR_TAG
        return self.asked(value)

    def asked(self, value: str) -> str:
        """The tag of a plain scalar whose first character starts a resolver."""
        known = self._known
        tag = known.get(value)
        if tag is None:
            tag = self._resolve(yaml.ScalarNode, value, (True, False))
            if len(known) < _CACHE_LIMIT:
                known[value] = tag
        return tag


class _Everything:
    """A set holding every first character."""

    def __contains__(self, item: object) -> bool:
        return True
