"""The browser runtime: one vanilla script and one stylesheet (``assets/``),
the code that ships them minified with their strings, and the xAPI sender.

May import: :mod:`academy.core` and :mod:`academy.render` (for the string
table). Nothing of outputs, mkdocs or cli.
"""
