"""Catalog data -> the YAML text of a catalog file, laid out for people to read and edit.

What ``govopen import`` writes: the spec's format with 2-space indents, short lists
in flow style, Chinese unescaped, a blank line between items and, above each item,
a comment naming where it came from (``目录!A5``). The first line points editors at
the JSON Schema when the project has one. No workbook here: the caller passes data.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO


def schema_reference(out_path: Path) -> str | None:
    """A relative path from ``out_path`` to the project's ``schemas/catalog.schema.json``."""
    folder = out_path.resolve().parent
    for candidate in (folder, *folder.parents):
        schema = candidate / "schemas" / "catalog.schema.json"
        if schema.is_file():
            return os.path.relpath(schema, folder).replace(os.sep, "/")
    return None


def catalog_yaml(
    data: dict[str, Any],
    *,
    comments: Sequence[str] = (),
    sources: Sequence[str] = (),
    schema: str | None = None,
) -> str:
    """Readable YAML in the spec's format: 2-space indent, flow lists for short lists,
    block lists for content/basis/channels, Chinese unescaped, a blank line between items."""
    buffer = io.StringIO()
    write_catalog_yaml(buffer, data, comments=comments, sources=sources, schema=schema)
    return buffer.getvalue()


def write_catalog_yaml(
    out: TextIO,
    data: dict[str, Any],
    *,
    comments: Sequence[str] = (),
    sources: Sequence[str] = (),
    schema: str | None = None,
) -> None:
    """:func:`catalog_yaml`'s text written to ``out`` (seekable) item by item, so that a
    50,000-item catalog's text is never held whole: the caller passes the temporary file
    of the output door (:func:`govopen_cli.output_file.atomic_path`)."""
    import yaml

    class Flow(list[Any]):
        pass

    class FlowMap(dict[str, Any]):
        pass

    analyses: dict[str, Any] = {}
    tags: dict[tuple[str, tuple[bool, bool]], str] = {}

    class Dumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)

        # The same texts recur thousands of times in a catalog (channels, owners, 公开依据):
        # the emitter's scalar analysis and the resolver's implicit tag depend on the text
        # alone (and on options fixed for this dumper), so each is worked out once.
        def analyze_scalar(self, scalar: str) -> Any:
            found = analyses.get(scalar)
            if found is None:
                found = analyses[scalar] = super().analyze_scalar(scalar)
            return found

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is not yaml.ScalarNode:
                return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
            key = (value, implicit)
            tag = tags.get(key)
            if tag is None:
                tag = tags[key] = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
            return tag

    def flow_list(dumper: yaml.SafeDumper, value: Flow) -> yaml.Node:
        return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)

    def flow_map(dumper: yaml.SafeDumper, value: FlowMap) -> yaml.Node:
        return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=True)

    def string(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(Flow, flow_list)
    Dumper.add_representer(FlowMap, flow_map)
    Dumper.add_representer(str, string)

    def dump(value: Any) -> str:
        out: str = yaml.dump(
            value,
            Dumper=Dumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=10_000,
            indent=2,
        )
        return out

    def shape(item: dict[str, Any]) -> dict[str, Any]:
        shaped: dict[str, Any] = {}
        for key, value in item.items():
            if key in ("matter", "levels", "duties", "audience", "mode") and isinstance(
                value, list
            ):
                shaped[key] = Flow(value)
            elif key == "channels":
                shaped[key] = [FlowMap(c) if isinstance(c, dict) else c for c in value]
            elif key == "deadline" and isinstance(value, dict):
                shaped[key] = FlowMap(value)
            elif key == "waivers":
                shaped[key] = [FlowMap(w) for w in value]
            else:
                shaped[key] = value
        return shaped

    lines: list[str] = []
    if schema:
        lines.append(f"# yaml-language-server: $schema={schema}")
    else:
        lines.append("# 字段说明：govopen schema catalog > catalog.schema.json，")
        lines.append(
            "# 再在本行写 # yaml-language-server: $schema=catalog.schema.json 供编辑器提示"
        )
    lines.extend(f"# {c}" if c else "#" for c in comments)
    lines.append(dump({"format": data["format"]}).rstrip())
    lines.append(dump({"catalog": data["catalog"]}).rstrip())
    lines.append("")
    out.write("\n".join(lines) + "\n")
    from govopen_cli.catalog.yaml_items import Outside, items_block

    analyst = Dumper(io.StringIO(), allow_unicode=True, width=10_000, indent=2)
    chunks = items_block(data["items"], shape, dump, analyst, Flow, FlowMap)
    if chunks is not None:  # the usual shape: one string per item, laid out as PyYAML does
        mark = out.tell()
        try:
            out.write("items:\n")
            for n, chunk in enumerate(chunks):
                lead = "\n" if n else ""
                if n < len(sources) and sources[n]:
                    lead += f"  # {sources[n]}\n"
                out.write(f"{lead}{chunk}\n")
            return
        except Outside:  # an item of another shape: PyYAML writes them all
            out.seek(mark)
            out.truncate()
    # One dump for all items (a call per item costs more than the items), then a
    # blank line and the item's place in the workbook above each "  - id:".
    block = dump({"items": [shape(item) for item in data["items"]]}).rstrip()
    n = 0
    for line in block.splitlines():
        if line.startswith("  - ") and not line.startswith("  -  "):
            if n:
                out.write("\n")
            if n < len(sources) and sources[n]:
                out.write(f"  # {sources[n]}\n")
            n += 1
        out.write(line + "\n")
