"""The layers import one way, and the core runs without MkDocs.

``ARCHITECTURE.md`` states the rules; these tests hold the code to them by
reading the imports of every file of the package (including imports inside
functions), and by running the commands in a Python that cannot import
MkDocs or Material at all.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "plugins" / "academy"
LAYERS = ("core", "render", "outputs", "client", "mkdocs", "cli")

#: Layer -> the academy layers it must not import.
FORBIDDEN = {
    "core": {"render", "outputs", "client", "mkdocs", "cli"},
    "render": {"outputs", "client", "mkdocs", "cli"},
    "outputs": {"client", "mkdocs", "cli"},
    "client": {"outputs", "mkdocs", "cli"},
    "mkdocs": {"cli"},
    "cli": {"mkdocs"},
}
#: Third-party packages only the MkDocs adapter may import at module level.
SITE_ENGINE = {"mkdocs", "material"}


def imports(source: str, module: str) -> list[tuple[int, str, bool]]:
    """``(line, imported module, at module level)`` for every import in ``source``,
    relative imports resolved against ``module`` (a dotted name)."""
    tree = ast.parse(source)
    top = {id(node) for node in tree.body}
    top |= {id(n) for node in tree.body if isinstance(node, ast.If) for n in node.body}  # TYPE_CHECKING
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.rsplit(".", node.level)[0]
                base = f"{package}.{base}" if base else package
            names = (
                [f"{base}.{a.name}" for a in node.names]
                if base in ("academy", *map("academy.{}".format, LAYERS))
                else [base]
            )
            out += [(node.lineno, name, id(node) in top) for name in names]
    return out


def layer_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "academy" and parts[1] in LAYERS else None


def violations(source: str, module: str) -> list[str]:
    """What ``source`` (the module ``module``) imports against the rules."""
    own = layer_of(module)
    found = []
    for line, name, module_level in imports(source, module):
        target = layer_of(name)
        if own and target in FORBIDDEN[own]:
            found.append(f"{module}:{line} imports {name}: {own} must not import {target}")
        engine = name.split(".")[0] in SITE_ENGINE
        if engine and own != "mkdocs" and (module_level or own != "cli"):
            found.append(f"{module}:{line} imports {name}: only academy.mkdocs may import the site engine")
        if name.startswith("academy.mkdocs.perf") and own != "mkdocs":
            found.append(f"{module}:{line} imports {name}: speed-up machinery is the MkDocs adapter's")
    return found


def package_modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        out.append((".".join(parts), path))
    return out


def test_layers_import_one_way() -> None:
    found = [v for module, path in package_modules() for v in violations(path.read_text("utf-8"), module)]
    assert found == []


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("academy.core.model", "from academy.render.html import Renderer\n", "core must not import render"),
        ("academy.core.rules.body", "from ...mkdocs import plugin\n", "core must not import mkdocs"),
        ("academy.outputs.llms", "def f():\n    import academy.cli\n", "outputs must not import cli"),
        ("academy.render.html", "import mkdocs.utils\n", "only academy.mkdocs may import the site engine"),
        ("academy.cli.check", "from mkdocs.config import load_config\n", "only academy.mkdocs may import"),
        ("academy.cli.stats", "from academy.mkdocs.perf.memo import PageParts\n", "academy.mkdocs"),
    ],
)
def test_the_import_rules_catch_a_forbidden_import(module: str, source: str, expected: str) -> None:
    found = violations(source, module)
    assert found and expected in found[0]


def test_a_lazy_site_engine_import_in_the_cli_is_allowed() -> None:
    assert (
        violations("def build():\n    from mkdocs.commands.build import build\n", "academy.cli.build") == []
    )


#: Runs in a fresh interpreter: MkDocs and Material cannot be imported there.
BLOCKED = textwrap.dedent(
    """
    import importlib, pkgutil, runpy, sys

    class NoSiteEngine:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("mkdocs", "material"):
                raise ModuleNotFoundError(f"No module named {name!r} (blocked by the test)", name=name)
            return None

    sys.meta_path.insert(0, NoSiteEngine())
    for name in [m for m in sys.modules if m.split(".")[0] in ("mkdocs", "material")]:
        del sys.modules[name]
    if sys.argv[1] == "import":
        import academy
        for info in pkgutil.walk_packages(academy.__path__, "academy."):
            if info.name.split(".")[1] in ("core", "render", "outputs", "client", "cli"):
                importlib.import_module(info.name)
                print(info.name)
    else:
        from academy.cli import main
        sys.exit(main(sys.argv[1:]))
    """
)


def blocked(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCKED, *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_every_core_render_outputs_and_cli_module_imports_without_mkdocs() -> None:
    proc = blocked("import")
    assert proc.returncode == 0, proc.stderr
    imported = set(proc.stdout.split())
    expected = {
        m for m, _ in package_modules() if layer_of(m) in ("core", "render", "outputs", "client", "cli")
    }
    assert expected <= imported


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("no-mkdocs") / "academy"
    root.mkdir()
    for name in ("modules", "paths", "quizzes", "content"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "sample"], cwd=root, check=True)
    return root


def test_the_commands_run_without_mkdocs(sample: Path) -> None:
    check = blocked("check", str(sample), "--strict", cwd=sample)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.endswith(" files\n") and check.stdout.startswith("0 errors, 0 warnings")
    review = blocked("review", "HEAD", cwd=sample)
    assert review.returncode == 0, review.stderr
    assert review.stdout.startswith("## Curriculum review: `HEAD` → `working tree`")
    stats = blocked("stats", str(sample), "--format", "json", cwd=sample)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["counts"]["paths"] == len(list((sample / "paths").glob("*.yml")))
    codes = blocked("codes", cwd=sample)
    assert codes.returncode == 0 and "schema.required" in codes.stdout
    schema = blocked("schema", "module", cwd=sample)
    assert schema.returncode == 0 and json.loads(schema.stdout)["title"]


def test_build_without_mkdocs_names_what_to_install(sample: Path) -> None:
    proc = blocked("build", str(sample), cwd=sample)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("academy build: needs MkDocs and Material for MkDocs (mkdocs is missing)")
    assert "pip install 'mkdocs>=1.6,<2' 'mkdocs-material>=9.5,<10'" in lines[0]
    assert not (sample / "build").exists()
