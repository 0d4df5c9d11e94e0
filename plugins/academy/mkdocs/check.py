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


def check(settings: Settings, config: MkDocsConfig, cache: LoadCache) -> Result:
    """Check the academy; log every problem; stop the build on errors (or
    warnings under ``--strict``)."""
    result = run(settings, cache)
    for p in result.problems:
        (log.error if p.severity is Severity.ERROR else log.warning)(format_problem(p, severity=False))
    if result.errors or (config.strict and result.warnings):
        # Under --strict our warnings are known now, so fail before MkDocs
        # cleans site_dir rather than after it has rewritten it.
        raise PluginError(
            f"academy: {plural(len(result.errors), 'error')}, {plural(len(result.warnings), 'warning')} "
            f"in {plural(len(result.files), 'file')}{' (strict mode)' if not result.errors else ''}; "
            f"the site was not built and {config.site_dir} is untouched."
        )
    return result
