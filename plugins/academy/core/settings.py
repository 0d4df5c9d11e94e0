"""Project settings shared by the CLI and the MkDocs plugin.

The plugin reads them from its ``mkdocs.yml`` options; the CLI reads the same
options from the same file without loading MkDocs (so ``academy check`` starts
fast). Both go through :meth:`Settings.from_options`, which is the single
place options are validated.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from academy.core.options import parse_options
from academy.core.problems import Problem, SettingsError, Severity
from academy.core.sections import SECTION_SIZE
from academy.core.xapi import XapiSettings


@dataclass(frozen=True)
class Settings:
    """Where the sources are and how strictly they are judged.

    Attributes:
        root: Project folder (the one holding ``mkdocs.yml``).
        modules_dir: Modules folder, relative to ``root``.
        paths_dir: Learning paths folder, relative to ``root``.
        quizzes_dir: Quiz banks folder, relative to ``root``.
        content_dir: MkDocs ``docs_dir``; its pages' front matter is checked too.
        severity: Overrides keyed by family (``coverage``) or code (``review.stale``).
        today: Fixed date for stale checks; ``None`` means SOURCE_DATE_EPOCH or now.
        xapi: Where the browser sends learning records; ``None`` keeps xAPI off.
        site_url: The site's public address from ``mkdocs.yml``, or empty.
        templates_dir: Folder of fragment templates that replace the
            academy's own, relative to ``root``; ``None`` for none.
        nav_section_size: Most modules one navigation section lists before
            it is split (see :mod:`academy.core.sections`); 0 never splits.
    """

    root: Path
    modules_dir: str = "modules"
    paths_dir: str = "paths"
    quizzes_dir: str = "quizzes"
    content_dir: str = "content"
    templates_dir: str | None = None
    site_url: str = ""
    severity: Mapping[str, Severity] = field(default_factory=dict)
    today: _dt.date | None = None
    xapi: XapiSettings | None = None
    nav_section_size: int = SECTION_SIZE

    @classmethod
    def from_options(
        cls, root: Path, options: Mapping[str, Any] | None, content_dir: str = "content", site_url: str = ""
    ) -> Settings:
        """Validate plugin options and build settings.

        Raises:
            SettingsError: naming the option and what is wrong with it.
        """
        values = parse_options(options)
        root = Path(root).resolve()
        if values["templates_dir"] is not None:
            _check_templates(root, values["templates_dir"])
        severity = dict(values["severity"])
        severity.setdefault("body.raw-html", values["raw_html"])
        return cls(
            root=root,
            modules_dir=values["modules_dir"],
            paths_dir=values["paths_dir"],
            quizzes_dir=values["quizzes_dir"],
            content_dir=content_dir,
            severity=severity,
            today=values["today"],
            xapi=values["xapi"],
            templates_dir=values["templates_dir"],
            site_url=site_url,
            nav_section_size=values["nav_section_size"],
        )

    def today_date(self) -> _dt.date:
        """The reference date for stale reviews.

        ``SOURCE_DATE_EPOCH`` makes two builds of the same sources agree even
        across midnight; a fixed ``today`` lets tests pin it.
        """
        if self.today is not None:
            return self.today
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC).date()
        return _dt.date.today()

    def grade(self, problems: Iterable[Problem]) -> list[Problem]:
        """Apply severity overrides; drop problems graded ``ignore``."""
        if not self.severity:
            return list(problems)
        out = []
        for p in problems:
            level = self.severity.get(p.code) or self.severity.get(p.code.split(".", 1)[0])
            if level is Severity.IGNORE:
                continue
            out.append(p.with_severity(level) if level else p)
        return out

    def with_today(self, today: _dt.date) -> Settings:
        return replace(self, today=today)


def _check_templates(root: Path, folder: str) -> None:
    # Which files it may hold is the renderer's to say (academy.render.html.check_templates).
    if not (root / folder).is_dir():
        raise SettingsError(f"academy: option 'templates_dir': {folder} is not a folder.")


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing anything.

    mkdocs.yml often holds ``!!python/name:`` tags (Material's emoji options)
    and ``!ENV``; the CLI only needs the academy options, so unknown tags
    become ``None`` instead of errors.
    """


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class MkdocsFile:
    """What the academy reads from ``mkdocs.yml`` without loading MkDocs."""

    options: dict[str, Any]
    docs_dir: str
    site_url: str


def yaml_error_line(config_file: Path | str, exc: yaml.MarkedYAMLError) -> str:
    """PyYAML's report as one ``file:line:col: problem (context)`` line.

    Build logs and CI annotations read one line per problem; PyYAML prints the
    offending source with a caret over several lines, which neither can use.
    ``academy check`` and ``academy build`` both say it this way.
    """
    mark = exc.problem_mark or exc.context_mark
    where = f"{config_file}:{mark.line + 1}:{mark.column + 1}" if mark else str(config_file)
    context = f" ({exc.context})" if exc.context else ""
    return f"{where}: {exc.problem or 'not valid YAML'}{context}"


def read_mkdocs_file(config_file: Path) -> MkdocsFile:
    """The academy plugin's options, ``docs_dir`` and ``site_url`` from ``mkdocs.yml``.

    Raises:
        SettingsError: when the file cannot be read or parsed.
    """
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader)
    except yaml.MarkedYAMLError as exc:
        raise SettingsError(yaml_error_line(config_file, exc)) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SettingsError(f"cannot read {config_file}: {exc}") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{config_file} is not a YAML mapping.")
    docs_dir = str(data.get("docs_dir") or "docs")
    site_url = data.get("site_url") if isinstance(data.get("site_url"), str) else ""
    options: Any = {}
    plugins = data.get("plugins") or []
    if isinstance(plugins, dict):
        options = plugins.get("academy") or {}
    else:
        for entry in plugins:
            if isinstance(entry, dict) and "academy" in entry:
                options = entry["academy"] or {}
                break
    if not isinstance(options, dict):
        raise SettingsError("academy: plugin options must be a mapping.")
    return MkdocsFile(dict(options), docs_dir, site_url)


def load_settings(directory: Path) -> Settings:
    """Settings for the project in ``directory`` (defaults without mkdocs.yml)."""
    config_file = directory / "mkdocs.yml"
    if not config_file.is_file():
        config_file = directory / "mkdocs.yaml"
    if config_file.is_file():
        found = read_mkdocs_file(config_file)
        return Settings.from_options(
            directory, found.options, content_dir=found.docs_dir, site_url=found.site_url
        )
    return Settings.from_options(directory, {})
