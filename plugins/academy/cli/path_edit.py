"""Adding a module to a stage of a path file, keeping the author's layout.

``academy new module ID --path P`` writes the module and lists it in the
path, so the new file passes ``academy check --strict`` at once. The path
file is edited as text at the positions its YAML nodes report: a flow list
(``modules: [a, b]``) gets ``, id`` before its ``]``, a block list a new
``- id`` line after its last item. Comments and formatting stay as they were.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from academy.core.engine import Result
from academy.core.model import LearningPath


class PathEditError(Exception):
    """The path or stage does not exist, or the file is not in a shape we edit."""


def stage_of(lp: LearningPath, stage_id: str | None) -> int:
    """The index of the named stage, or of the last one."""
    if not lp.stages:
        raise PathEditError(f"path `{lp.id}` has no stages")
    if stage_id is None:
        return len(lp.stages) - 1
    for i, stage in enumerate(lp.stages):
        if stage.id == stage_id:
            return i
    known = ", ".join(f"`{s.id}`" for s in lp.stages)
    raise PathEditError(f"path `{lp.id}` has no stage `{stage_id}`; its stages: {known}")


def add_module(root: Path, result: Result, path_id: str, stage_id: str | None, module_id: str) -> str:
    """List ``module_id`` last in the stage; return the stage's id."""
    lp = result.academy.path(path_id)
    if lp is None:
        known = ", ".join(f"`{p.id}`" for p in result.academy.paths) or "none"
        raise PathEditError(f"there is no path `{path_id}`; paths: {known}")
    index = stage_of(lp, stage_id)
    loaded = result.loaded.get(lp.file)
    if loaded is None or loaded.doc is None:
        raise PathEditError(f"{lp.file} could not be read; fix it first")
    node, found = loaded.doc.node_at(("stages", index, "modules"))
    if not found or not isinstance(node, yaml.SequenceNode):
        raise PathEditError(f"stage `{lp.stages[index].id}` of {lp.file} has no `modules:` list to add to")
    file = root / lp.file
    text = file.read_text(encoding="utf-8")
    if node.flow_style:
        end = node.end_mark.index - 1  # the closing bracket
        if text[end] != "]":
            raise PathEditError(f"cannot find the end of the `modules:` list in {lp.file}")
        before = text[:end].rstrip()
        joiner = "" if before.endswith("[") else ", "
        text = before + joiner + module_id + text[end:]
    else:
        last = node.value[-1]
        lines = text.split("\n")
        indent = " " * max(last.start_mark.column - 2, 0)
        lines.insert(last.end_mark.line + (1 if last.end_mark.column else 0), f"{indent}- {module_id}")
        text = "\n".join(lines)
    file.write_text(text, encoding="utf-8")
    return lp.stages[index].id
