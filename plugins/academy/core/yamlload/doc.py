"""A parsed YAML document that can say where any of its values is in the file."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from academy.core.yamlload.tags import BOOL, FLOAT, INT, MERGE, NULL, SUPPORTED_TAGS, TIMESTAMP, Loader


class YamlDate(str):
    """An unquoted date, kept as its text.

    It is a ``str`` so a date field validates as text with ``format: date``;
    the schema layer rejects it where free text is expected, since the author
    almost certainly did not mean a date there.
    """

    __slots__ = ()


class YamlDoc:
    """Parsed YAML plus what is needed to locate any value in the source.

    Attributes:
        data: Plain JSON-like data (dict, list, str, int, float, bool, None).
        line_offset: File line of the YAML text's first line.

    The node graph behind :meth:`node_at` is composed on first use: most
    files are clean and never need a position, so they are parsed once.
    A document from the plain loader also carries ``marks``, every node's
    position in the order the loader met them; :meth:`locate` and
    :meth:`locate_key` read positions from it, so a file with warnings is
    not parsed a second time either (which used to cost a quarter of a
    check of such files).
    """

    __slots__ = ("_root", "_text", "aliases", "data", "holes", "line_offset", "loose", "marks")

    def __init__(
        self,
        data: Any,
        root: yaml.Node | None,
        line_offset: int,
        text: str = "",
        loose: tuple[yaml.Node, ...] = (),
        marks: Sequence[int] = (),
    ) -> None:
        #: Booleans written as ``yes``, ``no``, ``on`` or ``off`` (see ``is_loose_boolean``).
        self.loose = loose
        #: ``(mapping path, key the data uses) -> key the file has``: misspelt
        #: keys the loader read as the key meant, still located where written.
        self.aliases: dict[tuple[tuple[str | int, ...], str], str] = {}
        #: Paths of blocks set aside after a syntax error (see ``recover``).
        self.holes: tuple[tuple[str | int, ...], ...] = ()
        self.data = data
        self._root = root
        self._text = text
        self.line_offset = line_offset
        #: ``(line, column)`` of each node, flattened, in document order, a
        #: mapping's key before its value (see ``load_plain``); empty if unknown.
        self.marks = marks

    @property
    def text(self) -> str:
        """The YAML the data was built from (a recovered document's patched text)."""
        return self._text

    @property
    def root(self) -> yaml.Node:
        if self._root is None:
            self._root = yaml.compose(self._text, Loader=Loader) or yaml.ScalarNode(NULL, "")
        return self._root

    def node_at(self, path: Sequence[str | int]) -> tuple[yaml.Node, bool]:
        """Return the node at ``path``, or the deepest ancestor found.

        The flag tells whether the full path was found.
        """
        node = self.root
        for depth, step in enumerate(path):
            child = _child(node, self._written(path[:depth], step))
            if child is None:
                return node, False
            node = child
        return node, True

    def _written(self, where: Sequence[str | int], step: str | int) -> str | int:
        if self.aliases and isinstance(step, str):
            return self.aliases.get((tuple(where), step), step)
        return step

    def locate(self, path: Sequence[str | int]) -> tuple[int, int]:
        """Return the file ``(line, column)`` of the value at ``path``."""
        if self._marked():
            return self._marked_position(_mark_index(self.data, path)[0])
        node, _ = self.node_at(path)
        return self._position(node)

    def _marked(self) -> bool:
        # The marks follow the data as the loader built it: a key read as
        # the one meant has moved, so an aliased document asks the nodes.
        return bool(self.marks) and not self.aliases

    def _marked_position(self, index: int) -> tuple[int, int]:
        return self.marks[2 * index] + self.line_offset, self.marks[2 * index + 1] + 1

    def locate_key(self, path: Sequence[str | int]) -> tuple[int, int]:
        """Return the position of the key that holds the value at ``path``.

        For list items there is no key, so the item's own position is used.
        """
        if not path or not isinstance(path[-1], str):
            return self.locate(path)
        if self._marked():
            index, key = _mark_index(self.data, path)
            return self._marked_position(index if key is None else key)
        parent, found = self.node_at(path[:-1])
        if found:
            key = _key_node(parent, self._written(path[:-1], path[-1]))
            if key is not None:
                return self._position(key)
        return self.locate(path)

    def _position(self, node: yaml.Node) -> tuple[int, int]:
        mark = node.start_mark
        if mark is None:  # the empty document has no position of its own
            return self.line_offset, 1
        return mark.line + self.line_offset, mark.column + 1


def _mark_index(data: Any, path: Sequence[str | int]) -> tuple[int, int | None]:
    """Where, in a document's marks, the value at ``path`` is (or the
    deepest ancestor found), and its key (``None`` if the last step is not
    a key that was found).

    The marks list nodes in the order the plain loader met them, so a
    node's index is the count of nodes before it: skipping a value skips
    its whole subtree (:func:`_nodes`).
    """
    index, key, node = 0, None, data
    for step in path:
        key = None
        if isinstance(node, dict) and isinstance(step, str) and step in node:
            index += 1
            for name, value in node.items():
                if name == step:
                    key, index, node = index, index + 1, value
                    break
                index += 1 + _nodes(value)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            index += 1 + sum(_nodes(item) for item in node[:step])
            node = node[step]
        else:
            break
    return index, key


def _nodes(value: Any) -> int:
    """How many nodes ``value`` was built from: one per scalar, list and
    mapping, and one more per key."""
    if isinstance(value, dict):
        return 1 + sum(1 + _nodes(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(_nodes(v) for v in value)
    return 1


def _pairs(node: yaml.MappingNode) -> list[tuple[yaml.Node, yaml.Node]]:
    """Own pairs first (last wins, like PyYAML), then merged ones."""
    own = [(k, v) for k, v in reversed(node.value) if k.tag != MERGE]
    merged: list[tuple[yaml.Node, yaml.Node]] = []
    for k, v in node.value:
        if k.tag == MERGE:
            sources = v.value if isinstance(v, yaml.SequenceNode) else [v]
            for source in sources:
                if isinstance(source, yaml.MappingNode):
                    merged.extend(_pairs(source))
    return own + merged


def _key_node(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, _ in _pairs(node):
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k
    return None


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        for k, v in _pairs(node):
            if isinstance(k, yaml.ScalarNode) and k.value == step:
                return v
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step]
    return None


def is_loose_boolean(node: yaml.Node) -> bool:
    """A boolean YAML 1.1 reads from ``yes``, ``no``, ``on`` or ``off``.

    YAML 1.2 (most editors, and parsers in other languages) reads the same
    word as text, so the file means different things to different tools.
    """
    return node.tag == BOOL and node.value.lower() not in ("true", "false")


def has_unsupported_tag(node: yaml.Node) -> bool:
    """True for nodes the loader already reported as ``yaml.tag``."""
    return node.tag not in SUPPORTED_TAGS


def describe_scalar(node: yaml.Node) -> str | None:
    """Name what YAML made of a plain scalar that is not text.

    Returns one of ``boolean``, ``number``, ``date``, ``empty`` or ``None``
    for text and for quoted or non-scalar nodes. The schema layer uses this to
    turn a bare type error into the YAML trap that caused it.
    """
    if not isinstance(node, yaml.ScalarNode) or node.style not in (None, ""):
        return None
    return {
        BOOL: "boolean",
        INT: "number",
        FLOAT: "number",
        TIMESTAMP: "date",
        NULL: "empty",
    }.get(node.tag)


def paths_at_lines(root: yaml.Node, lines: set[int]) -> list[tuple[str | int, ...]]:
    """The paths of the nodes that start on ``lines`` (0-based), shallowest first."""
    out: list[tuple[str | int, ...]] = []
    stack: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    child = (*path, key.value)
                    if key.start_mark.line in lines:
                        out.append(child)
                    else:
                        stack.append((value, child))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                if item.start_mark.line in lines:
                    out.append((*path, i))
                else:
                    stack.append((item, (*path, i)))
    return sorted(out, key=len)
