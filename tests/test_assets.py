"""Files named by module bodies: resolved inside the project, published, and
never read when a reference tries to leave."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from academy.cli import main

from helpers import mkdocs, module, site_project, write

EVIL = "../../{root}-evil/secret.png"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = site_project(tmp_path / "academy")
    write(tmp_path, {"academy-evil/secret.png": "not yours"})
    write(
        root,
        {
            "modules/topic/img/chart.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
            "notes/shared.txt": "shared",
            "content/sources.md": "# Sources\n\n## Glossary\n\nWords.\n",
        },
    )
    os.symlink("/etc/hostname", root / "modules" / "topic" / "img" / "link.png")
    return root


def body(root: Path, text: str) -> None:
    source = module("gamma").replace("Body of gamma.", text)
    write(
        root,
        {
            "modules/topic/gamma.md": source,
            "paths/main.yml": (root / "paths/main.yml").read_text().replace("beta]", "beta, gamma]"),
        },
    )


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", str(root)])
    lines = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("    hint")]
    return code, lines


def test_escapes_absolute_paths_and_sibling_prefixes_are_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body(
        project,
        "![a](../../../etc/passwd)\n\n"
        "![b](/etc/passwd)\n\n"
        '<img src="../../../academy-evil/secret.png" alt="c">\n\n'
        "![d](img/link.png)\n\n"
        '--8<-- "/etc/passwd"\n\n'
        '--8<-- "../academy-evil/secret.png"\n\n'
        '--8<-- "notes/shared.txt"\n\n'
        "![e](img/missing.png)\n\n"
        "![f](img/chart.svg)\n",
    )
    code, lines = check(project, capsys)
    assert code == 1
    assert lines == [
        "modules/topic/gamma.md:19:6: error [asset.outside] file reference `../../../etc/passwd` leads outside the project, so it is not read",
        "modules/topic/gamma.md:21:6: error [asset.absolute] file reference `/etc/passwd` is an absolute path",
        "modules/topic/gamma.md:23:11: error [asset.outside] file reference `../../../academy-evil/secret.png` leads outside the project, so it is not read",
        "modules/topic/gamma.md:25:6: error [asset.outside] file reference `img/link.png` leads outside the project, so it is not read",
        "modules/topic/gamma.md:27:9: error [asset.absolute] include `/etc/passwd` is an absolute path",
        "modules/topic/gamma.md:29:9: error [asset.outside] include `../academy-evil/secret.png` leads outside the project, so it is not read",
        "modules/topic/gamma.md:33:6: error [asset.missing] file reference `img/missing.png` does not exist",
        "7 errors, 0 warnings in 6 files",
    ]


def test_references_in_code_and_to_pages_or_urls_are_not_files(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body(
        project,
        "```markdown\n![example](../../../etc/passwd)\n```\n\n"
        "[Active listening](alpha.md) and [sources](../sources.md#glossary), "
        "[the web](https://example.org/x.png), [mail](mailto:a@b.c), [top](#objectives).\n",
    )
    code, lines = check(project, capsys)
    assert (code, lines) == (0, ["0 errors, 0 warnings in 6 files"])


def test_referenced_files_are_published_and_links_rewritten(project: Path) -> None:
    body(
        project,
        '![Chart](img/chart.svg)\n\n<img src="img/chart.svg" alt="Chart again">\n\n[Get it](img/chart.svg#v2)\n',
    )
    proc = mkdocs(project, "build", "--strict")
    assert proc.returncode == 0, proc.stderr
    page = (project / "build" / "modules" / "gamma" / "index.html").read_text(encoding="utf-8")
    published = "../../assets/files/modules/topic/img/chart.svg"
    assert f'<img alt="Chart" src="{published}" />' in page
    assert f'<img src="{published}" alt="Chart again">' in page
    assert f'href="{published}#v2"' in page
    assert (project / "build" / "assets" / "files" / "modules" / "topic" / "img" / "chart.svg").is_file()
    assert not list((project / "build").rglob("secret.png"))
