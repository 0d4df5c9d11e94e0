"""``imsmanifest.xml`` for SCORM 1.2: one organization, one SCO.

The whole path is one SCO (the launch page, which opens the path page), so an
LMS tracks one status and one score for it; every file of the package is
listed under the SCO's resource, as the content packaging rules ask.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from academy.outputs.packages import LAUNCH_PAGE
from academy.outputs.packages.course import Course
from academy.outputs.packages.xml import XSI, identifier, q, register, sco_resource, serialise, sub

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
SCHEMA_LOCATION = f"{IMSCP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd {ADLCP} adlcp_rootv1p2.xsd"


def manifest(course: Course, files: Sequence[str]) -> bytes:
    """The manifest for ``course``, listing ``files`` (package-relative, ``/``-separated)."""
    register({"": IMSCP, "adlcp": ADLCP, "imsmd": IMSMD, "xsi": XSI})
    path = course.path
    root = ET.Element(
        q(IMSCP, "manifest"),
        {"identifier": identifier(path.id), "version": "1.0", q(XSI, "schemaLocation"): SCHEMA_LOCATION},
    )
    metadata = sub(root, q(IMSCP, "metadata"))
    sub(metadata, q(IMSCP, "schema"), "ADL SCORM")
    sub(metadata, q(IMSCP, "schemaversion"), "1.2")
    general = sub(sub(metadata, q(IMSMD, "lom")), q(IMSMD, "general"))
    for name, text in (("title", path.title), ("description", course.description)):
        sub(sub(general, q(IMSMD, name)), q(IMSMD, "langstring"), text, **{"xml:lang": course.language})

    org_id = identifier(path.id, "org")
    organizations = sub(root, q(IMSCP, "organizations"), default=org_id)
    organization = sub(organizations, q(IMSCP, "organization"), identifier=org_id)
    sub(organization, q(IMSCP, "title"), path.title)
    res_id = identifier(path.id, "sco")
    item = sub(
        organization,
        q(IMSCP, "item"),
        identifier=identifier(path.id, "item"),
        identifierref=res_id,
        isvisible="true",
    )
    sub(item, q(IMSCP, "title"), path.title)
    if course.mastery is not None:
        sub(item, q(ADLCP, "masteryscore"), str(course.mastery))

    sco_resource(root, IMSCP, q(ADLCP, "scormtype"), res_id, LAUNCH_PAGE, files)
    return serialise(root)
