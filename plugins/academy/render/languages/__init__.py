"""One module per language of the UI, each a table of the same keys.

Adding a language is one file here and one line in ``academy.render.i18n.LANGUAGES``;
``tests/test_runtime_assets.py`` requires every table to carry every English key
with the same placeholders.
"""
