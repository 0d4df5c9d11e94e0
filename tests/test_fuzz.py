"""Property: any bytes in any source file yield a model or problems, never an
uncaught exception, and every problem is located and registered.

Hypothesis generates valid modules, paths and quiz banks, then corrupts them
at three depths: the data (a value of the wrong kind anywhere), the YAML text
(structural characters, tabs, tags, anchors, control characters spliced in)
and the bytes (flips, truncation, encodings). CI runs a bounded number of
examples; ``make fuzz`` runs FUZZ_EXAMPLES (default 100,000).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from academy.core.codes import CODES
from academy.core.engine import evaluate
from academy.core.loader import load
from academy.core.settings import Settings
from academy.core.sources import MODULE, PATH, QUIZ, SourceRef
from academy.core.yamlload import YamlDoc
from academy.core.yamlload.tags import NULL

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
SETTINGS = Settings(root=Path("/nonexistent"), today=dt.date(2026, 11, 1))

ids = st.sampled_from(["alpha", "beta", "gamma", "leaps", "a-b", "x1", "q", "start", "end"])
words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
plain = st.sampled_from(
    ["Listen first.", "No", "yes", "on", "2026-01-31", "1:30", "010", "", "~", "null", "<b>x</b>"]
)
text = st.one_of(words, plain)
scalar = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False), text)


def question(qtype: str) -> st.SearchStrategy[dict[str, Any]]:
    base = {"id": ids, "type": st.just(qtype), "prompt": text, "objective": ids, "explanation": text}
    extra: dict[str, st.SearchStrategy[Any]] = {
        "single": {
            "choices": st.lists(
                st.fixed_dictionaries({"text": text}, optional={"correct": st.booleans(), "feedback": text}),
                max_size=4,
            )
        },
        "multiple": {
            "choices": st.lists(
                st.fixed_dictionaries({"text": text}, optional={"correct": st.booleans()}), max_size=4
            )
        },
        "true-false": {"answer": st.booleans()},
        "order": {"items": st.lists(text, max_size=5)},
        "match": {"pairs": st.lists(st.fixed_dictionaries({"left": text, "right": text}), max_size=4)},
        "text": {"answers": st.lists(text, max_size=3)},
    }[qtype]
    return st.fixed_dictionaries(
        {**base, **extra}, optional={"hint": text, "module": ids, "shuffle": st.booleans()}
    )


questions = st.sampled_from(["single", "multiple", "true-false", "order", "match", "text"]).flatmap(question)
option = st.fixed_dictionaries(
    {"text": text, "next": ids}, optional={"score": st.integers(-2, 3), "feedback": text}
)
step = st.one_of(
    st.fixed_dictionaries({"text": text, "options": st.lists(option, max_size=3)}),
    st.fixed_dictionaries({"text": text, "ending": st.sampled_from(["success", "partial", "fail"])}),
)
scenario = st.fixed_dictionaries(
    {
        "id": ids,
        "objective": ids,
        "title": text,
        "start": ids,
        "steps": st.dictionaries(ids, step, max_size=5),
    },
    optional={"allow_loops": st.booleans(), "channel": st.sampled_from(["chat", "email"])},
)
module = st.fixed_dictionaries(
    {
        "id": ids,
        "title": text,
        "summary": text,
        "level": st.sampled_from(["foundation", "intermediate", "advanced", "expert"]),
        "duration": st.integers(-1, 700),
        "objectives": st.lists(
            st.fixed_dictionaries(
                {"id": ids, "text": text, "bloom": st.sampled_from(["apply", "remember", "guess"])}
            ),
            max_size=3,
        ),
    },
    optional={
        "prerequisites": st.lists(ids, max_size=3),
        "checks": st.lists(questions, max_size=4),
        "scenarios": st.lists(scenario, max_size=2),
        "reviewed": st.sampled_from(["2025-01-01", "2026-10-01", "2026-13-01"]),
        "review_every": st.integers(0, 400),
    },
)
path = st.fixed_dictionaries(
    {
        "id": ids,
        "title": text,
        "role": text,
        "stages": st.lists(
            st.fixed_dictionaries(
                {"id": ids, "title": text, "modules": st.lists(ids, max_size=4)}, optional={"assessment": ids}
            ),
            max_size=3,
        ),
    },
    optional={"placement": ids, "requires": st.lists(ids, max_size=2)},
)
quiz = st.fixed_dictionaries(
    {
        "id": ids,
        "title": text,
        "kind": st.sampled_from(["assessment", "placement", "practice"]),
        "questions": st.lists(questions, max_size=4),
    },
    optional={"pass_mark": st.integers(-10, 120), "draw": st.integers(0, 6)},
)


def replace_somewhere(data: Any, value: Any, index: int) -> Any:
    """Replace the index-th value of a nested structure (counting depth-first)."""
    counter = [index]

    def walk(node: Any) -> Any:
        if counter[0] == 0:
            counter[0] -= 1
            return value
        counter[0] -= 1
        if isinstance(node, dict):
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(data)


SPLICES = [
    ":",
    ": ",
    "- ",
    "\t",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "*b",
    "!!python/name:os.system ",
    "!x ",
    "<<: ",
    "\x00",
    "\x07",
    "\r\n",
    "\r",
    "\ufeff",
    "\u2028",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "? ",
    "|\n",
    ">-\n",
    "#",
    "@",
    "`",
]


@st.composite
def corrupted(draw: st.DrawFn, kind: str) -> bytes:
    data = draw({"module": module, "path": path, "quiz": quiz}[kind])
    if draw(st.booleans()):
        data = replace_somewhere(
            data,
            draw(st.one_of(scalar, st.lists(scalar, max_size=2), st.dictionaries(ids, scalar, max_size=2))),
            draw(st.integers(0, 40)),
        )
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if kind == "module":
        body = draw(
            st.sampled_from(
                [
                    "Body.",
                    "[[check q]]",
                    "[[scenario start]]",
                    "[[chek q]]",
                    "```\n[[check x]]\n```",
                    "<script>x</script>",
                    "",
                ]
            )
        )
        text = f"---\n{text}---\n{body}\n"
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(SPLICES)) + text[at:]
    raw = text.encode(
        draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "latin-1", "utf-16"])), errors="replace"
    )
    mode = draw(st.integers(0, 5))
    if mode == 1 and raw:
        raw = raw[: draw(st.integers(0, len(raw)))]
    elif mode == 2 and raw:
        at = draw(st.integers(0, len(raw) - 1))
        raw = raw[:at] + bytes([raw[at] ^ draw(st.integers(1, 255))]) + raw[at + 1 :]
    return raw


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    modules=st.lists(corrupted("module"), max_size=3),
    paths=st.lists(corrupted("path"), max_size=2),
    quizzes=st.lists(corrupted("quiz"), max_size=2),
)
def test_any_sources_yield_a_model_or_located_problems(
    modules: list[bytes], paths: list[bytes], quizzes: list[bytes]
) -> None:
    loaded = {}
    for kind, folder, suffix, items in (
        (MODULE, "modules", ".md", modules),
        (PATH, "paths", ".yml", paths),
        (QUIZ, "quizzes", ".yml", quizzes),
    ):
        for i, raw in enumerate(items):
            rel = f"{folder}/f{i}{suffix}"
            loaded[rel] = load(SourceRef(kind, rel, Path(rel)), raw)
    result = evaluate(loaded, SETTINGS)
    for problem in result.problems:
        assert problem.code in CODES
        assert problem.file in loaded
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message


def test_duplicate_path_ids_with_a_self_requirement_found_by_the_fuzzer() -> None:
    paths = [
        b"id: alpha\ntitle: ''\nrole: ''\nstages: []\n",
        b"id: alpha\ntitle: ''\nrole: ''\nstages: []\nplacement: alpha\nrequires:\n- alpha\n",
    ]
    loaded = {
        f"paths/f{i}.yml": load(SourceRef(PATH, f"paths/f{i}.yml", Path("x")), raw)
        for i, raw in enumerate(paths)
    }
    codes = sorted(p.code for p in evaluate(loaded, SETTINGS).problems)
    assert "id.duplicate" in codes


def typed(value: Any) -> Any:
    """``value`` with every scalar tagged by its exact type (True is not 1)."""
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value).__name__, value)


@st.composite
def yaml_texts(draw: st.DrawFn) -> tuple[str, str]:
    kind = draw(st.sampled_from(["module", "path", "quiz"]))
    data = draw({"module": module, "path": path, "quiz": quiz}[kind])
    if draw(st.booleans()):
        data = replace_somewhere(
            data, draw(st.one_of(scalar, st.lists(scalar, max_size=2))), draw(st.integers(0, 40))
        )
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(SPLICES)) + text[at:]
    return kind, text


def every_path(data: object, path: tuple = ()) -> list[tuple]:
    """Every path into ``data``, the root's included."""
    out = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            out += every_path(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += every_path(value, (*path, index))
    return out


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_texts())
def test_fast_paths_agree_with_the_careful_ones(case: tuple[str, str]) -> None:
    """The plain loader builds exactly what the careful builder builds, and the
    compiled schema check never accepts what jsonschema rejects."""
    from academy.core import schemas as schema
    from academy.core.yamlload.builder import Builder
    from academy.core.yamlload.fast import CAREFUL, load_plain
    from academy.core.yamlload.tags import Loader

    kind, text = case
    fast, marks = load_plain(text)
    if fast is CAREFUL:
        return
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError:
        raise AssertionError("the plain loader accepted YAML the composer rejects") from None
    builder = Builder("f", 1)
    careful = builder.build(root) if root is not None else None
    assert not builder.problems and not builder.fatal
    assert typed(fast) == typed(careful)
    # Positions from the one pass are the ones the composed nodes give,
    # for every value and key, and for paths that go nowhere.
    marked = YamlDoc(fast, None, 3, text, marks=marks)
    nodes = YamlDoc(fast, root or yaml.ScalarNode(NULL, ""), 3, text)
    for path in every_path(fast):
        for wrong in ((), ("nowhere",), (99,)):
            probe = (*path, *wrong)
            assert marked.locate(probe) == nodes.locate(probe), probe
            assert marked.locate_key(probe) == nodes.locate_key(probe), probe
    if schema._fast(kind)(fast):
        assert list(schema.validator(kind).iter_errors(fast)) == []
