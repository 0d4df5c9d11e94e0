"""A compiled "definitely valid" check for the academy's own JSON Schemas.

jsonschema interprets a schema on every call, resolving ``$ref`` and
evolving validators per node; for a module with six checks and a scenario
that costs milliseconds, and at a thousand modules it was most of a check
run. Almost every file in a real academy is valid, so this module compiles
each schema once into nested Python closures that answer one question fast:
is this document certainly valid? When the answer is no, jsonschema runs as
before and produces the located, explained errors. The fast path may be
stricter than the schema (it then only costs time), never looser; a property
test runs both on generated documents to hold it to that.

Only the keywords our schemas use are compiled; any other keyword makes
:func:`compile_schema` raise, so a schema change cannot silently weaken it.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Callable
from typing import Any

from academy.core.yamlload import YamlDate

Check = Callable[[Any], bool]

#: Annotations that do not affect validity.
_IGNORED = frozenset({"$schema", "$id", "title", "description", "examples", "default", "x-hint", "$defs"})
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


class Unsupported(Exception):
    """The schema uses a keyword the fast path does not implement."""


def _is_type(name: str) -> Check:
    return {
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "array": lambda v: isinstance(v, list),
        "object": lambda v: isinstance(v, dict),
        "null": lambda v: v is None,
    }[name]


def _strict_in(options: list[Any]) -> Check:
    # JSON Schema equality tells true from 1; Python's == does not. Comparing
    # exact types is stricter still (1 is not 1.0), which is allowed here.
    if all(type(o) is str for o in options):
        names = frozenset(options)
        return lambda v: type(v) is str and v in names
    pairs = {(type(o), json.dumps(o, sort_keys=True)) for o in options}
    return lambda v: (type(v), json.dumps(v, sort_keys=True)) in pairs


def _all(checks: list[Check]) -> Check | None:
    if not checks:
        return None
    if len(checks) == 1:
        return checks[0]

    # Plain loops, not all(genexpr): this runs for every node of every file,
    # and a generator per call costs more than the checks themselves.
    def every(v: Any) -> bool:
        for check in checks:  # noqa: SIM110
            if not check(v):
                return False
        return True

    return every


def _each(item: Check) -> Check:
    def items(v: list[Any]) -> bool:
        for x in v:  # noqa: SIM110 - see _all
            if not item(x):
                return False
        return True

    return items


def _object(schema: dict[str, Any], build: Callable[[Any], Check]) -> Check:
    props = {k: build(s) for k, s in schema.get("properties", {}).items()}
    extra = schema.get("additionalProperties", True)
    rest = None if extra is False or extra is True else build(extra)
    closed = extra is False

    def fields(v: dict[str, Any]) -> bool:
        for key, value in v.items():
            check = props.get(key)
            if check is not None:
                if not check(value):
                    return False
            elif closed or (rest is not None and not rest(value)):
                return False
        return True

    return fields


def _combine(
    type_test: Check | None,
    text: list[Check],
    number: list[Check],
    array: list[Check],
    mapping: list[Check],
    generic: list[Check],
) -> Check:
    t_text, t_number, t_array, t_mapping, t_generic = map(_all, (text, number, array, mapping, generic))

    def check(v: Any) -> bool:
        if type_test is not None and not type_test(v):
            return False
        kind = type(v)
        if kind is str or kind is YamlDate:
            if t_text is not None and not t_text(v):
                return False
        elif kind is dict:
            if t_mapping is not None and not t_mapping(v):
                return False
        elif kind is list:
            if t_array is not None and not t_array(v):
                return False
        elif (kind is int or kind is float) and t_number is not None and not t_number(v):
            return False
        return t_generic is None or t_generic(v)

    return check


def _unique(items: list[Any]) -> bool:
    if all(type(x) is str for x in items):
        return len(set(items)) == len(items)
    return len({(type(x), json.dumps(x, sort_keys=True)) for x in items}) == len(items)


def _is_date(value: Any) -> bool:
    if not isinstance(value, str):
        return True  # format only constrains strings
    if not _DATE.match(value):
        return False
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def compile_schema(document: dict[str, Any]) -> Check:
    """Compile ``document`` (with its ``$defs``) into a fast validity check."""
    defs = document.get("$defs", {})
    compiled: dict[str, Check] = {}

    def ref(target: str) -> Check:
        name = target.removeprefix("#/$defs/")
        if name == target or name not in defs:
            raise Unsupported(target)
        # Late binding: definitions may refer to each other recursively.
        return lambda v: compiled[name](v)

    def build(schema: Any) -> Check:
        if schema is True:
            return lambda v: True
        if schema is False:
            return lambda v: False
        unknown = set(schema) - _IGNORED - _HANDLED
        if unknown:
            raise Unsupported(", ".join(sorted(unknown)))
        fmt = schema.get("format")
        if fmt is not None and fmt != "date":
            raise Unsupported(f"format {fmt}")
        is_date = fmt == "date"
        types = schema.get("type")
        type_test = None
        if types is not None:
            tests = [_is_type(t) for t in (types if isinstance(types, list) else [types])]
            type_test = tests[0] if len(tests) == 1 else (lambda v: any(t(v) for t in tests))
        # Constraints grouped by the kind of value they apply to, so each
        # value pays for one type test and only its own constraints.
        text: list[Check] = [] if is_date else [lambda v: not isinstance(v, YamlDate)] if types else []
        if is_date:
            text.append(_is_date)
        if "pattern" in schema:
            search = re.compile(schema["pattern"]).search
            text.append(lambda v: search(v) is not None)
        if "minLength" in schema:
            n_min = schema["minLength"]
            text.append(lambda v: len(v) >= n_min)
        if "maxLength" in schema:
            n_max = schema["maxLength"]
            text.append(lambda v: len(v) <= n_max)
        number: list[Check] = []
        if "minimum" in schema:
            low = schema["minimum"]
            number.append(lambda v: v >= low)
        if "maximum" in schema:
            high = schema["maximum"]
            number.append(lambda v: v <= high)
        array: list[Check] = []
        if "minItems" in schema:
            i_min = schema["minItems"]
            array.append(lambda v: len(v) >= i_min)
        if "maxItems" in schema:
            i_max = schema["maxItems"]
            array.append(lambda v: len(v) <= i_max)
        if schema.get("uniqueItems"):
            array.append(_unique)
        if "items" in schema:
            array.append(_each(build(schema["items"])))
        mapping: list[Check] = []
        if "minProperties" in schema:
            p_min = schema["minProperties"]
            mapping.append(lambda v: len(v) >= p_min)
        if "required" in schema:
            needed = tuple(schema["required"])
            mapping.append(lambda v: all(k in v for k in needed))
        if "properties" in schema or "additionalProperties" in schema:
            mapping.append(_object(schema, build))
        if "propertyNames" in schema:
            name_ok = build(schema["propertyNames"])
            mapping.append(lambda v: all(name_ok(k) for k in v))
        generic: list[Check] = []
        if "enum" in schema:
            generic.append(_strict_in(schema["enum"]))
        if "const" in schema:
            generic.append(_strict_in([schema["const"]]))
        if "$ref" in schema:
            generic.append(ref(schema["$ref"]))
        generic.extend(build(part) for part in schema.get("allOf", ()))
        if "anyOf" in schema:
            branches = [build(part) for part in schema["anyOf"]]
            generic.append(lambda v: any(branch(v) for branch in branches))
        if "if" in schema:
            test_if = build(schema["if"])
            then = build(schema.get("then", True))
            otherwise = build(schema.get("else", True))
            generic.append(lambda v: then(v) if test_if(v) else otherwise(v))
        return _combine(type_test, text, number, array, mapping, generic)

    for name, schema in defs.items():
        compiled[name] = build(schema)
    return build({k: v for k, v in document.items() if k != "$defs"})


_HANDLED = frozenset(
    {
        "type", "enum", "const", "format", "pattern", "minLength", "maxLength", "minimum", "maximum",
        "minItems", "maxItems", "uniqueItems", "items", "minProperties", "required", "properties",
        "additionalProperties", "propertyNames", "$ref", "allOf", "anyOf", "if", "then", "else",
    }
)  # fmt: skip
