"""The check that runs before MkDocs touches ``site_dir``.

``on_config`` runs the whole check before MkDocs cleans the site folder. Any
error stops the build there, so a broken module never damages the last good
site. Problems go through the plugin logger (warnings count under
``--strict``), written by the one formatter the CLI uses too.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from academy.core.engine import Result, run
from academy.core.loader import LoadCache
from academy.core.problems import SettingsError, Severity, format_problem, plural
from academy.core.settings import Settings

log = get_plugin_logger("academy")


def settings_for(config: MkDocsConfig, options: dict[str, Any]) -> Settings:
    root = Path(config.config_file_path or ".").resolve().parent
    try:
        return Settings.from_options(
            root, options, content_dir=os.path.relpath(config.docs_dir, root), site_url=config.site_url or ""
        )
    except SettingsError as exc:
        raise PluginError(str(exc)) from None


def blocks(result: Result, config: MkDocsConfig) -> bool:
    """Whether the problems stop the build: errors, or warnings under ``--strict``."""
    return bool(result.errors or (config.strict and result.warnings))


def check(settings: Settings, config: MkDocsConfig, cache: LoadCache, serving: bool = False) -> Result:
    """Check the academy; log every problem; stop the build on errors (or
    warnings under ``--strict``).

    Under ``mkdocs serve`` a result that blocks is returned, not raised: the
    preview then shows the problems (:mod:`.serve_errors`), which logs them.
    """
    result = run(settings, cache)
    if serving and blocks(result, config):
        return result
    for p in result.problems:
        (log.error if p.severity is Severity.ERROR else log.warning)(format_problem(p, severity=False))
    if blocks(result, config):
        # Under --strict our warnings are known now, so fail before MkDocs
        # cleans site_dir rather than after it has rewritten it. The site
        # folder is not named: under `academy build` it is a staging folder.
        raise PluginError(
            f"academy: {plural(len(result.errors), 'error')}, {plural(len(result.warnings), 'warning')} "
            f"in {plural(len(result.files), 'file')}{' (strict mode)' if not result.errors else ''}; "
            "the site was not built, and the last site built is untouched."
        )
    return result
