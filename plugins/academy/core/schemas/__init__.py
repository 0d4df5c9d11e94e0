"""Shape validation against the published JSON Schemas.

One compiled Draft 2020-12 validator per schema and per process: compiling
is far costlier than validating a single file. Each validation error becomes a
:class:`~academy.problems.Problem` at the ``file:line:col`` of the offending
node, and type errors caused by YAML 1.1 (``No`` read as ``false``) are
reported as the trap they are, with the fix.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Iterator, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from academy.core.codes import problem
from academy.core.problems import Problem, plural
from academy.core.schemas.fast import Unsupported, compile_schema
from academy.core.suggest import did_you_mean
from academy.core.yamlload import YamlDate, YamlDoc, describe_scalar, has_unsupported_tag

if TYPE_CHECKING:
    from jsonschema import ValidationError

KINDS = ("module", "path", "quiz")

REQUIRED = re.compile(r"^'(.+)' is a required property$")
_TRAP_CODES = {
    "boolean": "yaml.unquoted-boolean",
    "number": "yaml.unquoted-number",
    "date": "yaml.unquoted-date",
    "empty": "yaml.empty-value",
}
_SIZE = {"minItems", "maxItems", "minLength", "maxLength", "minProperties", "maxProperties"}
_RANGE = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}
_JSON_TYPES = {
    bool: "a boolean",
    int: "a number",
    float: "a number",
    str: "text",
    list: "a list",
    dict: "a mapping",
    type(None): "empty",
}


def _type_keyword(
    validator: Any, types: Any, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    """``type``, except that an unquoted date is not text.

    The loader keeps unquoted dates as :class:`YamlDate` strings so date
    fields validate; anywhere else the author meant text, and other YAML
    tools would hand them a date object.
    """
    from jsonschema import Draft202012Validator, ValidationError

    if isinstance(instance, YamlDate) and schema.get("format") != "date":
        yield ValidationError(f"{instance!r} is a date, not text")
        return
    yield from Draft202012Validator.VALIDATORS["type"](validator, types, instance, schema)


def schema_text(kind: str) -> str:
    """The published schema document for ``kind``, as shipped in the package."""
    return resources.files("academy.core.schemas").joinpath(f"{kind}.schema.json").read_text("utf-8")


@functools.cache
def schema(kind: str) -> dict[str, Any]:
    return json.loads(schema_text(kind))


@functools.cache
def validator(kind: str) -> Any:
    """The compiled validator for ``kind``; built once per process.

    jsonschema is imported here, not with this module: documents the compiled
    fast path accepts (nearly all) never need it, and importing it costs a
    build or a check more than validating a hundred modules.
    """
    from jsonschema import Draft202012Validator, FormatChecker
    from jsonschema.validators import extend

    checker = extend(Draft202012Validator, validators={"type": _type_keyword})
    return checker(schema(kind), format_checker=FormatChecker(formats=("date",)))


@functools.cache
def _fast(kind: str) -> Any:
    try:
        return compile_schema(schema(kind))
    except Unsupported:  # pragma: no cover - guarded by a test on the shipped schemas
        return lambda data: False


def errors(kind: str, data: Any) -> list[ValidationError]:
    """Schema errors of ``data``: none when the compiled fast path accepts it,
    else jsonschema's full, explained list."""
    if _fast(kind)(data):
        return []
    return list(validator(kind).iter_errors(data))


def validate(kind: str, doc: YamlDoc, file: str) -> list[Problem]:
    """Validate a document's data; return problems located in ``file``."""
    problems: list[Problem] = []
    for error in errors(kind, doc.data):
        problems.extend(to_problems(error, doc, file, kind))
    return problems


def field_name(path: Sequence[str | int], whole: str = "the front matter") -> str:
    """``('checks', 2, 'choices', 0, 'text')`` -> ``checks[2].choices[0].text``."""
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += ("." if out else "") + step
    return out or whole


def _quote(value: Any) -> str:
    if isinstance(value, str):
        return f"`{value}`"
    return f"`{json.dumps(value)}`"


def to_problems(
    error: ValidationError, doc: YamlDoc, file: str, kind_of_file: str = "module"
) -> list[Problem]:
    path = list(error.absolute_path)
    node, found = doc.node_at(path)
    if found and has_unsupported_tag(node):
        return []  # already reported as yaml.tag; its value is meaningless
    whole = "the front matter" if kind_of_file == "module" else f"the {kind_of_file} file"
    name = field_name(path, whole)
    kind = error.validator
    value = error.validator_value
    instance = error.instance
    subschema = error.schema if isinstance(error.schema, dict) else {}
    hint = subschema.get("x-hint", "")

    if kind == "required":
        match = REQUIRED.match(error.message)
        missing = match.group(1) if match else "?"
        line, col = doc.locate(path)
        where = f"{name} is"
        return [
            problem(
                "schema.required",
                file,
                line,
                col,
                f"{where} missing required field `{missing}`",
                f"Add `{missing}:`.",
            )
        ]

    if kind in ("additionalProperties", "unevaluatedProperties") and isinstance(instance, dict):
        known = list(subschema.get("properties", {}))
        out = []
        for key in instance:
            if key in known:
                continue
            line, col = doc.locate_key([*path, key])
            suggestion = did_you_mean(key, known)
            allowed = ", ".join(f"`{k}`" for k in known)
            out.append(
                problem(
                    "schema.unknown-field",
                    file,
                    line,
                    col,
                    f"unknown field `{key}`" + (f" in {name}" if path else ""),
                    suggestion or f"Allowed fields here: {allowed}.",
                )
            )
        return out

    if "propertyNames" in error.absolute_schema_path:
        line, col = doc.locate_key([*path, str(instance)])
        return [problem("schema.pattern", file, line, col, f"`{instance}` in {name} is not a valid id", hint)]

    if kind == "anyOf":
        # One of several shapes (a pair as a mapping or a two-item list): the
        # mistakes within the shape the author chose, else the shapes allowed.
        types = [b.get("type") if isinstance(b, dict) else None for b in subschema.get("anyOf", ())]
        shape = "object" if isinstance(instance, dict) else "array" if isinstance(instance, list) else None
        chosen = [
            e
            for e in error.context or ()
            if shape and e.relative_schema_path and types[int(e.relative_schema_path[0])] == shape
        ]
        if chosen:
            return [p for e in chosen for p in to_problems(e, doc, file, kind_of_file)]
        line, col = doc.locate(path)
        got = _JSON_TYPES.get(type(instance), type(instance).__name__)
        forms = " or ".join(_type_word(t) for t in types if isinstance(t, str))
        return [problem("schema.type", file, line, col, f"{name} must be {forms}, not {got}", hint)]

    line, col = doc.locate(path)

    if kind == "type":
        expected = value if isinstance(value, list) else [value]
        if "string" in expected:
            trap = "date" if isinstance(instance, YamlDate) else (describe_scalar(node) if found else None)
            if trap is not None:
                return [_trap(trap, name, node.value, file, line, col)]
        wanted = " or ".join(_type_word(t) for t in expected)
        got = _JSON_TYPES.get(type(instance), type(instance).__name__)
        return [problem("schema.type", file, line, col, f"{name} must be {wanted}, not {got}", hint)]

    if kind in ("enum", "const"):
        options = value if kind == "enum" else [value]
        listed = ", ".join(f"`{o}`" for o in options)
        return [
            problem(
                "schema.enum",
                file,
                line,
                col,
                f"{name} is {_quote(instance)}; expected "
                + (f"one of {listed}" if kind == "enum" else listed),
                did_you_mean(instance, options) or hint,
            )
        ]

    if kind == "pattern":
        if value == r"\S":
            return [
                problem(
                    "schema.size", file, line, col, f"{name} is blank", "Write the text, or remove the field."
                )
            ]
        return [
            problem(
                "schema.pattern",
                file,
                line,
                col,
                f"{name} {_quote(instance)} does not have the required form",
                hint,
            )
        ]

    if kind == "format":
        return [
            problem(
                "schema.format", file, line, col, f"{name} {_quote(instance)} is not a valid {value}", hint
            )
        ]

    if kind in _RANGE:
        bound = {
            "minimum": "at least",
            "maximum": "at most",
            "exclusiveMinimum": "above",
            "exclusiveMaximum": "below",
        }.get(kind, "a multiple of")
        return [
            problem(
                "schema.range", file, line, col, f"{name} is {instance}; it must be {bound} {value}", hint
            )
        ]

    if kind in _SIZE:
        unit = "character" if "Length" in kind else ("entry" if isinstance(instance, dict) else "item")
        bound = "at least" if kind.startswith("min") else "at most"
        size = len(instance) if hasattr(instance, "__len__") else 0
        have = plural(size, unit).replace("entrys", "entries")
        want = plural(value, unit).replace("entrys", "entries")
        return [problem("schema.size", file, line, col, f"{name} has {have}; it needs {bound} {want}", hint)]

    if kind == "uniqueItems":
        seen: set[str] = set()
        repeated = next(
            (json.dumps(i) for i in instance if json.dumps(i) in seen or seen.add(json.dumps(i))), "?"
        )
        return [
            problem(
                "schema.unique",
                file,
                line,
                col,
                f"{name} lists {repeated} more than once",
                "List each entry once.",
            )
        ]

    return [problem("schema.invalid", file, line, col, f"{name}: {error.message}", hint)]


def _trap(trap: str, name: str, source: str, file: str, line: int, col: int) -> Problem:
    code = _TRAP_CODES[trap]
    if trap == "empty":
        return problem(code, file, line, col, f"{name} is empty", "Write the text, or remove the field.")
    reading = {
        "boolean": f"the boolean {str(source.lower() in ('yes', 'on', 'true')).lower()}",
        "number": "a number",
        "date": "a date",
    }[trap]
    return problem(
        code,
        file,
        line,
        col,
        f"{name}: YAML reads unquoted `{source}` as {reading}, not text",
        f'Quote it: "{source}".',
    )


def _type_word(json_type: str) -> str:
    return {
        "string": "text",
        "integer": "a whole number",
        "number": "a number",
        "boolean": "true or false",
        "array": "a list",
        "object": "a mapping of fields",
        "null": "empty",
    }.get(json_type, json_type)


def misspellings(errors: Sequence[ValidationError]) -> list[tuple[tuple[str | int, ...], str, str]]:
    """``(object path, key written, key meant)`` where an object misses a
    required key and has an unknown one close to it (``objectivs``).

    One mistake, so one problem: the loader reads the key as meant, and the
    missing field and everything that depends on it (a check naming an
    objective, coverage) are not reported again as if they were mistakes too.
    """
    missing: dict[tuple[str | int, ...], list[str]] = {}
    unknown: dict[tuple[str | int, ...], list[str]] = {}
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "required":
            match = REQUIRED.match(error.message)
            if match:
                missing.setdefault(path, []).append(match.group(1))
        elif error.validator in ("additionalProperties", "unevaluatedProperties") and isinstance(
            error.instance, dict
        ):
            known = (error.schema or {}).get("properties", {}) if isinstance(error.schema, dict) else {}
            unknown.setdefault(path, []).extend(k for k in error.instance if k not in known)
    out = []
    for path, wanted in missing.items():
        for right in wanted:
            close = difflib.get_close_matches(right, unknown.get(path, ()), n=1, cutoff=0.6)
            if close:
                unknown[path].remove(close[0])
                out.append((path, close[0], right))
    return out
