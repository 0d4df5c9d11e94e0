"""HTML for the academy's pages: fragments, templates, the string table, the
Python-Markdown extension that places checks and scenarios.

Engine-neutral: any site engine that runs Python-Markdown and Jinja can call
the same functions; how a site marks what its search leaves out is passed in
(:class:`academy.render.html.Marks`), never written into the templates.

May import: :mod:`academy.core`. Nothing of outputs, client, mkdocs or cli.
"""
