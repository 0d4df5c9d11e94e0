"""The academy for machines: ``catalog.json``, Markdown exports, ``llms.txt``,
``llms-full.txt`` and schema.org JSON-LD.

AI agents and tools read the published academy without running its
JavaScript, so everything they need is rendered here as plain files. Every
output is a pure function of the academy and the arguments, sorted wherever
the order carries no meaning, so two builds of the same sources are
byte-identical. The catalog holds no answers; the exports do, at the end,
clearly marked.

May import: :mod:`academy.core` and :mod:`academy.render`. Nothing of client,
mkdocs or cli.
"""
