"""Load one source file: bytes -> text -> YAML -> schema check -> model item.

Loading a file depends on nothing but its own bytes, so the result is cached
by content hash (:class:`LoadCache`): during ``mkdocs serve`` only the file
that changed is read and validated again, while cross-file rules run on the
whole academy every time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from . import schema
from .codes import problem
from .model import LearningPath, Module, Quiz, YamlPath, module_from, path_from, quiz_from
from .problems import Problem
from .sources import MODULE, PAGE, PATH, QUIZ, SourceRef
from .sourcetext import decode, split_front_matter
from .yamlload import YamlDoc, load_yaml

Item = Module | LearningPath | Quiz


@dataclass(frozen=True, slots=True)
class Loaded:
    """Everything known about one source file after loading it alone.

    Attributes:
        ref: The file.
        digest: SHA-256 of its bytes; the cache key.
        item: The model item, built leniently; ``None`` without a usable id.
        doc: The YAML document, for locating problems; ``None`` if unparsable.
        problems: Problems found in this file alone.
        bad_paths: YAML paths that failed the schema. Rules skip items at or
            under them, so one mistake is reported once, not again as a
            confusing consequence.
        body: Markdown body (modules and pages).
    """

    ref: SourceRef
    digest: str
    item: Item | None
    doc: YamlDoc | None
    problems: tuple[Problem, ...]
    bad_paths: frozenset[YamlPath] = frozenset()
    body: str = ""

    def sound(self, path: YamlPath) -> bool:
        """True when nothing at, under or above ``path`` failed the schema."""
        n = len(path)
        for bad in self.bad_paths:
            m = min(n, len(bad))
            if bad[:m] == path[:m]:
                return False
        return True


def _read(ref: SourceRef) -> tuple[bytes | None, Problem | None]:
    try:
        return ref.abs.read_bytes(), None
    except OSError as exc:
        return None, problem("file.unreadable", ref.rel, 1, 1, f"cannot read the file: {exc.strerror or exc}")


def load(ref: SourceRef, raw: bytes | None = None) -> Loaded:
    """Load one source file. Never raises for content problems."""
    if raw is None:
        raw, failure = _read(ref)
        if raw is None:
            return Loaded(ref, "", None, None, (failure,) if failure else ())
    digest = hashlib.sha256(raw).hexdigest()
    return _load_bytes(ref, raw, digest)


def _load_bytes(ref: SourceRef, raw: bytes, digest: str) -> Loaded:
    file = ref.rel
    text, problems = decode(raw, file)
    if text is None:
        return Loaded(ref, digest, None, None, tuple(problems))
    body, body_line = "", 1
    if ref.kind in (MODULE, PAGE):
        if ref.kind == PAGE and not text.startswith("---"):
            return Loaded(ref, digest, None, None, tuple(problems), body=text)
        front, more = split_front_matter(text, file)
        problems += more
        body, body_line = front.body, front.body_line
        if front.yaml is None:
            return Loaded(ref, digest, None, None, tuple(problems), body=body)
        yaml_text, yaml_line = front.yaml, front.yaml_line
    else:
        yaml_text, yaml_line = text, 1
    doc, more = load_yaml(yaml_text, file, yaml_line)
    problems += more
    if doc is None:
        return Loaded(ref, digest, None, None, tuple(problems), body=body)
    if not isinstance(doc.data, dict):
        what = "a module's front matter" if ref.kind in (MODULE, PAGE) else f"a {ref.kind} file"
        line, col = doc.locate(())
        problems.append(
            problem(
                "frontmatter.not-mapping",
                file,
                line,
                col,
                f"{what} must be a mapping of `field: value` pairs, not {_shape(doc.data)}",
                "Write `field: value` lines at the top level.",
            )
        )
        return Loaded(ref, digest, None, doc, tuple(problems), body=body)
    if ref.kind == PAGE:
        return Loaded(ref, digest, None, doc, tuple(problems), body=body)
    errors = list(schema.validator(ref.kind).iter_errors(doc.data))
    bad: set[YamlPath] = set()
    for error in errors:
        problems.extend(schema.to_problems(error, doc, file, ref.kind))
        bad.add(_error_path(error))
    item: Item | None
    if ref.kind == MODULE:
        item = module_from(doc.data, file, body, body_line)
    elif ref.kind == PATH:
        item = path_from(doc.data, file)
    else:
        item = quiz_from(doc.data, file)
    return Loaded(ref, digest, item, doc, tuple(problems), frozenset(bad), body)


def _error_path(error: Any) -> YamlPath:
    """The YAML path a schema error invalidates.

    A missing or unknown field invalidates only that field, not the whole
    object it belongs to, so the object's other rules still run.
    """
    path = tuple(error.absolute_path)
    if error.validator == "required":
        match = schema.REQUIRED.match(error.message)
        return (*path, match.group(1) if match else "?")
    if error.validator in ("additionalProperties", "unevaluatedProperties"):
        return (*path, "\0unknown")
    return path


def _shape(data: Any) -> str:
    if data is None:
        return "empty"
    if isinstance(data, list):
        return "a list"
    return f"a single value ({data!r:.40})"


@dataclass
class LoadCache:
    """Per-process cache of loaded files, keyed by path and content hash.

    ``mkdocs serve`` rebuilds with the same plugin instance; keeping this on
    the instance means an edit re-reads every file's bytes (cheap) but
    re-parses and re-validates only the files whose bytes changed.
    """

    entries: dict[tuple[str, str], Loaded] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0

    def load(self, ref: SourceRef) -> Loaded:
        raw, failure = _read(ref)
        if raw is None:
            return Loaded(ref, "", None, None, (failure,) if failure else ())
        digest = hashlib.sha256(raw).hexdigest()
        key = (ref.kind + ":" + ref.rel, digest)
        cached = self.entries.get(key)
        if cached is not None and cached.ref == ref:
            self.hits += 1
            return cached
        self.misses += 1
        loaded = _load_bytes(ref, raw, digest)
        self.entries[key] = loaded
        return loaded

    def prune(self, live: set[tuple[str, str]]) -> None:
        """Forget entries for files that no longer exist or changed."""
        for key in [k for k in self.entries if k not in live]:
            del self.entries[key]


__all__ = ["PATH", "QUIZ", "LoadCache", "Loaded", "load"]
