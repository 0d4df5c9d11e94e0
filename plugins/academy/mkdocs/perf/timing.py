"""Time spent in each plugin hook, for the benchmarks."""

from __future__ import annotations

import functools
import json
import os
import time
from pathlib import Path
from typing import Any


class HookTimes:
    """Wall time the plugin spends in each MkDocs event, across a build.

    The benchmarks read it (``ACADEMY_HOOK_TIMES=file.json``) to report the
    plugin's own cost per hook, apart from MkDocs' and the theme's.
    """

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}

    def wrap(self, name: str, method: Any) -> Any:
        # functools.wraps keeps the method's attributes, such as the event
        # priority MkDocs reads from it.
        @functools.wraps(method)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.totals[name] = self.totals.get(name, 0.0) + time.perf_counter() - start
                if name == "on_post_build":  # the build's last event: its own time included
                    self.dump()

        return timed

    def dump(self) -> None:
        target = os.environ.get("ACADEMY_HOOK_TIMES")
        if target:
            runs = json.loads(Path(target).read_text()) if Path(target).is_file() else []
            runs.append(self.totals)
            Path(target).write_text(json.dumps(runs))
        self.totals = {}
