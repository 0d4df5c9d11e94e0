"""From raw xAPI statements to compact events about this academy's content.

Statements arrive one at a time (:mod:`academy.core.analytics.read`) and
leave only what the figures need: a learner number, a time, what happened
and to which item. The learner's identity (account, email) is turned into
a number here and kept in memory only, for grouping; nothing downstream
sees it, so no report can print it.

Activity ids are the addresses the sender builds (``academy-xapi.js``):
``BASE + modules/ID/``, ``…#check-ID``, ``…#scenario-ID``,
``BASE + quizzes/ID/#q-QUIZ-ID``, ``BASE + paths/ID/``, with ``.html``
instead of ``/`` for sites without directory URLs. They are joined with
the current content by id; ids under the base that no longer exist are
counted per activity, for the "no longer in the academy" list.
"""

from __future__ import annotations

import datetime as _dt
import re
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from academy.core.analytics.read import Malformed, ReadNote
from academy.core.model import Academy

VERB = "http://adlnet.gov/expapi/verbs/"
#: Extensions the sender adds (``academy-xapi.js``); URNs, so no site's
#: address is needed to name them.
EXT_ROUTE = "urn:academy:xapi:route"
EXT_TESTED = "urn:academy:xapi:tested"

# What happened, in an event's ``kind`` slot.
ANSWER, SEEN, DONE, SCENARIO, QUIZ, PATH = range(6)

#: Choice-like questions: their responses are choice indexes or true/false,
#: which say nothing about the learner. Free-text answers are never kept.
CHOSEN = ("single", "multiple", "true-false")

_PAGE = re.compile(r"(modules|paths|quizzes)/([^/#?]+?)(?:/(?:index\.html)?|\.html)")
_DURATION = re.compile(
    r"P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?"
)


def duration_seconds(text: Any) -> float | None:
    """Seconds in an ISO 8601 duration (``PT12.5S``); ``None`` if not one."""
    if not isinstance(text, str) or len(text) < 3:
        return None
    if text.startswith("PT") and text.endswith("S"):  # what the sender writes: a fast path
        try:
            return float(text[2:-1])
        except ValueError:
            pass
    m = _DURATION.fullmatch(text)
    if not m or not any(m.groups()):
        return None
    d, h, mi, s = (float(g) if g else 0.0 for g in m.groups())
    return ((d * 24 + h) * 60 + mi) * 60 + s


def _time(text: Any) -> float | None:
    if not isinstance(text, str):
        return None
    try:
        moment = _dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_dt.UTC)  # xAPI 1.0.3 asks for a zone; assume UTC without one
    return moment.timestamp()


def _learner(actor: Any) -> str | None:
    """The inverse functional identifier that xAPI says names an agent."""
    if not isinstance(actor, dict):
        return None
    account = actor.get("account")
    if isinstance(account, dict) and isinstance(account.get("name"), str):
        return "a\x00" + str(account.get("homePage", "")) + "\x00" + account["name"]
    for key in ("mbox", "mbox_sha1sum", "openid"):
        if isinstance(actor.get(key), str):
            return key + "\x00" + actor[key]
    return None


@dataclass
class Collected:
    """Compact events, and the counts the summary reports.

    ``events`` holds ``(learner, time, kind, target, success, value,
    seconds, statement_id)`` tuples: tuples of shared strings and small
    numbers, the least memory per statement Python offers without NumPy.
    """

    targets: list[tuple[str, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    learners: int = 0
    read: int = 0
    duplicates: int = 0
    voided: set[str] = field(default_factory=set)
    malformed: Counter[str] = field(default_factory=Counter)
    notes: list[ReadNote] = field(default_factory=list)
    outside: int = 0
    ignored: int = 0
    gone: Counter[str] = field(default_factory=Counter)


class Collector:
    """Takes statements one by one (:meth:`add`), keeping what the figures need.

    Args:
        academy: The current content, to join activity ids with.
        base: The activity base (``activity_base``, else the site's address):
            only activities under it are this academy's.
    """

    def __init__(self, academy: Academy, base: str) -> None:
        self.academy = academy
        self.base = base if base.endswith("/") else base + "/"
        self.out = Collected()
        self._ids: set[str] = set()
        self._learners: dict[str, int] = {}
        self._activity: dict[str, int | None] = {}
        self._target_index: dict[tuple[str, ...], int] = {}
        self._types: dict[int, str] = {}

    @property
    def target_index(self) -> dict[tuple[str, ...], int]:
        """Each joined item's key (``("check", module, id)`` …) to its number."""
        return self._target_index

    def _bad(self, why: str) -> None:
        self.out.malformed[why] += 1

    def add(self, statement: Any) -> None:
        """Count and keep one statement; never raises for what it holds."""
        out = self.out
        out.read += 1
        if isinstance(statement, Malformed):
            out.malformed["not valid JSON"] += 1
            if len(out.notes) < 5:
                out.notes.append(statement.note)
            return
        if not isinstance(statement, dict):
            return self._bad("not a JSON object")
        sid = statement.get("id")
        if sid is not None:
            if not isinstance(sid, str):
                return self._bad("an id that is not text")
            if sid in self._ids:
                out.duplicates += 1
                return
            self._ids.add(sid)
        verb = statement.get("verb")
        verb_id = verb.get("id") if isinstance(verb, dict) else None
        obj = statement.get("object")
        object_id = obj.get("id") if isinstance(obj, dict) else None
        if not isinstance(verb_id, str):
            return self._bad("no verb id")
        if not isinstance(object_id, str):
            return self._bad("no object id")
        if verb_id == VERB + "voided":
            out.voided.add(object_id)
            return None
        who = _learner(statement.get("actor"))
        if who is None:
            return self._bad("no actor that names a learner")
        moment = _time(statement.get("timestamp") or statement.get("stored"))
        if moment is None:
            return self._bad("no valid timestamp")
        target = self._target(object_id)
        if target is None:
            return None
        result = statement.get("result")
        if not isinstance(result, dict):
            result = {}
        event = self._event(verb_id[len(VERB) :] if verb_id.startswith(VERB) else "", target, result)
        if event is None:
            out.ignored += 1
            return None
        learner = self._learners.get(who)
        if learner is None:
            learner = self._learners[who] = len(self._learners)
            out.learners = len(self._learners)
        kind, success, value, seconds = event
        out.events.append((learner, moment, kind, target, success, value, seconds, sid))
        return None

    def _target(self, activity: str) -> int | None:
        """The target's number, or ``None`` (counted) when not analysed."""
        if activity in self._activity:
            found = self._activity[activity]
            if found is None:
                self._count_miss(activity)
            return found
        key = self._join(activity)
        index: int | None = None
        if key is not None and key[0] != "gone":
            index = self._target_index.get(key)
            if index is None:
                index = self._target_index[key] = len(self.out.targets)
                self.out.targets.append(key)
        self._activity[activity] = index
        if index is None:
            self._count_miss(activity)
        return index

    def _count_miss(self, activity: str) -> None:
        if not activity.startswith(self.base):
            self.out.outside += 1
        elif self._join(activity) is None:
            self.out.ignored += 1
        else:
            self.out.gone[activity] += 1

    def _join(self, activity: str) -> tuple[str, ...] | None:
        """``(kind, ids…)`` for current content, ``("gone",)`` for removed
        content, ``None`` for what is not analysed (other sites, pages)."""
        if not activity.startswith(self.base):
            return None
        page, _, fragment = activity[len(self.base) :].partition("#")
        m = _PAGE.fullmatch(page)
        if not m:
            return None
        section, item = m.group(1), urllib.parse.unquote(m.group(2))
        fragment = urllib.parse.unquote(fragment)
        gone = ("gone",)
        a = self.academy
        if section == "modules":
            module = a.module(item)
            if not fragment:
                return ("module", item) if module else gone
            if fragment.startswith("check-"):
                check = fragment[6:]
                return ("check", item, check) if module and module.check(check) else gone
            if fragment.startswith("scenario-"):
                scenario = fragment[9:]
                return ("scenario", item, scenario) if module and module.scenario(scenario) else gone
            return None
        if section == "quizzes":
            quiz = a.quiz(item)
            if not fragment:
                return ("quiz", item) if quiz else gone
            prefix = f"q-{item}-"
            if fragment.startswith(prefix):
                qid = fragment[len(prefix) :]
                found = quiz and any(q.id == qid for q in quiz.questions)
                return ("question", item, qid) if found else gone
            return None
        if fragment:
            return None
        return ("path", item) if a.path(item) else gone

    def _event(self, verb: str, target: int, result: dict[str, Any]) -> tuple[int, Any, Any, Any] | None:
        key = self.out.targets[target]
        kind = key[0]
        success = result.get("success") if isinstance(result.get("success"), bool) else None
        if verb == "answered" and kind in ("check", "question"):
            value = None
            response = result.get("response")
            kind_of = self._types.get(target)
            if kind_of is None:
                kind_of = self._types[target] = self._question_type(key)
            if isinstance(response, str) and kind_of in CHOSEN:
                value = response
            return ANSWER, success, value, duration_seconds(result.get("duration"))
        if kind == "module" and verb in ("experienced", "completed"):
            return (SEEN if verb == "experienced" else DONE), None, None, None
        if kind == "scenario" and verb == "completed":
            ending = result.get("response") if isinstance(result.get("response"), str) else ""
            extensions = result.get("extensions") if isinstance(result.get("extensions"), dict) else {}
            route = _route(extensions.get(EXT_ROUTE))
            return SCENARIO, success, (ending, route), None
        if kind == "quiz" and verb in ("passed", "failed", "completed"):
            score = result.get("score") if isinstance(result.get("score"), dict) else {}
            scaled = score.get("scaled")
            scaled = (
                float(scaled) if isinstance(scaled, int | float) and not isinstance(scaled, bool) else None
            )
            extensions = result.get("extensions") if isinstance(result.get("extensions"), dict) else {}
            tested = extensions.get(EXT_TESTED)
            tested = tuple(t for t in tested if isinstance(t, str)) if isinstance(tested, list) else None
            passed = True if verb == "passed" else False if verb == "failed" else None
            return QUIZ, passed, (scaled, tested), None
        if kind == "path" and verb == "completed":
            return PATH, None, None, None
        return None

    def _question_type(self, key: tuple[str, ...]) -> str:
        if key[0] == "check":
            module = self.academy.module(key[1])
            check = module.check(key[2]) if module else None
            return check.type if check else ""
        quiz = self.academy.quiz(key[1])
        return next((q.type for q in quiz.questions if q.id == key[2]), "") if quiz else ""


def _route(raw: Any) -> tuple[tuple[str, int], ...] | None:
    if not isinstance(raw, list):
        return None
    out = []
    for turn in raw:
        if (
            isinstance(turn, list)
            and len(turn) == 2
            and isinstance(turn[0], str)
            and isinstance(turn[1], int)
            and not isinstance(turn[1], bool)
        ):
            out.append((turn[0], turn[1]))
        else:
            return None
    return tuple(out)
