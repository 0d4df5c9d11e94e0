"""Compiled theme templates kept across ``mkdocs serve`` rebuilds.

MkDocs makes a new Jinja environment for every build, so every rebuild
compiles Material's templates again: about a third of a second of a
``serve --dirty`` rebuild that re-renders one page. A bytecode cache kept on
the plugin instance hands each new environment the code compiled last time.
Jinja keys each entry by the template's name and file and checks it against
a hash of the source it would compile (after the academy's rewrites), so an
edited or differently rewritten template is compiled anew.
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket


class CompiledTemplates(jinja2.BytecodeCache):
    """An in-memory :class:`jinja2.BytecodeCache` for one plugin instance."""

    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.entries.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.entries[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.entries.clear()
