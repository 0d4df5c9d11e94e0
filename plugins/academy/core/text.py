"""Bytes to text, and text to front matter plus body, keeping line numbers.

Everything downstream reports ``file:line:col``, so this module never changes
the number of lines: a byte-order mark is dropped (it sits on line 1) and
``CRLF`` becomes ``LF`` in place. Both are still reported, because other tools
that read the same files (editors, MkDocs itself) are less forgiving.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from academy.core.codes import problem
from academy.core.problems import Problem

#: Largest source file we read. Anything bigger is not hand-written content.
MAX_FILE_BYTES = 4 * 1024 * 1024

_BOM = "\ufeff"
_OPEN = re.compile(r"---[ \t]*\Z")
_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*\Z")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A Markdown file split at its front matter delimiters.

    Attributes:
        yaml: The text between the ``---`` lines, or ``None`` when absent.
        yaml_line: File line (1-based) of the first YAML line.
        body: Everything after the closing delimiter.
        body_line: File line (1-based) of the body's first line.
    """

    yaml: str | None
    yaml_line: int
    body: str
    body_line: int


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """Decode a source file to text with ``LF`` line endings.

    Returns ``(None, problems)`` when the bytes cannot be read as text at all.
    """
    problems: list[Problem] = []
    if not raw.strip():
        problems.append(problem("file.empty", file, 1, 1, "the file is empty"))
        return None, problems
    if len(raw) > MAX_FILE_BYTES:
        problems.append(
            problem(
                "file.too-large",
                file,
                1,
                1,
                f"the file is {len(raw) // 1024} KB; the limit is {MAX_FILE_BYTES // 1024} KB",
                "Split it into smaller files.",
            )
        )
        return None, problems
    if b"\x00" in raw[:8192]:
        problems.append(
            problem(
                "file.binary",
                file,
                1,
                1,
                "the file contains NUL bytes: it is binary, not text",
                "Source folders hold Markdown and YAML only.",
            )
        )
        return None, problems
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(
            problem(
                "file.encoding",
                file,
                line,
                column,
                f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
                "Re-save the file with UTF-8 encoding.",
            )
        )
        return None, problems
    if text.startswith(_BOM):
        text = text[1:]
        problems.append(
            problem(
                "file.bom",
                file,
                1,
                1,
                "the file starts with a byte-order mark (BOM)",
                "Save it as UTF-8 without BOM.",
            )
        )
    if "\r" in text:
        first = text.count("\n", 0, text.index("\r")) + 1
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        problems.append(
            problem(
                "file.crlf",
                file,
                first,
                1,
                "the file uses Windows (CRLF) line endings",
                "Convert to LF; `* text=auto eol=lf` in .gitattributes keeps it that way.",
            )
        )
    return text, problems


def split_front_matter(text: str, file: str) -> tuple[FrontMatter, list[Problem]]:
    """Split a Markdown module into its YAML front matter and body.

    The opening delimiter must be the first line. A file without one is
    reported, never silently treated as all body (which is what MkDocs does).
    """
    lines = text.split("\n")
    if not _OPEN.match(lines[0]):
        hint = "Start the file with a line containing only `---`, then the module's fields, then `---`."
        if lines[0].strip() == "---":
            hint = "The opening `---` must start at column 1 with nothing before it."
        return FrontMatter(None, 0, text, 1), [
            problem("frontmatter.missing", file, 1, 1, "the module has no front matter", hint)
        ]
    for index in range(1, len(lines)):
        if _CLOSE.match(lines[index]):
            yaml_text = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return FrontMatter(yaml_text + "\n", 2, body, index + 2), []
    return FrontMatter(None, 0, text, 1), [
        problem(
            "frontmatter.unclosed",
            file,
            1,
            1,
            "the front matter opened on line 1 is never closed",
            _unclosed_hint(lines),
        )
    ]


def _unclosed_hint(lines: list[str]) -> str:
    """Guess where the author meant the front matter to end."""
    for index, line in enumerate(lines[1:], start=2):
        if line.startswith("#") and not line.startswith("#!") and " " in line:
            return f"Add a `---` line before line {index} ({line[:40]!r})."
    return "Add a line containing only `---` after the last YAML field."
