"""The ``.case`` format: a mini project and the exact report it must produce.

A case file starts with comment lines (``#``) describing it, then sections:

``=== PATH``            the following lines are the text of PATH
``=== bytes PATH``      the following line is a Python bytes expression
                        (literals, ``+`` and ``*`` only)
``=== symlink PATH``    the following line is the link target
``=== expect``          the exact ``academy check`` text output

Cases are kept as text so a reviewer reads the input and the diagnostics
side by side.
"""

from __future__ import annotations

import ast
import operator
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    name: str
    description: str
    files: dict[str, str]
    raw: dict[str, bytes]
    links: dict[str, str]
    expect: str
    args: tuple[str, ...] = ()


_OPS = {ast.Add: operator.add, ast.Mult: operator.mul}


def _bytes(expression: str) -> bytes:
    """Evaluate a bytes expression built from literals, ``+`` and ``*``."""

    def value(node: ast.AST) -> object:
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](value(node.left), value(node.right))
        raise ValueError(f"unsupported bytes expression: {ast.dump(node)}")

    result = value(ast.parse(expression, mode="eval").body)
    assert isinstance(result, bytes)
    return result


def parse(path: Path) -> Case:
    text = path.read_text(encoding="utf-8")
    description: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    for line in text.split("\n"):
        if line.startswith("=== "):
            sections.append((line[4:].strip(), []))
        elif sections:
            sections[-1][1].append(line)
        elif line.startswith("#"):
            description.append(line.lstrip("# "))
    files: dict[str, str] = {}
    raw: dict[str, bytes] = {}
    links: dict[str, str] = {}
    expect = ""
    args: tuple[str, ...] = ()
    for header, lines in sections:
        body = "\n".join(lines)
        if header == "expect":
            expect = body.rstrip("\n") + "\n"
        elif header.startswith("args"):
            args = tuple(header.split()[1:])
        elif header.startswith("bytes "):
            raw[header[6:]] = _bytes(body.strip())
        elif header.startswith("symlink "):
            links[header[8:]] = body.strip()
        else:
            files[header] = body.rstrip("\n") + "\n"
    return Case(path.stem, " ".join(description), files, raw, links, expect, args)


def materialise(case: Case, root: Path) -> None:
    for rel, content in case.files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    for rel, data in case.raw.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for rel, destination in case.links.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(destination, target)
