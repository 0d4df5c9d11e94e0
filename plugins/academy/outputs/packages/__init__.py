"""LMS packages: a learning path as a SCORM 1.2, SCORM 2004 or cmi5 course.

Pure functions of the academy and the built files: the course outline every
format is made from (:mod:`.course`), one manifest writer per format
(:mod:`.scorm12`, :mod:`.scorm2004`, :mod:`.cmi5`), the launch page that
hosts the runtime bridge (:mod:`.launch`), and the file listing and zip
(:mod:`.archive`). The pages themselves are built by MkDocs in package mode
(``academy.mkdocs.package_scope``); nothing here imports MkDocs.

XML is built with :mod:`xml.etree.ElementTree`, which escapes by
construction; no manifest is ever concatenated from strings.

May import: :mod:`academy.core` and :mod:`academy.render`.
"""

from __future__ import annotations

from dataclasses import dataclass

from academy.render.urls import SiteUrls

#: The formats ``academy package --format`` accepts, and the manifest each writes.
FORMATS = {"scorm12": "imsmanifest.xml", "scorm2004": "imsmanifest.xml", "cmi5": "cmi5.xml"}

#: The page an LMS launches: it hosts the bridge and shows the course's pages in a frame.
LAUNCH_PAGE = "index.html"


@dataclass(frozen=True)
class PackageRequest:
    """What ``academy package`` asks of a build; the CLI sets it on the
    academy plugin (``plugin.package``) before building, and the plugin's
    package mode (``academy.mkdocs.package_scope``) does the rest.

    Attributes:
        path_id: The learning path to package.
        format: ``scorm12``, ``scorm2004`` or ``cmi5``.
        base: Where activity ids start (``course.activity_base``).
        layout: The public site's URL layout, which activity ids follow.
    """

    path_id: str
    format: str
    base: str
    layout: SiteUrls
