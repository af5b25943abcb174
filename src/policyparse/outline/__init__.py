"""Stage 2, outline: the normalised text to the tree of nodes with spans.

Takes a :class:`~policyparse.ingest.normalize.Normalized` text; gives the
plan's nodes: preamble, sections (一、), subsections (（一）), items (1. /
1、/ （1）/ ①), enumerations (一是…), paragraphs and sentences.

- ``annex``: the annexes after the body (附件, 名词解释), each read as a part of its own;
- ``labels``: every numbering label in the text, by the numbering grammars;
- ``tree``: the labels nested into headings (levels by first appearance);
- ``segment``: paragraphs, sentences, clauses and enumerations of a span;
- ``assemble``: headings and their text turned into :class:`~policyparse.model.Node` records;
- ``roles``: the section role of every node (review, goals, tasks …).

Imports :mod:`policyparse.ingest` and the model; nothing above it.
"""
