"""The ``xapi`` option: validated up front, and shipped only when it is on."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from academy.client.runtime import runtime_script
from academy.client.xapi import sender_script
from academy.core.settings import Settings, SettingsError
from academy.core.xapi import XapiSettings, xapi_settings

PATTERNS = {"module": "modules/{id}/", "path": "paths/{id}/", "quiz": "quizzes/{id}/"}


def test_off_by_default_and_when_false(tmp_path: Path) -> None:
    assert Settings.from_options(tmp_path, {}).xapi is None
    assert xapi_settings(False) is None


def test_valid_option_is_normalised() -> None:
    assert xapi_settings(
        {"endpoint": "https://lrs.example.org/xAPI", "auth": "dXNlcjpwYXNz", "actor": "learner"}
    ) == XapiSettings(endpoint="https://lrs.example.org/xAPI/", auth="Basic dXNlcjpwYXNz", actor="learner")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            "https://lrs.example.org/",
            "option 'xapi': must be a mapping with at least 'endpoint', such as "
            "`endpoint: https://lrs.example.org/xAPI/`.",
        ),
        ({"auth": "x"}, "option 'xapi': 'endpoint' is required, e.g. https://lrs.example.org/xAPI/."),
        (
            {"endpoint": "lrs.example.org"},
            "option 'xapi': 'endpoint' must be an http(s) URL, not 'lrs.example.org'.",
        ),
        (
            {"endpoint": "javascript:alert(1)"},
            "option 'xapi': 'endpoint' must be an http(s) URL, not 'javascript:alert(1)'.",
        ),
        (
            {"endpoint": "https://x/", "actor": "named"},
            "option 'xapi': 'actor' must be anonymous or learner, not 'named'.",
        ),
        (
            {"endpoint": "https://x/", "token": "t"},
            "option 'xapi': unknown key 'token'. Known keys: endpoint, auth, actor, activity_base.",
        ),
        (
            {"endpoint": "https://x/", "auth": 42},
            "option 'xapi': 'auth' must be text, such as 'Basic dXNlcjpwYXNz'.",
        ),
    ],
)
def test_mistakes_name_the_key(tmp_path: Path, raw: object, message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_options(tmp_path, {"xapi": raw})
    assert str(caught.value) == "academy: " + message


def test_runtime_without_xapi_ships_none_of_it() -> None:
    plain = runtime_script("en")
    assert "statements" not in plain and "X-Experience-API-Version" not in plain
    assert "academy:" in plain  # the events an add-on listens to are always there


def test_runtime_with_xapi_carries_its_settings_escaped() -> None:
    xapi = XapiSettings(
        endpoint="https://lrs.example.org/xAPI/", auth="Basic </script><b>", actor="anonymous"
    )
    script = runtime_script("en", addon=sender_script(xapi, PATTERNS))
    assert "</script>" not in script and "<b>" not in script
    table = re.search(r"const X=(\{.*?\});", script).group(1)
    assert json.loads(table) == {
        "actor": "anonymous",
        "auth": "Basic </script><b>",
        "base": "",
        "endpoint": "https://lrs.example.org/xAPI/",
        "module": "modules/{id}/",
        "path": "paths/{id}/",
        "quiz": "quizzes/{id}/",
    }
    # What turning xAPI on costs, gzipped (the budget covers the default runtime;
    # the sender shares less with the small core than it did with the whole runtime).
    extra = len(gzip.compress(script.encode(), 9)) - len(gzip.compress(runtime_script("en").encode(), 9))
    assert 0 < extra < 2700
