"""Run the ralph learning record store for the xAPI test, in ralph's own venv.

Started as ``.venv/lrs/bin/python tests/lrs_server.py HOST PORT`` with ralph's
settings in the environment (``RALPH_APP_DIR``, ``RALPH_RUNSERVER_BACKEND=fs``,
``RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH``, the CORS origins).

Why not ``ralph runserver``: its file-system backend writes each POST with
the "create" operation, which refuses to touch the statements file once it
exists, so every POST after the first fails with a 500 (ralph 4.2 to 5.1).
A record store must append; this launcher makes that one change and runs the
same ASGI app, without the development reloader.
"""

from __future__ import annotations

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

if __name__ == "__main__":
    uvicorn.run("ralph.api:app", host=sys.argv[1], port=int(sys.argv[2]), log_level="info")
