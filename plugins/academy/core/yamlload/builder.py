"""The careful builder: plain data from a node graph, every trap reported at its node."""

from __future__ import annotations

from typing import Any

import yaml

from academy.core.codes import problem
from academy.core.problems import Problem
from academy.core.yamlload.doc import YamlDate, is_loose_boolean
from academy.core.yamlload.tags import (
    BOOL,
    FLOAT,
    INT,
    MAX_DEPTH,
    MAX_NODES,
    MERGE,
    NULL,
    OCTAL_LIKE,
    STR,
    TIMESTAMP,
    VALUE,
    T,
    constructor,
)


class Builder:
    """Builds plain data from a node graph, collecting problems as it goes."""

    def __init__(self, file: str, line_offset: int) -> None:
        self.file = file
        self.line_offset = line_offset
        self.problems: list[Problem] = []
        self.fatal = False
        self._done: dict[int, Any] = {}
        self._size: dict[int, int] = {}
        self._active: set[int] = set()
        self._nodes = 0
        self._aliased = False
        self.loose: list[yaml.Node] = []

    def _report(self, code: str, node: yaml.Node, message: str, hint: str = "") -> None:
        mark = node.start_mark
        self.problems.append(
            problem(code, self.file, mark.line + self.line_offset, mark.column + 1, message, hint)
        )

    def build(self, root: yaml.Node) -> Any:
        data = self._value(root, 0)
        # Without aliases the document is exactly as big as the nodes built,
        # and the 256 KB cap keeps that small; only aliases can blow it up.
        if not self.fatal and self._aliased and self._expanded_size(root) > MAX_NODES:
            self.fatal = True
            self._report(
                "yaml.too-complex",
                root,
                f"anchors and aliases expand to more than {MAX_NODES:,} values",
                "Write the values out instead of nesting aliases.",
            )
        return data

    def _expanded_size(self, root: yaml.Node) -> int:
        """Count values as if every alias were written out, in linear time."""
        stack: list[tuple[yaml.Node, bool]] = [(root, False)]
        while stack:
            node, children_done = stack.pop()
            key = id(node)
            if key in self._size:
                continue
            if isinstance(node, yaml.ScalarNode):
                self._size[key] = 1
                continue
            children = _children(node)
            if children_done:
                self._size[key] = 1 + sum(self._size.get(id(c), 1) for c in children)
            else:
                stack.append((node, True))
                stack.extend((c, False) for c in children if id(c) not in self._size)
        return self._size[id(root)]

    def _value(self, node: yaml.Node, depth: int) -> Any:
        if self.fatal:
            return None
        key = id(node)
        if key in self._done:
            self._aliased = True
            return self._done[key]
        if depth > MAX_DEPTH:
            self.fatal = True
            self._report(
                "yaml.too-deep",
                node,
                f"the YAML nests more than {MAX_DEPTH} levels deep",
                "Flatten the structure.",
            )
            return None
        if isinstance(node, yaml.ScalarNode):
            value = self._scalar(node)
        elif key in self._active:
            self.fatal = True
            self._report("yaml.too-complex", node, "an alias refers to a value that contains it")
            return None
        else:
            self._active.add(key)
            if isinstance(node, yaml.SequenceNode):
                value = self._sequence(node, depth)
            else:
                value = self._mapping(node, depth)
            self._active.discard(key)
        self._done[key] = value
        return value

    def _sequence(self, node: yaml.SequenceNode, depth: int) -> list[Any]:
        if node.tag != T + "seq":
            self._unsupported_tag(node)
        return [self._value(item, depth + 1) for item in node.value]

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        if node.tag != T + "map":
            self._unsupported_tag(node)
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        merged: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE:
                merged_value = self._value(value_node, depth + 1)
                sources = merged_value if isinstance(merged_value, list) else [merged_value]
                for source in reversed(sources):
                    if isinstance(source, dict):
                        merged.update(source)
                    else:
                        self._report(
                            "yaml.key", value_node, "`<<` merges need a mapping or a list of mappings"
                        )
                continue
            name = self._key(key_node)
            if name is None:
                continue
            if name in first_seen:
                line = first_seen[name].start_mark.line + self.line_offset
                self._report(
                    "yaml.duplicate-key",
                    key_node,
                    f"duplicate key `{name}` (first defined on line {line})",
                    "Keep one of them; YAML silently uses the last.",
                )
            first_seen[name] = key_node
            result[name] = self._value(value_node, depth + 1)
        if merged:
            merged.update(result)
            return merged
        return result

    def _key(self, node: yaml.Node) -> str | None:
        # Keys are taken as written: `on:` or `1:` as a key means the text, and
        # reading it as a boolean or number is never what an author wants.
        if isinstance(node, yaml.ScalarNode) and node.tag != NULL and node.value != "":
            if node.tag not in (STR, INT, FLOAT, BOOL, TIMESTAMP, VALUE):
                self._unsupported_tag(node)
                return None
            return node.value
        self._report("yaml.key", node, "a mapping key must be plain text", "Use a simple word as the key.")
        return None

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag in (STR, VALUE):
            return node.value
        if tag == NULL:
            return None
        if tag == BOOL:
            if is_loose_boolean(node):
                self.loose.append(node)
            return constructor.construct_yaml_bool(node)
        if tag in (INT, FLOAT):
            text = node.value
            if node.style in (None, "") and (":" in text or OCTAL_LIKE.match(text)):
                value = (
                    constructor.construct_yaml_int(node)
                    if tag == INT
                    else constructor.construct_yaml_float(node)
                )
                form = "base 60" if ":" in text else "octal"
                self._report(
                    "yaml.ambiguous-number",
                    node,
                    f"YAML 1.1 reads `{text}` as the {form} number {value}",
                    "Write a plain decimal number, or quote the value if it is text.",
                )
                return value
            try:
                if tag == INT:
                    return constructor.construct_yaml_int(node)
                return constructor.construct_yaml_float(node)
            except ValueError:
                return text
        if tag == TIMESTAMP:
            return YamlDate(node.value)
        self._unsupported_tag(node)
        return None

    def _unsupported_tag(self, node: yaml.Node) -> None:
        tag = node.tag
        shown = tag.replace(T, "!!")
        hint = "Remove the tag; only plain YAML values are accepted."
        if "python" in tag:
            hint = "Python tags are never executed. Remove the tag."
        self._report("yaml.tag", node, f"unsupported YAML tag `{shown}`", hint)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []
