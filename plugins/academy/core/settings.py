"""Project settings shared by the CLI and the MkDocs plugin.

The plugin reads them from its ``mkdocs.yml`` options; the CLI reads the same
options from the same file without loading MkDocs (so ``academy check`` starts
fast). Both go through :meth:`Settings.from_options`, which is the single
place options are validated.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from academy.core.codes import CODES, FAMILIES
from academy.core.problems import Problem, SettingsError, Severity
from academy.core.xapi import XapiSettings, xapi_settings

#: Option name -> (default, description). The plugin's config class documents
#: the same options for MkDocs; a test keeps the two lists identical.
OPTIONS: dict[str, tuple[Any, str]] = {
    "modules_dir": ("modules", "Folder of Markdown modules, relative to mkdocs.yml."),
    "paths_dir": ("paths", "Folder of learning paths (YAML), relative to mkdocs.yml."),
    "quizzes_dir": ("quizzes", "Folder of quiz banks (YAML), relative to mkdocs.yml."),
    "severity": ({}, "Severity per rule family or code: error, warning or ignore."),
    "today": (None, "Date used for stale-review checks (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else today."),
    "raw_html": ("allow", "Raw HTML that runs code in module bodies: allow, warn or error."),
    "xapi": (
        None,
        "Send xAPI statements to a learning record store: endpoint, auth, actor, activity_base. Off when unset.",
    ),
}
RAW_HTML = {"allow": Severity.IGNORE, "warn": Severity.WARNING, "error": Severity.ERROR}


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
    """

    root: Path
    modules_dir: str = "modules"
    paths_dir: str = "paths"
    quizzes_dir: str = "quizzes"
    content_dir: str = "content"
    severity: Mapping[str, Severity] = field(default_factory=dict)
    today: _dt.date | None = None
    xapi: XapiSettings | None = None

    @classmethod
    def from_options(
        cls, root: Path, options: Mapping[str, Any] | None, content_dir: str = "content"
    ) -> Settings:
        """Validate plugin options and build settings.

        Raises:
            SettingsError: naming the option and what is wrong with it.
        """
        options = dict(options or {})
        unknown = [k for k in options if k not in OPTIONS]
        if unknown:
            key = unknown[0]
            close = difflib.get_close_matches(key, list(OPTIONS), n=1)
            extra = f" Did you mean '{close[0]}'?" if close else f" Known options: {', '.join(OPTIONS)}."
            raise SettingsError(f"academy: unknown option '{key}'.{extra}")
        values: dict[str, Any] = {}
        for key in ("modules_dir", "paths_dir", "quizzes_dir"):
            value = options.get(key, OPTIONS[key][0])
            if not isinstance(value, str) or not value.strip():
                raise SettingsError(f"academy: option '{key}' must be a folder name, got {value!r}.")
            values[key] = value.strip().rstrip("/")
        values["severity"] = _severity(options.get("severity") or {})
        raw_html = options.get("raw_html", "allow")
        if raw_html not in RAW_HTML:
            raise SettingsError(f"academy: option 'raw_html' must be allow, warn or error, not {raw_html!r}.")
        values["severity"].setdefault("body.raw-html", RAW_HTML[raw_html])
        values["today"] = _today(options.get("today"))
        values["xapi"] = xapi_settings(options.get("xapi"))
        return cls(root=Path(root).resolve(), content_dir=content_dir, **values)

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


def _severity(raw: Any) -> dict[str, Severity]:
    if not isinstance(raw, Mapping):
        raise SettingsError(
            "academy: option 'severity' must map rule families or codes to error, warning or ignore."
        )
    out: dict[str, Severity] = {}
    for key, value in raw.items():
        if key not in FAMILIES and key not in CODES:
            names = sorted(FAMILIES) + sorted(CODES)
            close = difflib.get_close_matches(str(key), names, n=1)
            extra = f" Did you mean '{close[0]}'?" if close else ""
            raise SettingsError(f"academy: severity: '{key}' is not a rule family or code.{extra}")
        try:
            out[key] = Severity(str(value).lower())
        except ValueError:
            raise SettingsError(
                f"academy: severity of '{key}' must be error, warning or ignore, not {value!r}."
            ) from None
    return out


def _today(raw: Any) -> _dt.date | None:
    if raw is None or isinstance(raw, _dt.date):
        return raw
    try:
        return _dt.date.fromisoformat(str(raw))
    except ValueError:
        raise SettingsError(f"academy: option 'today' must be a date (YYYY-MM-DD), not {raw!r}.") from None


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing anything.

    mkdocs.yml often holds ``!!python/name:`` tags (Material's emoji options)
    and ``!ENV``; the CLI only needs the academy options, so unknown tags
    become ``None`` instead of errors.
    """


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_options(config_file: Path) -> tuple[dict[str, Any], str]:
    """Return the academy plugin's options and ``docs_dir`` from ``mkdocs.yml``.

    Raises:
        SettingsError: when the file cannot be read or parsed.
    """
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SettingsError(f"cannot read {config_file}: {exc}") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{config_file} is not a YAML mapping.")
    docs_dir = data.get("docs_dir") or "docs"
    for entry in data.get("plugins") or []:
        if entry == "academy":
            return {}, str(docs_dir)
        if isinstance(entry, dict) and "academy" in entry:
            options = entry["academy"] or {}
            if not isinstance(options, dict):
                raise SettingsError("academy: plugin options must be a mapping.")
            return options, str(docs_dir)
    if isinstance(data.get("plugins"), dict) and "academy" in data["plugins"]:
        return dict(data["plugins"]["academy"] or {}), str(docs_dir)
    return {}, str(docs_dir)


def load_settings(directory: Path) -> Settings:
    """Settings for the project in ``directory`` (defaults without mkdocs.yml)."""
    config_file = directory / "mkdocs.yml"
    if not config_file.is_file():
        config_file = directory / "mkdocs.yaml"
    if config_file.is_file():
        options, docs_dir = read_mkdocs_options(config_file)
        return Settings.from_options(directory, options, content_dir=docs_dir)
    return Settings.from_options(directory, {})
