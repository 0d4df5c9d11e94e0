"""`academy stats`: the curriculum in numbers, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from academy.cli.common import EXIT_OK
from academy.core.coverage import coverage
from academy.core.engine import run
from academy.core.model import Academy
from academy.core.schemas.parts import BLOOM, QUESTION_TYPES
from academy.core.settings import load_settings


def stats(academy: Academy) -> dict[str, Any]:
    questions = [q for _, q in academy.questions()]
    checks = [c for m in academy.modules for c in m.checks]
    objectives = [o for m in academy.modules for o in m.objectives]
    types = Counter(q.type for q in questions)
    blooms = Counter(o.bloom for o in objectives)
    return {
        "counts": {
            "modules": len(academy.modules),
            "paths": len(academy.paths),
            "quiz_banks": len(academy.quizzes),
            "objectives": len(objectives),
            "checks": len(checks),
            "quiz_questions": len(questions) - len(checks),
            "scenarios": sum(len(m.scenarios) for m in academy.modules),
            "scenario_steps": sum(len(s.steps) for m in academy.modules for s in m.scenarios),
        },
        "paths": [
            {
                "id": p.id,
                "title": p.title,
                "stages": len(p.stages),
                "modules": len(p.module_ids),
                "minutes": academy.path_duration(p),
                "assessments": sum(1 for s in p.stages if s.assessment),
            }
            for p in academy.paths
        ],
        "question_types": {t: types.get(t, 0) for t in QUESTION_TYPES},
        "bloom": {b: blooms.get(b, 0) for b in BLOOM},
        "coverage": coverage(academy).summary(),
        "levels": dict(Counter(m.level for m in academy.modules)),
        "minutes_total": sum(m.duration for m in academy.modules),
    }


def _bar(value: int, total: int, width: int = 24) -> str:
    filled = round(width * value / total) if total else 0
    return "█" * filled + "·" * (width - filled)


def to_text(data: dict[str, Any]) -> str:
    c = data["counts"]
    out = [
        f"{c['modules']} modules, {c['paths']} paths, {c['quiz_banks']} quiz banks",
        f"{c['objectives']} objectives, {c['checks']} checks, {c['quiz_questions']} quiz questions, "
        f"{c['scenarios']} scenarios ({c['scenario_steps']} steps)",
        "",
        "Paths:",
    ]
    for p in data["paths"]:
        hours, minutes = divmod(p["minutes"], 60)
        out.append(
            f"  {p['id']:28} {p['modules']:3} modules  {p['stages']} stages  {hours} h {minutes:02d} min  {p['assessments']} assessments"
        )
    total = sum(data["question_types"].values())
    out += ["", "Question types (checks and quiz questions):"]
    out += [f"  {t:11} {n:4}  {_bar(n, total)}" for t, n in data["question_types"].items()]
    objectives = sum(data["bloom"].values())
    out += ["", "Bloom levels of objectives:"]
    out += [f"  {b:11} {n:4}  {_bar(n, objectives)}" for b, n in data["bloom"].items()]
    cov = data["coverage"]
    out += ["", f"Objective coverage: {cov['assessed']} of {cov['objectives']} assessed ({cov['percent']}%)"]
    return "\n".join(out) + "\n"


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2) + "\n"


def register(commands: Any) -> None:
    stats_ = commands.add_parser("stats", help="counts, durations, question types, Bloom levels and coverage")
    stats_.add_argument("directory", nargs="?", default=".")
    stats_.add_argument("--format", choices=("text", "json"), default="text")
    stats_.set_defaults(func=cmd_stats)


def cmd_stats(args: argparse.Namespace) -> int:
    data = stats(run(load_settings(Path(args.directory))).academy)
    sys.stdout.write(to_json(data) if args.format == "json" else to_text(data))
    return EXIT_OK
