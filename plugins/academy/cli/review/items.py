"""Findings inside one module or quiz bank: its checks, objectives, scenarios, body.

Ids are matched first; an item whose id went while another with the same
content (or, failing that, at the same place and of the same kind) came is a
rename, reported as one, because learner progress is keyed by ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from academy.cli.review.findings import Finding, listed, quoted
from academy.cli.review.words import sections
from academy.core.model import Module, Objective, Question, Scenario

T = TypeVar("T")
_TYPE = {
    "single": "single choice",
    "multiple": "multiple choice",
    "true-false": "true or false",
    "order": "order",
    "match": "match",
    "text": "short answer",
}


def pair(
    old: dict[str, T], new: dict[str, T], alike: Iterable[Callable[[T, T], bool]]
) -> tuple[list[tuple[T, T]], list[tuple[T, T]], list[T], list[T]]:
    """Match two sets of items by id, then the rest by likeness.

    Returns ``(kept, renamed, removed, added)``: pairs with the same id,
    pairs whose id changed, and the items left over on either side. Each
    test in ``alike`` is tried in turn, strongest first.
    """
    kept = [(old[i], new[i]) for i in old if i in new]
    gone = [old[i] for i in old if i not in new]
    came = [new[i] for i in new if i not in old]
    renamed: list[tuple[T, T]] = []
    for test in alike:
        for before in list(gone):
            match = next((after for after in came if test(before, after)), None)
            if match is not None:
                renamed.append((before, match))
                gone.remove(before)
                came.remove(match)
    return kept, renamed, gone, came


def renamed_from(item: Any) -> tuple[str, ...]:
    """The ids an item says it had (``renamed_from``), if the model has them."""
    return tuple(getattr(item, "renamed_from", ()) or ())


def rename(where: str, what: str, old: str, new: str, item: Any) -> Finding:
    kept = old in renamed_from(item)
    notes = (
        ("Learner progress is carried over: it lists the old id under `renamed_from`.",)
        if kept
        else (
            f"Learner progress for this {what} resets. To keep it, add `renamed_from: [{old}]` to the {what}.",
        )
    )
    return Finding(
        "structure" if kept else "renames",
        "rename",
        where,
        f"{what} `{old}` is now `{new}`",
        notes=notes,
        data={"kind": what, "from": old, "to": new, "progress_kept": kept},
    )


def key(q: Question) -> Any:
    """A question's answer key, in terms a reviewer reads."""
    if q.type in ("single", "multiple"):
        return [c.text for c in q.choices if c.correct]
    if q.type == "true-false":
        return q.answer
    if q.type == "text":
        return list(q.answers)
    if q.type == "order":
        return list(q.items)
    if q.type == "match":
        return [[p.left, p.right] for p in q.pairs]
    return None


def _key_lines(before: Question, after: Question) -> tuple[str, list[str]]:
    old, new = key(before), key(after)
    if before.type != after.type:
        return (
            f"its type is now {_TYPE.get(after.type, after.type)} (was {_TYPE.get(before.type, before.type)})",
            [],
        )
    if after.type in ("single", "multiple"):
        lines = [f"now correct: {quoted(t)}" for t in new if t not in old]
        lines += [f"no longer correct: {quoted(t)}" for t in old if t not in new]
        return "the correct choice changed", lines
    if after.type == "true-false":
        return f"the answer is now **{str(new).lower()}** (was {str(old).lower()})", []
    if after.type == "text":
        lines = [f"now accepts {quoted(a)}" for a in new if a not in old]
        lines += [f"no longer accepts {quoted(a)}" for a in old if a not in new]
        return "the accepted answers changed", lines
    if after.type == "order":
        return "the correct order changed", [f"now: {' → '.join(new)}", f"was: {' → '.join(old)}"]
    return "the pairs changed", [
        f"now: {'; '.join(f'{a} = {b}' for a, b in new)}",
        f"was: {'; '.join(f'{a} = {b}' for a, b in old)}",
    ]


def _texts(q: Question) -> dict[str, str]:
    """What a learner reads of a question, by name."""
    out = {"prompt": q.prompt, "hint": q.hint, "explanation": q.explanation}
    out["feedback when right"] = q.feedback_correct
    out["feedback when wrong"] = q.feedback_incorrect
    for i, c in enumerate(q.choices):
        out[f"choice {i + 1}"] = c.text
        out[f"feedback on choice {i + 1}"] = c.feedback
    return out


def questions(owner: str, before: Iterable[Question], after: Iterable[Question]) -> Iterator[Finding]:
    """Checks of a module (``owner`` = "module `x`") or questions of a quiz bank."""
    old, new = {q.id: q for q in before}, {q.id: q for q in after}
    kept, renamed, removed, added = pair(
        old,
        new,
        (
            lambda a, b: " ".join(a.prompt.split()) == " ".join(b.prompt.split()) and a.prompt.strip() != "",
            lambda a, b: (
                a.type == b.type and key(a) == key(b) and list(old).index(a.id) == list(new).index(b.id)
            ),
        ),
    )
    for a, b in renamed:
        yield rename(f"{owner}, check `{b.id}`", "check", a.id, b.id, b)
    for a, b in [*kept, *renamed]:
        where = f"{owner}, check `{b.id}`"
        if key(a) != key(b) or a.type != b.type:
            what, lines = _key_lines(a, b)
            notes = [f"prompt: {quoted(b.prompt)}", *lines]
            if b.explanation.strip():
                notes.append(f"explanation: {quoted(b.explanation)}")
            yield Finding(
                "answer-keys",
                "answer-key",
                where,
                what,
                notes=tuple(notes),
                data={"type": b.type, "before": key(a), "after": key(b), "prompt": b.prompt},
            )
        ta, tb = _texts(a), _texts(b)
        for name in dict.fromkeys([*ta, *tb]):
            if " ".join(ta.get(name, "").split()) != " ".join(tb.get(name, "").split()):
                yield Finding(
                    "learner-text",
                    "text",
                    where,
                    f"{name} changed",
                    ta.get(name, ""),
                    tb.get(name, ""),
                    data={"field": name},
                )
    for q in removed:
        yield Finding(
            "structure", "removed", f"{owner}, check `{q.id}`", f"{_TYPE.get(q.type, q.type)} check removed"
        )
    for q in added:
        yield Finding(
            "structure", "added", f"{owner}, check `{q.id}`", f"{_TYPE.get(q.type, q.type)} check added"
        )


def objectives(module: str, before: Module, after: Module) -> Iterator[Finding]:
    old = {o.id: o for o in before.objectives}
    new = {o.id: o for o in after.objectives}
    kept, renamed, removed, added = pair(
        old,
        new,
        (
            lambda a, b: a.text.strip() == b.text.strip(),
            lambda a, b: list(old).index(a.id) == list(new).index(b.id),
        ),
    )
    owner = f"module `{module}`"
    for a, b in renamed:
        yield rename(f"{owner}, objective `{b.id}`", "objective", a.id, b.id, b)
    pairs: list[tuple[Objective, Objective]] = [*kept, *renamed]
    for a, b in pairs:
        where = f"{owner}, objective `{b.id}`"
        if a.text.strip() != b.text.strip():
            yield Finding("objectives", "text", where, "reworded", a.text, b.text, data={"field": "text"})
        if a.bloom != b.bloom:
            yield Finding(
                "objectives",
                "field",
                where,
                f"Bloom level {a.bloom} → {b.bloom}",
                data={"field": "bloom", "before": a.bloom, "after": b.bloom},
            )
    for o in removed:
        yield Finding("objectives", "removed", f"{owner}, objective `{o.id}`", f"removed: {quoted(o.text)}")
    for o in added:
        yield Finding(
            "objectives", "added", f"{owner}, objective `{o.id}`", f"added ({o.bloom}): {quoted(o.text)}"
        )


def _scenario_texts(s: Scenario) -> dict[str, str]:
    out = {"title": s.title, "introduction": s.intro}
    for step in s.steps:
        out[f"step `{step.id}`"] = step.text
        out[f"feedback of step `{step.id}`"] = step.feedback
        for i, o in enumerate(step.options):
            out[f"option {i + 1} of step `{step.id}`"] = o.text
            out[f"feedback on option {i + 1} of step `{step.id}`"] = o.feedback
    return out


def scenarios(module: str, before: Iterable[Scenario], after: Iterable[Scenario]) -> Iterator[Finding]:
    old, new = {s.id: s for s in before}, {s.id: s for s in after}
    kept, renamed, removed, added = pair(
        old,
        new,
        (
            lambda a, b: a.title.strip() == b.title.strip(),
            lambda a, b: list(old).index(a.id) == list(new).index(b.id),
        ),
    )
    owner = f"module `{module}`"
    for a, b in renamed:
        yield rename(f"{owner}, scenario `{b.id}`", "scenario", a.id, b.id, b)
    for a, b in [*kept, *renamed]:
        where = f"{owner}, scenario `{b.id}`"
        ta, tb = _scenario_texts(a), _scenario_texts(b)
        # Steps and options that came or went are the routes' finding, with their text.
        for name in [n for n in ta if n in tb]:
            if " ".join(ta.get(name, "").split()) != " ".join(tb.get(name, "").split()):
                yield Finding(
                    "learner-text",
                    "text",
                    where,
                    f"{name} changed",
                    ta.get(name, ""),
                    tb.get(name, ""),
                    data={"field": name},
                )
        details = list(_structure(a, b))
        if details:
            yield Finding(
                "structure",
                "scenario",
                where,
                "routes changed",
                notes=tuple(details),
                data={"details": details},
            )
    for s in removed:
        yield Finding("structure", "removed", f"{owner}, scenario `{s.id}`", "scenario removed")
    for s in added:
        yield Finding(
            "structure", "added", f"{owner}, scenario `{s.id}`", f"scenario added ({len(s.steps)} steps)"
        )


def _structure(a: Scenario, b: Scenario) -> Iterator[str]:
    steps_a, steps_b = {s.id: s for s in a.steps}, {s.id: s for s in b.steps}
    for step_id in [s for s in steps_b if s not in steps_a]:
        ending = steps_b[step_id].ending
        yield (
            f"step `{step_id}` added"
            + (f" ({ending} ending)" if ending else "")
            + f": {quoted(steps_b[step_id].text)}"
        )
    for step_id in sorted(steps_a.keys() - steps_b.keys()):
        yield f"step `{step_id}` removed"
    for step_id in sorted(steps_a.keys() & steps_b.keys()):
        sa, sb = steps_a[step_id], steps_b[step_id]
        if sa.ending != sb.ending:
            yield f"`{step_id}` ending {sa.ending or 'none'} → {sb.ending or 'none'}"
        for i, (oa, ob) in enumerate(zip(sa.options, sb.options, strict=False)):
            if oa.score != ob.score:
                yield f"`{step_id}` option {i + 1} scores {ob.score} (was {oa.score})"
            if oa.next != ob.next:
                yield f"`{step_id}` option {i + 1} now leads to `{ob.next}` (was `{oa.next}`)"
        if len(sa.options) != len(sb.options):
            yield f"`{step_id}` has {len(sb.options)} options (was {len(sa.options)})"
            for i, o in enumerate(sb.options[len(sa.options) :], start=len(sa.options) + 1):
                yield f"`{step_id}` option {i}: {quoted(o.text)} → `{o.next}`"
    if a.start != b.start:
        yield f"starts at `{b.start}` (was `{a.start}`)"
    if a.max_score != b.max_score:
        yield f"best score {b.max_score} (was {a.max_score})"


def body(module: str, before: str, after: str) -> Iterator[Finding]:
    """Teaching text, section by section."""
    old, new = sections(before), sections(after)
    owner = f"module `{module}`"
    for name in dict.fromkeys([*old, *new]):
        a, b = old.get(name), new.get(name)
        if a is not None and b is not None and " ".join(a.split()) == " ".join(b.split()):
            continue
        label = f"section {quoted(name)}" if name else "the text before the first heading"
        if a is None:
            yield Finding(
                "teaching-text", "added", f"{owner}, {label}", "section added", "", b or "", short=True
            )
        elif b is None:
            yield Finding(
                "teaching-text", "removed", f"{owner}, {label}", "section removed", a, "", short=True
            )
        else:
            yield Finding("teaching-text", "section", f"{owner}, {label}", "text changed", a, b, short=True)


def fields(module: str, before: Module, after: Module) -> Iterator[Finding]:
    """A module's own fields: what its header and the path pages show."""
    for name in ("title", "summary"):
        va, vb = getattr(before, name), getattr(after, name)
        if " ".join(va.split()) != " ".join(vb.split()):
            yield Finding(
                "structure", "text", f"module `{module}`", f"{name} changed", va, vb, data={"field": name}
            )
    for name in ("level", "duration", "prerequisites", "owner"):
        va, vb = getattr(before, name), getattr(after, name)
        if va != vb:
            if name == "duration":
                shown = f"{name}: {vb} min (was {va} min)"
            elif name == "prerequisites":
                shown = f"prerequisites: {listed(vb)} (was {listed(va)})"
            else:
                shown = f"{name}: {vb or 'none'} (was {va or 'none'})"
            yield Finding(
                "structure",
                "field",
                f"module `{module}`",
                shown,
                data={
                    "field": name,
                    "before": list(va) if isinstance(va, tuple) else va,
                    "after": list(vb) if isinstance(vb, tuple) else vb,
                },
            )
