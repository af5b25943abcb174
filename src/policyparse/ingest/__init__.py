"""Stage 1, ingest: a file's bytes to the normalised text every span indexes.

Takes a path or bytes; gives a :class:`~policyparse.ingest.reader.Document`
(the decoded text exactly as in the file) and then a
:class:`~policyparse.ingest.normalize.Normalized` text with its map back to
the raw offsets, the scraping debris it dropped, and the metadata read from
the title and the file name.

Modules, in the order the pipeline uses them:

- ``reader``: a file or bytes to a ``Document``; the format told by content;
- ``formats``: the text of ``.docx``, ``.pdf`` and ``.html`` files;
- ``decode``: the encoding of plain text (BOMs, UTF-8, GB18030, Big5, UTF-16/32);
- ``normalize``: width, script, stray line breaks, ranges, invisible characters;
- ``debris``: repeated titles, truncated summaries and footers of scraped pages;
- ``offsets``: the maps from normalised back to raw offsets;
- ``meta``: title, issuers, year, genre and region from the title, the opening
  and the file name;
- ``numbering``: the numbering grammars of ``data/numbering.json`` (normalise
  keeps heading lines apart with them; the outline finds labels with them);
- ``chars``: the punctuation classes every stage shares.

Imports only :mod:`policyparse.model`, :mod:`policyparse.errors` and
:mod:`policyparse.data`.
"""
