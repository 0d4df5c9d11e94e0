"""UI strings, one table keyed by language (Material's ``theme.language``).

Server-rendered templates and the browser runtime read the same tables (one
module per language under ``languages/``), so a translation is complete in one
file. English is the fallback for any key a language lacks; a test requires
every shipped language to have every key.
"""

from __future__ import annotations

from collections.abc import Mapping

from academy.render.languages.en import EN
from academy.render.languages.es import ES

LANGUAGES: dict[str, dict[str, str]] = {"en": EN, "es": ES}


#: Strings the browser runtime needs on every page; built into academy.js.
RUNTIME_KEYS = (
    "status_done status_started not_started tested_out nav_done storage_off storage_newer "
    "storage_corrupt storage_large search due_label_one due_label_other review_title loading skip"
).split()

#: What marking a check says: on every page that has checks (modules, quiz
#: banks, the review page), in the page.
CHECK_KEYS = (
    "correct incorrect partly choose_first type_first match_first missed in_place pairs_right "
    "after_wrong move_up move_down moved at_top at_bottom misplaced wrong_pairs mark_right "
    "mark_place mark_pair show_me shown move_to"
).split()

#: Strings only one kind of page needs. They travel in that page, so the
#: script every page loads stays small.
PAGE_KEYS: dict[str, list[str]] = {
    "progress": "summary gone_one gone_other exported import_bad imported reset_done".split(),
    "review": "nothing_due due_summary_one due_summary_other revisit".split() + CHECK_KEYS,
    "quiz": (
        "passed not_passed result_line placement_line_one placement_line_other by_module answer_all_one "
        "answer_all_other new_attempt question_of answered_count band_full band_pass band_close band_low "
        "show_solution attempt_score"
    ).split()
    + CHECK_KEYS,
    "certificate": "passed not_passed not_taken name_saved".split(),
    "path": (
        "passed not_passed not_taken continue_to cert_ready certificate_locked minutes hours hours_minutes "
        "bar_text path_progress stage_progress"
    ).split(),
    "module": (
        "conversation you ask best_route found_best bar_text your_progress module_progress "
        "checks_answered_one checks_answered_other module_done still_to_do todo_new todo_retry todo_play "
        "you_chose score outcome restart ending_success ending_partial ending_fail"
    ).split()
    + CHECK_KEYS,
    "cards": ["card_progress"],
}


def runtime_strings(language: str | None) -> dict[str, str]:
    """The runtime's table: the strings every page needs."""
    table = strings(language)
    return {key: table[key] for key in RUNTIME_KEYS}


def page_strings(language: str | None, page: str) -> dict[str, str]:
    """One kind of page's strings; ``ending_*`` are the scenario outcomes."""
    table = strings(language)
    return {key: table[key.replace("ending_", "ending.")] for key in PAGE_KEYS[page]}


def strings(language: str | None) -> Mapping[str, str]:
    """The table for ``language`` (``es``, ``es-MX``...), English for the rest."""
    code = (language or "en").lower().replace("_", "-")
    table = LANGUAGES.get(code) or LANGUAGES.get(code.split("-")[0]) or EN
    if table is EN:
        return EN
    return {**EN, **table}


def duration(minutes: int, table: Mapping[str, str]) -> str:
    """``20`` -> ``20 min``; ``90`` -> ``1 h 30 min``; ``120`` -> ``2 h``."""
    hours, rest = divmod(max(minutes, 0), 60)
    if not hours:
        return table["minutes"].format(n=rest)
    if not rest:
        return table["hours"].format(h=hours)
    return table["hours_minutes"].format(h=hours, m=rest)
