"""Stage 7, the command line: ``policyparse parse | diff | panel | batch``.

One module per command group: ``main`` (the parser of arguments and
``policyparse parse``), ``compare`` (``diff`` and ``panel``), ``batch``
(``policyparse batch``). The console script calls
:func:`policyparse.cli.main.main.main`. Every command imports what it needs when
it runs, so ``policyparse --help`` stays light.
"""
