"""YAML to plain data, with every node's position kept for diagnostics.

PyYAML's ``load`` throws positions away, keeps the last of two duplicate keys
without a word, and applies YAML 1.1 rules that turn ``No`` into ``False`` and
``1:30`` into ``90``. We therefore compose the node graph with the C parser
(safe: it never constructs Python objects from tags) and build the data
ourselves, which lets us:

* report duplicate keys, unknown tags and ambiguous numbers at their line;
* keep the node graph so a later schema error at ``checks[2].choices[0].text``
  can be traced back to ``file:line:col`` (see :meth:`YamlDoc.locate`);
* cap alias expansion and nesting, so hostile input cannot exhaust memory or
  the C stack.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml

from academy.core.codes import problem
from academy.core.problems import Problem
from academy.core.yamlload.depth import (
    MAX_DEPTH,
    libyaml_nesting_limit,
    prescan_depth,
    pure_deep_mark,
    too_deep,
)

try:  # The C parser is ~10x faster; fall back so the tool still works without libyaml.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: Front matter beyond this is rejected before parsing.
MAX_YAML_BYTES = 256 * 1024
#: Largest number of values after expanding aliases.
MAX_NODES = 100_000

_T = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = _T + "str", _T + "int", _T + "float", _T + "bool", _T + "null"
_TIMESTAMP, _MERGE, _VALUE = _T + "timestamp", _T + "merge", _T + "value"
_OCTAL_LIKE = re.compile(r"[-+]?0[0-9_]+\Z")

_constructor = yaml.constructor.SafeConstructor()


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

    The node graph behind :meth:`locate` is composed on first use: most
    files are clean and never need a position, so they are parsed once.
    """

    __slots__ = ("_root", "_text", "data", "line_offset")

    def __init__(self, data: Any, root: yaml.Node | None, line_offset: int, text: str = "") -> None:
        self.data = data
        self._root = root
        self._text = text
        self.line_offset = line_offset

    @property
    def root(self) -> yaml.Node:
        if self._root is None:
            self._root = yaml.compose(self._text, Loader=_Loader) or yaml.ScalarNode(_NULL, "")
        return self._root

    def node_at(self, path: Sequence[str | int]) -> tuple[yaml.Node, bool]:
        """Return the node at ``path``, or the deepest ancestor found.

        The flag tells whether the full path was found.
        """
        node = self.root
        for step in path:
            child = _child(node, step)
            if child is None:
                return node, False
            node = child
        return node, True

    def locate(self, path: Sequence[str | int]) -> tuple[int, int]:
        """Return the file ``(line, column)`` of the value at ``path``."""
        node, _ = self.node_at(path)
        return self._position(node)

    def locate_key(self, path: Sequence[str | int]) -> tuple[int, int]:
        """Return the position of the key that holds the value at ``path``.

        For list items there is no key, so the item's own position is used.
        """
        if not path or not isinstance(path[-1], str):
            return self.locate(path)
        parent, found = self.node_at(path[:-1])
        if found:
            key = _key_node(parent, path[-1])
            if key is not None:
                return self._position(key)
        return self.locate(path)

    def _position(self, node: yaml.Node) -> tuple[int, int]:
        mark = node.start_mark
        if mark is None:  # the empty document has no position of its own
            return self.line_offset, 1
        return mark.line + self.line_offset, mark.column + 1


def _pairs(node: yaml.MappingNode) -> list[tuple[yaml.Node, yaml.Node]]:
    """Own pairs first (last wins, like PyYAML), then merged ones."""
    own = [(k, v) for k, v in reversed(node.value) if k.tag != _MERGE]
    merged: list[tuple[yaml.Node, yaml.Node]] = []
    for k, v in node.value:
        if k.tag == _MERGE:
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


_SUPPORTED_TAGS = frozenset({_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP, _VALUE, _T + "seq", _T + "map"})


def has_unsupported_tag(node: yaml.Node) -> bool:
    """True for nodes the loader already reported as ``yaml.tag``."""
    return node.tag not in _SUPPORTED_TAGS


def describe_scalar(node: yaml.Node) -> str | None:
    """Name what YAML made of a plain scalar that is not text.

    Returns one of ``boolean``, ``number``, ``date``, ``empty`` or ``None``
    for text and for quoted or non-scalar nodes. The schema layer uses this to
    turn a bare type error into the YAML trap that caused it.
    """
    if not isinstance(node, yaml.ScalarNode) or node.style not in (None, ""):
        return None
    return {
        _BOOL: "boolean",
        _INT: "number",
        _FLOAT: "number",
        _TIMESTAMP: "date",
        _NULL: "empty",
    }.get(node.tag)


def load_yaml(text: str, file: str, line_offset: int) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse YAML text that starts at file line ``line_offset``.

    Returns ``(None, problems)`` when no data could be built. Problems that do
    not stop construction (duplicate keys, ambiguous numbers) come back with
    the document so every mistake in a file is reported in one run.
    """
    size = len(text.encode("utf-8"))
    if size > MAX_YAML_BYTES:
        return None, [
            problem(
                "file.too-large",
                file,
                line_offset,
                1,
                f"the YAML is {size // 1024} KB; the limit is {MAX_YAML_BYTES // 1024} KB",
                "Split the content, or move long question pools into a quiz bank.",
            )
        ]
    depth_problem = prescan_depth(text, file, line_offset, _Loader)
    if depth_problem is not None:
        return None, [depth_problem]
    fast = _load_plain(text)
    if fast is not _CAREFUL:
        return YamlDoc(fast, None, line_offset, text), []
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, _syntax_problems(exc, text, file, line_offset)
    except yaml.YAMLError as exc:  # ReaderError: control characters and the like
        position = getattr(exc, "position", 0) or 0
        line = text.count("\n", 0, position) + line_offset
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        return None, [problem("yaml.syntax", file, line, column, _first_line(str(exc)))]
    except RecursionError:  # the pure-Python composer (no libyaml) recurses per level
        deep = pure_deep_mark(text)
        line, column = (deep.line + line_offset, deep.column + 1) if deep else (line_offset, 1)
        return None, [too_deep(file, line, column)]
    if root is None:
        return YamlDoc(None, yaml.ScalarNode(_NULL, ""), line_offset, text), []
    builder = _Builder(file, line_offset)
    data = builder.build(root)
    if builder.fatal:
        return None, builder.problems
    return YamlDoc(data, root, line_offset, text), builder.problems


_CAREFUL = object()


class _Careful(Exception):
    """Raised by the plain loader at anything that needs node-level care."""


def _plain_data(node: yaml.Node, seen: set[int], depth: int = 1) -> Any:
    """The data of a composed node graph, or :class:`_Careful` at anything
    the careful builder must see.

    Aliases, duplicate keys, merge keys, non-text keys, YAML 1.1 numbers and
    unknown tags all raise; for everything else the data is exactly what the
    careful builder would produce. A tight walk over the nodes, not PyYAML's
    constructor: that one defers every mapping and list through a generator
    and checks each node against a registry, and front matter is parsed for
    every module of every build.
    """
    if depth > MAX_DEPTH:
        raise _Careful  # the builder reports where it gets too deep
    if id(node) in seen:
        raise _Careful  # an alias: let the builder count its expansion
    seen.add(id(node))
    kind, tag = type(node), node.tag
    if kind is yaml.ScalarNode:
        if tag == _STR:
            return node.value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return _constructor.construct_yaml_bool(node)
        if tag == _INT:
            if node.style in (None, "") and (":" in node.value or _OCTAL_LIKE.match(node.value)):
                raise _Careful
            return _constructor.construct_yaml_int(node)
        if tag == _FLOAT:
            if ":" in node.value:
                raise _Careful
            return _constructor.construct_yaml_float(node)
        if tag == _TIMESTAMP:
            return YamlDate(node.value)
        raise _Careful
    depth += 1
    if kind is yaml.MappingNode and tag == _T + "map":
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.tag not in _KEY_TAGS or key_node.value == "":
                raise _Careful
            key = key_node.value
            if key in out:
                raise _Careful
            out[key] = _plain_data(value_node, seen, depth)
        return out
    if kind is yaml.SequenceNode and tag == _T + "seq":
        return [_plain_data(child, seen, depth) for child in node.value]
    raise _Careful


#: Key tags whose text the careful builder keeps as the key.
_KEY_TAGS = frozenset({_STR, _INT, _FLOAT, _BOOL, _TIMESTAMP})


def _load_plain(text: str) -> Any:
    """Data from well-behaved YAML in one C-parser pass, or ``_CAREFUL``."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        return None if root is None else _plain_data(root, set())
    except (_Careful, yaml.YAMLError, RecursionError, ValueError, TypeError):
        return _CAREFUL
    finally:
        loader.dispose()


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "invalid YAML"


_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "A value contains `: `. Wrap the whole value in quotes."),
    ("could not find expected ':'", "A line is not `key: value`, or a multi-line value is not indented."),
    ("did not find expected key", "Check the indentation: keys of one mapping must line up."),
    ("did not find expected '-' indicator", "Check the indentation: items of one list must line up."),
    ("found undefined alias", "An alias (`*name`) refers to an anchor (`&name`) that does not exist."),
    ("found unexpected end of stream", "A quote or bracket is not closed."),
    (
        "found unknown escape character",
        "In double quotes, write a backslash as `\\\\`, or use single quotes.",
    ),
    ("found character '@'", "A value cannot start with `@` or a backtick; quote it."),
    ("found character '`'", "A value cannot start with `@` or a backtick; quote it."),
    ("expected <block end>", "Check the indentation of this line against the lines above."),
    ("found duplicate anchor", "Each anchor (`&name`) can be defined once."),
)


def _syntax_problems(exc: yaml.MarkedYAMLError, text: str, file: str, line_offset: int) -> list[Problem]:
    tab_lines = [
        (number, line.index("\t"))
        for number, line in enumerate(text.split("\n"))
        if "\t" in line[: len(line) - len(line.lstrip())]
    ]
    if tab_lines:
        return [
            problem(
                "yaml.tab",
                file,
                number + line_offset,
                column + 1,
                "a tab character indents this line; YAML allows spaces only",
                "Replace the tab with spaces.",
            )
            for number, column in tab_lines
        ]
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line if mark else 0) + line_offset
    column = (mark.column if mark else 0) + 1
    if libyaml_nesting_limit(exc):
        # The same mistake as nesting past MAX_DEPTH, so the same problem, at
        # the same place as without libyaml's limit.
        deep = pure_deep_mark(text)
        if deep is not None:
            line, column = deep.line + line_offset, deep.column + 1
        return [too_deep(file, line, column)]
    message = exc.problem or "invalid YAML"
    if exc.context:
        message = f"{message} ({exc.context})"
    hint = next((h for key, h in _SYNTAX_HINTS if key in message), "")
    if "simple key" in message and mark is not None and mark.column > 1024:
        hint = "YAML keys are limited to 1,024 characters; this line has a longer one."
    return [problem("yaml.syntax", file, line, column, message, hint)]


class _Builder:
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
        if node.tag != _T + "seq":
            self._unsupported_tag(node)
        return [self._value(item, depth + 1) for item in node.value]

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        if node.tag != _T + "map":
            self._unsupported_tag(node)
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        merged: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
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
        if isinstance(node, yaml.ScalarNode) and node.tag != _NULL and node.value != "":
            if node.tag not in (_STR, _INT, _FLOAT, _BOOL, _TIMESTAMP, _VALUE):
                self._unsupported_tag(node)
                return None
            return node.value
        self._report("yaml.key", node, "a mapping key must be plain text", "Use a simple word as the key.")
        return None

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag in (_STR, _VALUE):
            return node.value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return _constructor.construct_yaml_bool(node)
        if tag in (_INT, _FLOAT):
            text = node.value
            if node.style in (None, "") and (":" in text or _OCTAL_LIKE.match(text)):
                value = (
                    _constructor.construct_yaml_int(node)
                    if tag == _INT
                    else _constructor.construct_yaml_float(node)
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
                if tag == _INT:
                    return _constructor.construct_yaml_int(node)
                return _constructor.construct_yaml_float(node)
            except ValueError:
                return text
        if tag == _TIMESTAMP:
            return YamlDate(node.value)
        self._unsupported_tag(node)
        return None

    def _unsupported_tag(self, node: yaml.Node) -> None:
        tag = node.tag
        shown = tag.replace(_T, "!!")
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
