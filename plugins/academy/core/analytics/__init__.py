"""What learners' xAPI statements say about the course (``academy insights``).

``read`` streams statements from files or a record store; ``collect`` keeps
this academy's activities as compact events joined with the content by id;
``learners`` folds them per learner, in memory only; ``items`` and
``journeys`` compute the figures and flags; ``stats`` holds the formulas.
:func:`analyse` runs the lot. Nothing here prints or writes files; the
reports are written by :mod:`academy.outputs.insights`.
"""

from __future__ import annotations

from academy.core.analytics.analyse import analyse, locator

__all__ = ["analyse", "locator"]
