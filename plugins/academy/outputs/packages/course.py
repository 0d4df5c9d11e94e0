"""The course outline every package format is made from.

A learning path becomes one course: its modules (each once, in path order),
its stages with their assessments, its placement test and certificate. The
outline also carries what the runtime bridge needs to know (the page of each
item, the short codes of the resume encoding) and the activity ids of cmi5.

Activity ids are derived from ids only (``paths/<id>/``, ``modules/<id>/``,
``quizzes/<id>/`` under a base), never from file paths or the build time, so
a rebuilt package keeps the learner records an LMS already holds.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from academy.core.model import Academy, LearningPath, Module, Quiz, Stage
from academy.render.urls import SiteUrls

#: The resume encoding's version; the bridge refuses data of another version.
ENCODING_VERSION = 1

#: Pages inside a package: LMS players serve files, not folders.
PACKAGE_URLS = SiteUrls(use_directory_urls=False)

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class StagePart:
    """A stage of the path, with its modules and its assessment (if any)."""

    stage: Stage
    modules: tuple[Module, ...]
    assessment: Quiz | None


@dataclass(frozen=True)
class Course:
    """One learning path as an LMS course.

    Attributes:
        path: The learning path.
        stages: Its stages, each with its modules and assessment.
        modules: Every module of the path, once, in path order.
        placement: The placement test, if the path has one.
        language: The site's language (``en``), for titles in manifests.
        base: The activity id base, ending in ``/`` or ``:``.
        layout: The public site's URL layout, which activity ids follow.
    """

    path: LearningPath
    stages: tuple[StagePart, ...]
    modules: tuple[Module, ...]
    placement: Quiz | None
    language: str
    base: str
    layout: SiteUrls

    @property
    def assessments(self) -> tuple[Quiz, ...]:
        return tuple(part.assessment for part in self.stages if part.assessment is not None)

    @property
    def description(self) -> str:
        """The path's summary on one line, or its role when it has none."""
        return " ".join((self.path.summary or self.path.role or self.path.title).split())

    @property
    def mastery(self) -> int | None:
        """The course's pass mark in percent: the average of its stage
        assessments' pass marks, rounded up; ``None`` without assessments.

        The path's own score is the average of the best score of each stage
        assessment, so a learner who reaches every pass mark reaches this too.
        """
        marks = [q.pass_mark or 0 for q in self.assessments]
        return math.ceil(sum(marks) / len(marks)) if marks else None

    # ---- activity ids (cmi5) -----------------------------------------------------
    def course_id(self) -> str:
        return self.base + self.layout.path(self.path.id)

    def block_id(self, stage: Stage) -> str:
        return f"{self.course_id()}#stage-{stage.id}"

    def module_id(self, module: Module) -> str:
        return self.base + self.layout.module(module.id)

    def quiz_id(self, quiz: Quiz) -> str:
        return self.base + self.layout.quiz(quiz.id)

    # ---- pages inside the package ------------------------------------------------
    @property
    def start_page(self) -> str:
        return PACKAGE_URLS.path(self.path.id)

    def pages(self) -> list[str]:
        """Every page of the package, start page first."""
        out = [self.start_page]
        out += [PACKAGE_URLS.module(m.id) for m in self.modules]
        out += [PACKAGE_URLS.quiz(q.id) for q in ([self.placement] if self.placement else [])]
        out += [PACKAGE_URLS.quiz(q.id) for q in self.assessments]
        if self.path.certificate_title:
            out.append(PACKAGE_URLS.certificate(self.path.id))
        out += ["progress.html", "review.html"]
        return out


def activity_base(activity_base: str, site_url: str, site_name: str) -> str:
    """Where activity ids start: the xAPI ``activity_base``, else the site's
    address, else a URN made from the site's name (stable, but not a page)."""
    for candidate in (activity_base, site_url):
        if candidate:
            return candidate.rstrip("/") + "/"
    slug = re.sub(r"[^a-z0-9]+", "-", site_name.lower()).strip("-") or "academy"
    return f"urn:academy:{slug}:"


def course_of(academy: Academy, path: LearningPath, language: str, base: str, layout: SiteUrls) -> Course:
    """The outline of ``path``; the academy has passed its check, so every
    reference resolves (unresolved ones are skipped, never guessed)."""
    seen: set[str] = set()
    modules: list[Module] = []
    parts: list[StagePart] = []
    for stage in path.stages:
        mine = []
        for module_id in stage.modules:
            module = academy.module(module_id)
            if module is None or module_id in seen:
                continue
            seen.add(module_id)
            modules.append(module)
            mine.append(module)
        quiz = academy.quiz(stage.assessment) if stage.assessment else None
        parts.append(StagePart(stage, tuple(mine), quiz))
    placement = academy.quiz(path.placement) if path.placement else None
    return Course(path, tuple(parts), tuple(modules), placement, language, base, layout)


def codes(keys: Iterable[str], length: int = 3) -> dict[str, str]:
    """A short code per key, for the resume encoding: the first ``length``
    base-36 digits of the key's SHA-1, longer only where two keys collide.

    A code depends on its key alone (unless a collision lengthens it), so
    progress saved by one build restores in the next one after items were
    added or removed; only the items that changed lose their progress.
    """
    pending = sorted(set(keys))
    out: dict[str, str] = {}
    while pending:
        by_code: dict[str, list[str]] = {}
        for key in pending:
            by_code.setdefault(_base36(key)[:length], []).append(key)
        pending = []
        for code, group in by_code.items():
            if len(group) == 1 and code not in out.values():
                out[group[0]] = code
            else:
                pending += group
        length += 1
    return out


def _base36(key: str) -> str:
    number = int.from_bytes(hashlib.sha1(key.encode("utf-8")).digest()[:10], "big")
    digits = []
    while number:
        number, rest = divmod(number, 36)
        digits.append(_DIGITS[rest])
    return "".join(reversed(digits)).rjust(16, "0")


def runtime_config(course: Course, fmt: str, strings: Mapping[str, str]) -> dict[str, Any]:
    """What the bridge on the launch page knows of the course.

    Progress keys are those of the runtime's record: a module's id, a check's
    ``<module>/<check>``, a scenario's ``<module>/<scenario>``, a quiz's id.
    """
    items: list[str] = []
    for module in course.modules:
        items += [f"{module.id}/{c.id}" for c in module.checks]
        items += [f"{module.id}/{s.id}" for s in module.scenarios]
    quizzes = [q for q in (*course.assessments, course.placement) if q is not None]
    module_codes = codes(m.id for m in course.modules)
    quiz_codes = codes(q.id for q in quizzes)
    aus: dict[str, dict[str, Any]] = {}
    for part in course.stages:
        for module in part.modules:
            aus["module:" + module.id] = {
                "page": PACKAGE_URLS.module(module.id),
                "publisher": course.module_id(module),
            }
        if part.assessment is not None:
            quiz = part.assessment
            aus["quiz:" + quiz.id] = {
                "page": PACKAGE_URLS.quiz(quiz.id),
                "publisher": course.quiz_id(quiz),
                "mastery": (quiz.pass_mark or 0) / 100,
            }
    return {
        "format": fmt,
        "encoding": ENCODING_VERSION,
        "path": course.path.id,
        "title": course.path.title,
        "start": course.start_page,
        "pages": course.pages(),
        "modules": [[m.id, module_codes[m.id]] for m in course.modules],
        "items": codes(items),
        # Which items are scenarios, for tools that model a learner's record.
        "scenarios": [f"{m.id}/{s.id}" for m in course.modules for s in m.scenarios],
        "quizzes": [
            {"id": q.id, "code": quiz_codes[q.id], "kind": q.kind, "pass": q.pass_mark or 0} for q in quizzes
        ],
        "stages": [
            {
                "id": part.stage.id,
                "modules": [m.id for m in part.modules],
                "assessment": part.assessment.id if part.assessment else "",
            }
            for part in course.stages
        ],
        "mastery": course.mastery,
        "course": course.course_id(),
        "aus": aus,
        "strings": dict(strings),
    }
