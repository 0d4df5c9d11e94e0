"""YAML tags, limits and the loader class every part of the YAML reader shares."""

from __future__ import annotations

import re

import yaml

try:  # The C parser is ~10x faster; fall back so the tool still works without libyaml.
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as Loader  # type: ignore[assignment]

__all__ = ["Loader"]


#: Front matter beyond this is rejected before parsing.
MAX_YAML_BYTES = 256 * 1024


#: Deepest nesting we build. Real content stays under 10.
MAX_DEPTH = 64


#: Largest number of values after expanding aliases.
MAX_NODES = 100_000


T = "tag:yaml.org,2002:"


STR, INT, FLOAT, BOOL, NULL = T + "str", T + "int", T + "float", T + "bool", T + "null"


TIMESTAMP, MERGE, VALUE = T + "timestamp", T + "merge", T + "value"


OCTAL_LIKE = re.compile(r"[-+]?0[0-9_]+\Z")


constructor = yaml.constructor.SafeConstructor()


#: Key tags whose text the careful builder keeps as the key.
KEY_TAGS = frozenset({STR, INT, FLOAT, BOOL, TIMESTAMP})


SUPPORTED_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, VALUE, T + "seq", T + "map"})
