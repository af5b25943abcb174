"""Stage 3, extract: facts found in the spans of the outline.

Takes the text and the nodes of the outline; gives the plan's tasks (verb and
object), actors with their roles, quantities (targets, results, …) and the
documents it cites, each with its character span.

- ``tokens``: the word segmenter backends (rjieba, jieba, pkuseg), POS tags and the domain dictionary;
- ``numbers``: numerals (Arabic, Chinese, mixed) to values;
- ``quantities``: numbers with units, comparators, commitment and deadline;
- ``tasks``: action verbs and their objects, clause by clause;
- ``actors``: bodies named in the text and their roles;
- ``references``: cited documents (《…》);
- ``indicators``: canonical names of what a quantity measures;
- ``run``: all of the above over a plan, linked into records and edges.

A new extractor is a module here with a generator function over a span, called
from ``run``. Imports :mod:`policyparse.outline.tree`, :mod:`policyparse.ingest`
and the model; nothing above it.
"""
