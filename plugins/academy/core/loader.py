"""Load one source file: bytes -> text -> YAML -> schema check -> model item.

Loading a file depends on nothing but its own bytes, so the result is cached
by content hash (:class:`LoadCache`): during ``mkdocs serve`` only the file
that changed is read and validated again, while cross-file rules run on the
whole academy every time. Given a :class:`~academy.core.store.Store`, results
also outlive the process: ``academy check`` or ``mkdocs build`` of an academy
whose files did not change reads and hashes them, and validates none.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from academy.core import schemas as schema
from academy.core.builders import module_from, path_from, quiz_from
from academy.core.codes import problem
from academy.core.model import LearningPath, Module, Quiz, YamlPath
from academy.core.problems import Problem
from academy.core.sources import MODULE, PAGE, PATH, QUIZ, SourceRef
from academy.core.store import Store
from academy.core.text import decode, split_front_matter
from academy.core.workers import can_fork, map_batches
from academy.core.yamlload import YamlDoc, load_yaml

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
        head: Hash of what other files can see of this one: a module's front
            matter, or the whole file for anything else. A module's body is
            seen only on its own page, so editing it leaves ``head`` alone,
            and with it the cross-file rules' results and other pages.
    """

    ref: SourceRef
    digest: str
    item: Item | None
    doc: YamlDoc | None
    problems: tuple[Problem, ...]
    bad_paths: frozenset[YamlPath] = frozenset()
    body: str = ""
    body_line: int = 1
    local: tuple[Any, tuple[Problem, ...]] | None = None  # (rule environment, per-file rule problems)
    head: str = ""

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


@dataclass(frozen=True, slots=True)
class _Parsed:
    """Everything about a file that depends on its bytes alone, before the
    model is built. Cheap to send between processes: plain data and text,
    no YAML nodes and no model objects."""

    ref: SourceRef
    digest: str
    problems: tuple[Problem, ...]
    data: Any = None
    yaml_text: str = ""
    yaml_line: int = 1
    body: str = ""
    body_line: int = 1
    bad_paths: frozenset[YamlPath] = frozenset()
    parsed: bool = False  # the YAML parsed; ``data`` is the document
    head: str = ""
    aliases: tuple[tuple[tuple[tuple[str | int, ...], str], str], ...] = ()
    holes: tuple[YamlPath, ...] = ()
    marks: Sequence[int] = ()  # every node's position, from the plain loader (see YamlDoc)


def _parse(ref: SourceRef, raw: bytes, digest: str) -> _Parsed:
    """Decode, split, parse and validate one file."""
    file = ref.rel
    text, problems = decode(raw, file)
    if text is None:
        return _Parsed(ref, digest, tuple(problems))
    body, body_line = "", 1
    if ref.kind in (MODULE, PAGE):
        if ref.kind == PAGE and not text.startswith("---"):
            return _Parsed(ref, digest, tuple(problems), body=text)
        front, more = split_front_matter(text, file)
        problems += more
        body, body_line = front.body, front.body_line
        if front.yaml is None:
            return _Parsed(ref, digest, tuple(problems), body=body, body_line=body_line)
        yaml_text, yaml_line = front.yaml, front.yaml_line
    else:
        yaml_text, yaml_line = text, 1
    doc, more = load_yaml(yaml_text, file, yaml_line)
    problems += more
    if doc is None:
        return _Parsed(ref, digest, tuple(problems), body=body, body_line=body_line)
    bad: set[YamlPath] = set()
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
    elif ref.kind != PAGE:
        errors = schema.errors(ref.kind, doc.data)
        fixes = schema.misspellings(errors)
        if fixes:
            problems.extend(_read_as_meant(doc, fixes, file, ref.kind))
            errors = schema.errors(ref.kind, doc.data)
        holes = doc.holes
        bad.update(holes)  # set aside after a syntax error: reported as that, not checked
        for error in errors:
            path = tuple(error.absolute_path)
            if any(path[: len(h)] == h for h in holes):
                continue
            if error.validator == "required" and any(h[:-1] == path for h in holes):
                continue  # the field may well be in the block set aside
            problems.extend(schema.to_problems(error, doc, file, ref.kind))
            bad.add(_error_path(error))
        if doc.loose:
            problems.extend(_loose_booleans(doc, errors, file))
    head = digest
    if ref.kind == MODULE:
        head = hashlib.sha256(f"{file}\0{yaml_line}\0{yaml_text}".encode()).hexdigest()
    return _Parsed(
        ref,
        digest,
        tuple(problems),
        doc.data,
        doc.text,  # a recovered document's own text, so positions stay findable
        yaml_line,
        body,
        body_line,
        frozenset(bad),
        True,
        head=head,
        aliases=tuple(doc.aliases.items()),
        holes=doc.holes,
        marks=doc.marks,
    )


def _checked(ref: SourceRef, raw: bytes, digest: str, env: RuleEnv | None) -> Loaded:
    """Load one file and, given the rule environment, run the per-file rules
    too: they need only this file, so they run wherever it is parsed (in a
    parsing worker when there are many files)."""
    loaded = _finish(_parse(ref, raw, digest))
    if env is not None and loaded.item is not None:
        from academy.core.rules import local_problems

        loaded = replace(loaded, local=(env, local_problems(loaded, env)))
    return loaded


#: What per-file rule results depend on besides the file: today's date and
#: the codes graded ``ignore``.
RuleEnv = tuple[Any, frozenset[str]]


def _finish(parsed: _Parsed) -> Loaded:
    """Build the model item for a parsed file."""
    ref = parsed.ref
    if not parsed.parsed:
        return Loaded(
            ref,
            parsed.digest,
            None,
            None,
            parsed.problems,
            body=parsed.body,
            body_line=parsed.body_line,
            head=parsed.digest,
        )
    doc = YamlDoc(parsed.data, None, parsed.yaml_line, parsed.yaml_text, marks=parsed.marks)
    doc.aliases.update(parsed.aliases)
    doc.holes = parsed.holes
    item: Item | None = None
    if isinstance(parsed.data, dict):
        if ref.kind == MODULE:
            item = module_from(parsed.data, ref.rel, parsed.body, parsed.body_line)
        elif ref.kind == PATH:
            item = path_from(parsed.data, ref.rel)
        elif ref.kind == QUIZ:
            item = quiz_from(parsed.data, ref.rel)
    return Loaded(
        ref,
        parsed.digest,
        item,
        doc,
        parsed.problems,
        parsed.bad_paths,
        parsed.body,
        parsed.body_line,
        None,
        parsed.head or parsed.digest,
    )


def _load_bytes(ref: SourceRef, raw: bytes, digest: str) -> Loaded:
    return _finish(_parse(ref, raw, digest))


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


def _read_as_meant(
    doc: YamlDoc, fixes: list[tuple[tuple[str | int, ...], str, str]], file: str, kind: str
) -> list[Problem]:
    """Rename each misspelt key to the one meant, in the data (the rules then
    see the file as the author meant it), and report each once."""
    out = []
    for path, wrong, right in fixes:
        target: Any = doc.data
        for step in path:
            target = target[step]
        target[right] = target.pop(wrong)
        doc.aliases[(path, right)] = wrong
        line, col = doc.locate_key((*path, right))
        where = f" in {schema.field_name(path)}" if path else ""
        out.append(
            problem(
                "schema.unknown-field",
                file,
                line,
                col,
                f"unknown field `{wrong}`{where}: the required `{right}` is missing, so it is read as `{right}`",
                f"Rename `{wrong}` to `{right}`.",
            )
        )
    return out


def _loose_booleans(doc: YamlDoc, errors: list[Any], file: str) -> list[Problem]:
    """``yes``/``no``/``on``/``off`` where the schema wants a boolean.

    Where it wants text, the schema error already names the trap
    (``yaml.unquoted-boolean``), so those nodes are left to it.
    """
    wrong = {id(doc.node_at(list(e.absolute_path))[0]) for e in errors}
    out = []
    for node in doc.loose:
        if id(node) in wrong:
            continue
        value, meant = node.value, str(node.value.lower() in ("yes", "on")).lower()
        out.append(
            problem(
                "yaml.loose-boolean",
                file,
                node.start_mark.line + doc.line_offset,
                node.start_mark.column + 1,
                f"`{value}` is read as {meant} here, but only by YAML 1.1: editors and YAML 1.2 tools read it as text",
                f"Write `{meant}`.",
            )
        )
    return out


def _shape(data: Any) -> str:
    if data is None:
        return "empty"
    if isinstance(data, list):
        return "a list"
    return f"a single value ({data!r:.40})"


#: Below this many files to parse, starting worker processes costs more than it saves.
PARALLEL_MIN = 150


def _blobs(
    batch: list[tuple[SourceRef, bytes, str]], arg: tuple[RuleEnv | None, Store | None]
) -> list[bytes]:
    """Load a batch in a worker, and return each result pickled.

    The worker builds the model itself (it already has, for the per-file
    rules) and pickles it once: the same bytes go to the store and back
    to the parent, which only unpickles them.
    """
    env, store = arg
    out = []
    for ref, raw, digest in batch:
        blob = pickle.dumps(_checked(ref, raw, digest, env), protocol=pickle.HIGHEST_PROTOCOL)
        if store is not None:
            store.put(_key(ref), digest, blob)
        out.append(blob)
    return out


def _parse_all(
    todo: list[tuple[SourceRef, bytes, str]], env: RuleEnv | None = None, store: Store | None = None
) -> list[Loaded]:
    """Load files, on every core when there are many (see :mod:`academy.core.workers`)."""
    if len(todo) >= PARALLEL_MIN and can_fork():
        return [pickle.loads(blob) for blob in map_batches(_blobs, todo, (env, store), minimum=PARALLEL_MIN)]
    out = [_checked(ref, raw, digest, env) for ref, raw, digest in todo]
    if store is not None:
        for loaded in out:
            store.put(_key(loaded.ref), loaded.digest, pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
    return out


def _key(ref: SourceRef) -> str:
    return ref.kind + ":" + ref.rel


def _stored(store: Store, ref: SourceRef, digest: str) -> Loaded | None:
    """The store's result for these bytes at this path, if it has a sound one."""
    blob = store.get(_key(ref), digest)
    if blob is None:
        return None
    try:
        loaded = pickle.loads(blob)
    except Exception:  # a damaged or foreign entry is a miss, never a failure
        return None
    if not isinstance(loaded, Loaded) or loaded.ref != ref or loaded.digest != digest:
        return None
    return loaded


#: A file read this soon after its last change may change again within the
#: same timestamp tick, so its stat stamp is not trusted (git's "racy" rule).
RACY_NS = 2_000_000_000


def _stamp(ref: SourceRef) -> tuple[int, ...] | None:
    try:
        st = os.stat(ref.abs)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino, st.st_dev)


@dataclass
class LoadCache:
    """Loaded files, keyed by path and content hash.

    ``mkdocs serve`` rebuilds with the same plugin instance; keeping this on
    the instance means an edit re-parses and re-validates only the files
    whose bytes changed. A file whose stat stamp (modification and change
    times, size, inode) is the one seen when it was last read is not even
    read again: with thousands of modules, reading and hashing every file
    would cost more than everything else a rebuild does.
    """

    entries: dict[tuple[str, str], Loaded] = field(default_factory=dict)
    stamps: dict[str, tuple[tuple[int, ...], str]] = field(default_factory=dict)
    cross_file: dict[Any, Any] = field(default_factory=dict)  # the last cross-file rule results
    hits: int = 0
    misses: int = 0
    reads: int = 0
    stored: int = 0  # hits found in the on-disk store

    def load(self, ref: SourceRef) -> Loaded:
        return self.load_many([ref])[0]

    def load_many(
        self, refs: list[SourceRef], env: RuleEnv | None = None, store: Store | None = None
    ) -> list[Loaded]:
        """Load ``refs`` in order, parsing only files not seen with these bytes,
        here or (given ``store``) in an earlier run."""
        out: list[Loaded | None] = []
        todo: list[tuple[SourceRef, bytes, str]] = []
        where: list[int] = []
        for ref in refs:
            key = ref.kind + ":" + ref.rel
            stamp = _stamp(ref)
            known = self.stamps.get(key)
            if stamp is not None and known is not None and known[0] == stamp:
                cached = self.entries.get((key, known[1]))
                if cached is not None and cached.ref == ref:
                    self.hits += 1
                    out.append(cached)
                    continue
            now = time.time_ns()
            raw, failure = _read(ref)
            self.reads += 1
            if raw is None:
                self.stamps.pop(key, None)
                out.append(Loaded(ref, "", None, None, (failure,) if failure else ()))
                continue
            digest = hashlib.sha256(raw).hexdigest()
            if stamp is not None and now - max(stamp[0], stamp[1]) > RACY_NS and _stamp(ref) == stamp:
                self.stamps[key] = (stamp, digest)
            else:
                self.stamps.pop(key, None)
            cached = self.entries.get((key, digest))
            if cached is None and store is not None:
                cached = _stored(store, ref, digest)
                if cached is not None:
                    self.stored += 1
                    self.entries[(key, digest)] = cached
            if cached is not None and cached.ref == ref:
                self.hits += 1
                out.append(cached)
                continue
            self.misses += 1
            where.append(len(out))
            out.append(None)
            todo.append((ref, raw, digest))
        for index, loaded in zip(where, _parse_all(todo, env, store), strict=True):
            out[index] = loaded
            self.entries[(loaded.ref.kind + ":" + loaded.ref.rel, loaded.digest)] = loaded
        done = [item for item in out if item is not None]
        if store is not None and todo:
            # What was stored for files since edited or deleted can never be asked for again.
            store.keep_only({store.name(_key(item.ref), item.digest) for item in done if item.digest})
        elif store is not None:
            store.touch()
        return done

    def prune(self, live: set[tuple[str, str]]) -> None:
        """Forget entries for files that no longer exist or changed."""
        for key in [k for k in self.entries if k not in live]:
            del self.entries[key]
        names = {name for name, _ in live}
        for name in [n for n in self.stamps if n not in names]:
            del self.stamps[name]


__all__ = ["PATH", "QUIZ", "LoadCache", "Loaded", "load"]
