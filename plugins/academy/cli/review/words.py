"""Word-level differences, and a module body cut into its sections.

A reviewer reading "the prompt changed" needs to see which words: an
inverted question ("what do you need before you can decide" → "what can you
ignore") changes the meaning with a handful of words. Differences are marked
by words, not characters, and long texts show only the changed stretches
with a few words of context.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from academy.core.markers import outside_code

#: Words of unchanged text kept around each change in a short diff.
CONTEXT = 4

_HEADING = re.compile(r"^(#{2,6})\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True, slots=True)
class WordDiff:
    """The words removed and added between two texts.

    Attributes:
        removed: How many words went.
        added: How many words came.
        marked: The new text with each change shown as ``[-old-]{+new+}``
            runs, shortened to the changes and their context when ``short``.
    """

    removed: int
    added: int
    marked: str

    @property
    def changed(self) -> bool:
        return bool(self.removed or self.added)


def words(
    before: str,
    after: str,
    *,
    short: bool = False,
    mark: tuple[str, str, str, str] = ("~~", "~~", "**", "**"),
) -> WordDiff:
    """Compare two texts word by word.

    ``mark`` gives the opening and closing marks of a removal and of an
    addition (Markdown strike-through and bold by default; plain text uses
    ``[-``, ``-]``, ``{+``, ``+}``).
    """
    old, new = before.split(), after.split()
    rm_open, rm_close, add_open, add_close = mark
    pieces: list[str] = []
    removed = added = 0
    opcodes = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            same = old[i1:i2]
            if short and len(same) > 2 * CONTEXT:
                head = same[:CONTEXT] if n else []
                tail = same[-CONTEXT:] if n < len(opcodes) - 1 else []
                pieces.append(" ".join([*head, "…", *tail]).strip())
            else:
                pieces.append(" ".join(same))
            continue
        if i2 > i1:
            removed += i2 - i1
            pieces.append(f"{rm_open}{' '.join(old[i1:i2])}{rm_close}")
        if j2 > j1:
            added += j2 - j1
            pieces.append(f"{add_open}{' '.join(new[j1:j2])}{add_close}")
    return WordDiff(removed, added, " ".join(p for p in pieces if p))


def sections(body: str) -> dict[str, str]:
    """A module body by section: heading text -> the text under it.

    Text before the first heading is the section ``""``. A heading that
    repeats gets its position added, so no section hides another.
    """
    out: dict[str, list[str]] = {"": []}
    current = ""
    prose = {number for number, _ in outside_code(body, 0)}
    for number, line in enumerate(body.split("\n")):
        heading = _HEADING.match(line) if number in prose else None
        if heading:
            current = heading.group(2)
            while current in out:
                current += " (again)"
            out[current] = []
            continue
        out[current].append(line)
    return {name: "\n".join(lines).strip() for name, lines in out.items() if name or "\n".join(lines).strip()}
