"""Simulated learners with known answers, for ``academy insights``.

:func:`write_academy` writes a small academy: a module of eight
single-choice checks with known difficulties (one of them miskeyed: the
choice marked correct is wrong), a scenario, a second module, a six-item
assessment, a placement test and a two-stage path. :func:`simulate` plays
learners through it under an item-response model, P(knows) = 1 / (1 + e^-(a (theta - b))) with
one slope a for every item (learners who do not know guess),
and returns the xAPI statements, shaped exactly as ``academy-xapi.js`` sends
them, with the truth the tests compare against.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

VERB = "http://adlnet.gov/expapi/verbs/"
TYPE = "http://adlnet.gov/expapi/activities/"
BASE = "https://academy.example.org/"

#: Known difficulties of module ``listening``'s checks q1..q8.
LISTENING = {"q1": -2.0, "q2": -1.3, "q3": -0.7, "q4": -0.2, "q5": 0.3, "q6": 0.8, "q7": 1.3, "q8": 2.0}
#: The miskeyed check: YAML marks choice 1 (index 0) correct, the truth is choice 2 (index 1).
MISKEYED = "q5"
#: The check whose last choice nobody picks.
UNPICKED = "q2"
#: Known difficulties of the assessment ``final``'s items.
FINAL = {"f1": -1.5, "f2": -0.8, "f3": -0.2, "f4": 0.3, "f5": 0.9, "f6": 1.6}
CALLS = {"c1": -1.0, "c2": 0.0, "c3": 1.0}
#: The common slope of every item (a two-parameter model with equal slopes:
#: the Rasch ordering, with items as sharp as typical well-made ones).
SLOPE = 1.7

MKDOCS = """site_name: Insights Fixture
site_url: {base}
docs_dir: content
site_dir: build
theme:
  name: material
  font: false
plugins:
  - academy:
      today: 2026-11-01
      xapi:
        endpoint: http://127.0.0.1:9/xAPI/
        activity_base: {base}
"""


def _single(qid: str, prompt: str, key: int, objective: str) -> str:
    lines = [
        f"  - id: {qid}",
        f"    objective: {objective}",
        "    type: single",
        f"    prompt: {prompt}",
        "    choices:",
    ]
    for i in range(4):
        lines.append(f"      - text: Option {i + 1} of {qid}")
        if i == key:
            lines.append("        correct: true")
        lines.append(f"        feedback: Feedback on option {i + 1}.")
    lines.append(f"    explanation: The answer to {qid}.")
    return "\n".join(lines) + "\n"


def write_academy(root: Path, base: str = BASE) -> Path:
    """Write the fixture academy into ``root`` and return it."""
    for folder in ("modules", "paths", "quizzes", "content"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS.format(base=base), encoding="utf-8")
    (root / "content" / "index.md").write_text("# Insights fixture\n", encoding="utf-8")
    head = """---
id: {id}
title: {title}
summary: {title} for the insights fixture.
level: foundation
duration: 10
owner: test-suite
reviewed: 2026-10-01
objectives:
  - id: recall
    text: Recall the steps of {title}.
    bloom: remember
  - id: apply
    text: Apply the steps of {title}.
    bloom: apply
checks:
"""
    checks = "".join(
        _single(q, f"Question {q} of the listening module?", 0, "recall" if i < 4 else "apply")
        for i, q in enumerate(LISTENING)
    )
    scenario = """scenarios:
  - id: call
    objective: apply
    title: The angry caller
    start: opening
    steps:
      opening:
        text: The caller is upset.
        options:
          - text: Listen first.
            next: middle
            score: 2
          - text: Quote the policy.
            next: angry
            score: 0
      middle:
        text: The caller explains.
        options:
          - text: Offer a concrete fix.
            next: win
            score: 2
          - text: Promise to look into it.
            next: meh
            score: 1
      angry:
        text: The caller wants a manager.
        options:
          - text: Apologise and listen.
            next: meh
            score: 1
          - text: Transfer the call.
            next: lose
            score: 0
      win:
        text: The caller thanks you.
        ending: success
      meh:
        text: The caller hangs up, unsure.
        ending: partial
      lose:
        text: The caller complains.
        ending: fail
---
The listening module.
"""
    (root / "modules" / "listening.md").write_text(
        head.format(id="listening", title="Listening") + checks + scenario, encoding="utf-8"
    )
    calls = "".join(_single(q, f"Question {q} of the calls module?", 0, "recall") for q in CALLS)
    (root / "modules" / "calls.md").write_text(
        head.format(id="calls", title="Calls") + calls + "---\nThe calls module.\n", encoding="utf-8"
    )
    final = "".join(
        _single(q, f"Assessment question {q}?", 0, "apply").replace("  - id", "  - id", 1) for q in FINAL
    )
    final = final.replace("    objective: apply\n", "    module: calls\n    objective: apply\n")
    (root / "quizzes" / "final.yml").write_text(
        "id: final\ntitle: Final assessment\nkind: assessment\nsummary: Six questions.\npass_mark: 60\nquestions:\n"
        + final,
        encoding="utf-8",
    )
    place = "".join(_single(q, f"Placement question {q}?", 0, "recall") for q in ("p1", "p2"))
    place = place.replace("    objective: recall\n", "    module: listening\n    objective: recall\n")
    (root / "quizzes" / "place.yml").write_text(
        "id: place\ntitle: Placement\nkind: placement\nsummary: Test out.\nquestions:\n" + place,
        encoding="utf-8",
    )
    (root / "paths" / "agent.yml").write_text(
        """id: agent
title: Agent path
role: Agents
summary: Listening, then calls.
placement: place
stages:
  - id: one
    title: Listening
    modules: [listening]
  - id: two
    title: Calls
    modules: [calls]
    assessment: final
""",
        encoding="utf-8",
    )
    return root


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


@dataclass
class Truth:
    """What the simulation knows and the analysis must find."""

    difficulty: dict[tuple[str, str], float] = field(default_factory=dict)  # (owner, id) → b
    final_rows: list[list[int]] = field(default_factory=list)  # first attempts at the assessment
    learners: int = 0


class Simulation:
    """Plays learners through the fixture academy, statement by statement."""

    def __init__(self, seed: int = 7, base: str = BASE) -> None:
        self.rng = random.Random(seed)
        self.base = base
        self.clock = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)
        self.truth = Truth()
        self.truth.difficulty.update({("listening", q): b for q, b in LISTENING.items() if q != MISKEYED})
        self.truth.difficulty.update({("calls", q): b for q, b in CALLS.items()})
        self.truth.difficulty.update({("final", q): b for q, b in FINAL.items()})

    def _id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _statement(
        self, anon: str, verb: str, object_id: str, kind: str, result: dict | None = None, parent: str = ""
    ) -> dict[str, Any]:
        self.clock += dt.timedelta(seconds=self.rng.randint(5, 90))
        definition: dict[str, Any] = {"name": {"en": object_id}, "type": TYPE + kind}
        if kind == "cmi.interaction":
            definition["interactionType"] = "choice"
        context: dict[str, Any] = {"platform": "Academy", "language": "en"}
        if parent:
            context["contextActivities"] = {"parent": [{"objectType": "Activity", "id": parent}]}
        statement = {
            "id": self._id(),
            "actor": {"objectType": "Agent", "account": {"homePage": self.base, "name": anon}},
            "verb": {"id": VERB + verb, "display": {"en-US": verb}},
            "object": {"objectType": "Activity", "id": object_id, "definition": definition},
            "context": context,
            "timestamp": self.clock.strftime("%Y-%m-%dT%H:%M:%S.") + f"{self.clock.microsecond // 1000:03d}Z",
        }
        if result is not None:
            statement["result"] = result
        return statement

    def _answer(self, anon, owner_url, parent, anchor, qid, b, theta, tries) -> tuple[list[dict], bool]:
        """One question until right (at most ``tries``); the first attempt's rightness."""
        out = []
        first = None
        for attempt in range(tries):
            knows = self.rng.random() < (sigmoid(SLOPE * (theta - b)) if attempt == 0 else 0.85)
            if qid == MISKEYED:
                # The truth is choice 2, the file says choice 1: knowing learners
                # are marked wrong; after that feedback they give the file's key.
                pick = 1 if (knows and attempt == 0) else 0 if attempt else self.rng.randrange(3)
                right = pick == 0
            else:
                # Who does not know guesses, so the key is picked by chance too.
                pick = 0 if knows else self.rng.choice((0, 1, 2) if qid == UNPICKED else (0, 1, 2, 3))
                right = pick == 0
            result = {
                "success": right,
                "response": str(pick),
                "completion": True,
                "score": {"scaled": 1 if right else 0},
                "duration": f"PT{self.rng.uniform(8, 60):.1f}S",
            }
            out.append(
                self._statement(anon, "answered", owner_url + anchor + qid, "cmi.interaction", result, parent)
            )
            first = right if first is None else first
            if right:
                break
        return out, bool(first)

    def learner(self) -> list[dict[str, Any]]:
        """One learner's statements, in the order the browser sends them."""
        rng = self.rng
        anon = self._id()
        theta = rng.gauss(0, 1)
        self.truth.learners += 1
        module = self.base + "modules/{}/"
        quiz = self.base + "quizzes/{}/"
        out: list[dict[str, Any]] = []
        tested = False
        if rng.random() < 0.3:
            place = quiz.format("place")
            rights = []
            for qid in ("p1", "p2"):
                got, right = self._answer(anon, place, place, "#q-place-", qid, -0.5, theta, 1)
                out += got
                rights.append(right)
            tested = all(rights)
            score = {"scaled": sum(rights) / 2, "raw": 50 * sum(rights), "min": 0, "max": 100}
            extensions = {"urn:academy:xapi:tested": ["listening"] if tested else []}
            out.append(
                self._statement(
                    anon,
                    "completed",
                    place,
                    "assessment",
                    {"completion": True, "score": score, "extensions": extensions},
                )
            )
        if not tested:
            url = module.format("listening")
            out.append(self._statement(anon, "experienced", url, "module"))
            for qid, b in LISTENING.items():
                got, _ = self._answer(anon, url, url, "#check-", qid, b, theta, 4)
                out += got
            out.append(self._scenario(anon, url, theta))
            out.append(self._statement(anon, "completed", url, "module", {"completion": True}))
        if rng.random() < 0.35:
            return out  # stops after the first stage
        url = module.format("calls")
        out.append(self._statement(anon, "experienced", url, "module"))
        for qid, b in CALLS.items():
            got, _ = self._answer(anon, url, url, "#check-", qid, b, theta, 4)
            out += got
        out.append(self._statement(anon, "completed", url, "module", {"completion": True}))
        final = quiz.format("final")
        passed = False
        for attempt in range(2):
            rights = []
            for qid, b in FINAL.items():
                got, right = self._answer(anon, final, final, "#q-final-", qid, b - attempt * 0.5, theta, 1)
                out += got
                rights.append(int(right))
            if attempt == 0:
                self.truth.final_rows.append(rights)
            score = round(100 * sum(rights) / len(rights))
            passed = score >= 60
            result = {
                "success": passed,
                "completion": True,
                "score": {"scaled": score / 100, "raw": score, "min": 0, "max": 100},
            }
            out.append(self._statement(anon, "passed" if passed else "failed", final, "assessment", result))
            if passed:
                break
        if passed:
            out.append(
                self._statement(anon, "completed", self.base + "paths/agent/", "course", {"completion": True})
            )
        return out

    def _scenario(self, anon: str, url: str, theta: float) -> dict[str, Any]:
        route = []
        if self.rng.random() < sigmoid(theta + 1.0):
            route.append(["opening", 0])
            good = self.rng.random() < sigmoid(theta - 0.5)  # most learners leave the best route here
            route.append(["middle", 0 if good else 1])
            ending, score = ("success", 4) if good else ("partial", 3)
        else:
            route.append(["opening", 1])
            calm = self.rng.random() < 0.5
            route.append(["angry", 0 if calm else 1])
            ending, score = ("partial", 1) if calm else ("fail", 0)
        result = {
            "success": ending == "success",
            "completion": True,
            "response": ending,
            "score": {"raw": score, "min": 0, "max": 4, "scaled": score / 4},
            "extensions": {"urn:academy:xapi:route": route},
        }
        return self._statement(anon, "completed", url + "#scenario-call", "simulation", result, url)


def simulate(learners: int, seed: int = 7, base: str = BASE) -> tuple[list[dict[str, Any]], Truth]:
    """Statements for ``learners`` simulated learners, and the truth behind them."""
    sim = Simulation(seed, base)
    statements: list[dict[str, Any]] = []
    for _ in range(learners):
        statements += sim.learner()
    return statements, sim.truth
