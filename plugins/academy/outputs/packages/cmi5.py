"""``cmi5.xml``: the course structure, one AU per module and per stage assessment.

Each stage is a block. A module's AU moves on when ``Completed``; an
assessment's when ``CompletedAndPassed``, with its pass mark as
``masteryScore``. Every AU launches the same page with the item it stands
for in the query (``index.html?module=ID``), and the LMS adds its launch
parameters. cmi5's course structure has no list of files: an LMS imports the
zip whole.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlencode

from academy.outputs.packages import LAUNCH_PAGE
from academy.outputs.packages.course import Course
from academy.outputs.packages.xml import q, register, serialise, sub

CMI5 = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"


def au_url(kind: str, item_id: str) -> str:
    """The launch URL of an AU, relative to the package."""
    return f"{LAUNCH_PAGE}?{urlencode({kind: item_id})}"


def manifest(course: Course) -> bytes:
    register({"": CMI5})
    path = course.path
    lang = course.language

    def texts(parent: ET.Element, title: str, description: str) -> None:
        for name, text in (("title", title), ("description", description or title)):
            sub(sub(parent, q(CMI5, name)), q(CMI5, "langstring"), " ".join(text.split()), lang=lang)

    root = ET.Element(q(CMI5, "courseStructure"))
    texts(sub(root, q(CMI5, "course"), id=course.course_id()), path.title, course.description)
    for part in course.stages:
        if not part.modules and part.assessment is None:
            continue  # a block needs an AU; an empty stage has nothing to launch
        block = sub(root, q(CMI5, "block"), id=course.block_id(part.stage))
        texts(block, part.stage.title, part.stage.summary)
        for module in part.modules:
            au = sub(
                block,
                q(CMI5, "au"),
                id=course.module_id(module),
                moveOn="Completed",
                launchMethod="AnyWindow",
            )
            texts(au, module.title, module.summary)
            sub(au, q(CMI5, "url"), au_url("module", module.id))
        quiz = part.assessment
        if quiz is not None:
            au = sub(
                block,
                q(CMI5, "au"),
                id=course.quiz_id(quiz),
                moveOn="CompletedAndPassed",
                masteryScore=f"{(quiz.pass_mark or 0) / 100:.2f}",
                launchMethod="AnyWindow",
            )
            texts(au, quiz.title, quiz.summary)
            sub(au, q(CMI5, "url"), au_url("quiz", quiz.id))
    return serialise(root)
