"""Ids are unique per kind, and never differ only by case or punctuation.

Learner progress, URLs and references all key on ids, so two items sharing
one would silently merge their progress and one page would overwrite the
other.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence

from academy.core.model import LearningPath, Module, YamlPath
from academy.core.problems import Problem

from .context import Context, Item


def normalise(item_id: str) -> str:
    """Fold case and drop separators: ``Team_Lead`` and ``team-lead`` collide."""
    folded = unicodedata.normalize("NFKC", item_id).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def _unique(ctx: Context, what: str, entries: Sequence[tuple[str, str, YamlPath]]) -> Iterator[Problem]:
    """Report repeated and colliding ids among ``(id, file, path)`` entries."""
    first: dict[str, tuple[str, YamlPath]] = {}
    folded: dict[str, tuple[str, str]] = {}
    if ctx.focus:
        # A partial check is about its files: the copy in one of them is the
        # duplicate, whichever file sorts first.
        entries = sorted(entries, key=lambda e: e[1] in ctx.focus)
    for item_id, file, path in entries:
        if item_id in first:
            other, _ = first[item_id]
            where = "" if other == file else f" in {other}"
            yield ctx.at(
                "id.duplicate",
                file,
                path,
                f"{what} id `{item_id}` is already used{where}",
                "Give each one its own id.",
                related=(other,) if other != file else (),
            )
            continue
        first[item_id] = (file, path)
        key = normalise(item_id)
        if key in folded and folded[key][0] != item_id:
            other_id, other_file = folded[key]
            yield ctx.at(
                "id.collision",
                file,
                path,
                f"{what} id `{item_id}` differs from `{other_id}` ({other_file}) only by case or punctuation",
                "Rename one of them so the two cannot be confused.",
                related=(other_file,) if other_file != file else (),
            )
        folded.setdefault(key, (item_id, file))


def check(ctx: Context) -> Iterable[Problem]:
    academy = ctx.academy
    yield from _unique(ctx, "module", [(m.id, m.file, ("id",)) for m in academy.modules])
    yield from _unique(ctx, "path", [(p.id, p.file, ("id",)) for p in academy.paths])
    yield from _unique(ctx, "quiz", [(q.id, q.file, ("id",)) for q in academy.quizzes])


def check_file(ctx: Context, item: Item) -> Iterable[Problem]:
    f = item.file
    if isinstance(item, Module):
        yield from _unique(ctx, "objective", [(o.id, f, (*o.path, "id")) for o in item.objectives])
        items = [(c.id, f, (*c.path, "id")) for c in item.checks]
        items += [(s.id, f, (*s.path, "id")) for s in item.scenarios]
        yield from _unique(ctx, "check or scenario", items)
    elif isinstance(item, LearningPath):
        yield from _unique(ctx, "stage", [(s.id, f, (*s.path, "id")) for s in item.stages])
    else:
        yield from _unique(ctx, "question", [(q.id, f, (*q.path, "id")) for q in item.questions])
