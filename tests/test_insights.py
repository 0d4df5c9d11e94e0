"""``academy insights`` from export files: formats, edge cases, privacy, usage."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from insights_sim import BASE, MISKEYED, Simulation, write_academy

from academy.cli import main
from academy.outputs.insights.data import schema_text

LEARNERS = 60


@pytest.fixture(scope="module")
def academy_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_academy(tmp_path_factory.mktemp("academy"))


@pytest.fixture(scope="module")
def statements() -> list[dict]:
    sim = Simulation(seed=3)
    return [s for _ in range(LEARNERS) for s in sim.learner()]


def write_lines(path: Path, items: list[object]) -> Path:
    path.write_text(
        "".join((i if isinstance(i, str) else json.dumps(i)) + "\n" for i in items), encoding="utf-8"
    )
    return path


def insights(capsys, *args: object) -> tuple[int, str, str]:
    code = main(["insights", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def report(capsys, academy_dir: Path, *files: Path, extra: tuple[str, ...] = ()) -> dict:
    code, out, err = insights(capsys, academy_dir, "--statements", *files, "--format", "json", *extra)
    assert code == 0, err
    return json.loads(out)


def figures(data: dict) -> dict:
    return {k: v for k, v in data.items() if k not in ("summary",)}


def test_json_lines_export_gives_the_figures_and_follows_the_schema(
    capsys, academy_dir, statements, tmp_path
) -> None:
    data = report(capsys, academy_dir, write_lines(tmp_path / "export.jsonl", statements))
    jsonschema.validate(data, json.loads(schema_text()))
    assert data["summary"] == {
        "read": len(statements),
        "used": len(statements),
        "learners": LEARNERS,
        "duplicates": 0,
        "voided": 0,
        "malformed": [],
        "malformed_notes": [],
        "outside": 0,
        "ignored": 0,
        "gone": [],
    }
    miskeyed = next(q for q in data["questions"] if q["id"] == MISKEYED)
    assert miskeyed["learners"] > 10 and miskeyed["choices"][1]["picked"] > miskeyed["choices"][0]["picked"]
    assert any(
        f["kind"] == "distractor" and f["item"] == f"choice 2 of check listening/{MISKEYED}"
        for f in data["flags"]
    )


def test_an_array_export_and_saved_lrs_pages_read_the_same(capsys, academy_dir, statements, tmp_path) -> None:
    lines = report(capsys, academy_dir, write_lines(tmp_path / "export.jsonl", statements))
    array = tmp_path / "export.json"
    array.write_text(json.dumps(statements, indent=1), encoding="utf-8")
    assert report(capsys, academy_dir, array) == lines
    half = len(statements) // 2
    pages = [tmp_path / "page1.json", tmp_path / "page2.json"]
    pages[0].write_text(
        json.dumps({"statements": statements[:half], "more": "/xAPI/statements?page=2"}, indent=2)
    )
    pages[1].write_text(json.dumps({"statements": statements[half:], "more": ""}))
    assert report(capsys, academy_dir, *pages) == lines


def test_edge_cases_are_counted_and_never_change_the_figures(
    capsys, academy_dir, statements, tmp_path
) -> None:
    clean = report(capsys, academy_dir, write_lines(tmp_path / "clean.jsonl", statements))
    answer = next(s for s in statements if s["verb"]["id"].endswith("answered"))
    voided = copy.deepcopy(answer)
    voided["id"] = "00000000-0000-4000-8000-000000000001"
    voided["result"]["success"] = not voided["result"]["success"]
    void = copy.deepcopy(answer)
    void.update(
        id="00000000-0000-4000-8000-000000000002",
        verb={"id": "http://adlnet.gov/expapi/verbs/voided"},
        object={"objectType": "StatementRef", "id": voided["id"]},
    )
    retired = copy.deepcopy(answer)
    retired["id"] = "00000000-0000-4000-8000-000000000003"
    retired["object"]["id"] = BASE + "modules/retired/#check-old"
    elsewhere = copy.deepcopy(answer)
    elsewhere["id"] = "00000000-0000-4000-8000-000000000004"
    elsewhere["object"]["id"] = "https://other.example.org/modules/x/#check-y"
    no_actor = {k: v for k, v in answer.items() if k != "actor"} | {
        "id": "00000000-0000-4000-8000-000000000005"
    }
    bad_time = copy.deepcopy(answer) | {
        "id": "00000000-0000-4000-8000-000000000006",
        "timestamp": "yesterday",
    }
    items: list[object] = [
        voided,  # before the statement that voids it: still left out
        *statements,
        statements[0],
        statements[1],  # duplicates, by statement id
        void,
        retired,
        elsewhere,
        "{not json",
        no_actor,
        bad_time,
        "",
        [1, 2],
    ]
    export = write_lines(tmp_path / "edges.jsonl", items)
    data = report(capsys, academy_dir, export)
    assert figures(data) == figures(clean)
    assert data["summary"] == {
        "read": len(statements) + 10,
        "used": len(statements),
        "learners": LEARNERS,
        "duplicates": 2,
        "voided": 1,
        "malformed": [
            {"reason": "no actor that names a learner", "statements": 1},
            {"reason": "no valid timestamp", "statements": 1},
            {"reason": "not a JSON object", "statements": 1},
            {"reason": "not valid JSON", "statements": 1},
        ],
        "malformed_notes": [
            f"{export}:{len(statements) + 7}: not valid JSON (Expecting property name enclosed in double quotes)"
        ],
        "outside": 1,
        "ignored": 0,
        "gone": [{"activity": BASE + "modules/retired/#check-old", "statements": 1}],
    }
    code, out, err = insights(capsys, academy_dir, "--statements", export)
    assert code == 0, err
    assert (
        f"- {len(statements) + 10:,} statements read; {len(statements):,} about this academy's current content"
        in out
    )
    assert "- 2 duplicate statements (same statement id) were counted once." in out
    assert "- 1 voided statements were left out." in out
    assert (
        "- 4 statements could not be used and were skipped: 1 no actor that names a learner, "
        "1 no valid timestamp, 1 not a JSON object, 1 not valid JSON." in out
    )
    assert "- 1 statements are about 1 activities no longer in the academy:\n" in out
    assert f"  - {BASE}modules/retired/#check-old (1 statements)" in out


def test_a_broken_array_keeps_what_came_before(capsys, academy_dir, statements, tmp_path) -> None:
    broken = tmp_path / "broken.json"
    text = json.dumps(statements[:50], indent=1)
    broken.write_text(text[: text.rindex("{")] + '{"id": oops}\n]', encoding="utf-8")
    data = report(capsys, academy_dir, broken, extra=("--min-learners", "1"))
    summary = data["summary"]
    assert summary["read"] == 50 and summary["used"] == 49
    assert summary["malformed"] == [{"reason": "not valid JSON", "statements": 1}]
    (note,) = summary["malformed_notes"]
    assert note.startswith(f"{broken}:") and note.endswith("the rest of this file was not read")


def test_nothing_is_shown_below_the_minimum_sample(capsys, academy_dir, statements, tmp_path) -> None:
    export = write_lines(tmp_path / "export.jsonl", statements)
    data = report(capsys, academy_dir, export, extra=("--min-learners", str(LEARNERS + 1)))
    assert data["flags"] == []
    assert all(q["difficulty"] is None and q["point_biserial"] is None for q in data["questions"])
    assert all(c["picked"] is None for q in data["questions"] for c in q["choices"])
    assert all(o["mastery"] is None for o in data["objectives"])
    assert all(a["histogram"] == [] and a["reliability"] is None for a in data["assessments"])
    assert all(p["funnel"] == [] for p in data["paths"])
    assert all(s["endings"] == [] for s in data["scenarios"])
    assert {q["learners"] for q in data["questions"] if q["owner_id"] == "listening"} != {0}


def test_github_format_annotates_the_flagged_lines(capsys, academy_dir, statements, tmp_path) -> None:
    export = write_lines(tmp_path / "export.jsonl", statements)
    code, out, err = insights(capsys, academy_dir, "--statements", export, "--format", "github")
    assert code == 0, err
    module = (academy_dir / "modules" / "listening.md").read_text("utf-8").splitlines()
    line = module.index(f"      - text: Option 2 of {MISKEYED}") + 1
    (annotation,) = [
        a for a in out.splitlines() if a.startswith(f"::warning file=modules/listening.md,line={line},")
    ]
    assert annotation.startswith(
        f"::warning file=modules/listening.md,line={line},col=9,title=insights.distractor::"
    )
    assert "%25" in annotation  # percent signs escaped as GitHub's workflow commands need
    assert out.splitlines()[-1].endswith(" flags.")


def test_no_learner_identity_reaches_any_report(capsys, academy_dir, statements, tmp_path) -> None:
    named = []
    for s in statements:
        s = copy.deepcopy(s)
        anon = s["actor"]["account"]["name"]
        s["actor"] = {
            "objectType": "Agent",
            "name": f"Zorblex {anon[:8]}",
            "mbox": f"mailto:{anon}@example.org",
        }
        named.append(s)
    export = write_lines(tmp_path / "named.jsonl", named)
    secrets = {
        named[0]["actor"]["name"],
        named[0]["actor"]["mbox"],
        statements[0]["actor"]["account"]["name"],
    }
    for fmt in ("markdown", "html", "json", "github"):
        code, out, err = insights(capsys, academy_dir, "--statements", export, "--format", fmt)
        assert code == 0, err
        assert not any(secret in out for secret in secrets), fmt
        assert "@example.org" not in out and "Zorblex" not in out, fmt
        if fmt != "github":
            assert "Learner identities never appear in this report." in out, fmt


def test_the_html_report_escapes_what_front_matter_holds(capsys, tmp_path, statements) -> None:
    root = write_academy(tmp_path / "hostile")
    module = root / "modules" / "listening.md"
    module.write_text(
        module.read_text("utf-8").replace(
            "title: The angry caller", 'title: "<img src=x onerror=alert(1)> | caller"'
        ),
        encoding="utf-8",
    )
    export = write_lines(tmp_path / "export.jsonl", statements)
    out = tmp_path / "report.html"
    code, _, err = insights(capsys, root, "--statements", export, "--format", "html", "-o", out)
    assert code == 0, err
    assert f"Report written to {out}." in err
    html = out.read_text("utf-8")
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt; | caller" in html
    assert "<script" not in html and "http" not in html.split("</head>")[0].replace("http-equiv", "")
    code, md, _ = insights(capsys, root, "--statements", export)
    assert "<img" not in md


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "academy insights: give --statements FILE... or --lrs URL (or both).\n"),
        (("--statements", "missing.jsonl"), "academy insights: no such file: missing.jsonl\n"),
        (
            ("--lrs", "ftp://lrs.example.org/"),
            "academy insights: --lrs: 'endpoint' must be an http(s) URL, not 'ftp://lrs.example.org/'.\n",
        ),
        (
            ("--statements", "x", "--min-learners", "0"),
            "academy insights: --min-learners must be 1 or more.\n",
        ),
    ],
)
def test_usage_mistakes_say_what_to_do(capsys, academy_dir, args, message, monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x").write_text("")
    code, out, err = insights(capsys, academy_dir, *args)
    assert (code, out, err) == (2, "", message)


def test_without_an_address_the_base_must_be_given(capsys, tmp_path, statements) -> None:
    root = write_academy(tmp_path / "nobase")
    config = root / "mkdocs.yml"
    config.write_text(
        "\n".join(
            line
            for line in config.read_text("utf-8").splitlines()
            if "site_url" not in line and "activity_base" not in line
        )
        + "\n"
    )
    export = write_lines(tmp_path / "export.jsonl", statements)
    code, _, err = insights(capsys, root, "--statements", export)
    assert code == 2 and "pass --activity-base URL" in err
    code, out, err = insights(
        capsys, root, "--statements", export, "--activity-base", BASE, "--format", "json"
    )
    assert code == 0 and json.loads(out)["summary"]["used"] == len(statements)
