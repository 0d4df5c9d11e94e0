"""The core: load, validate and model an academy, with no site engine.

What belongs here: problems and their codes, options and settings, finding
sources, text and YAML loading, the JSON Schemas and their source, the
model, the rules, the engine that runs them, graph walks and coverage.
Anything that holds for every way of publishing an academy.

May import: the standard library, PyYAML, jsonschema, and itself. Nothing of
:mod:`academy.render`, :mod:`academy.outputs`, :mod:`academy.client`,
:mod:`academy.mkdocs` or :mod:`academy.cli`, and never MkDocs:
``tests/test_architecture.py`` holds it to that.
"""
