"""The fast path: plain data from well-behaved YAML in one C-parser pass.

Most front matter is plain (no aliases, duplicate keys, YAML 1.1 numbers or
tags); for it, a tight walk over the composed nodes builds exactly what the
careful builder (:mod:`.builder`) would, at a fraction of the cost. Anything
else makes it give up, and the careful builder reports it.
"""

from __future__ import annotations

from array import array
from typing import Any

import yaml

from academy.core.yamlload.doc import YamlDate
from academy.core.yamlload.tags import (
    BOOL,
    FLOAT,
    INT,
    KEY_TAGS,
    MAX_DEPTH,
    NULL,
    OCTAL_LIKE,
    STR,
    TIMESTAMP,
    Loader,
    T,
    constructor,
)

CAREFUL = object()


class _Careful(Exception):
    """Raised by the plain loader at anything that needs node-level care."""


def _plain_data(node: yaml.Node, seen: set[int], marks: list[int], depth: int = 1) -> Any:
    """The data of a composed node graph, or :class:`_Careful` at anything
    the careful builder must see.

    Aliases, duplicate keys, merge keys, non-text keys, YAML 1.1 numbers and
    unknown tags all raise; for everything else the data is exactly what the
    careful builder would produce. A tight walk over the nodes, not PyYAML's
    constructor: that one defers every mapping and list through a generator
    and checks each node against a registry, and front matter is parsed for
    every module of every build.

    Each node's position goes into ``marks`` as it is met (line, column;
    a mapping's key before its value), so a problem found later can be
    located without parsing the text again (see :class:`~.doc.YamlDoc`).
    """
    if depth > MAX_DEPTH:
        raise _Careful  # the builder reports where it gets too deep
    if id(node) in seen:
        raise _Careful  # an alias: let the builder count its expansion
    seen.add(id(node))
    mark = node.start_mark
    marks += (mark.line, mark.column)
    kind, tag = type(node), node.tag
    if kind is yaml.ScalarNode:
        if tag == STR:
            return node.value
        if tag == NULL:
            return None
        if tag == BOOL:
            if node.value.lower() not in ("true", "false"):
                raise _Careful  # `yes` or `off`: the builder reports it
            return constructor.construct_yaml_bool(node)
        if tag == INT:
            if node.style in (None, "") and (":" in node.value or OCTAL_LIKE.match(node.value)):
                raise _Careful
            return constructor.construct_yaml_int(node)
        if tag == FLOAT:
            if ":" in node.value:
                raise _Careful
            return constructor.construct_yaml_float(node)
        if tag == TIMESTAMP:
            return YamlDate(node.value)
        raise _Careful
    depth += 1
    if kind is yaml.MappingNode and tag == T + "map":
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.tag not in KEY_TAGS or key_node.value == "":
                raise _Careful
            key = key_node.value
            if key in out:
                raise _Careful
            mark = key_node.start_mark
            marks += (mark.line, mark.column)
            out[key] = _plain_data(value_node, seen, marks, depth)
        return out
    if kind is yaml.SequenceNode and tag == T + "seq":
        return [_plain_data(child, seen, marks, depth) for child in node.value]
    raise _Careful


def load_plain(text: str) -> tuple[Any, array[int]]:
    """Data from well-behaved YAML in one C-parser pass, and every node's
    position in the order :func:`_plain_data` met them; or ``CAREFUL``."""
    loader = Loader(text)
    marks: list[int] = []
    try:
        root = loader.get_single_node()
        data = None if root is None else _plain_data(root, set(), marks)
    except (_Careful, yaml.YAMLError, RecursionError, ValueError, TypeError):
        return CAREFUL, array("i")
    finally:
        loader.dispose()
    # An array of machine ints: a file's positions cross from a parsing
    # worker to the parent as one small block of bytes.
    return data, array("i", marks)
