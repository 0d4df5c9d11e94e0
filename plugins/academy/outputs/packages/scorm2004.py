"""``imsmanifest.xml`` for SCORM 2004 4th Edition: one SCO, free navigation,
an objective per stage.

The SCO reports completion, success, score and progress; each stage is an
objective (its id the stage's id) that the SCO sets from the stage's modules
and assessment, mapped to a global objective so an LMS can report on stages.
Sequencing only allows free choice and flow; the content decides completion
and success (``completionSetByContent``, ``objectiveSetByContent``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from academy.outputs.packages import LAUNCH_PAGE
from academy.outputs.packages.course import Course
from academy.outputs.packages.xml import XSI, identifier, q, register, sco_resource, serialise, sub

IMSCP = "http://www.imsglobal.org/xsd/imscp_v1p1"
ADLCP = "http://www.adlnet.org/xsd/adlcp_v1p3"
ADLSEQ = "http://www.adlnet.org/xsd/adlseq_v1p3"
ADLNAV = "http://www.adlnet.org/xsd/adlnav_v1p3"
IMSSS = "http://www.imsglobal.org/xsd/imsss"
LOM = "http://ltsc.ieee.org/xsd/LOM"
SCHEMA_LOCATION = " ".join(
    (
        f"{IMSCP} imscp_v1p1.xsd",
        f"{ADLCP} adlcp_v1p3.xsd",
        f"{ADLSEQ} adlseq_v1p3.xsd",
        f"{ADLNAV} adlnav_v1p3.xsd",
        f"{IMSSS} imsss_v1p0.xsd",
        f"{LOM} lom.xsd",
    )
)


def global_objective(course: Course, stage_id: str) -> str:
    """The global objective a stage maps to: unique to this path and stage."""
    return f"{course.course_id()}#stage-{stage_id}"


def manifest(course: Course, files: Sequence[str]) -> bytes:
    register(
        {
            "": IMSCP,
            "adlcp": ADLCP,
            "adlseq": ADLSEQ,
            "adlnav": ADLNAV,
            "imsss": IMSSS,
            "lom": LOM,
            "xsi": XSI,
        }
    )
    path = course.path
    root = ET.Element(
        q(IMSCP, "manifest"),
        {"identifier": identifier(path.id), "version": "1", q(XSI, "schemaLocation"): SCHEMA_LOCATION},
    )
    metadata = sub(root, q(IMSCP, "metadata"))
    sub(metadata, q(IMSCP, "schema"), "ADL SCORM")
    sub(metadata, q(IMSCP, "schemaversion"), "2004 4th Edition")
    general = sub(sub(metadata, q(LOM, "lom")), q(LOM, "general"))
    for name, text in (("title", path.title), ("description", course.description)):
        sub(sub(general, q(LOM, name)), q(LOM, "string"), text, language=course.language)

    org_id = identifier(path.id, "org")
    organizations = sub(root, q(IMSCP, "organizations"), default=org_id)
    organization = sub(organizations, q(IMSCP, "organization"), identifier=org_id)
    sub(organization, q(IMSCP, "title"), path.title)
    res_id = identifier(path.id, "sco")
    item = sub(organization, q(IMSCP, "item"), identifier=identifier(path.id, "item"), identifierref=res_id)
    sub(item, q(IMSCP, "title"), path.title)
    sequencing = sub(item, q(IMSSS, "sequencing"))
    objectives = sub(sequencing, q(IMSSS, "objectives"))
    primary = sub(objectives, q(IMSSS, "primaryObjective"), objectiveID=path.id)
    if course.mastery is not None:
        # Read by the LMS into cmi.scaled_passing_score; the content still
        # decides success itself, from each assessment's own pass mark.
        sub(primary, q(IMSSS, "minNormalizedMeasure"), f"{course.mastery / 100:.2f}")
    for part in course.stages:
        objective = sub(objectives, q(IMSSS, "objective"), objectiveID=part.stage.id)
        sub(
            objective,
            q(IMSSS, "mapInfo"),
            targetObjectiveID=global_objective(course, part.stage.id),
            readSatisfiedStatus="false",
            writeSatisfiedStatus="true",
            writeNormalizedMeasure="true",
        )
    sub(sequencing, q(IMSSS, "deliveryControls"), completionSetByContent="true", objectiveSetByContent="true")
    org_sequencing = sub(organization, q(IMSSS, "sequencing"))
    sub(org_sequencing, q(IMSSS, "controlMode"), choice="true", flow="true")

    sco_resource(root, IMSCP, q(ADLCP, "scormType"), res_id, LAUNCH_PAGE, files)
    return serialise(root)
