"""``make schemas``: write the four published JSON Schemas from their Python source.

The schemas share most definitions (ids, question types). JSON Schema files
cannot share them without cross-file ``$ref``, which editors resolve
inconsistently, so each is built as one self-contained document
(:mod:`.content` for modules, paths and quiz banks, :mod:`.catalog` for
``catalog.json``) and ``python -m academy.core.schemas.source`` writes them
beside this module. A test fails when the committed files differ from what
the source produces.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from academy.core.schemas.catalog import catalog_schema
from academy.core.schemas.content import module_schema, path_schema, quiz_schema
from academy.core.schemas.parts import SCHEMA_DIR

SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "module": module_schema,
    "path": path_schema,
    "quiz": quiz_schema,
    "catalog": catalog_schema,
}


def render(name: str) -> str:
    """The published text of one schema: stable key order, trailing newline."""
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    for name in SCHEMAS:
        target = SCHEMA_DIR / f"{name}.schema.json"
        target.write_text(render(name), encoding="utf-8")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
