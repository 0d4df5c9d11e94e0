"""Write a synthetic academy of N modules, and its plain MkDocs twin.

Usage: python benchmarks/generate.py N [--content generator|probe] [--out DIR]

Two kinds of content. ``generator`` (the default) is realistic for this
product: about 800 words of Markdown per module, 3 objectives, 6 checks (one
of each type), one 6-step scenario, prerequisite chains, and 10 learning
paths each closed by a quiz bank, with no authoring warnings. ``probe``
clones one hand-written module (``probe.py``) that carries authoring
warnings, and nothing else: no paths, quizzes or sample pages.

The plain twin holds the same Markdown bodies without front matter, built
with the same theme settings and the search plugin but without the academy
plugin: the site a team would have without Academy, in three navigations
(see :func:`write_twin`). Output is deterministic for a given N.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

from probe import BODY, probe_module

from academy.core.sections import SECTION_SIZE

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
#: What the modules hold: see :func:`generate`.
CONTENTS = ("generator", "probe")
PATHS = 10
CHAIN = 8  # modules per prerequisite chain

WORDS = (
    "customer agent ticket reply queue listen empathy tone summary escalation handoff policy refund "
    "order delivery courier account billing invoice membership plus basic business macro status pending "
    "solved urgent priority knowledge article verified answer question context channel chat email phone "
    "apology plan owner follow through promise deadline timeline detail problem cause symptom frame "
    "acknowledge understand communicate solve confirm document coach quality rubric calibrate metric "
    "satisfaction resolution handle time first contact repeat trust clear brief structure steps"
).split()

THEME = """theme:
  name: material
  font: false
  features:
    - navigation.instant
    - navigation.tracking
    - search.suggest
markdown_extensions:
  - admonition
  - attr_list
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
"""


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def body(rng: random.Random, title: str) -> str:
    """About 800 words: sections, paragraphs, a list and a table."""
    parts = [sentence(rng, 14) + " " + sentence(rng, 12)]
    words = 26
    section = 0
    while words < 640:
        section += 1
        parts.append(f"## {title} part {section}")
        for _ in range(3):
            paragraph = " ".join(sentence(rng, rng.randint(9, 18)) for _ in range(4))
            parts.append(paragraph)
            words += len(paragraph.split())
        if section % 2:
            parts.append("\n".join(f"- {sentence(rng, 6)}" for _ in range(4)))
            words += 28
        else:
            parts.append(
                "| Step | What to do |\n|---|---|\n"
                + "\n".join(f"| {i} | {sentence(rng, 6)} |" for i in range(1, 4))
            )
            words += 21
    return "\n\n".join(parts) + "\n"


def q(text: str) -> str:
    return json.dumps(text)


def front_matter(rng: random.Random, index: int, mid: str, title: str, prereq: str | None) -> str:
    objectives = "".join(
        f"  - id: obj-{k}\n    text: {q(sentence(rng, 8))}\n    bloom: {b}\n"
        for k, b in enumerate(("apply", "analyze", "understand"))
    )
    s = lambda n=8: q(sentence(rng, n))  # noqa: E731
    checks = f"""checks:
  - id: c-single
    objective: obj-0
    type: single
    prompt: {s(12)}
    choices:
      - text: {s(5)}
        feedback: {s()}
      - text: {s(5)}
        correct: true
        feedback: {s()}
      - text: {s(5)}
        feedback: {s()}
    hint: {s()}
    explanation: {s(14)}
  - id: c-multiple
    objective: obj-1
    type: multiple
    prompt: {s(12)}
    choices:
      - text: {s(5)}
        correct: true
        feedback: {s()}
      - text: {s(5)}
        feedback: {s()}
      - text: {s(5)}
        correct: true
        feedback: {s()}
    explanation: {s(14)}
  - id: c-true-false
    objective: obj-2
    type: true-false
    prompt: {s(10)}
    answer: true
    feedback: {{correct: {s()}, incorrect: {s()}}}
    explanation: {s(14)}
  - id: c-order
    objective: obj-0
    type: order
    prompt: {s(10)}
    items: [{", ".join(q(f"Step {k} " + sentence(rng, 3)) for k in range(1, 5))}]
    explanation: {s(14)}
  - id: c-match
    objective: obj-1
    type: match
    prompt: {s(10)}
    pairs:
{"".join(f"      - {{left: {q(f'Term {k} ' + sentence(rng, 2))}, right: {q(f'Meaning {k} ' + sentence(rng, 4))}}}" + chr(10) for k in range(1, 4))}    explanation: {s(14)}
  - id: c-text
    objective: obj-2
    type: text
    prompt: {s(10)}
    answers: [leaps, "listen first"]
    hint: {s()}
    explanation: {s(14)}
"""
    scenario = f"""scenarios:
  - id: s-main
    objective: obj-0
    title: {s(4)}
    channel: chat
    intro: {s(16)}
    start: opening
    steps:
      opening:
        speaker: Customer
        text: {s(14)}
        options:
          - {{text: {s(8)}, next: calmer, score: 2, feedback: {s()}}}
          - {{text: {s(8)}, next: hotter, score: 0, feedback: {s()}}}
      calmer:
        speaker: Customer
        text: {s(12)}
        options:
          - {{text: {s(8)}, next: fixed, score: 2, feedback: {s()}}}
          - {{text: {s(8)}, next: waiting, score: 1, feedback: {s()}}}
      hotter:
        speaker: Customer
        text: {s(12)}
        options:
          - {{text: {s(8)}, next: waiting, score: 1, feedback: {s()}}}
          - {{text: {s(8)}, next: lost, score: 0, feedback: {s()}}}
      fixed: {{text: {s(10)}, ending: success, feedback: {s()}}}
      waiting: {{text: {s(10)}, ending: partial, feedback: {s()}}}
      lost: {{text: {s(10)}, ending: fail, feedback: {s()}}}
"""
    prerequisites = f"prerequisites: [{prereq}]\n" if prereq else ""
    return (
        f"---\nid: {mid}\ntitle: {q(title)}\nsummary: {q(sentence(rng, 14))}\n"
        f"level: {('foundation', 'intermediate', 'advanced')[index % 3]}\nduration: {15 + index % 4 * 5}\n"
        f"{prerequisites}tags: [topic-{index % 12}]\nowner: enablement\nreviewed: 2026-10-01\nreview_every: 365\n"
        f"objectives:\n{objectives}{checks}{scenario}---\n"
    )


def quiz(rng: random.Random, path_index: int, modules: list[str]) -> str:
    questions = "".join(
        f"""  - id: q-{k}
    module: {mid}
    objective: obj-0
    type: true-false
    prompt: {q(sentence(rng, 10))}
    answer: {"true" if k % 2 else "false"}
    explanation: {q(sentence(rng, 10))}
"""
        for k, mid in enumerate(modules[:15])
    )
    return f"id: exam-{path_index}\ntitle: Path {path_index} assessment\nkind: assessment\npass_mark: 80\ndraw: 10\nquestions:\n{questions}"


def generate(n: int, out: Path, content: str = "generator") -> tuple[Path, Path]:
    """Write ``out/academy`` and its twin ``out/twin`` for ``n`` modules.

    ``content`` is ``generator`` (modules made by :func:`front_matter` and
    :func:`body`, in topic folders, with paths and quiz banks) or ``probe``
    (one realistic module with authoring warnings, cloned; nothing else).
    The twin holds the same Markdown, each body under its title, with three
    configurations (see :func:`write_twin`).
    """
    if out.exists():
        shutil.rmtree(out)
    academy, twin = out / "academy", out / "twin"
    for folder in (academy / "modules", academy / "content", twin / "docs" / "modules"):
        folder.mkdir(parents=True)
    home = "# Benchmark academy\n\nWelcome. Pick a module from the navigation, or search for one.\n"
    if content == "probe":
        pages = _probe(n, academy)
        (academy / "content" / "index.md").write_text(home, encoding="utf-8")
    else:
        pages = _generated(n, academy)
        (academy / "content" / "index.md").write_text(
            home + "\n<!-- academy:role-cards -->\n", encoding="utf-8"
        )
    (academy / "mkdocs.yml").write_text(
        f"site_name: Benchmark academy\nsite_url: https://bench.invalid/\ndocs_dir: content\nsite_dir: build\n{THEME}"
        "plugins:\n  - search\n  - academy:\n      today: 2026-11-01\n",
        encoding="utf-8",
    )
    write_twin(twin, pages, home)
    return academy, twin


#: A twin page: (module id, title, file in the academy, file in the twin's docs, body).
TwinPage = tuple[str, str, str, str, str]


def _generated(n: int, academy: Path) -> list[TwinPage]:
    """Modules from random sentences in 12 topic folders, prerequisite chains, paths and quiz banks."""
    rng = random.Random(n)  # paths and quizzes depend on N; each module only on its index
    for folder in (academy / "paths", academy / "quizzes"):
        folder.mkdir()
    ids = [f"module-{i:05d}" for i in range(n)]
    per_path = max(1, n // PATHS)
    pages: list[TwinPage] = []
    for i, mid in enumerate(ids):
        module_rng = random.Random(i)
        title = f"Module {i}: " + sentence(module_rng, 3).rstrip(".")
        # Chains of CHAIN modules, never crossing from one path into the next.
        position = i - min(i // per_path, PATHS - 1) * per_path
        prereq = ids[i - 1] if position % CHAIN else None
        text = body(module_rng, title)
        topic = f"topic-{i % 12:02d}"
        (academy / "modules" / topic).mkdir(exist_ok=True)
        (academy / "modules" / topic / f"{mid}.md").write_text(
            front_matter(module_rng, i, mid, title, prereq) + text, encoding="utf-8"
        )
        # The twin keeps the topic folders: its default navigation has the same sections.
        pages.append((mid, title, f"modules/{topic}/{mid}.md", f"modules/{topic}/{mid}.md", text))
    for p in range(PATHS):
        members = ids[p * per_path : (p + 1) * per_path] if p < PATHS - 1 else ids[p * per_path :]
        if not members:
            members = ids[:1]
        # Whole chains stay together, in order, so prerequisites come first.
        stages = [members[k : k + CHAIN] for k in range(0, len(members), CHAIN)]
        stage_text = "".join(
            f"  - id: stage-{k}\n    title: Stage {k}\n    modules: [{', '.join(stage)}]\n"
            + (f"    assessment: exam-{p}\n" if k == len(stages) - 1 else "")
            for k, stage in enumerate(stages)
        )
        (academy / "paths" / f"path-{p}.yml").write_text(
            f"id: path-{p}\ntitle: Path {p}\nrole: Role {p}\nsummary: {q(sentence(rng, 12))}\nstages:\n{stage_text}certificate:\n  title: Path {p} certificate\n",
            encoding="utf-8",
        )
        (academy / "quizzes" / f"exam-{p}.yml").write_text(quiz(rng, p, members), encoding="utf-8")
    return pages


def _probe(n: int, academy: Path) -> list[TwinPage]:
    """The probe module cloned ``n`` times, at the top of the modules folder."""
    pages: list[TwinPage] = []
    for i in range(n):
        mid, title, text = probe_module(i)
        (academy / "modules" / f"{mid}.md").write_text(text, encoding="utf-8")
        # The twin has no widgets: the lines that place them go.
        plain = "\n".join(line for line in BODY.split("\n") if not line.startswith("[["))
        pages.append((mid, title, f"modules/{mid}.md", f"modules/{mid}.md", plain))
    return pages


def write_twin(twin: Path, pages: list[TwinPage], home: str) -> None:
    """The plain MkDocs + Material twin, without the academy plugin, in three configurations:

    * ``mkdocs.yml``: the academy's navigation structure (its module
      sections, split as the academy splits them, pruned if it prunes):
      what the academy adds beyond the navigation it chose;
    * ``folders.yml``: MkDocs' default navigation, made from the folders;
    * ``flat.yml``: one flat list of every module, Material's defaults:
      what a team would build without Academy.
    """
    from types import SimpleNamespace

    from academy.core.sections import NavSection, module_sections, split_sections
    from academy.render.i18n import strings

    for _, title, _, dest, text in pages:
        (twin / "docs" / dest).parent.mkdir(parents=True, exist_ok=True)
        (twin / "docs" / dest).write_text(f"# {title}\n\n{text}", encoding="utf-8")
    (twin / "docs" / "index.md").write_text(home, encoding="utf-8")
    where = {mid: dest for mid, _, _, dest, _ in pages}
    span = strings("en")["nav_span"]
    arranged = module_sections(
        [SimpleNamespace(id=mid, title=title, file=file) for mid, title, file, _, _ in pages],
        "modules",
        SECTION_SIZE,
        lambda first, last: span.format(first=first, last=last),
    )

    def entry(e: object) -> object:
        if isinstance(e, NavSection):
            return {e.title: [entry(x) for x in e.entries]}
        return where[str(e)]

    theme = THEME
    if split_sections(arranged):
        theme = theme.replace(
            "    - navigation.tracking\n", "    - navigation.tracking\n    - navigation.prune\n"
        )
    head = "site_name: Benchmark academy\nsite_url: https://bench.invalid/\ndocs_dir: docs\nsite_dir: build\n"
    # JSON is YAML: the navigations go in as one line each.
    same = json.dumps(["index.md", {"Modules": [entry(e) for e in arranged]}])
    flat = json.dumps(["index.md", {"Modules": sorted(where.values())}])
    plugins = "plugins:\n  - search\n"
    (twin / "mkdocs.yml").write_text(f"{head}{theme}{plugins}nav: {same}\n", encoding="utf-8")
    (twin / "folders.yml").write_text(f"{head}{THEME}{plugins}", encoding="utf-8")
    (twin / "flat.yml").write_text(f"{head}{THEME}{plugins}nav: {flat}\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of modules")
    parser.add_argument("--content", choices=CONTENTS, default="generator", help="what the modules hold")
    parser.add_argument("--out", type=Path, default=None, help=f"output folder (default: {WORK}/N)")
    args = parser.parse_args(argv)
    academy, twin = generate(args.n, args.out or WORK / args.content / str(args.n), args.content)
    print(f"wrote {academy} and {twin}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
