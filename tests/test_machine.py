"""Machine-readable outputs: catalog.json, its schema, Markdown exports, llms.txt, JSON-LD.

Most tests run on the real sample academy (modules/, paths/, quizzes/ of
this repository), so they break when an export stops covering real content;
the escaping tests build small hostile modules of their own.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from academy.core import markers
from academy.core.engine import run
from academy.core.model import (
    Academy,
    Choice,
    LearningPath,
    Module,
    Objective,
    Option,
    Question,
    Scenario,
    Stage,
    Step,
)
from academy.core.schemas.catalog import catalog_schema
from academy.core.settings import Settings
from academy.outputs.catalog import catalog, catalog_json
from academy.outputs.common import build_time, embed_json, markdown_url
from academy.outputs.export import Links, join_lines, module_lines, module_markdown
from academy.outputs.jsonld import iso_duration, jsonld_module, jsonld_path
from academy.outputs.llms import intro, llms_full_txt, llms_txt, reading_list
from academy.render.urls import SiteUrls

from helpers import schema_objects

REPO = Path(__file__).resolve().parents[1]
SCHEMA_FILE = REPO / "plugins" / "academy" / "core" / "schemas" / "catalog.schema.json"
SITE = "https://academy.example.org/"
PAYLOAD = "</script><script>alert(1)</script>\u2028&\u2029<!--"
DIRS = SiteUrls(use_directory_urls=True)
FLAT = SiteUrls(use_directory_urls=False)


@pytest.fixture(scope="module")
def academy() -> Academy:
    result = run(Settings.from_options(REPO, {}))
    assert result.errors == []
    return result.academy


def _catalog(academy: Academy, urls: SiteUrls = DIRS, site_url: str = SITE) -> dict[str, Any]:
    return catalog(
        academy, urls, site_name="Customer Service Academy", site_url=site_url, built=dt.date(2026, 11, 1)
    )


def _keys(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _keys(value)
    elif isinstance(node, list):
        for value in node:
            yield from _keys(value)


def _hostile_academy() -> Academy:
    """One module and one path whose every text field carries a script payload."""
    check = Question(
        id="q",
        type="single",
        prompt=f"# Heading?\n```\n{PAYLOAD}",
        objective="know",
        choices=(Choice("first\nline", correct=True), Choice("- second")),
        explanation="Because.",
    )
    module = Module(
        id="hostile",
        title=f"Title {PAYLOAD}",
        summary=f"Summary {PAYLOAD}",
        level="foundation",
        duration=90,
        file="modules/hostile.md",
        body="Intro.\n\n[[check q]]\n\nEnd.\n",
        objectives=(Objective("know", f"Objective {PAYLOAD}", "remember"),),
        checks=(check,),
    )
    path = LearningPath(
        id="hostile-path",
        title=f"Path {PAYLOAD}",
        role=f"Role {PAYLOAD}",
        file="paths/hostile-path.yml",
        stages=(Stage("one", "One", ("hostile",)),),
        summary=f"Path summary {PAYLOAD}",
    )
    return Academy.of((module,), (path,), ())


# --- catalog.json and its schema -------------------------------------------------------


def test_catalog_schema_is_valid_draft_2020_12() -> None:
    # That the committed file matches its source is test_schemas' job, for all four.
    document = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_catalog_schema_follows_the_schema_conventions() -> None:
    objects = list(schema_objects(catalog_schema(), "catalog"))
    assert len(objects) == 7  # root, site, objective, module, stage, path, quiz
    undocumented = [
        f"{where}/{name}"
        for where, obj in objects
        for name, prop in obj["properties"].items()
        if not prop.get("description") or not prop.get("examples")
    ]
    assert undocumented == []
    assert [where for where, obj in objects if obj.get("additionalProperties") is not False] == []


@pytest.mark.parametrize(("urls", "site_url"), [(DIRS, SITE), (FLAT, ""), (DIRS, "")])
def test_catalog_validates_against_its_schema(academy: Academy, urls: SiteUrls, site_url: str) -> None:
    validator = Draft202012Validator(catalog_schema(), format_checker=FormatChecker())
    data = json.loads(catalog_json(_catalog(academy, urls, site_url)))
    assert [e.message for e in validator.iter_errors(data)] == []


def test_catalog_schema_rejects_unknown_fields_and_answers(academy: Academy) -> None:
    validator = Draft202012Validator(catalog_schema())
    data = _catalog(academy)
    data["quizzes"][0]["answers"] = ["x"]
    assert not validator.is_valid(data)


def test_catalog_lists_every_module_path_and_quiz(academy: Academy) -> None:
    data = _catalog(academy)
    assert [m["id"] for m in data["modules"]] == sorted(m.id for m in academy.modules)
    assert [p["id"] for p in data["paths"]] == [
        "new-hire-agent",
        "quality-and-compliance",
        "team-lead",
        "tier-2-specialist",
    ]
    assert [q["id"] for q in data["quizzes"]] == sorted(q.id for q in academy.quizzes)
    assert len(data["modules"]) == 26
    assert len(data["quizzes"]) == 15
    assert data["$schema"] == "schemas/catalog.schema.json"
    assert data["version"] == 1
    assert data["site"] == {"name": "Customer Service Academy", "url": SITE}
    assert data["built"] == "2026-11-01T00:00:00Z"


def test_catalog_entries_carry_exact_values(academy: Academy) -> None:
    data = _catalog(academy)
    module = next(m for m in data["modules"] if m["id"] == "active-listening")
    assert module["title"] == "Active listening"
    assert module["level"] == "foundation"
    assert module["duration"] == 25
    assert module["url"] == "modules/active-listening/"
    assert module["markdown"] == "modules/active-listening.md"
    assert module["paths"] == ["new-hire-agent"]
    assert module["prerequisites"] == ["support-philosophy"]
    assert module["tags"] == ["communication", "listening", "questioning"]
    assert (module["questions"], module["scenarios"]) == (4, 1)
    assert module["owner"] == "support-enablement"
    assert module["reviewed"] == "2026-10-14"
    assert module["objectives"][0] == {
        "id": "explain-real-need",
        "text": "Explain why agents who ask only about the problem, and never about its impact, give poorer service.",
        "bloom": "understand",
    }
    shared = next(m for m in data["modules"] if m["id"] == "qa-as-coaching")
    assert shared["paths"] == ["quality-and-compliance", "team-lead"]

    path = data["paths"][0]
    assert path["url"] == "paths/new-hire-agent/"
    assert path["duration"] == 375
    assert path["placement"] == "new-hire-placement"
    assert path["requires"] == []
    assert [(s["id"], s["assessment"]) for s in path["stages"]] == [
        ("week-1-foundations", "new-hire-week-1"),
        ("weeks-2-4-guided-contact", "new-hire-guided-contact"),
        ("weeks-5-6-autonomy", "new-hire-autonomy"),
    ]
    assert path["stages"][0]["modules"][:2] == ["support-philosophy", "product-basics"]
    assert data["paths"][1]["placement"] is None
    assert data["paths"][1]["requires"] == ["new-hire-agent"]

    quiz = next(q for q in data["quizzes"] if q["id"] == "new-hire-week-1")
    assert quiz == {
        "id": "new-hire-week-1",
        "title": "Week 1 assessment: foundations",
        "kind": "assessment",
        "summary": "Product tiers, Helm, Fernhill Answers, compliance and our service standards. "
        "Twelve questions drawn from the pool; 80% to pass.",
        "url": "quizzes/new-hire-week-1/",
        "pass_mark": 80,
        "draw": 12,
        "questions": 25,
        "modules": [
            "compliance-essentials",
            "knowledge-base",
            "product-basics",
            "support-philosophy",
            "ticket-system",
        ],
    }


def test_catalog_urls_follow_the_url_style_but_markdown_does_not(academy: Academy) -> None:
    data = _catalog(academy, FLAT, "")
    module = next(m for m in data["modules"] if m["id"] == "active-listening")
    assert module["url"] == "modules/active-listening.html"
    assert module["markdown"] == "modules/active-listening.md"
    assert data["paths"][0]["url"] == "paths/new-hire-agent.html"
    assert data["site"]["url"] is None


def test_catalog_contains_no_answer_data(academy: Academy) -> None:
    data = _catalog(academy)
    forbidden = {"correct", "answer", "answers", "pairs", "choices", "items", "explanation", "feedback"}
    assert forbidden & set(_keys(data)) == set()
    text = catalog_json(data)
    for _, question in academy.questions():
        assert question.prompt.strip() not in text
        for choice in question.choices:
            if len(choice.text) > 30:  # short texts ("Yes") occur anywhere
                assert choice.text.strip() not in text


def test_catalog_text_is_stable(academy: Academy) -> None:
    first = catalog_json(_catalog(academy))
    assert first == catalog_json(_catalog(academy))
    assert first.endswith("}\n")


# --- build time -------------------------------------------------------------------------


def test_build_time_honours_source_date_epoch(monkeypatch: pytest.MonkeyPatch, academy: Academy) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1793491200")
    built = build_time()
    assert built == dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    data = catalog(academy, DIRS, site_name="A", site_url="", built=built)
    assert data["built"] == "2026-11-01T00:00:00Z"


def test_build_time_without_epoch_is_now_in_utc_to_the_second(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "not a number")
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    built = build_time()
    assert built.tzinfo is dt.UTC
    assert built.microsecond == 0
    assert before <= built <= dt.datetime.now(dt.UTC)


def test_built_is_normalised_to_utc(academy: Academy) -> None:
    plus_two = dt.timezone(dt.timedelta(hours=2))
    aware = dt.datetime(2026, 11, 1, 2, 30, 15, 999, tzinfo=plus_two)
    data = catalog(academy, DIRS, site_name="A", site_url="", built=aware)
    assert data["built"] == "2026-11-01T00:30:15Z"


# --- module Markdown exports ---------------------------------------------------------------


def test_markdown_url_ignores_the_url_style() -> None:
    assert markdown_url("active-listening") == "modules/active-listening.md"


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n{heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)]


def test_every_module_exports_all_checks_before_its_answers(academy: Academy) -> None:
    for module in academy.modules:
        text = module_markdown(module, academy, DIRS, SITE)
        assert text.startswith(f"# {module.title}\n\n> ")
        assert text.endswith("\n") and not text.endswith("\n\n")
        assert [m for m in markers.scan(text) if m.kind] == [], module.id
        assert "[[check" not in "\n".join(line for _, line in markers.outside_code(text)), module.id
        if not (module.checks or module.scenarios):
            assert "\n## Answers\n" not in text
            continue
        answers = text.index("\n## Answers\n")
        assert text.count("\n## Answers\n") == 1
        assert text.index("> Answer key for agents. Learners: try the questions first.") > answers
        # The answer key is the last section.
        assert "\n## " not in text[answers + 1 :].replace("\n## Answers\n", "", 1)
        for check in module.checks:
            first_line = check.prompt.strip().split("\n")[0].strip()
            asked = text.index(f"**Check your understanding** (`{check.id}`")
            assert text.count(f"**Check your understanding** (`{check.id}`") == 1, (module.id, check.id)
            assert first_line in text[asked:answers], (module.id, check.id)
            assert text.index(f"### Check `{check.id}`") > answers
            if check.explanation.strip():
                assert check.explanation.strip().split("\n")[0] not in text[:answers]
        for scenario in module.scenarios:
            assert text.index(f"**Scenario** (`{scenario.id}`)") < answers
            assert text.index(f"### Scenario `{scenario.id}`") > answers


def test_placed_checks_appear_where_the_marker_was(academy: Academy) -> None:
    module = academy.module("active-listening")
    assert module is not None
    text = module_markdown(module, academy, DIRS, "")
    # [[check first-move]] sits between these two headings in the source.
    assert (
        text.index("### Paraphrase and check")
        < text.index("(`first-move`, single choice)")
        < text.index("### Then propose the fix")
    )
    assert text.index("## Practise it") < text.index("**Scenario** (`parcel-stopped-moving`)")
    # Not placed in the body: listed after it, before the answers.
    rest = _section(text, "## Knowledge checks")
    assert "(`real-cause`, short answer)" in rest
    assert "(`behaviour-match`, matching)" in rest
    assert "(`first-move`" not in rest
    assert "\n## Scenarios\n" not in text


def _lettered(block: str) -> dict[str, str]:
    return dict(re.findall(r"^- ([A-Z])\. (.+)$", block, re.M))


def test_answer_letters_name_the_options_the_question_shows(academy: Academy) -> None:
    module = academy.module("active-listening")
    assert module is not None
    text = module_markdown(module, academy, DIRS, "")
    answers = text.index("\n## Answers\n")

    asked = text[text.index("(`first-move`") : text.index("### Then propose the fix")]
    shown = _lettered(asked)
    check = module.check("first-move")
    assert check is not None
    assert sorted(shown.values()) == sorted(c.text for c in check.choices)
    key = text[text.index("### Check `first-move`", answers) :]
    key = _lettered(key[: key.index("**Explanation:**")])
    assert len(key) == 1
    ((letter, choice),) = key.items()
    assert shown[letter] == choice == next(c.text for c in check.choices if c.correct)

    order = module.check("listening-loop")
    assert order is not None
    asked = text[text.index("(`listening-loop`") : text.index("## Listening in writing")]
    shown = _lettered(asked)
    assert list(shown.values()) != list(order.items)  # never shown already sorted
    key = text[text.index("### Check `listening-loop`", answers) :]
    steps = re.findall(r"^(\d)\. ([A-Z])\. (.+)$", key, re.M)[:5]
    assert [text for _, _, text in steps] == list(order.items)
    assert all(shown[letter] == item for _, letter, item in steps)

    key = text[text.index("### Check `real-cause`", answers) :]
    assert "- average call time\n" in key and "- AHT\n" in key


def test_best_route_scores_the_scenario_maximum(academy: Academy) -> None:
    scenarios = [(m, s) for m in academy.modules for s in m.scenarios]
    assert scenarios
    for module, scenario in scenarios:
        text = module_markdown(module, academy, DIRS, "")
        key = text[text.index(f"### Scenario `{scenario.id}`") :]
        key = key[: key.index("**Choices and scores:**")]
        assert f"**Best score:** {scenario.max_score}\n" in key
        scores = [int(s) for s in re.findall(r"^\d+\. At `[^`]+` choose [A-Z]+ \(([+-]\d+)\)", key, re.M)]
        assert sum(scores) == scenario.max_score, scenario.id
        assert re.search(r"^\d+\. Ending `[^`]+` \(success\)$", key, re.M), scenario.id


def test_best_route_prefers_score_then_success_and_skips_loops(academy: Academy) -> None:
    scenario = Scenario(
        id="route",
        objective="know",
        title="Route",
        start="s",
        allow_loops=True,
        steps=(
            Step("s", "Start.", options=(Option("weak", "end-fail", 0), Option("good", "mid", 2))),
            Step(
                "mid",
                "Middle.",
                options=(
                    Option("ok", "end-partial", 1),
                    Option("also", "end-success", 1),
                    Option("again", "s", 5),  # closes a loop: never part of the best route
                ),
            ),
            Step("end-fail", "Lost.", ending="fail"),
            Step("end-partial", "Half.", ending="partial"),
            Step("end-success", "Won.", ending="success"),
        ),
    )
    assert scenario.max_score == 3
    module = replace(_hostile_academy().modules[0], checks=(), body="", scenarios=(scenario,))
    text = module_markdown(module, academy, DIRS, "")
    key = text[text.index("### Scenario `route`") :]
    assert "**Best score:** 3\n" in key
    assert (
        "1. At `s` choose B (+2): good\n2. At `mid` choose B (+1): also\n3. Ending `end-success` (success)\n"
        in key
    )
    assert "- `mid` C (+5) → `s`." in key


def test_module_export_links(academy: Academy) -> None:
    module = academy.module("active-listening")
    assert module is not None
    relative = module_markdown(module, academy, DIRS, "")
    assert "](../sources/#belding)" in relative
    assert "](tone-and-empathy.md)" in relative
    assert (
        "**Prerequisites:** [Our support philosophy and service standards](support-philosophy.md)" in relative
    )
    assert "[New-hire support agent](../paths/new-hire-agent/)" in relative
    absolute = module_markdown(module, academy, FLAT, SITE)
    assert f"]({SITE}sources.html#belding)" in absolute
    assert f"]({SITE}modules/tone-and-empathy.md)" in absolute
    assert f"({SITE}modules/active-listening.html)" in absolute


def test_body_conversion_keeps_code_and_makes_mkdocs_syntax_plain(academy: Academy) -> None:
    module = academy.module("active-listening")
    assert module is not None
    body = "\n".join(
        [
            "Text with `[code](../sources.md)` and [a link](../glossary.md).",
            "",
            '!!! tip "Do this"',
            "    Inside the tip.",
            "",
            "    Second paragraph.",
            "",
            "After.",
            "",
            "```markdown",
            "[[check first-move]]",
            "!!! note",
            "```",
            "",
            "[[check first-move]]",
            "[[scenario nope]]",
            "[[check]]",
            "",
            "[ref]: ../sources.md#glossary",
        ]
    )
    text = module_markdown(replace(module, body=body), academy, DIRS, "")
    assert "Text with `[code](../sources.md)` and [a link](../glossary/)." in text
    assert "> **Do this**\n>\n> Inside the tip.\n>\n> Second paragraph.\n\nAfter." in text
    assert "```markdown\n[[check first-move]]\n!!! note\n```" in text
    assert text.count("(`first-move`, single choice)") == 1
    assert "[[scenario nope]]" not in text
    assert "[[check]]" not in text  # a broken marker (an error in the build) is dropped
    assert "[ref]: ../sources/#glossary" in text


def test_asset_links_point_at_published_copies(academy: Academy) -> None:
    module = academy.module("active-listening")
    assert module is not None
    line = '![Queue](img/q.png) <img src="img/q.png">'
    body_line = 30
    first, second = line.index("img/q.png") + 1, line.rindex("img/q.png") + 1
    assets = {
        (body_line, first): ("img/q.png", "assets/files/modules/img/q.png", False),
        (body_line, second): ("img/q.png", "assets/files/modules/img/q.png", True),
    }
    changed = replace(module, body=line, body_line=body_line)
    text = module_markdown(changed, academy, DIRS, "", assets=assets)
    assert '![Queue](../assets/files/modules/img/q.png) <img src="../assets/files/modules/img/q.png">' in text
    text = module_markdown(changed, academy, DIRS, SITE, assets=assets)
    assert (
        f'![Queue]({SITE}assets/files/modules/img/q.png) <img src="{SITE}assets/files/modules/img/q.png">'
        in text
    )


def test_author_text_cannot_break_the_export_structure() -> None:
    academy = _hostile_academy()
    module = academy.module("hostile")
    assert module is not None
    text = module_markdown(module, academy, DIRS, "")
    lines = text.split("\n")
    assert not [line for line in lines if line.startswith("# Heading")]
    assert "(`q`, single choice): \\# Heading?" in text
    assert not [line for line in lines if line.startswith("```")]
    assert "- A. first line" in lines or "- B. first line" in lines
    assert "- A. - second" in lines or "- B. - second" in lines
    assert [line for line in lines if line.startswith("## ")] == ["## Learning objectives", "## Answers"]


# --- llms.txt and llms-full.txt ------------------------------------------------------------


def _llms(academy: Academy, site_url: str = "") -> str:
    return llms_txt(
        academy,
        DIRS,
        site_name="Customer Service Academy",
        site_summary="Role-based training\nfor customer-service teams.",
        site_url=site_url,
    )


def test_llms_txt_follows_the_convention(academy: Academy) -> None:
    text = _llms(academy)
    assert text.startswith(
        "# Customer Service Academy\n\n> Role-based training for customer-service teams.\n\n"
    )
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == [p.title for p in academy.paths] + ["All modules", "Optional"]
    assert re.findall(r"^# ", text, re.M) == ["# "]
    for line in text.split("\n"):
        if line.startswith("- "):
            assert re.fullmatch(r"- \[[^\]]+\]\([^()\s]+\): \S.*\S", line), line


def test_llms_txt_links_each_module_export_once_in_all_modules(academy: Academy) -> None:
    text = _llms(academy)
    every = _section(text, "## All modules")
    links = re.findall(r"^- \[[^\]]+\]\(([^)]+)\)", every, re.M)
    assert sorted(links) == sorted(markdown_url(m.id) for m in academy.modules)
    assert len(links) == len(set(links)) == 26


def test_llms_txt_lists_path_modules_in_stage_order(academy: Academy) -> None:
    text = _llms(academy, SITE)
    for path in academy.paths:
        section = _section(text, f"## {path.title}")
        links = re.findall(r"^- \[[^\]]+\]\(([^)]+)\)", section, re.M)
        assert links == [SITE + markdown_url(i) for i in dict.fromkeys(path.module_ids)]
    optional = _section(text, "## Optional")
    assert f"]({SITE}catalog.json)" in optional
    assert f"]({SITE}llms-full.txt)" in optional


def test_llms_txt_descriptions_stay_on_one_line() -> None:
    academy = _hostile_academy()
    module = academy.module("hostile")
    assert module is not None
    multi = replace(module, title="A [bracketed] title", summary="Line one\n\nline two\n- not a list")
    academy = Academy.of((multi,), academy.paths, ())
    text = llms_txt(academy, DIRS, site_name="X", site_summary="", site_url="")
    assert "- [A \\[bracketed\\] title](modules/hostile.md): Line one line two - not a list\n" in text
    assert "> 1 training modules in 1 learning paths." in text


def test_llms_full_txt_holds_every_module_once_in_path_order(academy: Academy) -> None:
    text = llms_full_txt(
        academy, DIRS, site_name="Customer Service Academy", site_summary="Training.", site_url=""
    )
    assert text.startswith("# Customer Service Academy\n\n> Training.\n\n---\n\n# ")
    titles = re.findall(r"^# (.+)$", text, re.M)[1:]
    in_paths = list(dict.fromkeys(i for p in academy.paths for i in p.module_ids))
    expected = [academy.module(i).title for i in in_paths]  # type: ignore[union-attr]
    expected += sorted((m.title for m in academy.modules if m.id not in in_paths), key=lambda t: t.casefold())
    assert titles == expected
    assert text.count("\n---\n") == len(academy.modules)
    # Links are rewritten for the root of the site, where this file lives.
    assert "](sources/#belding)" in text
    assert "](modules/tone-and-empathy.md)" in text
    assert "](../" not in text


# --- JSON-LD ---------------------------------------------------------------------------------


def test_iso_durations() -> None:
    assert [iso_duration(m) for m in (0, 25, 60, 90, 375)] == [
        "PT0M",
        "PT25M",
        "PT1H",
        "PT1H30M",
        "PT6H15M",
    ]


def test_jsonld_for_every_module_and_path(academy: Academy) -> None:
    for module in academy.modules:
        data = json.loads(jsonld_module(module, academy, DIRS, SITE))
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "LearningResource"
        assert data["name"] == module.title
        assert data["timeRequired"] == iso_duration(module.duration)
        assert data["url"] == f"{SITE}modules/{module.id}/"
        assert data["teaches"] == [o.text for o in module.objectives]
    for path in academy.paths:
        data = json.loads(jsonld_path(path, academy, DIRS, SITE))
        assert data["@type"] == "Course"
        assert data["name"] == path.title
        assert data["timeRequired"] == iso_duration(academy.path_duration(path))
        assert [p["url"] for p in data["hasPart"]] == [
            f"{SITE}modules/{i}/" for i in dict.fromkeys(path.module_ids)
        ]


def test_jsonld_exact_values(academy: Academy) -> None:
    module = academy.module("active-listening")
    assert module is not None
    data = json.loads(jsonld_module(module, academy, DIRS, ""))
    assert data["timeRequired"] == "PT25M"
    assert data["educationalLevel"] == "foundation"
    assert data["inLanguage"] == "en"
    # Relative to the page that embeds it, since no site URL is known.
    assert data["url"] == "../../modules/active-listening/"
    assert data["isPartOf"] == [
        {"@type": "Course", "name": "New-hire support agent", "url": "../../paths/new-hire-agent/"}
    ]
    path = academy.path("new-hire-agent")
    assert path is not None
    data = json.loads(jsonld_path(path, academy, FLAT, "", language="de"))
    assert data["timeRequired"] == "PT6H15M"
    assert data["url"] == "../paths/new-hire-agent.html"
    assert data["inLanguage"] == "de"
    assert data["educationalCredentialAwarded"] == "Support Agent Foundations"
    assert data["audience"] == {
        "@type": "EducationalAudience",
        "educationalRole": "Support agent, first six weeks",
    }
    team_lead = academy.path("team-lead")
    assert team_lead is not None
    data = json.loads(jsonld_path(team_lead, academy, DIRS, SITE))
    assert data["coursePrerequisites"] == [
        {"@type": "Course", "name": "New-hire support agent", "url": f"{SITE}paths/new-hire-agent/"}
    ]


def test_jsonld_cannot_close_its_script_element() -> None:
    academy = _hostile_academy()
    module = academy.module("hostile")
    path = academy.path("hostile-path")
    assert module is not None and path is not None
    for text in (
        jsonld_module(module, academy, DIRS, ""),
        jsonld_path(path, academy, DIRS, SITE),
    ):
        for raw in ("<", ">", "&", "\u2028", "\u2029"):
            assert raw not in text
        assert "\\u003c/script\\u003e" in text
    data = json.loads(jsonld_module(module, academy, DIRS, ""))
    assert data["name"] == f"Title {PAYLOAD}"
    assert data["description"] == f"Summary {PAYLOAD}"
    assert data["teaches"] == [f"Objective {PAYLOAD}"]
    assert data["timeRequired"] == "PT1H30M"
    data = json.loads(jsonld_path(path, academy, DIRS, SITE))
    assert data["name"] == f"Path {PAYLOAD}"
    assert data["hasPart"][0]["name"] == f"Title {PAYLOAD}"


def test_embed_json_escapes_exactly_what_html_needs() -> None:
    text = embed_json({"b": "</script>&\u2028\u2029", "a": 1})
    assert text == '{"a":1,"b":"\\u003c/script\\u003e\\u0026\\u2028\\u2029"}'
    assert json.loads(text) == {"a": 1, "b": "</script>&\u2028\u2029"}


def test_llms_full_is_its_sections_joined_and_reuses_exports() -> None:
    """The file is made by concatenating per-module sections, so serve can keep
    them; it must read exactly as one pass over every line would make it."""
    from academy.core.engine import run
    from academy.core.settings import load_settings
    from academy.render.urls import SiteUrls

    academy = run(load_settings(Path(__file__).resolve().parents[1])).academy
    urls = SiteUrls()
    for site in ("", "https://academy.example.org/"):
        kwargs = {"site_name": "Academy", "site_summary": "Sum.", "site_url": site}
        links = Links(urls, academy, site, "")
        lines = intro(academy, "Academy", "Sum.")
        for module in reading_list(academy):
            lines += ["---", "", *module_lines(module, academy, links), ""]
        one_pass = join_lines(lines)
        assert llms_full_txt(academy, urls, **kwargs) == one_pass
        if site:
            exports = {m.id: module_markdown(m, academy, urls, site) for m in academy.modules}
            made = llms_full_txt(academy, urls, section=lambda m, e=exports: e[m.id], **kwargs)
            assert made == one_pass
