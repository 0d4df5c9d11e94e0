""" "Did you mean" hints, shared by schema errors and reference rules."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


def did_you_mean(value: Any, options: Iterable[Any], cutoff: float = 0.6) -> str:
    """``Did you mean `x`?`` for the closest option, or an empty string.

    difflib's ratio catches typos and transpositions; a case-insensitive
    exact match catches ``Intermediate`` for ``intermediate``.
    """
    if not isinstance(value, str):
        return ""
    names = [str(o) for o in options]
    match = difflib.get_close_matches(value, names, n=1, cutoff=cutoff)
    if not match:
        match = [n for n in names if n.lower() == value.lower()]
    return f"Did you mean `{match[0]}`?" if match else ""
