"""Files named in module bodies exist and stay inside the project."""

from __future__ import annotations

from collections.abc import Iterable

from academy.core.body_refs import references_in, resolve
from academy.core.codes import problem
from academy.core.problems import Problem

from .context import Context

_MESSAGES = {
    "asset.absolute": (
        "`{t}` is an absolute path",
        "Name the file relative to the module, such as `img/queue.png`.",
    ),
    "asset.outside": (
        "`{t}` leads outside the project, so it is not read",
        "Keep referenced files inside the project, next to the module.",
    ),
    "asset.missing": (
        "`{t}` does not exist",
        "Check the spelling and the folder; paths are relative to the module file.",
    ),
}


def check(ctx: Context) -> Iterable[Problem]:
    for module in ctx.academy.modules:
        for ref in references_in(module.body, module.body_line):
            found = resolve(ref, ctx.root / module.file, ctx.root)
            if found.problem:
                message, hint = _MESSAGES[found.problem]
                what = "include" if ref.kind == "include" else "file reference"
                yield problem(
                    found.problem,
                    module.file,
                    ref.line,
                    ref.column,
                    f"{what} " + message.format(t=ref.target),
                    hint,
                )
