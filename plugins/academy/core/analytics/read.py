"""Where statements come from: export files and learning record stores.

Both are read as a stream of statements, one at a time, so a file of a
million statements is never held in memory whole. What cannot be read is
not an error that stops the report: it is counted, and the count is
reported (:class:`ReadNote`), because an export with one bad line should
still give the author the rest.

Files may be a JSON array of statements (as an LRS download gives), JSON
lines (one statement a line), or saved LRS pages (``{"statements": [...],
"more": ...}``), one after another. Hand-rolled over
:meth:`json.JSONDecoder.raw_decode` because the standard library has no
incremental JSON reader and the streaming parsers on PyPI (ijson) are slower
than this for documents of this size.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Read this much of a file at a time.
CHUNK = 1 << 20
#: A single statement larger than this is not a statement.
MAX_VALUE = 16 << 20


@dataclass(frozen=True)
class ReadNote:
    """Something a reader could not use, for the report's summary line.

    Attributes:
        source: The file or address.
        line: 1-based line where it happened; 0 when not known.
        message: What was wrong, in plain words.
    """

    source: str
    line: int
    message: str


class Malformed:
    """Stands for one value in the stream that is not valid JSON."""

    __slots__ = ("note",)

    def __init__(self, note: ReadNote) -> None:
        self.note = note


Item = dict[str, Any] | Malformed

_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"


def _expand(value: Any) -> Iterator[Any]:
    """A saved LRS page holds its statements under ``statements``."""
    if isinstance(value, dict) and isinstance(value.get("statements"), list) and "verb" not in value:
        yield from value["statements"]
    else:
        yield value


def read_file(path: Path) -> Iterator[Any]:
    """Each value of an export file, or :class:`Malformed` for what is not JSON.

    In JSON lines, a bad line is skipped and reading goes on at the next
    line. In a JSON array, one syntax error leaves no safe place to go on
    from, so the rest of that file is reported unread.
    """
    if _is_json_lines(path):
        yield from _read_lines(path)
        return
    yield from _read_stream(path)


def _is_json_lines(path: Path) -> bool:
    """Whether the first line that is not blank holds one whole JSON object."""
    with path.open("r", encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.strip():
                if not line.lstrip().startswith("{"):
                    return False
                try:
                    return isinstance(json.loads(line), dict)
                except json.JSONDecodeError:
                    return False
    return False


def _read_lines(path: Path) -> Iterator[Any]:
    """JSON lines, a line at a time: the C decoder does all the work."""
    name = str(path)
    # raw_decode skips json.loads' two whitespace scans; a third of the time
    # on statements this size. What it leaves must be blank.
    decode = _DECODER.raw_decode
    with path.open("r", encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            try:
                value, end = decode(line)
                if end < len(line) and line[end:].strip():
                    raise json.JSONDecodeError("Extra data", line, end)
            except json.JSONDecodeError as exc:
                try:
                    value = json.loads(line)  # leading blanks, which raw_decode refuses
                except json.JSONDecodeError:
                    if line.strip():
                        yield Malformed(ReadNote(name, number, f"not valid JSON ({exc.msg})"))
                    continue
            if isinstance(value, dict) and "verb" in value:
                yield value
            else:
                yield from _expand(value)


def _read_stream(path: Path) -> Iterator[Any]:
    """Any sequence of JSON values, or one array of them, across lines."""
    name = str(path)
    with path.open("r", encoding="utf-8", errors="replace", newline="") as handle:
        buffer = ""
        pos = 0
        line = 1  # line number at ``pos``
        eof = False
        in_array = None  # decided by the first character
        first = True

        def fill() -> bool:
            nonlocal buffer, pos, eof
            if eof:
                return False
            chunk = handle.read(CHUNK)
            if not chunk:
                eof = True
                return False
            buffer = buffer[pos:] + chunk
            pos = 0
            return True

        while True:
            while True:  # skip blanks (and, in an array, the commas between items)
                while pos < len(buffer) and buffer[pos] in _SPACE:
                    if buffer[pos] == "\n":
                        line += 1
                    pos += 1
                if pos < len(buffer) and in_array and buffer[pos] == ",":
                    pos += 1
                    continue
                if pos < len(buffer) or not fill():
                    break
            if pos >= len(buffer):
                if in_array:
                    yield Malformed(ReadNote(name, line, "the JSON array is not closed with ']'"))
                return
            if first:
                first = False
                in_array = buffer[pos] == "["
                if in_array:
                    pos += 1
                    continue
            if in_array and buffer[pos] == "]":
                pos += 1
                in_array = False  # a closed array may be followed by nothing but blanks
                continue
            try:
                value, end = _DECODER.raw_decode(buffer, pos)
            except json.JSONDecodeError as exc:
                # Perhaps the value is only cut by the chunk's end: read on.
                if not eof and len(buffer) - pos < MAX_VALUE and fill():
                    continue
                if in_array:
                    yield Malformed(
                        ReadNote(
                            name, line, f"not valid JSON ({exc.msg}); the rest of this file was not read"
                        )
                    )
                    return
                newline = buffer.find("\n", pos)
                while newline < 0 and fill():
                    newline = buffer.find("\n", pos)
                yield Malformed(ReadNote(name, line, f"not valid JSON ({exc.msg})"))
                if newline < 0:
                    return
                pos = newline + 1
                line += 1
                continue
            line += buffer.count("\n", pos, end)
            pos = end
            yield from _expand(value)


def read_lrs(
    endpoint: str,
    auth: str = "",
    *,
    since: str = "",
    opener: Callable[..., Any] = urllib.request.urlopen,
    timeout: float = 60.0,
) -> Iterator[Any]:
    """Every statement the store holds, page by page, following ``more``.

    Args:
        endpoint: The xAPI endpoint (ending in ``/``), as in the ``xapi`` option.
        auth: The ``Authorization`` header, as the ``xapi`` option builds it.
        since: Only statements stored after this ISO 8601 time.

    Raises:
        OSError: (``urllib.error.URLError``) when the store cannot be read;
            the message names the address and the HTTP status.
    """
    query = {"limit": "500"}
    if since:
        query["since"] = since
    url = urllib.parse.urljoin(endpoint, "statements") + "?" + urllib.parse.urlencode(query)
    headers = {"X-Experience-API-Version": "1.0.3", "Accept": "application/json"}
    if auth:
        headers["Authorization"] = auth
    seen: set[str] = set()
    while url and url not in seen:
        seen.add(url)  # a store that hands back the same page would loop for ever
        request = urllib.request.Request(url, headers=headers)
        try:
            with opener(request, timeout=timeout) as response:
                page = json.load(response)
        except urllib.error.HTTPError as exc:
            raise urllib.error.URLError(
                f"the record store at {url} answered HTTP {exc.code} {exc.reason}"
            ) from None
        except json.JSONDecodeError:
            raise urllib.error.URLError(f"the record store at {url} did not answer with JSON") from None
        if not isinstance(page, dict) or not isinstance(page.get("statements"), list):
            raise urllib.error.URLError(f"the record store at {url} did not answer with a page of statements")
        yield from page["statements"]
        more = page.get("more") or ""
        # ``more`` is relative to the store's host (xAPI 1.0.3, 2.1.3).
        url = urllib.parse.urljoin(url, more) if isinstance(more, str) and more else ""
