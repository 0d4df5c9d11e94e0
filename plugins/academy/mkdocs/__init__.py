"""The MkDocs adapter: the plugin and the collaborators its events call.

:mod:`.plugin` holds events only; checking (:mod:`.check`), generated files
(:mod:`.files`), navigation (:mod:`.nav`), page assembly
(:mod:`.module_pages`, :mod:`.pages`), bookkeeping across rebuilds
(:mod:`.dirty`), the theme wrapper (:mod:`.theme`) and the Content Security
Policy work (:mod:`.csp`) each have a module. Speed-up machinery lives in
:mod:`.perf` and is used from here only. The one reach past MkDocs' public
API is :mod:`.internals`.

May import: everything of the academy but :mod:`academy.cli`.
"""
