"""Machine-readable views of the academy: catalog, Markdown exports, llms.txt, JSON-LD.

AI agents and tools read the published academy without running its
JavaScript, so everything they need is rendered here as plain files: a JSON
catalog of modules, paths and quizzes (with its own JSON Schema), one clean
Markdown file per module, the ``llms.txt`` index pointing at those files, and
schema.org JSON-LD for the module and path pages.

Engine-agnostic like :mod:`academy.render`: no MkDocs import, so a future
engine (or a test) can call the same functions. Every output is a pure
function of the academy and the arguments, sorted wherever the order carries
no meaning, so two builds of the same sources are byte-identical.

The catalog deliberately holds no answer data (no choices, correct flags,
accepted answers or pairs): it is an index, and quiz banks lose their value
as assessments if their keys sit in one convenient file. The Markdown
exports do carry answer keys, at the end, clearly marked, because an agent
that explains a module to a learner needs to know why an answer is right.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from academy.core.markers import KINDS as MARKER_KINDS
from academy.core.markers import outside_code, parse
from academy.core.model import Academy, LearningPath, Module, Question, Scenario, Step
from academy.core.schemas import source as _ss
from academy.render.html import SiteUrls, json_for_html, stable_shuffle

#: Bumped only when a field is removed or changes meaning; new fields keep it.
CATALOG_VERSION = 1
CATALOG_SCHEMA_URL = "schemas/catalog.schema.json"
CATALOG_URL = "catalog.json"
LLMS_URL = "llms.txt"
LLMS_FULL_URL = "llms-full.txt"
#: How a page's JSON-LD script element opens.
JSONLD_OPEN = '<script type="application/ld+json">'

#: Where the site-relative exports live; links inside an export are written
#: relative to this folder unless the site URL is known.
_EXPORT_DIR = "modules/"
_ANSWER_NOTE = "> Answer key for agents. Learners: try the questions first."
_TYPE_NAMES = {
    "single": "single choice",
    "multiple": "multiple choice",
    "true-false": "true or false",
    "order": "put in order",
    "match": "matching",
    "text": "short answer",
}


# --- shared helpers --------------------------------------------------------------


def build_time() -> _dt.datetime:
    """When this build happened, in UTC, to the second.

    ``SOURCE_DATE_EPOCH`` (reproducible-builds.org) wins when set, so two
    builds of the same sources write the same catalog; without it, now.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC)
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0)


def _iso_utc(moment: _dt.date | _dt.datetime) -> str:
    # A bare date means midnight UTC; a naive datetime is taken as UTC already,
    # because converting it from local time would make builds machine-dependent.
    if isinstance(moment, _dt.datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(_dt.UTC)
        moment = moment.replace(tzinfo=None, microsecond=0)
    else:
        moment = _dt.datetime(moment.year, moment.month, moment.day)
    return moment.isoformat() + "Z"


def markdown_url(module_id: str) -> str:
    """Site-relative URL of a module's Markdown export.

    Always ``modules/<id>.md``, whatever ``use_directory_urls`` says: agents
    cache and cite these URLs, so they must not depend on a theme setting.
    """
    return f"{_EXPORT_DIR}{module_id}.md"


def embed_json(data: Any) -> str:
    """JSON text safe inside ``<script type="application/ld+json">``.

    The same escaping as the runtime's embedded data
    (:func:`academy.render.json_for_html`): ``<``, ``>``, ``&``, U+2028 and
    U+2029 become ``\\u`` escapes, so author text can never close the script
    element, and ``json.loads`` still returns the original strings.
    """
    return str(json_for_html(data))


def _one_line(text: str) -> str:
    """Author text for one-line contexts (list items, link titles, headings)."""
    return " ".join(text.split())


def _or_none(text: str) -> str | None:
    text = text.strip()
    return text or None


def _link_text(text: str) -> str:
    # Brackets in a title would end the link text early and break the link.
    return _one_line(text).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _absolute(site_url: str, site_relative: str) -> str:
    return site_url.rstrip("/") + "/" + site_relative


def _modules_of(academy: Academy, ids: Iterable[str]) -> list[Module]:
    # dict.fromkeys: a module listed twice in a path is still one module.
    return [m for i in dict.fromkeys(ids) if (m := academy.module(i))]


def _by_title(modules: Iterable[Module]) -> list[Module]:
    return sorted(modules, key=lambda m: (m.title.casefold(), m.id))


# --- catalog.json -----------------------------------------------------------------


def catalog(
    academy: Academy,
    urls: SiteUrls,
    *,
    site_name: str,
    site_url: str,
    built: _dt.date | _dt.datetime,
) -> dict[str, Any]:
    """The content of ``catalog.json``: every module, path and quiz, without answers.

    Modules and quizzes are sorted by id so the file diffs cleanly between
    builds; paths keep the academy's order, which is the order the site shows
    them in. URLs are site-relative (join them with ``site.url``) so the file
    stays valid when the site is served from another address.

    Args:
        academy: The checked academy.
        urls: The page layout, for each item's ``url``.
        site_name: The site's name.
        site_url: The site's public address; empty when not configured.
        built: Build time; pass :func:`build_time` for reproducible builds.
    """
    modules = [
        {
            "id": m.id,
            "title": m.title.strip(),
            "summary": m.summary.strip(),
            "level": m.level,
            "duration": m.duration,
            "objectives": [{"id": o.id, "text": o.text.strip(), "bloom": o.bloom} for o in m.objectives],
            "tags": list(m.tags),
            "prerequisites": list(m.prerequisites),
            "url": urls.module(m.id),
            "markdown": markdown_url(m.id),
            "paths": sorted({lp.id for lp in academy.paths_of(m.id)}),
            "questions": len(m.checks),
            "scenarios": len(m.scenarios),
            "owner": _or_none(m.owner),
            "reviewed": m.reviewed.isoformat() if m.reviewed else None,
        }
        for m in sorted(academy.modules, key=lambda m: m.id)
    ]
    paths = [
        {
            "id": lp.id,
            "title": lp.title.strip(),
            "role": lp.role.strip(),
            "summary": _or_none(lp.summary),
            "url": urls.path(lp.id),
            "duration": academy.path_duration(lp),
            "placement": lp.placement or None,
            "requires": list(lp.requires),
            "stages": [
                {
                    "id": s.id,
                    "title": s.title.strip(),
                    "summary": _or_none(s.summary),
                    "modules": list(s.modules),
                    "assessment": s.assessment or None,
                }
                for s in lp.stages
            ],
        }
        for lp in academy.paths
    ]
    quizzes = [
        {
            "id": q.id,
            "title": q.title.strip(),
            "kind": q.kind,
            "summary": _or_none(q.summary),
            "url": urls.quiz(q.id),
            "pass_mark": q.pass_mark,
            "draw": q.draw,
            "questions": len(q.questions),
            "modules": sorted({x.module for x in q.questions if x.module}),
        }
        for q in sorted(academy.quizzes, key=lambda q: q.id)
    ]
    return {
        "$schema": CATALOG_SCHEMA_URL,
        "version": CATALOG_VERSION,
        "site": {"name": site_name, "url": site_url or None},
        "built": _iso_utc(built),
        "modules": modules,
        "paths": paths,
        "quizzes": quizzes,
    }


def catalog_json(data: Mapping[str, Any]) -> str:
    """The published text of a catalog: stable key order, trailing newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def catalog_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`catalog`, as published in ``schemas/catalog.schema.json``.

    Built with the helpers of :mod:`academy.schema_source` so it follows the
    same conventions as the source schemas (descriptions, examples, closed
    objects); a test keeps the committed file equal to this.
    """
    prop, obj, ref = _ss.prop, _ss.obj, _ss.ref
    nullable_text = {"type": ["string", "null"]}
    id_list = {"type": "array", "items": {"$ref": "#/$defs/id"}}
    objective = obj(
        {
            "id": ref("id", "Objective id, unique within its module.", "apply-leaps"),
            "text": prop(
                {"type": "string"},
                "What the learner will be able to do.",
                "Apply the LEAPS sequence to an escalating chat.",
            ),
            "bloom": prop({"enum": list(_ss.BLOOM)}, "Bloom's taxonomy level.", "apply"),
        },
        ["id", "text", "bloom"],
        "A learning objective.",
    )
    module = obj(
        {
            "id": ref("id", "Module id.", "active-listening"),
            "title": prop({"type": "string"}, "Module title.", "Active listening"),
            "summary": prop(
                {"type": "string"},
                "What the learner will be able to do.",
                "Find out what a customer needs before you fix it.",
            ),
            "level": prop({"enum": list(_ss.LEVELS)}, "Difficulty level.", "foundation"),
            "duration": prop(
                {"type": "integer", "minimum": 0}, "Expected time in minutes, practice included.", 25
            ),
            "objectives": prop(
                {"type": "array", "items": {"$ref": "#/$defs/objective"}},
                "Learning objectives, in the author's order.",
                [{"id": "apply-leaps", "text": "Apply LEAPS.", "bloom": "apply"}],
            ),
            "tags": prop(
                {"type": "array", "items": {"type": "string"}},
                "Topic tags.",
                ["communication", "listening"],
            ),
            "prerequisites": prop(id_list, "Ids of modules to complete first.", ["support-philosophy"]),
            "url": prop(
                {"type": "string"},
                "Site-relative URL of the module page.",
                "modules/active-listening/",
            ),
            "markdown": prop(
                {"type": "string"},
                "Site-relative URL of the module as clean Markdown, answer key at the end.",
                "modules/active-listening.md",
            ),
            "paths": prop(
                id_list, "Ids of the learning paths that include the module, sorted.", ["team-lead"]
            ),
            "questions": prop({"type": "integer", "minimum": 0}, "Number of knowledge checks.", 4),
            "scenarios": prop({"type": "integer", "minimum": 0}, "Number of branching scenarios.", 1),
            "owner": prop(
                nullable_text,
                "Team or person who keeps the module current; null when not set.",
                "support-enablement",
            ),
            "reviewed": prop(
                {"type": ["string", "null"], "format": "date"},
                "Date of the last content review; null when not set.",
                "2026-10-14",
            ),
        },
        [
            "id",
            "title",
            "summary",
            "level",
            "duration",
            "objectives",
            "tags",
            "prerequisites",
            "url",
            "markdown",
            "paths",
            "questions",
            "scenarios",
            "owner",
            "reviewed",
        ],
        "A module.",
    )
    stage = obj(
        {
            "id": ref("id", "Stage id, unique within its path.", "week-1-foundations"),
            "title": prop({"type": "string"}, "Stage title.", "Week 1 - Foundations"),
            "summary": prop(nullable_text, "What the stage achieves; null when not set.", "Learn the tools."),
            "modules": prop(id_list, "Module ids, in the order to take them.", ["support-philosophy"]),
            "assessment": prop(
                {"anyOf": [{"$ref": "#/$defs/id"}, {"type": "null"}]},
                "Id of the quiz that closes the stage; null when there is none.",
                "new-hire-week-1",
            ),
        },
        ["id", "title", "summary", "modules", "assessment"],
        "A stage of a path.",
    )
    path = obj(
        {
            "id": ref("id", "Path id.", "new-hire-agent"),
            "title": prop({"type": "string"}, "Path title.", "New-hire support agent"),
            "role": prop({"type": "string"}, "Who the path is for.", "Support agent, first six weeks"),
            "summary": prop(
                nullable_text,
                "What the learner achieves; null when not set.",
                "From first login to handling every ticket type on your own.",
            ),
            "url": prop({"type": "string"}, "Site-relative URL of the path page.", "paths/new-hire-agent/"),
            "duration": prop({"type": "integer", "minimum": 0}, "Total minutes of the path's modules.", 360),
            "placement": prop(
                {"anyOf": [{"$ref": "#/$defs/id"}, {"type": "null"}]},
                "Id of the placement quiz; null when there is none.",
                "new-hire-placement",
            ),
            "requires": prop(id_list, "Ids of paths to complete first.", ["new-hire-agent"]),
            "stages": prop(
                {"type": "array", "items": {"$ref": "#/$defs/stage"}},
                "The stages, in order.",
                [
                    {
                        "id": "foundations",
                        "title": "Week 1 - Foundations",
                        "summary": None,
                        "modules": ["support-philosophy"],
                        "assessment": None,
                    }
                ],
            ),
        },
        ["id", "title", "role", "summary", "url", "duration", "placement", "requires", "stages"],
        "A learning path.",
    )
    quiz = obj(
        {
            "id": ref("id", "Quiz id.", "new-hire-week-1"),
            "title": prop({"type": "string"}, "Quiz title.", "Week 1 assessment"),
            "kind": prop({"enum": list(_ss.QUIZ_KINDS)}, "What the quiz is for.", "assessment"),
            "summary": prop(nullable_text, "What the quiz covers; null when not set.", "Product tiers."),
            "url": prop(
                {"type": "string"}, "Site-relative URL of the quiz page.", "quizzes/new-hire-week-1/"
            ),
            "pass_mark": prop(
                {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
                "Percent needed to pass; null when the quiz is not graded.",
                80,
            ),
            "draw": prop(
                {"type": ["integer", "null"], "minimum": 1},
                "Questions drawn per attempt; null when every question is asked.",
                10,
            ),
            "questions": prop({"type": "integer", "minimum": 0}, "Number of questions in the pool.", 12),
            "modules": prop(
                id_list, "Ids of the modules its questions map to, sorted, each once.", ["product-basics"]
            ),
        },
        ["id", "title", "kind", "summary", "url", "pass_mark", "draw", "questions", "modules"],
        "A quiz bank, without its questions or answers.",
    )
    site = obj(
        {
            "name": prop({"type": "string"}, "The site's name.", "Customer Service Academy"),
            "url": prop(
                {"type": ["string", "null"], "format": "uri"},
                "The site's public address, to resolve the site-relative URLs; null when not configured.",
                "https://academy.example.org/",
            ),
        },
        ["name", "url"],
        "The site the catalog describes.",
    )
    root = obj(
        {
            "$schema": prop(
                {"type": "string"}, "Relative URL of this schema, for editors.", CATALOG_SCHEMA_URL
            ),
            "version": prop(
                {"const": CATALOG_VERSION},
                "Format version; changes only when a field is removed or changes meaning.",
                CATALOG_VERSION,
            ),
            "site": prop({"$ref": "#/$defs/site"}, "The site.", {"name": "Academy", "url": None}),
            "built": prop(
                {"type": "string", "format": "date-time", "pattern": r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"},
                "Build time in UTC (SOURCE_DATE_EPOCH when set).",
                "2026-11-01T00:00:00Z",
            ),
            "modules": prop(
                {"type": "array", "items": {"$ref": "#/$defs/module"}},
                "Every module, sorted by id.",
                [],
            ),
            "paths": prop(
                {"type": "array", "items": {"$ref": "#/$defs/path"}},
                "Every learning path, in site order.",
                [],
            ),
            "quizzes": prop(
                {"type": "array", "items": {"$ref": "#/$defs/quiz"}},
                "Every quiz bank, sorted by id, without answers.",
                [],
            ),
        },
        ["$schema", "version", "site", "built", "modules", "paths", "quizzes"],
        "",
    )
    defs = {
        "id": _ss.COMMON_DEFS["id"],
        "site": site,
        "objective": objective,
        "module": module,
        "stage": stage,
        "path": path,
        "quiz": quiz,
    }
    return {
        "$schema": _ss.DIALECT,
        "$id": _ss.BASE_URI + "catalog.schema.json",
        "title": "Academy catalog",
        **root,
        "description": "`catalog.json`: every module, learning path and quiz of a built academy, for tools "
        "and AI agents. Holds no answers.",
        "$defs": defs,
    }


def catalog_schema_text() -> str:
    """The published text of the catalog schema, formatted like the source schemas."""
    return json.dumps(catalog_schema(), indent=2, ensure_ascii=False) + "\n"


# --- module Markdown export ------------------------------------------------------------

_BLOCK_START = re.compile(r"^(?:[#>+*_=|`~-]|\d{1,9}[.)](?:\s|$))")
_ADMONITION = re.compile(
    r'^(?P<indent> *)(?:!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?:[^"]*"(?P<title>[^"]*)")?\s*$'
)
_LINKISH = re.compile(
    r"(?P<tick>`+).+?(?P=tick)"  # a code span: left alone
    r"|(?P<open>!?\[(?:[^\]\\]|\\.)*\]\(\s*<?)(?P<target>[^)\s>]+)"
    r"|^(?P<def> {0,3}\[[^\]]+\]:\s*<?)(?P<deftarget>[^\s>]+)"
)

#: ``(file line, column) -> (old target, published site path, is raw HTML)``,
#: as the MkDocs adapter records for files a module body references.
AssetLinks = Mapping[tuple[int, int], tuple[str, str, bool]]


def _block(text: str) -> list[str]:
    """Plain author text as Markdown lines that cannot change the structure.

    Author fields are plain text (the site shows them as written), so a line
    that happens to start with ``#``, ``-`` or a fence must not become a
    heading, a list or a code block swallowing the rest of the file. Leading
    spaces go too: four of them would start a code block.
    """
    out: list[str] = []
    for raw in text.strip().split("\n"):
        line = raw.strip()
        if _BLOCK_START.match(line):
            match = re.match(r"^\d{1,9}", line)
            line = line[: match.end()] + "\\" + line[match.end() :] if match else "\\" + line
        out.append(line)
    # Collapse runs of blank lines to one: a paragraph break is all they mean.
    return [line for i, line in enumerate(out) if line or (i and out[i - 1])]


def _quote(lines: list[str]) -> list[str]:
    return [f"> {line}" if line else ">" for line in lines]


def _letter(index: int) -> str:
    # Past Z (never in valid content: at most a few choices) keep going as AA, AB...
    return chr(65 + index) if index < 26 else _letter(index // 26 - 1) + chr(65 + index % 26)


class _Links:
    """Turns site-relative paths into the links an export should contain.

    With a site URL links are absolute, so an export still works when an
    agent fetches it on its own; without one they are relative to where the
    export is published (``modules/`` for one module, the root for
    ``llms-full.txt``).
    """

    def __init__(self, urls: SiteUrls, academy: Academy, site_url: str, where: str) -> None:
        self.urls, self.academy, self.site_url, self.where = urls, academy, site_url, where

    def href(self, site_relative: str) -> str:
        if self.site_url:
            return _absolute(self.site_url, site_relative)
        if self.where and site_relative.startswith(self.where):
            return site_relative[len(self.where) :] or "./"
        return "../" * self.where.count("/") + site_relative

    def body_target(self, target: str) -> str:
        """Rewrite a link written in a module body, as MkDocs would resolve it.

        MkDocs resolves body links from the generated page ``modules/<id>.md``.
        A link to another module's ``.md`` then names its Markdown export
        exactly; a link to any other page's ``.md`` must become that page's
        URL, because only modules have Markdown exports.
        """
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or target.startswith(("/", "#", "?")) or not parts.path:
            return target
        resolved = posixpath.normpath(posixpath.join(_EXPORT_DIR, parts.path))
        if resolved.startswith("../") or resolved == "..":
            return target  # leaves the site: nothing sensible to point at
        if resolved.endswith(".md"):
            stem = resolved[:-3]
            module_id = stem[len(_EXPORT_DIR) :] if stem.startswith(_EXPORT_DIR) else ""
            if not (module_id and "/" not in module_id and self.academy.module(module_id)):
                resolved = self._page(stem)
        suffix = ("?" + parts.query if parts.query else "") + ("#" + parts.fragment if parts.fragment else "")
        return self.href(resolved) + suffix

    def _page(self, stem: str) -> str:
        folder, _, name = stem.rpartition("/")
        folder = folder + "/" if folder else ""
        if name in ("index", "README"):
            return folder if self.urls.use_directory_urls else folder + "index.html"
        return f"{folder}{name}/" if self.urls.use_directory_urls else f"{folder}{name}.html"


def _rewrite_links(line: str, links: _Links) -> str:
    if "](" not in line and "]:" not in line:
        return line

    def replace(match: re.Match[str]) -> str:
        if match.group("tick"):
            return match.group(0)
        if match.group("open") is not None:
            return match.group("open") + links.body_target(match.group("target"))
        return match.group("def") + links.body_target(match.group("deftarget"))

    return _LINKISH.sub(replace, line)


def _apply_assets(module: Module, lines: list[str], assets: AssetLinks, links: _Links) -> list[str]:
    """Point file references at their published copies.

    Markdown links get a path relative to ``modules/``, as written links are,
    and go through :func:`_rewrite_links` with the rest; raw HTML is not
    rewritten later, so it gets its final URL here.
    """
    lines = list(lines)
    # Right to left within a line, so earlier columns stay valid.
    for (line, column), (old, name, html) in sorted(assets.items(), reverse=True):
        at = line - module.body_line
        if not 0 <= at < len(lines):
            continue
        text, start = lines[at], column - 1
        if text[start : start + len(old)] == old:
            new = links.href(name) if html else "../" + name
            lines[at] = text[:start] + new + text[start + len(old) :]
    return lines


def _plain_body(text: str, links: _Links, marker: Callable[[str, str], list[str] | None] | None) -> list[str]:
    """The body with MkDocs-only syntax made plain, code blocks untouched.

    Admonitions (``!!! tip "Title"`` plus an indented block) would read as
    code in any other Markdown renderer, so they become block quotes headed by
    their title. ``marker`` replaces placement markers; it is only passed at
    the top level, where markers are recognised.
    """
    lines = text.split("\n")
    prose = {offset for offset, _ in outside_code(text, 0)}
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i not in prose:
            out.append(line)
            i += 1
            continue
        admonition = _ADMONITION.match(line)
        if admonition:
            indent = len(admonition.group("indent")) + 4
            inner: list[str] = []
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or lines[j].startswith(" " * indent)):
                inner.append(lines[j][indent:])
                j += 1
            while inner and not inner[-1].strip():
                inner.pop()
                j -= 1
            title = admonition.group("title")
            if title is None:
                title = admonition.group("kind").replace("-", " ").capitalize()
            quoted = ([f"**{_one_line(title)}**", ""] if title.strip() else []) + _plain_body(
                "\n".join(inner), links, None
            )
            out.extend(" " * (indent - 4) + q for q in _quote(quoted))
            i = j
            continue
        found = parse(line) if marker is not None and "[[" in line else None
        words = found.raw.strip("[] ").split() if found is not None else []
        if marker is not None and words and words[0] in MARKER_KINDS:
            replacement = marker(found.kind, found.id) if found is not None and found.valid else None
            # A marker that names nothing is an error the build reports; the
            # export drops it rather than show an agent broken syntax.
            out.extend(["", *replacement, ""] if replacement else [])
            i += 1
            continue
        out.append(_rewrite_links(line, links))
        i += 1
    return out


def _question_lines(owner: str, q: Question) -> list[str]:
    """A check as a learner sees it, answers left out."""
    label = _TYPE_NAMES.get(q.type, q.type)
    prompt = _block(q.prompt) or [""]
    out = [f"**Check your understanding** (`{q.id}`, {label}): {prompt[0]}", *prompt[1:], ""]
    if q.type in ("single", "multiple"):
        out += ["Choose one:" if q.type == "single" else "Choose all that apply:", ""]
        out += [f"- {_letter(i)}. {_one_line(c.text)}" for i, (_, c) in enumerate(_choices(owner, q))]
    elif q.type == "true-false":
        out += ["- True", "- False"]
    elif q.type == "order":
        out += ["Put these in order:", ""]
        out += [f"- {_letter(i)}. {_one_line(t)}" for i, (_, t) in enumerate(_order_items(owner, q))]
    elif q.type == "match":
        out += ["Match each item to one option:", ""]
        out += [f"{i + 1}. {_one_line(p.left)}" for i, p in enumerate(q.pairs)]
        out += ["", "Options:", ""]
        out += [f"- {_letter(i)}. {_one_line(p.right)}" for i, (_, p) in enumerate(_rights(owner, q))]
    elif q.type == "text":
        out += ["Answer in a few words."]
    if q.hint.strip():
        out += ["", f"*Hint:* {_one_line(q.hint)}"]
    return out


# The page's own shuffles, with the page's seeds, so letters in the export
# name the same options a learner sees, and an order question never lists
# its items already sorted.
def _choices(owner: str, q: Question) -> list[tuple[int, Any]]:
    choices = list(enumerate(q.choices))
    return stable_shuffle(choices, f"{owner}/{q.id}") if q.shuffle else choices


def _order_items(owner: str, q: Question) -> list[tuple[int, str]]:
    return stable_shuffle(list(enumerate(q.items)), f"{owner}/{q.id}")


def _rights(owner: str, q: Question) -> list[tuple[int, Any]]:
    return stable_shuffle(list(enumerate(q.pairs)), f"{owner}/{q.id}/right")


def _answer_lines(owner: str, q: Question) -> list[str]:
    out = [f"### Check `{q.id}`", ""]
    if q.type in ("single", "multiple"):
        right = [
            f"- {_letter(i)}. {_one_line(c.text)}" for i, (_, c) in enumerate(_choices(owner, q)) if c.correct
        ]
        out += ["**Correct:**", "", *right]
    elif q.type == "true-false":
        out += [f"**Correct:** {'True' if q.answer else 'False'}"]
    elif q.type == "text":
        out += ["**Accepted answers:**", "", *(f"- {_one_line(a)}" for a in q.answers)]
    elif q.type == "order":
        letters = {index: _letter(i) for i, (index, _) in enumerate(_order_items(owner, q))}
        out += ["**Correct order:**", ""]
        out += [f"{i + 1}. {letters[i]}. {_one_line(t)}" for i, t in enumerate(q.items)]
    elif q.type == "match":
        letters = {index: _letter(i) for i, (index, _) in enumerate(_rights(owner, q))}
        out += ["**Correct pairs:**", ""]
        out += [
            f"{i + 1}. {_one_line(p.left)} → {letters[i]}. {_one_line(p.right)}"
            for i, p in enumerate(q.pairs)
        ]
    if q.explanation.strip():
        explanation = _block(q.explanation)
        out += ["", f"**Explanation:** {explanation[0]}", *explanation[1:]]
    return out


def _scenario_lines(scenario: Scenario) -> list[str]:
    """A scenario as readable text: every step, every choice and where it leads, no scores."""
    channel = f" ({scenario.channel})" if scenario.channel else ""
    out = [f"**Scenario** (`{scenario.id}`): **{_one_line(scenario.title)}**{channel}", ""]
    if scenario.intro.strip():
        out += [*_block(scenario.intro), ""]
    out += [f"Start at step `{scenario.start}`.", ""]
    for step in scenario.reading_order():
        speaker = f" – {_one_line(step.speaker)}:" if step.speaker.strip() else ""
        head = f"Ending `{step.id}` (outcome: {step.ending})" if step.ending else f"Step `{step.id}`"
        out += [f"**{head}**{speaker}", "", *_quote(_block(step.text)), ""]
        if step.options:
            out += [
                f"- {_letter(i)}. {_one_line(o.text)} → step `{o.next}`" for i, o in enumerate(step.options)
            ]
            out += [""]
    return out[:-1]


def _best_route(scenario: Scenario) -> list[tuple[Step, int]]:
    """The highest-scoring route from the start, as ``(step, option index)``.

    Options that close a loop are left out, as :attr:`Scenario.max_score`
    leaves them out, so the route's total equals the score the page calls
    the maximum. Among equal totals a route to a ``success`` ending wins,
    then the earlier option.
    """
    by_id = {s.id: s for s in scenario.steps}
    if scenario.start not in by_id:
        return []
    walk = scenario.routes()
    order, back = walk.order, walk.loops
    best: dict[str, tuple[int, bool, int]] = {}  # step -> (score, ends in success, option)
    for step_id in order:
        step = by_id[step_id]
        value = (0, step.ending == "success", -1)
        for i, option in enumerate(step.options):
            if (step_id, i) in back or option.next not in by_id:
                continue
            score, success, _ = best[option.next]
            candidate = (option.score + score, success, i)
            if value[2] < 0 or candidate[:2] > value[:2]:
                value = candidate
        best[step_id] = value
    route: list[tuple[Step, int]] = []
    current = scenario.start
    while current in by_id and len(route) <= len(by_id):
        choice = best[current][2]
        route.append((by_id[current], choice))
        if choice < 0:
            break
        current = by_id[current].options[choice].next
    return route


def _scenario_answer_lines(scenario: Scenario) -> list[str]:
    out = [f"### Scenario `{scenario.id}`", "", f"**Best score:** {scenario.max_score}", ""]
    route = _best_route(scenario)
    if route:
        out += ["**Best route:**", ""]
        for n, (step, choice) in enumerate(route, 1):
            if choice < 0:
                out.append(f"{n}. Ending `{step.id}` ({step.ending or 'no ending'})")
            else:
                option = step.options[choice]
                out.append(
                    f"{n}. At `{step.id}` choose {_letter(choice)} ({option.score:+d}): {_one_line(option.text)}"
                )
        out.append("")
    out += ["**Choices and scores:**", ""]
    for step in scenario.reading_order():
        if step.ending:
            lesson = f": {_one_line(step.feedback)}" if step.feedback.strip() else ""
            out.append(f"- Ending `{step.id}`, outcome {step.ending}{lesson}")
            continue
        for i, option in enumerate(step.options):
            why = f" {_one_line(option.feedback)}" if option.feedback.strip() else ""
            out.append(f"- `{step.id}` {_letter(i)} ({option.score:+d}) → `{option.next}`.{why}")
    return out


def _module_lines(
    module: Module, academy: Academy, links: _Links, assets: AssetLinks | None = None
) -> list[str]:
    out = [f"# {_one_line(module.title)}", "", *_quote(_block(module.summary)), ""]
    prerequisites = [
        f"[{_link_text(p.title)}]({links.href(markdown_url(p.id))})" if (p := academy.module(i)) else f"`{i}`"
        for i in module.prerequisites
    ]
    facts = [f"**Level:** {module.level}", f"**Duration:** {module.duration} minutes"]
    facts.append("**Prerequisites:** " + (", ".join(prerequisites) if prerequisites else "none"))
    out += [" · ".join(facts), ""]
    paths = [
        f"[{_link_text(p.title)}]({links.href(links.urls.path(p.id))})" for p in academy.paths_of(module.id)
    ]
    more = ["**Learning paths:** " + ", ".join(paths)] if paths else []
    page = links.href(links.urls.module(module.id))
    more.append(f"**Interactive page:** [{page}]({page})")
    out += [" · ".join(more), ""]
    if module.objectives:
        out += ["## Learning objectives", ""]
        out += [f"- {_one_line(o.text)} (Bloom: {o.bloom})" for o in module.objectives]
        out += [""]

    shown: set[tuple[str, str]] = set()

    def authored(lines: list[str]) -> list[str]:
        # Prompts and feedback are plain text on the page, but authors do write
        # Markdown links in them; here they become live links, so they must
        # resolve like the body's.
        return [_rewrite_links(line, links) for line in lines]

    def marker(kind: str, item_id: str) -> list[str] | None:
        if kind == "check" and (check := module.check(item_id)):
            shown.add((kind, item_id))
            return authored(_question_lines(module.id, check))
        if kind == "scenario" and (scenario := module.scenario(item_id)):
            shown.add((kind, item_id))
            return authored(_scenario_lines(scenario))
        return None

    body_lines = module.body.split("\n")
    if assets:
        body_lines = _apply_assets(module, body_lines, assets, links)
    body = _plain_body("\n".join(body_lines).strip("\n"), links, marker)
    out += [*body, ""]
    rest_checks = [c for c in module.checks if ("check", c.id) not in shown]
    rest_scenarios = [s for s in module.scenarios if ("scenario", s.id) not in shown]
    if rest_checks:
        out += ["## Knowledge checks", ""]
        for check in rest_checks:
            out += [*authored(_question_lines(module.id, check)), ""]
    if rest_scenarios:
        out += ["## Scenarios", ""]
        for scenario in rest_scenarios:
            out += [*authored(_scenario_lines(scenario)), ""]
    if module.checks or module.scenarios:
        out += ["## Answers", "", _ANSWER_NOTE, ""]
        for check in module.checks:
            out += [*authored(_answer_lines(module.id, check)), ""]
        for scenario in module.scenarios:
            out += [*authored(_scenario_answer_lines(scenario)), ""]
    return out


def _join(lines: list[str]) -> str:
    """Lines to text: no trailing spaces, one blank line at most, one final newline."""
    text = "\n".join(line.rstrip() for line in lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"


def module_markdown(
    module: Module,
    academy: Academy,
    urls: SiteUrls,
    site_url: str,
    *,
    assets: AssetLinks | None = None,
    root: bool = False,
) -> str:
    """One module as clean Markdown, published at :func:`markdown_url`.

    For agents that cannot run the page's JavaScript: checks and scenarios
    appear as text where the author placed them, answers left out, and a
    marked ``## Answers`` section at the end holds the key. Only standard
    Markdown is produced (admonitions become block quotes), so any reader
    renders it; the body's code blocks are copied untouched.

    Args:
        module: The module to export.
        academy: The academy, for prerequisite and path titles.
        urls: The page layout, for links to pages.
        site_url: The site's public address: links are absolute when given,
            else relative to ``modules/``.
        assets: The MkDocs adapter's record of files the body references
            (its ``asset_links[module.id]``), so images point at the
            published copies; without it they are left as written.
        root: Make relative links for a file at the site root, as the
            module's section of ``llms-full.txt``. With a site URL links are
            absolute, and this changes nothing.
    """
    where = "" if root else _EXPORT_DIR
    return _join(_module_lines(module, academy, _Links(urls, academy, site_url, where), assets))


# --- llms.txt ----------------------------------------------------------------------------


def _intro(academy: Academy, site_name: str, site_summary: str) -> list[str]:
    summary = _one_line(site_summary) or (
        f"{len(academy.modules)} training modules in {len(academy.paths)} learning paths."
    )
    return [f"# {_one_line(site_name)}", "", f"> {summary}", ""]


def _reading_list(academy: Academy) -> list[Module]:
    """Modules in path order, then those in no path by title: the order a
    learner would meet them, and stable."""
    in_paths = _modules_of(academy, (i for lp in academy.paths for i in lp.module_ids))
    seen = {m.id for m in in_paths}
    return in_paths + _by_title(m for m in academy.modules if m.id not in seen)


def llms_txt(academy: Academy, urls: SiteUrls, *, site_name: str, site_summary: str, site_url: str) -> str:
    """The site's ``llms.txt`` (https://llmstxt.org), an index for language models.

    One section per learning path lists its modules in the order to take
    them; ``All modules`` lists each module once. Every link points at a
    module's Markdown export rather than its HTML page, because the export
    reads cleanly without JavaScript and includes the checks and answers.

    Args:
        academy: The checked academy.
        urls: The page layout.
        site_name: H1 of the file.
        site_summary: The one-paragraph summary under it; a count of modules
            and paths when empty.
        site_url: Links are absolute when given, else site-relative.
    """
    links = _Links(urls, academy, site_url, "")
    out = _intro(academy, site_name, site_summary)
    out += [
        "Each module link below is a clean Markdown version of a training module: its objectives, "
        "its text, its knowledge checks and branching scenarios as plain text, and an answer key "
        "at the end. Learning paths list modules in the order to take them.",
        "",
    ]

    def item(m: Module) -> str:
        return f"- [{_link_text(m.title)}]({links.href(markdown_url(m.id))}): {_one_line(m.summary)}"

    for lp in academy.paths:
        out += [f"## {_one_line(lp.title)}", ""]
        out += [item(m) for m in _modules_of(academy, lp.module_ids)]
        out += [""]
    out += ["## All modules", "", *(item(m) for m in _by_title(academy.modules)), ""]
    out += [
        "## Optional",
        "",
        f"- [Catalog]({links.href(CATALOG_URL)}): Every module, path and quiz as JSON, without answers "
        f"(schema: {links.href(CATALOG_SCHEMA_URL)}).",
        f"- [Full text]({links.href(LLMS_FULL_URL)}): Every module's Markdown in one file.",
    ]
    return _join(out)


def llms_full_txt(
    academy: Academy,
    urls: SiteUrls,
    *,
    site_name: str,
    site_summary: str,
    site_url: str,
    assets: Mapping[str, AssetLinks] | None = None,
    section: Callable[[Module], str] | None = None,
) -> str:
    """Every module's Markdown export in one file, ``llms-full.txt``.

    Modules come in path order, then the rest by title, each starting with
    its own H1 and separated by a rule. Links are rewritten for the file's
    place at the site root (or made absolute), so they still resolve.

    Each section is already joined (no trailing spaces, one blank line at
    most, one final newline), so the file is only their concatenation: under
    ``mkdocs serve`` a caller that keeps the sections of unchanged modules
    remakes the file after an edit by joining strings.

    Args:
        assets: Per module id, what :func:`module_markdown` takes as ``assets``.
        section: Gives a module's section, :func:`module_markdown` with
            ``root=True``, for callers that keep them between builds; by
            default each is made here.
    """

    def made(module: Module) -> str:
        return module_markdown(
            module, academy, urls, site_url, assets=(assets or {}).get(module.id), root=True
        )

    pieces = [_join(_intro(academy, site_name, site_summary))]
    for module in _reading_list(academy):
        pieces += ["\n---\n\n", (section or made)(module)]
    return "".join(pieces)


# --- JSON-LD -----------------------------------------------------------------------------


def iso_duration(minutes: int) -> str:
    """Minutes as an ISO 8601 duration (``PT1H30M``), schema.org's ``timeRequired``."""
    hours, rest = divmod(max(minutes, 0), 60)
    if not hours:
        return f"PT{rest}M"
    return f"PT{hours}H{rest}M" if rest else f"PT{hours}H"


# Text values are kept as written (only trimmed): JSON carries newlines and any
# character safely, and embed_json makes them safe inside the script element.
def _page_link(urls: SiteUrls, site_url: str, page: str, target: str) -> str:
    # Without a site URL a site-relative URL would be resolved against the page
    # that embeds the JSON-LD, so it is made relative to that page instead.
    return _absolute(site_url, target) if site_url else urls.base_of(page) + target


def jsonld_module(
    module: Module, academy: Academy, urls: SiteUrls, site_url: str, language: str = "en"
) -> str:
    """schema.org ``LearningResource`` for a module page, as embeddable JSON text.

    Returns the text for a ``<script type="application/ld+json">`` element
    (without the element), escaped by :func:`embed_json`.
    """
    page = urls.module(module.id)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": module.title.strip(),
        "description": module.summary.strip(),
        "url": _page_link(urls, site_url, page, page),
        "learningResourceType": "module",
        "educationalLevel": module.level,
        "timeRequired": iso_duration(module.duration),
        "inLanguage": language,
        "teaches": [o.text.strip() for o in module.objectives],
        "isPartOf": [
            {
                "@type": "Course",
                "name": lp.title.strip(),
                "url": _page_link(urls, site_url, page, urls.path(lp.id)),
            }
            for lp in academy.paths_of(module.id)
        ],
    }
    if module.tags:
        data["keywords"] = list(module.tags)
    return embed_json(data)


def jsonld_path(
    path: LearningPath, academy: Academy, urls: SiteUrls, site_url: str, language: str = "en"
) -> str:
    """schema.org ``Course`` for a path page, as embeddable JSON text.

    The modules are its parts in the order to take them; what it teaches is
    every objective of those modules, each once.
    """
    page = urls.path(path.id)
    modules = _modules_of(academy, path.module_ids)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": path.title.strip(),
        "description": path.summary.strip() or path.role.strip(),
        "url": _page_link(urls, site_url, page, page),
        "timeRequired": iso_duration(academy.path_duration(path)),
        "inLanguage": language,
        "audience": {"@type": "EducationalAudience", "educationalRole": path.role.strip()},
        "teaches": list(dict.fromkeys(o.text.strip() for m in modules for o in m.objectives)),
        "hasPart": [
            {
                "@type": "LearningResource",
                "name": m.title.strip(),
                "url": _page_link(urls, site_url, page, urls.module(m.id)),
                "timeRequired": iso_duration(m.duration),
            }
            for m in modules
        ],
    }
    required = [p for i in path.requires if (p := academy.path(i))]
    if required:
        data["coursePrerequisites"] = [
            {
                "@type": "Course",
                "name": p.title.strip(),
                "url": _page_link(urls, site_url, page, urls.path(p.id)),
            }
            for p in required
        ]
    if path.certificate_title:
        data["educationalCredentialAwarded"] = path.certificate_title.strip()
    return embed_json(data)
