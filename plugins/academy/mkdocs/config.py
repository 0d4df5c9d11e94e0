"""The plugin's typed MkDocs configuration, made from the core's option table.

:data:`academy.core.options.OPTIONS` defines every option once (name,
default, description, what a bad value is told); :class:`AcademyConfig` is
built from it, so ``mkdocs build`` refuses a bad ``severity`` or ``xapi``
value while it loads ``mkdocs.yml``, with the same words ``academy check``
uses, and a new option needs no second definition here.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config.base import ValidationError

from academy.core.options import OPTIONS, Option
from academy.core.problems import OptionError


class CoreOption(base.BaseConfigOption[Any]):
    """A config option validated by the core's parser for it.

    The raw value is kept: the plugin hands the whole config to
    :meth:`Settings.from_options`, which parses it once more into settings
    (cheap, and it keeps one code path for the CLI and the plugin).
    """

    def __init__(self, option: Option) -> None:
        super().__init__()
        self.option = option
        self.default = option.default

    def run_validation(self, value: object) -> object:
        try:
            self.option.parse(value)
        except OptionError as exc:
            raise ValidationError(str(exc)) from None
        return value


def _config_class() -> type[base.Config]:
    options = {name: CoreOption(option) for name, option in OPTIONS.items()}
    doc = "Options of the ``academy`` plugin in ``mkdocs.yml``:\n\n" + "\n".join(
        f"* ``{name}``: {option.description}" for name, option in OPTIONS.items()
    )
    return type("AcademyConfig", (base.Config,), {"__doc__": doc, "__module__": __name__, **options})


AcademyConfig = _config_class()
