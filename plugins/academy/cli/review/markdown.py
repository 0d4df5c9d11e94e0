"""The review as Markdown (a pull-request comment) or plain text (a terminal).

Both read the same findings, section by section in risk order; they differ
only in how headings, emphasis and word changes are marked.
"""

from __future__ import annotations

from dataclasses import dataclass

from academy.cli.review.findings import COUNTED, SECTIONS, Finding, Report, quoted
from academy.cli.review.words import words

#: How much of a long text a finding shows beside its word diff.
_LONG = 240


@dataclass(frozen=True)
class _Style:
    heading: str  # format with {text} and {level}
    strong: tuple[str, str]
    diff: tuple[str, str, str, str]
    code: bool  # keep `backticks`


MARKDOWN = _Style("{hashes} {text}", ("**", "**"), ("~~", "~~", "**", "**"), True)
TEXT = _Style("{text}\n{rule}", ("", ""), ("[-", "-]", "{+", "+}"), False)

_INTRO = {
    "answer-keys": "Check that each new answer is right, and that learners who answered before are not misled.",
    "renames": "Progress, review dates and xAPI records are keyed by ids: a learner who finished the old id "
    "starts the new one from nothing.",
}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _plain(text: str, style: _Style) -> str:
    return text if style.code else text.replace("**", "").replace("`", "")


def _heading(text: str, level: int, style: _Style) -> str:
    text = _plain(text, style)
    return style.heading.format(hashes="#" * level, text=text, rule=("=" if level == 2 else "-") * len(text))


def _finding(f: Finding, style: _Style) -> list[str]:
    out = [_plain(f"- {f.where}: {f.what}", style)]
    if f.before is not None and f.after is not None:
        diff = words(f.before, f.after, short=f.short, mark=style.diff)
        if not f.before.strip() or not f.after.strip():  # a text added or removed: nothing to compare
            out.append(f"  - {'now' if f.after.strip() else 'was'}: {quoted(_clip(f.after or f.before))}")
        elif f.short:
            out.append(f"  - {diff.removed} words removed, {diff.added} added: {diff.marked}")
        else:
            out.append(f"  - {_plain('words', style)}: {diff.marked}")
            if f.before.strip():
                out.append(f"  - before: {quoted(_clip(f.before))}")
            if f.after.strip():
                out.append(f"  - after: {quoted(_clip(f.after))}")
    out += [_plain(f"  - {note}", style) for note in f.notes]
    return out


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LONG else text[: _LONG - 1].rstrip() + "…"


def render(report: Report, style: _Style = MARKDOWN) -> str:
    out = [_heading(f"Curriculum review: `{report.base}` → `{report.head}`", 2, style), ""]
    sections = report.by_section()
    summary = []
    for name, found in sections.items():
        text = _count(len(found), *COUNTED[name])
        summary.append(
            f"{style.strong[0]}{text}{style.strong[1]}" if name in ("answer-keys", "renames") else text
        )
    out += [("Summary: " + ", ".join(summary) + ".") if summary else "No curriculum changes.", ""]
    for name, found in sections.items():
        out += [_heading(SECTIONS[name], 3, style), ""]
        if name in _INTRO:
            out += [_INTRO[name], ""]
        for finding in found:
            out += _finding(finding, style)
        out.append("")
    before, after = report.coverage["before"], report.coverage["after"]
    out += [
        _heading("Objective coverage", 3, style),
        "",
        f"{after['assessed']} of {after['objectives']} objectives assessed ({after['percent']}%), "
        f"was {before['assessed']} of {before['objectives']} ({before['percent']}%).",
        "",
    ]
    if report.stale:
        out += [_heading("Stale content", 3, style), ""]
        out += [f"- {p['file']}: {p['message']}" for p in report.stale]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def to_markdown(report: Report) -> str:
    """The report as a pull-request comment."""
    return render(report, MARKDOWN)


def to_text(report: Report) -> str:
    """The report for a terminal: no Markdown marks, word changes as ``[-old-]{+new+}``."""
    return render(report, TEXT)
