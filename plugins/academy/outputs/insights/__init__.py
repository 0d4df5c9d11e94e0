"""The ``academy insights`` reports: Markdown, a self-contained HTML page,
and JSON (its schema, ``insights.schema.json``, sits beside this file).

Writers read :class:`academy.core.analytics.figures.Insights` only, which
holds no learner identities, so no report can print one.
"""
