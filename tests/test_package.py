"""``academy package``: the manifests (pure, no MkDocs), the command, the zip."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from academy.cli import main
from academy.core.model import Academy, Choice, LearningPath, Module, Question, Quiz, Stage
from academy.outputs.packages import cmi5, scorm12, scorm2004
from academy.outputs.packages.course import activity_base, codes, course_of, runtime_config
from academy.render.urls import SiteUrls

from helpers import module, path, site_project, write

HOSTILE = "Ops & <Escalations> \"quoted\" 'single' </title>"
CP12 = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
CP04 = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
CMI5 = "{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}"


def question(qid: str) -> Question:
    return Question(qid, "single", "Which?", choices=(Choice("Yes", True), Choice("No")))


def hostile_course(pass_marks: tuple[int, ...] = (80, 60)):
    modules = tuple(
        Module(m, HOSTILE + m, "Summary with <b>tags</b> & more.", "foundation", 10, f"modules/{m}.md")
        for m in ("a", "b", "c")
    )
    quizzes = tuple(
        Quiz(f"q{i}", HOSTILE, "assessment", f"quizzes/q{i}.yml", (question("x"),), pass_mark=mark)
        for i, mark in enumerate(pass_marks)
    )
    stages = (
        Stage("s1", HOSTILE, ("a", "b"), assessment="q0"),
        Stage("s2", "Two", ("c", "a"), assessment="q1" if len(quizzes) > 1 else ""),
    )
    lp = LearningPath(
        "ops", HOSTILE, "Role & <role>", "paths/ops.yml", stages, summary="Line one\nline <two>."
    )
    academy = Academy.of(modules, (lp,), quizzes)
    return course_of(academy, lp, "en", "https://academy.example.org/", SiteUrls(True))


def test_scorm12_manifest_escapes_by_construction_and_lists_the_files() -> None:
    course = hostile_course()
    root = ET.fromstring(scorm12.manifest(course, ["index.html", "a & b.html"]))
    assert root.findtext(f"{CP12}metadata/{CP12}schema") == "ADL SCORM"
    assert root.findtext(f"{CP12}metadata/{CP12}schemaversion") == "1.2"
    (org,) = root.findall(f"{CP12}organizations/{CP12}organization")
    assert org.findtext(f"{CP12}title") == HOSTILE
    (item,) = org.findall(f"{CP12}item")
    assert item.findtext("{http://www.adlnet.org/xsd/adlcp_rootv1p2}masteryscore") == "70"  # (80 + 60) / 2
    description = root.find(".//{http://www.imsglobal.org/xsd/imsmd_rootv1p2p1}description")
    assert "".join(description.itertext()).strip() == "Line one line <two>."
    (resource,) = root.findall(f"{CP12}resources/{CP12}resource")
    assert resource.get("href") == "index.html"
    assert resource.get("{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype") == "sco"
    assert [f.get("href") for f in resource] == ["index.html", "a & b.html"]
    assert root.get("identifier") == "academy-ops"


def test_scorm2004_manifest_has_an_objective_per_stage_and_free_navigation() -> None:
    course = hostile_course()
    text = scorm2004.manifest(course, ["index.html"])
    root = ET.fromstring(text)
    assert root.findtext(f"{CP04}metadata/{CP04}schemaversion") == "2004 4th Edition"
    ss = "{http://www.imsglobal.org/xsd/imsss}"
    objectives = root.findall(f".//{CP04}item/{ss}sequencing/{ss}objectives/*")
    assert [(o.tag, o.get("objectiveID")) for o in objectives] == [
        (f"{ss}primaryObjective", "ops"),
        (f"{ss}objective", "s1"),
        (f"{ss}objective", "s2"),
    ]
    assert objectives[0].findtext(f"{ss}minNormalizedMeasure") == "0.70"
    assert (
        objectives[1].find(f"{ss}mapInfo").get("targetObjectiveID")
        == "https://academy.example.org/paths/ops/#stage-s1"
    )
    control = root.find(f"{CP04}organizations/{CP04}organization/{ss}sequencing/{ss}controlMode")
    assert (control.get("choice"), control.get("flow")) == ("true", "true")


def test_cmi5_course_structure_has_an_au_per_module_and_assessment() -> None:
    course = hostile_course()
    root = ET.fromstring(cmi5.manifest(course))
    assert root.find(f"{CMI5}course").get("id") == "https://academy.example.org/paths/ops/"
    blocks = root.findall(f"{CMI5}block")
    assert [b.get("id") for b in blocks] == [
        "https://academy.example.org/paths/ops/#stage-s1",
        "https://academy.example.org/paths/ops/#stage-s2",
    ]
    aus = [
        (au.get("id"), au.get("moveOn"), au.get("masteryScore"), au.findtext(f"{CMI5}url"))
        for b in blocks
        for au in b
    ]
    aus = [a for a in aus if a[0]]
    assert aus == [
        ("https://academy.example.org/modules/a/", "Completed", None, "index.html?module=a"),
        ("https://academy.example.org/modules/b/", "Completed", None, "index.html?module=b"),
        ("https://academy.example.org/quizzes/q0/", "CompletedAndPassed", "0.80", "index.html?quiz=q0"),
        # module a is listed again in stage two: it has its AU once, where it first comes
        ("https://academy.example.org/modules/c/", "Completed", None, "index.html?module=c"),
        ("https://academy.example.org/quizzes/q1/", "CompletedAndPassed", "0.60", "index.html?quiz=q1"),
    ]
    title = blocks[0].find(f"{CMI5}title/{CMI5}langstring")
    assert (title.text, title.get("lang")) == (HOSTILE, "en")


def test_activity_ids_come_from_ids_only() -> None:
    assert activity_base("", "https://academy.example.org", "X") == "https://academy.example.org/"
    assert (
        activity_base("https://lrs.example.org/ids", "https://academy.example.org/", "X")
        == "https://lrs.example.org/ids/"
    )
    assert activity_base("", "", "Customer Service Academy!") == "urn:academy:customer-service-academy:"
    # The same ids, the same manifest: nothing of file paths or the build time.
    assert cmi5.manifest(hostile_course()) == cmi5.manifest(hostile_course())
    assert b"modules/a.md" not in cmi5.manifest(hostile_course())


def test_codes_are_short_stable_and_unique() -> None:
    keys = [f"module-{i}/check-{j}" for i in range(30) for j in range(10)]
    first = codes(keys)
    assert first == codes(reversed(keys))
    assert len(set(first.values())) == len(keys)
    assert min(len(c) for c in first.values()) == 3
    # Adding keys leaves the others' codes alone unless they collide.
    more = codes([*keys, "new/one"])
    assert sum(first[k] != more[k] for k in keys) <= 2


def test_runtime_config_knows_pages_items_and_aus() -> None:
    config = runtime_config(hostile_course(), "cmi5", {"lms_standalone": "x"})
    assert config["start"] == "paths/ops.html"
    assert config["pages"][:4] == ["paths/ops.html", "modules/a.html", "modules/b.html", "modules/c.html"]
    assert [m[0] for m in config["modules"]] == ["a", "b", "c"]
    assert config["aus"]["quiz:q0"] == {
        "page": "quizzes/q0.html",
        "publisher": "https://academy.example.org/quizzes/q0/",
        "mastery": 0.8,
    }
    assert config["mastery"] == 70


def test_a_path_without_assessments_has_no_mastery_score() -> None:
    course = hostile_course(pass_marks=())
    assert course.mastery is None
    root = ET.fromstring(scorm12.manifest(course, []))
    assert root.find(".//{http://www.adlnet.org/xsd/adlcp_rootv1p2}masteryscore") is None


# ---- the command --------------------------------------------------------------


def two_paths(root: Path) -> Path:
    site_project(root, options="      today: 2026-11-01\n")
    return write(
        root,
        {
            "modules/gamma.md": module("gamma", title="Gamma & <friends>"),
            "paths/other.yml": path("other", ["gamma"]),
            "content/guide.md": "# A guide\n\nFor authors.\n",
        },
    )


def test_package_writes_one_path_and_nothing_of_the_others(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    root = two_paths(tmp_path / "p")
    target = tmp_path / "main.zip"
    assert main(["package", "main", "--format", "scorm12", "-C", str(root), "-o", str(target)]) == 0
    assert f"wrote {target}" in capsys.readouterr().err
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    assert names[0] == "imsmanifest.xml"
    assert {
        "index.html",
        "paths/main.html",
        "modules/alpha.html",
        "modules/beta.html",
        "progress.html",
    } <= set(names)
    assert not [n for n in names if "gamma" in n or "other" in n or "guide" in n or n == "404.html"]
    listed = {f.get("href") for f in manifest.iter(f"{CP12}file")}
    assert listed == set(names) - {"imsmanifest.xml"}
    # Reproducible: the same sources, the same bytes.
    again = tmp_path / "again.zip"
    assert main(["package", "main", "--format", "scorm12", "-C", str(root), "-o", str(again)]) == 0
    assert again.read_bytes() == target.read_bytes()


def test_package_all_writes_every_path(tmp_path: Path) -> None:
    root = two_paths(tmp_path / "p")
    assert main(["package", "--all", "--format", "cmi5", "-C", str(root), "-o", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["main-cmi5.zip", "other-cmi5.zip"]
    with zipfile.ZipFile(tmp_path / "out" / "other-cmi5.zip") as archive:
        structure = archive.read("cmi5.xml").decode()
    assert "Gamma &amp; &lt;friends&gt;" in structure


def test_a_broken_project_packages_nothing(tmp_path: Path, capsys) -> None:
    root = two_paths(tmp_path / "p")
    write(root, {"paths/other.yml": path("other", ["gamma", "missing-module"])})
    target = tmp_path / "main.zip"
    assert main(["package", "main", "--format", "scorm2004", "-C", str(root), "-o", str(target)]) == 1
    out = capsys.readouterr()
    assert main(["check", str(root)]) == 1
    assert capsys.readouterr().out == out.out  # the same problems as academy check
    assert "missing-module" in out.out
    assert "nothing was packaged" in out.err
    assert not target.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["package", "mian", "--format", "scorm12"],
            "no learning path `mian`. Did you mean `main`? Known paths: main, other.",
        ),
        (["package", "--format", "scorm12"], "name one learning path, or give --all"),
        (["package", "main", "--all", "--format", "scorm12"], "name one learning path, or give --all"),
    ],
)
def test_package_usage_errors(tmp_path: Path, capsys, argv: list[str], message: str) -> None:
    root = two_paths(tmp_path / "p")
    assert main([*argv, "-C", str(root)]) == 2
    assert message in capsys.readouterr().err


def test_package_refuses_an_unknown_format(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["package", "main", "--format", "aicc"])
    assert exit_.value.code == 2
    assert "invalid choice: 'aicc'" in capsys.readouterr().err


def test_links_leaving_the_package_open_in_a_new_tab_and_missing_pages_become_text() -> None:
    from academy.mkdocs.package_scope import rewrite_links

    html = (
        '<p><a href="https://example.org/x?a=1&amp;b=2">Out</a>'
        '<a href="https://example.org/" aria-label="Home">⌂</a>'
        '<a href="../modules/gone.html?path=main">Gone</a>'
        '<a href="../paths/main.html">Path</a>'
        '<a href="../index.html">Launch</a>'
        '<a href="#top">Top</a><a href="mailto:a@example.org">Mail</a></p>'
    )
    known = {"paths/main.html", "modules/alpha.html", "index.html"}
    out = rewrite_links(html, "modules/alpha.html", known, "paths/main.html", "opens in a new tab")
    assert out == (
        '<p><a href="https://example.org/x?a=1&amp;b=2" target="_blank" rel="noopener noreferrer" class="ac-external-link">'
        'Out<span class="ac-external" aria-hidden="true">↗</span><span class="ac-sr"> (opens in a new tab)</span></a>'
        '<a href="https://example.org/" aria-label="Home (opens in a new tab)" target="_blank" rel="noopener noreferrer" class="ac-external-link">'
        '⌂<span class="ac-external" aria-hidden="true">↗</span><span class="ac-sr"> (opens in a new tab)</span></a>'
        '<span class="ac-unlinked">Gone</span>'
        '<a href="../paths/main.html">Path</a>'
        '<a href="../paths/main.html">Launch</a>'
        '<a href="#top">Top</a><a href="mailto:a@example.org">Mail</a></p>'
    )
