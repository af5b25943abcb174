"""Stage 5, compare: plans set against each other.

Takes parsed plans; gives a :class:`~policyparse.compare.diff.diff.PlanDiff`
(which units were kept, reworded, moved, merged, split, added or removed, and
how targets changed) and the target panel across years.

- ``align``: units of two outlines paired by content;
- ``diff``: ``policyparse.diff`` and the ``PlanDiff`` it returns;
- ``targets``: targets paired across plans, headline targets, deltas;
- ``series``: ``policyparse.panel``, targets across years with achieved values;
- ``report``: a ``PlanDiff`` as tables, HTML and Markdown.

Imports the pipeline, the stages below and the model.
"""
