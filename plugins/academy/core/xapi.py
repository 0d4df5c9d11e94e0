"""The ``xapi`` option: where the browser sends learning records, validated.

The option is part of the project's settings, so ``academy check`` refuses a
bad value as early as ``mkdocs build`` does; the script that sends the
statements lives with the browser runtime (:mod:`academy.client.xapi`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from academy.core.problems import OptionError

ACTORS = ("anonymous", "learner")
KEYS = ("endpoint", "auth", "actor", "activity_base")


@dataclass(frozen=True)
class XapiSettings:
    """Where statements go and who they are about.

    Attributes:
        endpoint: The LRS endpoint, ending in ``/``; statements are posted to
            ``endpoint + "statements"``.
        auth: The ``Authorization`` header value, as the deployer supplies it
            (``Basic …``); empty for a store that needs none. It is readable
            in the published script, so it must be a credential that can only
            write statements.
        actor: ``anonymous`` (a random id per browser) or ``learner`` (a name
            and email the learner enters on the progress page).
        activity_base: Absolute URL that activity ids start with; empty means
            the site's own address, as the browser sees it.
    """

    endpoint: str
    auth: str = ""
    actor: str = "anonymous"
    activity_base: str = ""


def _url(value: Any, name: str) -> str:
    if not isinstance(value, str) or urlsplit(value.strip()).scheme not in ("http", "https"):
        raise OptionError(f"'{name}' must be an http(s) URL, not {value!r}.")
    parts = urlsplit(value.strip())
    if not parts.netloc:
        raise OptionError(f"'{name}' must be an absolute URL, not {value!r}.")
    return value.strip().rstrip("/") + "/"


def xapi_settings(raw: Any) -> XapiSettings | None:
    """Validate the ``xapi`` option; ``None`` (or ``false``) leaves xAPI off.

    Raises:
        OptionError: naming the key and what is wrong with it.
    """
    if raw is None or raw is False:
        return None
    if not isinstance(raw, Mapping):
        raise OptionError(
            "must be a mapping with at least 'endpoint', such as `endpoint: https://lrs.example.org/xAPI/`."
        )
    unknown = [k for k in raw if k not in KEYS]
    if unknown:
        raise OptionError(f"unknown key '{unknown[0]}'. Known keys: {', '.join(KEYS)}.")
    if "endpoint" not in raw:
        raise OptionError("'endpoint' is required, e.g. https://lrs.example.org/xAPI/.")
    auth = raw.get("auth") or ""
    if not isinstance(auth, str):
        raise OptionError("'auth' must be text, such as 'Basic dXNlcjpwYXNz'.")
    auth = auth.strip()
    if auth and " " not in auth:
        auth = "Basic " + auth  # a bare token is what most stores hand out for Basic auth
    actor = raw.get("actor", "anonymous")
    if actor not in ACTORS:
        raise OptionError(f"'actor' must be anonymous or learner, not {actor!r}.")
    base = raw.get("activity_base")
    return XapiSettings(
        endpoint=_url(raw["endpoint"], "endpoint"),
        auth=auth,
        actor=actor,
        activity_base=_url(base, "activity_base") if base else "",
    )
