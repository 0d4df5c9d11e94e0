"""The one place the adapter reaches past MkDocs' public API, and why.

Checked against MkDocs 1.6.0 and 1.6.1. ``tests/test_mkdocs_internals.py``
fails, naming the function, when a MkDocs release changes what it relies on.
"""

from __future__ import annotations

from mkdocs.structure.files import File


def _always_modified() -> bool:
    return True


def force_rebuild(file: File) -> None:
    """Make a dirty rebuild (``mkdocs serve --dirty``) render ``file``'s page.

    A dirty build skips each page whose ``file.is_modified()`` is false, and
    MkDocs offers no other way to say "this page shows something that
    changed elsewhere" (the home page's role cards show every path). The
    author's own pages are MkDocs' ``File`` objects, which the plugin cannot
    subclass, so the method is replaced on the instance: MkDocs' build calls
    ``page.file.is_modified()``, which finds the instance attribute first.
    """
    file.is_modified = _always_modified  # type: ignore[method-assign]
