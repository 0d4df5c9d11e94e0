"""What every rule receives: the academy, per-file load results, and helpers."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from academy.core.codes import problem
from academy.core.loader import Loaded
from academy.core.model import Academy, LearningPath, Module, Quiz, YamlPath
from academy.core.problems import Problem
from academy.core.suggest import did_you_mean

Item = Module | LearningPath | Quiz


@dataclass(frozen=True)
class Context:
    """Shared inputs of the cross-file rules.

    Attributes:
        academy: The model, built leniently from every file.
        files: Load results by relative file path.
        today: Reference date for time-based rules.
        root: Project folder, for rules that look at referenced files.
        ignored: Codes graded ``ignore``; rules that only produce them can skip the work.
    """

    academy: Academy
    files: Mapping[str, Loaded]
    today: _dt.date
    root: Path = Path(".")
    ignored: frozenset[str] = frozenset()

    def at(
        self,
        code: str,
        file: str,
        path: YamlPath,
        message: str,
        hint: str = "",
        *,
        key: bool = False,
    ) -> Problem:
        """A problem located at a YAML path of ``file``.

        With ``key=True`` the problem points at the key rather than its value,
        which reads better for "this field is wrong" than for "this value".
        """
        loaded = self.files.get(file)
        line = col = 1
        if loaded is not None and loaded.doc is not None:
            line, col = loaded.doc.locate_key(path) if key else loaded.doc.locate(path)
        return problem(code, file, line, col, message, hint)

    def unresolved_hint(self, kind: str, value: str, known: list[str], fallback: str) -> str:
        """Hint for an unknown id: the closest known id, else the files that
        failed to load (one of them may define it), else ``fallback``."""
        named = self._named_file(kind, value)
        if named is not None:
            file, item_id = named
            return f"{file} is named `{value}` but its id is `{item_id}`: use `{item_id}` here, or change its id."
        suggestion = did_you_mean(value, known)
        if suggestion:
            return suggestion
        broken = [f for f, loaded in self.files.items() if loaded.ref.kind == kind and loaded.item is None]
        if broken:
            listed = ", ".join(broken[:3]) + (" and others" if len(broken) > 3 else "")
            return f"{listed} could not be loaded and may define `{value}`; fix that first."
        return fallback

    def _named_file(self, kind: str, value: str) -> tuple[str, str] | None:
        """A file of ``kind`` named ``value`` whose item has another id."""
        for file, loaded in self.files.items():
            if loaded.ref.kind != kind or loaded.item is None or loaded.item.id == value:
                continue
            if not loaded.sound(("id",)):  # an id the schema refused is no advice to follow
                continue
            if file.rsplit("/", 1)[-1].rsplit(".", 1)[0] == value:
                return file, loaded.item.id
        return None

    def sound(self, file: str, path: YamlPath) -> bool:
        """True when the item at ``path`` passed the schema."""
        loaded = self.files.get(file)
        return loaded is None or loaded.sound(path)
