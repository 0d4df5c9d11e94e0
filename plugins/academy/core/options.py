"""The plugin's options in ``mkdocs.yml``: each defined once, here.

``academy check`` reads the options without loading MkDocs, and the MkDocs
adapter turns this table into its typed config class
(:mod:`academy.mkdocs.config`), so the two can never disagree on a name, a
default, a description or what a bad value is told. Each option parses its
raw YAML value into what :class:`~academy.core.settings.Settings` holds, or
raises :class:`OptionError` saying what is wrong without naming the option:
the caller names it (MkDocs prefixes its own "option 'x':", the CLI ours).
"""

from __future__ import annotations

import datetime as _dt
import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from academy.core.codes import CODES, FAMILIES
from academy.core.problems import OptionError, SettingsError, Severity
from academy.core.sections import SECTION_SIZE
from academy.core.xapi import xapi_settings

#: ``raw_html`` values and the severity they give the ``body.raw-html`` rule.
RAW_HTML = {"allow": Severity.IGNORE, "warn": Severity.WARNING, "error": Severity.ERROR}
SEVERITIES = ("error", "warning", "ignore")


@dataclass(frozen=True)
class Option:
    """One plugin option.

    Attributes:
        name: The key in ``mkdocs.yml``.
        default: The raw value when the key is absent.
        description: One line for the docs and ``mkdocs`` error messages.
        parse: Raw YAML value -> the value settings hold; raises
            :class:`OptionError` for a bad value.
    """

    name: str
    default: Any
    description: str
    parse: Callable[[Any], Any]


def _enabled(value: Any) -> bool:
    if not isinstance(value, bool):
        raise OptionError(f"must be true or false, not {value!r}.")
    return value


def _folder(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise OptionError(f"must be a folder name, not {value!r}.")
    return value.strip().rstrip("/")


def _optional_folder(value: Any) -> str | None:
    return None if value is None else _folder(value)


def _severity(value: Any) -> dict[str, Severity]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise OptionError(
            "must map rule families or codes to error, warning or ignore, such as `coverage: warning`."
        )
    out: dict[str, Severity] = {}
    for key, level in value.items():
        if key not in FAMILIES and key not in CODES:
            names = sorted(FAMILIES) + sorted(CODES)
            close = difflib.get_close_matches(str(key), names, n=1)
            extra = f" Did you mean '{close[0]}'?" if close else " `academy codes` lists them."
            raise OptionError(f"'{key}' is not a rule family or code.{extra}")
        try:
            out[key] = Severity(str(level).lower())
        except ValueError:
            raise OptionError(f"'{key}' must be error, warning or ignore, not {level!r}.") from None
    return out


def _today(value: Any) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        raise OptionError(f"must be a date (YYYY-MM-DD), not {value!r}.") from None


def _section_size(value: Any) -> int:
    # Sections of one would split forever: 0 (never split) or at least 2.
    if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value == 1:
        raise OptionError(f"must be 0 (never split) or a whole number of 2 or more, not {value!r}.")
    return value


def _raw_html(value: Any) -> Severity:
    if value not in RAW_HTML:
        raise OptionError(f"must be allow, warn or error, not {value!r}.")
    return RAW_HTML[value]


OPTIONS: dict[str, Option] = {
    option.name: option
    for option in (
        Option(
            "enabled",
            True,
            "Turn the academy off for a build (`false`): MkDocs builds the plain site.",
            _enabled,
        ),
        Option("modules_dir", "modules", "Folder of Markdown modules, relative to mkdocs.yml.", _folder),
        Option("paths_dir", "paths", "Folder of learning paths (YAML), relative to mkdocs.yml.", _folder),
        Option("quizzes_dir", "quizzes", "Folder of quiz banks (YAML), relative to mkdocs.yml.", _folder),
        Option(
            "templates_dir",
            None,
            "Folder of your own versions of the academy's page fragments (such as `check.html`), "
            "relative to mkdocs.yml; off when unset.",
            _optional_folder,
        ),
        Option("severity", {}, "Severity per rule family or code: error, warning or ignore.", _severity),
        Option(
            "today",
            None,
            "Date used for stale-review checks (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else today.",
            _today,
        ),
        Option(
            "raw_html",
            "allow",
            "Raw HTML that runs code in module bodies (`<script>`, `on*=`, `javascript:`): allow, warn or error.",
            _raw_html,
        ),
        Option(
            "nav_section_size",
            SECTION_SIZE,
            "Most modules one navigation section lists: a longer topic folder is split into sections "
            "of at most this many, and Material's navigation is then pruned to the current section; "
            "0 never splits.",
            _section_size,
        ),
        Option(
            "xapi",
            None,
            "Send xAPI statements to a learning record store: endpoint, auth, actor, activity_base. Off when unset.",
            xapi_settings,
        ),
    )
}


def parse_options(raw: Mapping[str, Any] | None) -> dict[str, Any]:
    """Every option's parsed value, defaults filled in.

    Raises:
        SettingsError: naming the unknown or bad option, and what it accepts.
    """
    raw = dict(raw or {})
    unknown = [k for k in raw if k not in OPTIONS]
    if unknown:
        key = str(unknown[0])
        close = difflib.get_close_matches(key, list(OPTIONS), n=1)
        extra = f" Did you mean '{close[0]}'?" if close else f" Known options: {', '.join(OPTIONS)}."
        raise SettingsError(f"academy: unknown option '{key}'.{extra}")
    out: dict[str, Any] = {}
    for name, option in OPTIONS.items():
        try:
            out[name] = option.parse(raw.get(name, option.default))
        except OptionError as exc:
            raise SettingsError(f"academy: option '{name}': {exc}") from None
    return out
