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
        content_dir: The site's ``docs_dir``, relative to ``root``.
        focus: Files a partial check is about (``academy check FILE``):
            where two files define one id, the one in focus is reported.
    """

    academy: Academy
    files: Mapping[str, Loaded]
    today: _dt.date
    root: Path = Path(".")
    ignored: frozenset[str] = frozenset()
    focus: frozenset[str] = frozenset()
    content_dir: str = "content"

    def at(
        self,
        code: str,
        file: str,
        path: YamlPath,
        message: str,
        hint: str = "",
        *,
        key: bool = False,
        related: tuple[str, ...] = (),
    ) -> Problem:
        """A problem located at a YAML path of ``file``.

        With ``key=True`` the problem points at the key rather than its value,
        which reads better for "this field is wrong" than for "this value".
        """
        loaded = self.files.get(file)
        line = col = 1
        if loaded is not None and loaded.doc is not None:
            line, col = loaded.doc.locate_key(path) if key else loaded.doc.locate(path)
        return problem(code, file, line, col, message, hint, related)

    def unresolved(
        self, code: str, file: str, path: YamlPath, message: str, kind: str, value: str, fallback: str
    ) -> Problem:
        """A reference to an id of ``kind`` that nothing defines.

        The hint names the closest id (and the problem names its file as
        related, since the reference is probably to it: a partial check of
        a renamed module reports its broken references too), else the files
        that failed to load (one of them may define it), else ``fallback``.
        """
        named = self._named_file(kind, value)
        if named is not None:
            other, item_id = named
            hint = f"{other} is named `{value}` but its id is `{item_id}`: use `{item_id}` here, or change its id."
            return self.at(code, file, path, message, hint, related=(other,))
        defined = self._defined(kind)
        suggestion = did_you_mean(value, list(defined))
        if suggestion:
            close = suggestion.split("`")[1]
            return self.at(code, file, path, message, suggestion, related=(defined[close],))
        broken = [f for f, loaded in self.files.items() if loaded.ref.kind == kind and loaded.item is None]
        if broken:
            listed = ", ".join(broken[:3]) + (" and others" if len(broken) > 3 else "")
            hint = f"{listed} could not be loaded and may define `{value}`; fix that first."
            return self.at(code, file, path, message, hint, related=tuple(broken))
        return self.at(code, file, path, message, fallback)

    def _defined(self, kind: str) -> dict[str, str]:
        """Id -> file of every item of ``kind``, first definitions first."""
        items = {"module": self.academy.modules, "path": self.academy.paths, "quiz": self.academy.quizzes}[
            kind
        ]
        out: dict[str, str] = {}
        for item in items:
            out.setdefault(item.id, item.file)
        return out

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
