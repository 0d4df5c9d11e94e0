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

import yaml

from academy.core.codes import problem
from academy.core.problems import Problem
from academy.core.yamlload.builder import Builder
from academy.core.yamlload.depth import prescan_depth, pure_deep_mark, too_deep
from academy.core.yamlload.doc import YamlDate, YamlDoc, describe_scalar, has_unsupported_tag, paths_at_lines
from academy.core.yamlload.fast import CAREFUL, load_plain
from academy.core.yamlload.guards import first_line, syntax_problems
from academy.core.yamlload.recover import recover
from academy.core.yamlload.tags import MAX_DEPTH, MAX_NODES, MAX_YAML_BYTES, NULL, Loader

__all__ = [
    "MAX_DEPTH",
    "MAX_NODES",
    "MAX_YAML_BYTES",
    "YamlDate",
    "YamlDoc",
    "describe_scalar",
    "has_unsupported_tag",
    "load_yaml",
]


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
    depth_problem = prescan_depth(text, file, line_offset, Loader)
    if depth_problem is not None:
        return None, [depth_problem]
    fast, marks = load_plain(text)
    if fast is not CAREFUL:
        return YamlDoc(fast, None, line_offset, text, marks=marks), []
    holes: list[int] = []
    problems: list[Problem] = []
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        root, text, holes, problems = recover(
            text, exc, lambda error, patched: syntax_problems(error, patched, file, line_offset), Loader
        )
        if root is None:
            return None, problems
    except yaml.YAMLError as exc:  # ReaderError: control characters and the like
        position = getattr(exc, "position", 0) or 0
        line = text.count("\n", 0, position) + line_offset
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        return None, [problem("yaml.syntax", file, line, column, first_line(str(exc)))]
    except RecursionError:  # the pure-Python composer (no libyaml) recurses per level
        deep = pure_deep_mark(text)
        line, column = (deep.line + line_offset, deep.column + 1) if deep else (line_offset, 1)
        return None, [too_deep(file, line, column)]
    if root is None:
        return YamlDoc(None, yaml.ScalarNode(NULL, ""), line_offset, text), problems
    builder = Builder(file, line_offset)
    data = builder.build(root)
    if builder.fatal:
        return None, problems + builder.problems
    doc = YamlDoc(data, root, line_offset, text, tuple(builder.loose))
    if holes:
        doc.holes = tuple(paths_at_lines(root, set(holes)))
    return doc, problems + builder.problems
