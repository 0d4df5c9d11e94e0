"""The sample's new-hire path as three LMS packages: every file listed, every
page loading cleanly from the unzipped package, nothing fetched from outside.
"""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_lms import Lms, package, scorm_again

from browserkit import REPO

PATH = "new-hire-agent"
NS = {
    "scorm12": {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2"},
    "scorm2004": {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1"},
}


@pytest.fixture(scope="module")
def sample_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    scorm_again()
    out = tmp_path_factory.mktemp("sample-packages")
    return {fmt: package(REPO, PATH, fmt, out) for fmt in ("scorm12", "scorm2004", "cmi5")}


def shipped(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("fmt", ["scorm12", "scorm2004"])
def test_the_scorm_manifest_lists_every_file_it_ships(sample_packages, fmt) -> None:
    folder = sample_packages[fmt]
    root = ET.parse(folder / "imsmanifest.xml").getroot()
    ns = NS[fmt]
    version = root.find("cp:metadata/cp:schemaversion", ns).text
    assert version == ("1.2" if fmt == "scorm12" else "2004 4th Edition")
    (resource,) = root.findall("cp:resources/cp:resource", ns)
    assert resource.get("href") == "index.html"
    listed = [f.get("href") for f in resource.findall("cp:file", ns)]
    assert len(listed) == len(set(listed))
    # Both ways: every listed file is shipped, every shipped file is listed.
    assert set(listed) == shipped(folder) - {"imsmanifest.xml"}
    (item,) = root.findall("cp:organizations/cp:organization/cp:item", ns)
    assert item.find("cp:title", ns).text == "New-hire support agent"
    if fmt == "scorm12":
        assert item.find("{http://www.adlnet.org/xsd/adlcp_rootv1p2}masteryscore").text == "80"
    else:
        objectives = item.findall(
            "{http://www.imsglobal.org/xsd/imsss}sequencing/{http://www.imsglobal.org/xsd/imsss}objectives/*"
        )
        assert [o.get("objectiveID") for o in objectives] == [
            PATH,
            "week-1-foundations",
            "weeks-2-4-guided-contact",
            "weeks-5-6-autonomy",
        ]


def test_the_cmi5_course_launches_only_files_it_ships(sample_packages) -> None:
    folder = sample_packages["cmi5"]
    ns = {"c": "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"}
    root = ET.parse(folder / "cmi5.xml").getroot()
    aus = root.findall(".//c:au", ns)
    assert len(aus) == 15 + 3 and len(root.findall("c:block", ns)) == 3
    assert {au.find("c:url", ns).text.split("?")[0] for au in aus} <= shipped(folder)
    config = json.loads(
        (folder / "index.html").read_text("utf-8").split('id="academy-lms">')[1].split("</script>")[0]
    )
    assert {au.find("c:url", ns).text.split("?")[1].replace("=", ":") for au in aus} == set(config["aus"])
    assert set(config["pages"]) <= shipped(folder)


def test_no_file_of_other_paths_and_no_link_to_the_public_site(sample_packages) -> None:
    for folder in sample_packages.values():
        files = shipped(folder)
        assert not any(
            f.startswith("modules/privacy-requests") or f.startswith("paths/team-lead") for f in files
        )
        assert not {"catalog.json", "llms.txt"} & files
        for name in files:
            if name.endswith(".html"):
                text = (folder / name).read_text("utf-8")
                if name != "index.html":  # the launch page's cmi5 ids are names, not links
                    assert "academy.example.org" not in text, name
                assert "fonts.googleapis" not in text, name


@pytest.mark.parametrize("fmt", ["scorm12", "scorm2004", "cmi5"])
def test_every_page_loads_cleanly_from_the_package(browser, console, sample_packages, fmt) -> None:
    folder = sample_packages[fmt]
    lms = Lms(folder)
    outside: list[str] = []
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        console.attach(page)
        page.on("request", lambda r: "/pkg/" not in r.url and "/lms/" not in r.url and outside.append(r.url))
        missing: list[str] = []
        page.on("response", lambda r: r.status >= 400 and missing.append(r.url))
        # Through the LMS for SCORM; as a standalone site for every page.
        if fmt != "cmi5":
            page.goto(lms.url + f"lms/harness.html?format={fmt}")
            page.frame_locator("#sco").frame_locator(".ac-lms-frame").locator(
                f"[data-ac-path={PATH}]"
            ).wait_for()
        pages = sorted(n for n in shipped(folder) if n.endswith(".html") and n != "404.html")
        for name in (
            pages
            if fmt == "scorm12"
            else ["index.html", f"paths/{PATH}.html", "modules/active-listening.html"]
        ):
            page.goto(lms.url + "pkg/" + name)
            page.wait_for_load_state("load")
        # Links that leave the package open in a new tab, and say so.
        page.goto(lms.url + "pkg/modules/active-listening.html")
        external = page.locator("a.ac-external-link").first
        assert external.get_attribute("target") == "_blank"
        assert external.locator(".ac-external").inner_text() == "↗"
        assert "(opens in a new tab)" in external.inner_text()
        context.close()
    finally:
        lms.close()
    assert outside == []
    assert missing == []
    assert console.errors == []


def test_the_largest_path_fits_scorm_12_fully_completed(sample_packages) -> None:
    """Every module done, every check right, every scenario ended, five attempts
    at every quiz: the resume data SCORM 1.2 keeps in 4,096 characters."""
    length = full_progress_length(sample_packages["scorm12"])
    assert length < 2048, length


def full_progress_length(folder: Path) -> int:
    script = REPO / "benchmarks" / "lms_progress.js"
    proc = subprocess.run(
        ["node", str(script), str(folder / "index.html")], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["dropped"] == 0
    return result["length"]
