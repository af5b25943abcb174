"""Errors raised by policyparse.

Every problem with an input file is reported as a :class:`PolicyParseError`
that names the file and says what is wrong, so batch jobs can log one clear
line per failure instead of a traceback from deep inside the pipeline.
"""
from __future__ import annotations

import os


class PolicyParseError(Exception):
    """An input could not be read or parsed.

    Attributes:
        source: the file (or other source label) the problem is about.
        reason: a short human-readable reason.

    Example:
        >>> err = PolicyParseError("plan.txt", "file is empty")
        >>> str(err)
        'plan.txt: file is empty'
    """

    def __init__(self, source: str | os.PathLike | None, reason: str):
        self.source = str(source) if source is not None else "<text>"
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")
