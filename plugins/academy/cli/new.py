"""`academy new module|path|quiz ID`: a starting file that passes `academy check`.

Each scaffold is valid as written (so an author starts from green, not from a
wall of errors) and carries comments saying what to change. Existing files
are never overwritten.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from academy.cli.common import EXIT_OK, EXIT_PROBLEMS
from academy.cli.path_edit import PathEditError, add_module
from academy.core.engine import run
from academy.core.model import Academy
from academy.core.settings import Settings, load_settings

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ScaffoldError(Exception):
    """The scaffold cannot be written (bad id, file exists, nothing to point at)."""


@dataclass(frozen=True)
class Scaffold:
    path: Path
    text: str
    next_steps: tuple[str, ...]


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


_MAKE_TARGET = re.compile(r"^(check|serve)\s*:", re.MULTILINE)


def check_and_preview(root: Path) -> tuple[str, str]:
    """The commands that check and preview this project, as its author runs them.

    This repository's Makefile wraps them (``make check``, ``make serve``,
    which also install what they need); a content repository made by
    ``academy init`` has no Makefile and runs the tools directly.
    """
    try:
        makefile = (root / "Makefile").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        makefile = ""
    if set(_MAKE_TARGET.findall(makefile)) == {"check", "serve"}:
        return "make check", "make serve"
    return "academy check", "mkdocs serve"


def module(settings: Settings, item_id: str, title: str) -> Scaffold:
    target = settings.root / settings.modules_dir / f"{item_id}.md"
    text = f"""---
# A module: one topic a learner can finish in one sitting.
# Field reference: the authoring guide; schema: schemas/module.schema.json.
id: {item_id}                     # kebab-case, unique; learner progress is keyed by it
title: {_q(title)}
summary: {_q("One or two sentences: what the learner will be able to do after this module.")}
level: foundation                 # foundation | intermediate | advanced
duration: 15                      # minutes, reading and practice included
# prerequisites: [another-module] # modules to complete first
# tags: [communication]
# owner: your-team                # who keeps this module current
# reviewed: 2026-01-31            # date of the last content review (YYYY-MM-DD)
objectives:                       # what the learner will be able to do; start with a verb
  - id: first-objective
    text: {_q("Apply the main idea of this module to a real customer contact.")}
    bloom: apply                  # remember | understand | apply | analyze | evaluate | create
checks:                           # every objective needs at least one check or scenario
  - id: first-check
    objective: first-objective
    type: single                  # single | multiple | true-false | order | match | text
    prompt: {_q("Replace this with a question about a realistic situation.")}
    choices:
      - text: {_q("A tempting but wrong answer")}
        feedback: {_q("Say why this is wrong; feedback on wrong answers is where learners learn.")}
      - text: {_q("The right answer")}
        correct: true
        feedback: {_q("Say why this is right.")}
    hint: {_q("An optional nudge the learner can open before answering.")}
    explanation: {_q("Why the right answer is right, shown once the learner gets it.")}
---
<!-- The teaching text, in Markdown. Start with a paragraph, then use ## headings.
     Place a check where it belongs with a line of its own:

     [[check first-check]]

     Checks you do not place appear under "Check your understanding" at the end. -->

Write the module here.
"""
    steps = (
        f"Edit {target.relative_to(settings.root)}: the summary, the objective, the check and the text.",
        f"Add `{item_id}` to a stage of a path in {settings.paths_dir}/, or run `academy new module` with "
        "`--path PATH_ID` next time (until then `academy check` warns that it is in no path).",
        "Run `{}`, and `{}` to preview it.".format(*check_and_preview(settings.root)),
    )
    return Scaffold(target, text, steps)


def _starters(academy: Academy) -> list[str]:
    """A module to start a new path with: one that needs nothing first, so
    the path is complete as written (no ``path.outside``). A valid academy
    always has one: prerequisites cannot form a cycle."""
    modules = sorted(academy.modules, key=lambda m: m.id)
    first = next((m for m in modules if not m.prerequisites), modules[0] if modules else None)
    return [first.id] if first is not None else []


def path(settings: Settings, item_id: str, title: str) -> Scaffold:
    modules = _starters(run(settings).academy)
    if not modules:
        raise ScaffoldError("a path needs at least one module; create one first with `academy new module ID`")
    target = settings.root / settings.paths_dir / f"{item_id}.yml"
    text = f"""# A learning path: the curriculum for one role, in stages.
# Field reference: the authoring guide; schema: schemas/path.schema.json.
id: {item_id}
title: {_q(title)}
role: {_q("Who this path is for, such as: Support agent, first six weeks")}
summary: {_q("What a learner can do after finishing this path.")}
# placement: a-placement-quiz     # a quiz of kind: placement, to test out of modules
# requires: [another-path]        # paths whose modules count as already known
stages:
  - id: stage-one
    title: {_q("Stage 1")}
    modules: [{", ".join(modules)}]       # replace with this stage's modules, in order
    # assessment: a-quiz          # a quiz of kind: assessment that closes the stage
# certificate:
#   title: {_q(title)}
"""
    steps = (
        f"Edit {target.relative_to(settings.root)}: the role, the summary and each stage's modules.",
        f"Run `{check_and_preview(settings.root)[0]}`: a module listed before one of its prerequisites "
        "is reported with the stage to fix.",
    )
    return Scaffold(target, text, steps)


def quiz(settings: Settings, item_id: str, title: str) -> Scaffold:
    target = settings.root / settings.quizzes_dir / f"{item_id}.yml"
    text = f"""# A quiz bank: a stage assessment, a placement test or a practice pool.
# Field reference: the authoring guide; schema: schemas/quiz.schema.json.
id: {item_id}
title: {_q(title)}
kind: practice                    # practice | assessment (needs pass_mark) | placement (needs module on every question)
summary: {_q("What this quiz covers.")}
# pass_mark: 80                   # percent, for assessments
# draw: 10                        # ask this many questions per attempt; keep the pool 1.5 times larger
questions:
  - id: first-question
    # module: a-module-id         # the module this question tests (required in placement tests)
    type: true-false
    prompt: {_q("Replace this with a statement the learner judges true or false.")}
    answer: true
    explanation: {_q("Why the answer is what it is.")}
"""
    steps = (
        f"Edit {target.relative_to(settings.root)} and add questions.",
        "To close a stage with it, set `kind: assessment` and `pass_mark:`, then name it as the stage's `assessment:` in a path.",
    )
    return Scaffold(target, text, steps)


KINDS = {"module": module, "path": path, "quiz": quiz}


def create(settings: Settings, kind: str, item_id: str, title: str | None) -> Scaffold:
    """Write a scaffold; refuse bad ids and existing files."""
    if not ID.match(item_id):
        raise ScaffoldError(f"`{item_id}` is not a valid id: use kebab-case, such as `active-listening`")
    scaffold = KINDS[kind](settings, item_id, title or item_id.replace("-", " ").capitalize())
    if scaffold.path.exists():
        raise ScaffoldError(f"{scaffold.path.relative_to(settings.root)} already exists; nothing was written")
    existing = run(settings).academy
    taken = {"module": existing.module, "path": existing.path, "quiz": existing.quiz}[kind](item_id)
    if taken is not None:
        raise ScaffoldError(f"the {kind} id `{item_id}` is already used by {taken.file}; nothing was written")
    scaffold.path.parent.mkdir(parents=True, exist_ok=True)
    scaffold.path.write_text(scaffold.text, encoding="utf-8")
    return scaffold


def register(commands: Any) -> None:
    new = commands.add_parser("new", help="write a new module, path or quiz bank that passes `academy check`")
    new.add_argument("kind", choices=("module", "path", "quiz"))
    new.add_argument("id", help="kebab-case id, which is also the file name")
    new.add_argument("--title", default=None, help="title (default: from the id)")
    new.add_argument("--project", default=".", help="project folder (holding mkdocs.yml); default: .")
    new.add_argument(
        "--path",
        default=None,
        help="module: list it in this learning path (default: the only path, when there is one)",
    )
    new.add_argument(
        "--stage", default=None, help="module: the path's stage to list it in (default: the last)"
    )
    new.set_defaults(func=cmd_new)


def cmd_new(args: argparse.Namespace) -> int:
    settings = load_settings(Path(args.project))
    try:
        made = create(settings, args.kind, args.id, args.title)
    except ScaffoldError as exc:
        print(f"academy new: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    steps = list(made.next_steps)
    if args.kind == "module":
        result = run(settings)
        path_id = args.path or (result.academy.paths[0].id if len(result.academy.paths) == 1 else None)
        if path_id is not None:
            try:
                stage = add_module(settings.root, result, path_id, args.stage, args.id)
            except PathEditError as exc:
                print(
                    f"Wrote {made.path.relative_to(settings.root)}, but could not list it in a path: {exc}."
                )
                return EXIT_PROBLEMS
            listed = result.academy.path(path_id)
            assert listed is not None
            steps[1] = f"It is listed last in stage `{stage}` of {listed.file}; move it where it belongs."
    elif args.stage or args.path:
        print("academy new: --path and --stage are for modules", file=sys.stderr)
    print(f"Wrote {made.path.relative_to(settings.root)}. Next:")
    for number, step in enumerate(steps, start=1):
        print(f"  {number}. {step}")
    return EXIT_OK
