"""Speed-up machinery of the MkDocs adapter, behind its own wall.

Memoised page parts across ``mkdocs serve`` rebuilds (:mod:`.memo`), work
rendered ahead in a forked child (:mod:`.ahead`, :mod:`.ahead_work`), slots
that keep parts away from the search plugin's parser (:mod:`.slots`), the
collector frozen during a build (:mod:`.collector`), and hook timings for
the benchmarks (:mod:`.timing`). Nothing outside :mod:`academy.mkdocs`
imports these; the core and the templates know nothing of them.
"""
