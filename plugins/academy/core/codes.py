"""The registry of problem codes.

Every problem the engine can report has one entry here: its stable code, its
default severity, a title, and a documented failing example with its fix. The
authoring guide's code reference is generated from this table
(``academy codes --markdown``) and a test keeps the committed page in sync, so
the documentation cannot drift from the engine.

Codes are ``family.name``. The family is the unit a project can re-grade in its
configuration (``severity: {coverage: error}``); a full code re-grades just
that rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from academy.core.problems import Problem, Severity

E = Severity.ERROR
W = Severity.WARNING


@dataclass(frozen=True, slots=True)
class Code:
    """A documented problem code.

    Attributes:
        code: ``family.name``.
        severity: Default severity before configuration.
        title: One line, shown in the code reference.
        example: A failing snippet (YAML or Markdown) as the author would write it.
        fix: How to fix it, with the corrected snippet where one helps.
        lang: Language of ``example`` when it is not YAML (``markdown``, ``text``).
    """

    code: str
    severity: Severity
    title: str
    example: str
    fix: str
    lang: str = ""

    @property
    def family(self) -> str:
        return self.code.split(".", 1)[0]

    @property
    def language(self) -> str:
        """Highlighting language of the example: YAML unless stated."""
        return self.lang or ("markdown" if self.family in ("body", "frontmatter") else "yaml")


_CODES: tuple[Code, ...] = (
    # --- file: bytes on disk ------------------------------------------------
    Code(
        "file.encoding",
        E,
        "The file is not valid UTF-8",
        "# modules/etiquette.md, saved as Latin-1\ntitle: Caf\\xe9 etiquette    # byte 0xE9 is not UTF-8",
        "Re-save the file as UTF-8. Most editors offer this under *Save with encoding*.",
        lang="text",
    ),
    Code(
        "file.bom",
        W,
        "The file starts with a byte-order mark",
        "EF BB BF 2D 2D 2D 0A    <- three invisible bytes before the opening ---",
        "Save as UTF-8 *without* BOM. Other tools stop seeing the front matter when a BOM precedes it.",
        lang="text",
    ),
    Code(
        "file.crlf",
        W,
        "The file uses Windows (CRLF) line endings",
        "id: active-listening\\r\\n    <- carriage return before each line feed",
        "Convert to LF line endings, and add `* text=auto eol=lf` to `.gitattributes` so git keeps them.",
        lang="text",
    ),
    Code(
        "file.empty",
        E,
        "The file is empty",
        "modules/new-module.md    (0 bytes)",
        "Write the module, or run `academy new module ID` to start from a valid scaffold.",
        lang="text",
    ),
    Code(
        "file.binary",
        E,
        "The file is binary, not text",
        "modules/diagram.md    (a PNG image with a .md name)",
        "Move non-Markdown files out of the source folders, or give them their real extension.",
        lang="text",
    ),
    Code(
        "file.too-large",
        E,
        "The file or its front matter exceeds the size limit",
        "modules/everything.md    (front matter over 256 KB)",
        "Split the module, or move long question pools into a quiz bank under `quizzes/`.",
        lang="text",
    ),
    Code(
        "file.unreadable",
        E,
        "The file cannot be read",
        "modules/gone.md -> modules/deleted.md    (a link to a file that no longer exists)",
        "Fix the file's permissions, or remove it.",
        lang="text",
    ),
    Code(
        "file.symlink",
        E,
        "A symbolic link points outside the project",
        "modules/shared.md -> /etc/passwd",
        "Copy the file into the project instead. Links that leave the project are never followed.",
        lang="text",
    ),
    # --- frontmatter: the block between the --- lines ------------------------
    Code(
        "frontmatter.missing",
        E,
        "A module has no front matter",
        "# De-escalation\n\nBody text without a `---` block above it.",
        "Start the file with a `---` line, the module's YAML fields, and a closing `---` line.",
    ),
    Code(
        "frontmatter.unclosed",
        E,
        "The front matter has no closing `---`",
        "---\nid: active-listening\ntitle: Active listening\n\n# Body starts here",
        "Add a line containing only `---` after the last YAML field.",
    ),
    Code(
        "frontmatter.not-mapping",
        E,
        "The front matter is not a mapping of fields",
        "---\n- id: active-listening\n---",
        "Write `field: value` pairs at the top level, without a leading `-`.",
    ),
    # --- yaml: parsing and the YAML 1.1 traps --------------------------------
    Code(
        "yaml.syntax",
        E,
        "YAML syntax error",
        "title: De-escalation: the basics",
        'Quote values that contain `: ` or start with a special character: `title: "De-escalation: the basics"`.',
    ),
    Code(
        "yaml.indent",
        E,
        "A key is indented unlike the keys beside it",
        "choices:\n  - text: Offer a refund.\n     feedback: Too early.   # one space too far",
        "Line the key up with the keys of its mapping: `feedback:` under `text:`. YAML decides what "
        "belongs together by indentation alone, so one space too many or too few moves a key into "
        "another mapping, or out of its list item.",
    ),
    Code(
        "yaml.tab",
        E,
        "A tab character indents YAML",
        "checks:\n\t- id: first-step",
        "Indent with spaces only. Configure your editor to insert spaces in YAML files.",
    ),
    Code(
        "yaml.duplicate-key",
        E,
        "The same key appears twice in one mapping",
        "title: Active listening\ntitle: Listening actively",
        "Keep one of the two. YAML libraries silently keep the last one, which hides edits.",
    ),
    Code(
        "yaml.unquoted-boolean",
        E,
        "An unquoted yes/no/on/off was read as true or false",
        "choices:\n  - text: No\n    correct: true",
        'Quote the text: `text: "No"`. YAML 1.1 reads `yes`, `no`, `on` and `off` as booleans.',
    ),
    Code(
        "yaml.loose-boolean",
        W,
        "A true/false field written as yes, no, on or off",
        "- id: refund-window\n  type: true-false\n  answer: yes",
        "Write `answer: true`. YAML 1.1 reads `yes` as true, but editors and YAML 1.2 tools read it as the "
        "text `yes`, so the key means one thing to the check and another to the tools around it.",
    ),
    Code(
        "yaml.unquoted-number",
        E,
        "An unquoted number where text is expected",
        "answers: [42]",
        'Quote it: `answers: ["42"]`.',
    ),
    Code(
        "yaml.unquoted-date",
        E,
        "An unquoted date where text is expected",
        "- text: 2026-01-31",
        'Quote it: `- text: "2026-01-31"`. Unquoted, YAML reads it as a date value.',
    ),
    Code(
        "yaml.ambiguous-number",
        E,
        "A number in a YAML 1.1 form that changes its value",
        "duration: 1:30",
        "Write plain decimal numbers: `duration: 90`. YAML 1.1 reads `1:30` as 90 (base 60) and `010` as 8 (octal).",
    ),
    Code(
        "yaml.empty-value",
        E,
        "A field is empty where text is expected",
        "- text:\n  correct: true",
        "Fill in the value, or remove the key.",
    ),
    Code(
        "yaml.tag",
        E,
        "An unsupported or unsafe YAML tag",
        'title: !!python/object/apply:os.system ["echo hi"]',
        "Remove the tag. Only plain YAML values are accepted, and tags are never executed.",
    ),
    Code("yaml.key", E, "A mapping key is not plain text", "? [a, b]\n: value", "Use plain text keys."),
    Code(
        "yaml.too-complex",
        E,
        "Anchors and aliases expand beyond the size limit",
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
        "Write the values out, or use fewer aliases. Expansion is capped to stop alias bombs.",
    ),
    Code(
        "yaml.too-deep",
        E,
        "YAML nesting is deeper than the limit",
        "value: [[[[[[[[[[[[ ... ]]]]]]]]]]]]",
        "Flatten the structure. Real content never nests this deep.",
    ),
    # --- schema: shape checked against the published JSON Schemas ------------
    Code(
        "schema.required",
        E,
        "A required field is missing",
        "---\nid: active-listening\nlevel: foundation\n---",
        "Add the missing field (here `title`, `summary`, `duration` and `objectives`).",
    ),
    Code(
        "schema.unknown-field",
        E,
        "A field that the schema does not define",
        "titel: Active listening",
        "Fix the spelling (`title`), or remove the field. The hint suggests the closest known field.",
    ),
    Code(
        "schema.type",
        E,
        "A value has the wrong type",
        "duration: twenty",
        "Use the documented type: `duration: 20`.",
    ),
    Code(
        "schema.enum",
        E,
        "A value is not one of the allowed choices",
        "level: intermedate",
        "Use one of the listed values: `level: intermediate`.",
    ),
    Code(
        "schema.pattern",
        E,
        "An id or value does not have the required form",
        "id: Active Listening",
        "Ids are kebab-case: lowercase letters, digits and single hyphens, such as `active-listening`.",
    ),
    Code(
        "schema.format",
        E,
        "A date or other formatted value is invalid",
        "reviewed: 2026-13-01",
        "Write an ISO date, `YYYY-MM-DD`: `reviewed: 2026-01-13`.",
    ),
    Code(
        "schema.range",
        E,
        "A number is outside its allowed range",
        "pass_mark: 120",
        "Use a value within the documented range: `pass_mark: 80`.",
    ),
    Code(
        "schema.size",
        E,
        "A list or text is too short or too long",
        "choices:\n  - text: The only choice\n    correct: true",
        "Give the list enough entries; a single-choice question needs at least two choices.",
    ),
    Code(
        "schema.unique",
        E,
        "A list repeats an entry",
        "prerequisites: [active-listening, active-listening]",
        "List each entry once.",
    ),
    Code(
        "schema.invalid",
        E,
        "A value does not match the schema",
        "(any value breaking a schema rule without a more specific code)",
        "Read the message and compare with the schema under `schemas/`.",
        lang="text",
    ),
    # --- id: identity across the academy -------------------------------------
    Code(
        "id.duplicate",
        E,
        "Two items of the same kind share an id",
        "# modules/a.md\nid: active-listening\n# modules/b.md\nid: active-listening",
        "Give each module, path, quiz, objective, check and scenario its own id. Progress records are keyed by id.",
    ),
    Code(
        "id.collision",
        E,
        "Two ids differ only by letter case or punctuation",
        "# paths/team-lead.yml\nid: team-lead\n# paths/teamlead.yml\nid: teamlead",
        "Rename one of them; ids that look alike confuse authors and URLs on case-insensitive systems.",
    ),
    # --- ref: references between items ---------------------------------------
    Code(
        "ref.prerequisite",
        E,
        "A prerequisite names no known module",
        "prerequisites: [active-listning]",
        "Use an existing module id; the hint suggests the closest one: `prerequisites: [active-listening]`.",
    ),
    Code(
        "ref.self",
        E,
        "A module lists itself as a prerequisite",
        "id: active-listening\nprerequisites: [active-listening]",
        "Remove the module's own id from its prerequisites.",
    ),
    Code(
        "ref.module",
        E,
        "A path or quiz names no known module",
        "stages:\n  - id: foundations\n    modules: [ticket-sytem]",
        "Use an existing module id: `modules: [ticket-system]`.",
    ),
    Code(
        "ref.quiz",
        E,
        "A path names no known quiz bank",
        "assessment: new-hire-week1",
        "Use the id of a file in `quizzes/`: `assessment: new-hire-week-1`.",
    ),
    Code(
        "ref.quiz-kind",
        E,
        "A quiz bank of the wrong kind",
        "placement: new-hire-week-1   # a quiz of kind: assessment",
        "`placement` needs a quiz of `kind: placement`; a stage `assessment` needs `kind: assessment`.",
    ),
    Code(
        "ref.objective",
        E,
        "A check, scenario or question names no objective of its module",
        "objectives:\n  - id: apply-leaps\nchecks:\n  - id: first-step\n    objective: apply-leap",
        "Use one of the module's objective ids: `objective: apply-leaps`.",
    ),
    Code(
        "ref.placement",
        E,
        "An inline marker names no check or scenario of the module",
        "[[check frist-step]]",
        "Use the id of a check or scenario declared in the front matter: `[[check first-step]]`.",
    ),
    Code(
        "ref.path",
        E,
        "A path requires no known path",
        "requires: [new-hire]",
        "Use the id of a file in `paths/`: `requires: [new-hire-agent]`.",
    ),
    # --- prerequisite and path structure -------------------------------------
    Code(
        "prerequisite.cycle",
        E,
        "Prerequisites form a cycle",
        "# modules/a.md\nid: a\nprerequisites: [b]\n# modules/b.md\nid: b\nprerequisites: [a]",
        "Break the cycle: one of the modules must come first.",
    ),
    Code(
        "path.order",
        E,
        "A module comes before one of its prerequisites in a path",
        "stages:\n  - id: one\n    modules: [deescalation-leaps, active-listening]   # LEAPS requires active-listening",
        "Move the prerequisite earlier in the path: `modules: [active-listening, deescalation-leaps]`.",
    ),
    Code(
        "path.outside",
        W,
        "A module's prerequisite is not in the path",
        "modules: [deescalation-leaps]   # requires active-listening, which no stage lists",
        "Add the prerequisite to an earlier stage, or list a path that teaches it under `requires:`.",
    ),
    Code(
        "path.duplicate-module",
        E,
        "A path lists a module twice",
        "stages:\n  - id: one\n    modules: [active-listening]\n  - id: two\n    modules: [active-listening]",
        "List each module in one stage only.",
    ),
    Code(
        "path.cycle",
        E,
        "Paths require each other in a cycle",
        "# paths/a.yml\nid: a\nrequires: [b]\n# paths/b.yml\nid: b\nrequires: [a]",
        "Remove one of the `requires:` entries.",
    ),
    # --- answer: answer keys ---------------------------------------------------
    Code(
        "answer.single",
        E,
        "A single-choice question does not have exactly one correct choice",
        "type: single\nchoices:\n  - text: Listen first\n    correct: true\n  - text: Acknowledge\n    correct: true",
        "Mark exactly one choice `correct: true`, or change the type to `multiple`.",
    ),
    Code(
        "answer.none-correct",
        E,
        "A multiple-choice question has no correct choice",
        "type: multiple\nchoices:\n  - text: A\n  - text: B",
        "Mark at least one choice `correct: true`.",
    ),
    Code(
        "answer.duplicate",
        E,
        "An answer option is repeated",
        "type: order\nitems: [Listen, Empathise, Listen]",
        "Make every choice, item, pair side and accepted answer distinct (text answers compare case-folded).",
    ),
    Code(
        "answer.feedback",
        W,
        "A wrong choice has no feedback",
        "choices:\n  - text: Offer a refund at once\n  - text: Listen first\n    correct: true",
        "Add `feedback:` to each wrong choice, saying why it is wrong. Feedback is what turns a check into teaching.",
    ),
    Code(
        "answer.explanation",
        W,
        "A check has no explanation",
        "- id: first-step\n  type: true-false\n  prompt: LEAPS starts with listening.\n  answer: true",
        "Add `explanation:`, shown after the learner answers.",
    ),
    # --- scenario: branching scenarios --------------------------------------
    Code(
        "scenario.start",
        E,
        "A scenario's start step does not exist",
        "start: openning\nsteps:\n  opening: {...}",
        "Set `start:` to the id of one of the steps.",
    ),
    Code(
        "scenario.next",
        E,
        "An option leads to a step that does not exist",
        "options:\n  - text: Apologise\n    next: calmr",
        "Point `next:` at an existing step id (the hint suggests the closest).",
    ),
    Code(
        "scenario.unreachable",
        E,
        "A step can never be reached from the start",
        "steps:\n  opening: {...}\n  orphan-step: {...}   # no option leads here",
        "Add an option that leads to the step, or delete it.",
    ),
    Code(
        "scenario.no-ending",
        E,
        "A route through the scenario never reaches an ending",
        "allow_loops: true\nsteps:\n  a: {options: [{text: Go, next: b}]}\n  b: {options: [{text: Back, next: a}]}",
        "Give the loop an exit that leads to a step with `ending:`.",
    ),
    Code(
        "scenario.no-success",
        E,
        "A scenario has no success ending",
        "steps:\n  lost:\n    ending: fail\n    text: The customer leaves.",
        "Add at least one step with `ending: success`; a learner must be able to win.",
    ),
    Code(
        "scenario.cycle",
        E,
        "Scenario steps loop back without `allow_loops: true`",
        "steps:\n  a: {options: [{text: Retry, next: a}]}",
        "Remove the loop, or set `allow_loops: true` on the scenario when the loop is deliberate.",
    ),
    # --- quiz banks --------------------------------------------------------------
    Code(
        "quiz.draw",
        E,
        "A quiz draws more questions than it has",
        "draw: 12\nquestions: [...]   # only 8 questions",
        "Lower `draw`, or add questions. A pool of at least 1.5 times the draw keeps attempts varied.",
    ),
    Code(
        "quiz.draw-pool",
        W,
        "The pool is less than one and a half times `draw`",
        "id: week-1\nkind: assessment\npass_mark: 80\ndraw: 5\nquestions:   # five questions",
        "Add questions until the pool holds at least one and a half times `draw` (8 for `draw: 5`), or "
        "lower `draw`. With a small pool a retry asks the same questions, and learners remember answers "
        "instead of showing what they know.",
    ),
    Code(
        "quiz.placement-module",
        E,
        "A placement question is not mapped to a module",
        "kind: placement\nquestions:\n  - id: tiers\n    type: single",
        "Add `module:` to every question of a placement test; that is how a learner tests out of a module.",
    ),
    # --- coverage and curriculum health ---------------------------------------
    Code(
        "coverage.objective",
        W,
        "An objective is not assessed by any check, scenario or quiz question",
        "objectives:\n  - id: summarise-handoff\n    text: Summarise a case for handoff.\n    bloom: apply\nchecks: []",
        "Add a check or scenario with `objective: summarise-handoff`, or remove the objective.",
    ),
    Code(
        "coverage.orphan",
        W,
        "A module is in no learning path",
        "modules/retired.md    (no stage of any path lists `retired`)",
        "Add the module to a stage of a path, or delete it if it is retired.",
        lang="text",
    ),
    Code(
        "review.stale",
        W,
        "A module's content review is overdue",
        "reviewed: 2025-01-10\nreview_every: 180",
        "Review the module against current policy and product, then update `reviewed:` to today's date.",
    ),
    # --- body: the Markdown below the front matter ----------------------------
    Code(
        "marker.inline",
        E,
        "A placement marker inside a sentence",
        "See [[check first-step]] below before you reply.",
        "Put the marker on a line of its own:\n\n```markdown\nAnswer this before you reply:\n\n[[check first-step]]\n```\n\n"
        "Inside a sentence Markdown shows the marker as written, and the check moves to the end of "
        "the page. To show the syntax itself, put it in backticks: `` `[[check first-step]]` ``.",
        lang="markdown",
    ),
    Code(
        "body.marker",
        E,
        "A placement marker is malformed",
        "[[chek first-step]]",
        "Write `[[check ID]]` or `[[scenario ID]]` alone on its line.",
    ),
    Code(
        "body.raw-html",
        W,
        "Raw HTML that runs code: a script, an event handler or a javascript: URL",
        '<a href="javascript:alert(1)">Open the form</a>\n<img src="x.png" onerror="track()">\n<script>steal()</script>',
        "Use Markdown links and images. Reported only when the project sets `raw_html: warn` or "
        "`raw_html: error`; authors are trusted by default.",
    ),
    Code(
        "body.duplicate-placement",
        E,
        "A check or scenario is placed twice",
        "[[check first-step]]\n\n...\n\n[[check first-step]]",
        "Place each item once. Items you do not place appear under *Check your understanding*.",
    ),
    # --- asset: files named in module bodies ----------------------------------
    Code(
        "asset.absolute",
        E,
        "A file reference is an absolute path",
        '![Queue view](/img/queue.png)\n--8<-- "/etc/passwd"',
        "Name files relative to the module (`img/queue.png`); absolute paths break under a sub-path and are never read.",
    ),
    Code(
        "asset.outside",
        E,
        "A file reference leads outside the project",
        "![Secret](../../../etc/passwd)\n![Sibling](../../academy-evil/x.png)",
        "Keep referenced files inside the project. References that leave it are refused, and the file is not read.",
    ),
    Code(
        "asset.missing",
        E,
        "A referenced file does not exist",
        "![Queue view](img/queu.png)",
        "Fix the name or add the file; images are found relative to the module file.",
    ),
    # --- lint: accessibility and readability of bodies ----------------------
    # --- link: links between pages ---------------------------------------------
    Code(
        "link.missing",
        E,
        "A link leads to no page of the site",
        "See [active listening](active-listning.md) first.",
        "Link a module by its id, `[active listening](active-listening.md)`, or by its file "
        "(`../communication/active-listening.md`), and any other page by its path from the page the "
        "link is on. Links from a module are read from the site's `modules/` folder: `../sources.md` "
        "is the site's sources page.",
        "markdown",
    ),
    Code(
        "link.anchor",
        E,
        "A link names a heading its page does not have",
        "See [the five steps](deescalation-leaps.md#the-five-step).",
        "Use the heading's id: its text in lowercase, with hyphens for spaces and punctuation left out, "
        "such as `#the-five-steps` for `## The five steps`. A repeated heading gets `_1`, `_2`. Every "
        "module page also has `#objectives`, and `#check-ID` or `#scenario-ID` for each item.",
        "markdown",
    ),
    Code(
        "lint.image-alt",
        W,
        "An image has no alternative text",
        '![](img/queue.png)\n<img src="img/queue.png">',
        "Describe what the image shows: `![Queue view with three overdue tickets](img/queue.png)`.",
        "markdown",
    ),
    Code(
        "lint.link-text",
        W,
        "Link text that means nothing out of context",
        "For the criteria, [click here](escalation-handoff.md).",
        "Name the destination: `See [the escalation criteria](escalation-handoff.md).`",
        "markdown",
    ),
    Code(
        "lint.heading-skip",
        W,
        "A heading skips a level",
        "## Listening\n\n#### Paraphrasing",
        "Go down one level at a time (`###` after `##`). Module bodies start at `##`: the title is the page's `#`.",
        "markdown",
    ),
    Code(
        "lint.empty-section",
        W,
        "A heading with nothing under it",
        "## Common mistakes\n\n## Key takeaways",
        "Write the section, or remove the heading.",
        "markdown",
    ),
)

CODES: dict[str, Code] = {c.code: c for c in _CODES}
FAMILIES: frozenset[str] = frozenset(c.family for c in _CODES)


def problem(
    code: str, file: str, line: int, column: int, message: str, hint: str = "", related: tuple[str, ...] = ()
) -> Problem:
    """Build a problem with the code's default severity.

    Raises:
        KeyError: for an unregistered code, so a typo in the engine fails tests
            instead of emitting an undocumented code.
    """
    return Problem(code, CODES[code].severity, file, line, column, message, hint, related)


FAMILY_TITLES: dict[str, str] = {
    "file": "Files on disk",
    "frontmatter": "Front matter",
    "yaml": "YAML syntax and traps",
    "schema": "Shape (JSON Schema)",
    "id": "Identity",
    "ref": "References",
    "prerequisite": "Prerequisites",
    "path": "Learning paths",
    "answer": "Answer keys and feedback",
    "scenario": "Branching scenarios",
    "quiz": "Quiz banks",
    "coverage": "Curriculum coverage",
    "review": "Content review",
    "body": "Module bodies",
    "marker": "Placement markers",
    "link": "Links between pages",
    "asset": "Files referenced by modules",
    "lint": "Accessibility and readability lints",
}


def _snippet(code: Code) -> str:
    return f"```{code.language}\n{code.example}\n```\n"


def markdown_reference() -> str:
    """The problem-code reference page, generated from the registry."""
    out = [
        "# Problem codes",
        "",
        "<!-- Generated by `academy codes --markdown`; edit plugins/academy/core/codes.py instead. -->",
        "",
        "Every problem `academy check` and the build report has a stable code, shown in",
        "brackets: `modules/a.md:7:17: error [ref.prerequisite] ...`. The part before the dot",
        "is the rule **family**. A project can re-grade a family or a single code in",
        "`mkdocs.yml`:",
        "",
        "```yaml",
        "plugins:",
        "  - academy:",
        "      severity:",
        "        coverage: error        # a whole family",
        "        review.stale: ignore   # one code",
        "```",
        "",
        "Errors fail `academy check` and the build. Warnings fail only under `--strict`.",
        "",
    ]
    families: dict[str, list[Code]] = {}
    for code in _CODES:
        families.setdefault(code.family, []).append(code)
    for family, codes in families.items():
        out += [f"## {FAMILY_TITLES.get(family, family)} (`{family}`)", ""]
        for code in codes:
            anchor = code.code.replace(".", "-")
            out += [
                f"### `{code.code}` {{#{anchor}}}",
                "",
                f"**{code.severity.value.capitalize()}.** {code.title}.",
                "",
                "Fails:",
                "",
                _snippet(code).rstrip("\n"),
                "",
                f"**Fix.** {code.fix}",
                "",
            ]
    return "\n".join(out).rstrip("\n") + "\n"
