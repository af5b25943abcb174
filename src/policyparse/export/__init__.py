"""Stage 5, export: a parsed plan in the forms other tools read.

Takes a :class:`~policyparse.model.Plan`; gives pandas tables (``tables``),
a networkx task graph with GraphML and node-link files (``graph``), the HTML
shown in Jupyter (``display``), matplotlib figures (``plot``), a spaCy
``Doc`` (``spacy_view``) and the ``policyparse`` spaCy pipe
(``spacy_component``). Each module loads its heavy library on first use; the
``Plan`` methods (``to_frame``, ``to_networkx``, ``_repr_html_``, ``to_spacy``)
delegate here lazily.

Imports the pipeline, the stages below and the model; never :mod:`policyparse.compare.diff`.
"""
