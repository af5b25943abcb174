"""Every Python example of README.md runs as a script, and shows what it prints.

Each fenced ``python`` block is saved as a file and run with this interpreter
as a plain script (``python example.py``: no ``if __name__ == "__main__":``
guard, no notebook), from a temporary folder laid out like a checkout's
neighbourhood: ``corpora/`` (the bundled plan), ``../shared/corpora`` (the
Government Work Reports, read in place) and ``plans/`` (a few plans for
``parse_many``). Whatever an example writes lands in that folder.

A line that is an expression followed by a comment holding a Python literal
(``plan.meta.year`` then ``# 2019``) becomes an assertion, so the README
cannot drift from what the library gives; a comment that is not a literal
(``# 1. 抓好… (358, 527)``, or one with ``…``) is left as prose.
"""
from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from support import BUNDLED, CORPORA, REPO, gwr_path

BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)
BLOCKS = BLOCK.findall((REPO / "README.md").read_text("utf-8"))


def _literal(comment: str) -> tuple[bool, object]:
    try:
        return True, ast.literal_eval(comment)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False, None


def with_checks(source: str) -> tuple[str, int]:
    """The block with each ``expression`` + ``# literal`` pair turned into an assertion; and how many.

    Example:
        >>> print(with_checks("x = 1\\nx + 1\\n# 2\\n")[0])
        x = 1
        assert (x + 1) == 2, 'README: ' + 'x + 1' + ' gives ' + repr(x + 1) + ', not ' + '2'
        <BLANKLINE>
    """
    lines = source.splitlines()
    out: list[str] = []
    checks = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        code = line.split("  #")[0].rstrip()
        indent = line[: len(line) - len(line.lstrip())]
        if (code.strip() and not code.lstrip().startswith("#") and nxt.strip().startswith("# ")
                and nxt[: len(nxt) - len(nxt.lstrip())] == indent):
            ok, _ = _literal(nxt.strip()[2:])
            try:
                is_expr = isinstance(ast.parse(code.strip()).body[0], ast.Expr)
            except SyntaxError:
                is_expr = False
            if ok and is_expr:
                expr, expected = code.strip(), nxt.strip()[2:]
                out.append(f"{indent}assert ({expr}) == {expected}, "
                           f"'README: ' + {expr!r} + ' gives ' + repr({expr}) + ', not ' + {expected!r}")
                checks += 1
                i += 2
                continue
        out.append(line)
        i += 1
    return "\n".join(out) + "\n", checks


@pytest.fixture(scope="module")
def neighbourhood(tmp_path_factory) -> Path:
    """A working folder with ``corpora/``, ``plans/`` and ``../shared/corpora`` as the README expects."""
    root = tmp_path_factory.mktemp("readme")
    work = root / "work"
    work.mkdir()
    (work / "corpora").symlink_to(BUNDLED.parent, target_is_directory=True)
    (root / "shared").mkdir()
    (root / "shared" / "corpora").symlink_to(CORPORA, target_is_directory=True)
    plans = work / "plans"
    plans.mkdir()
    (plans / BUNDLED.name).symlink_to(BUNDLED)
    (plans / "gwr").mkdir()
    for year in (2018, 2019):
        (plans / "gwr" / f"{year}.txt").symlink_to(gwr_path(year))
    return work


def test_the_readme_has_python_examples():
    assert len(BLOCKS) >= 4
    assert sum(with_checks(b)[1] for b in BLOCKS) >= 9  # the examples show results, and those are checked


@pytest.mark.parametrize("number", range(len(BLOCKS)), ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_a_readme_example_runs_as_a_script(number, neighbourhood):
    source, _ = with_checks(BLOCKS[number])
    script = neighbourhood / f"example_{number}.py"
    script.write_text(source, encoding="utf-8")
    env = {**os.environ, "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, script.name], cwd=neighbourhood, capture_output=True, text=True,
                          env=env, timeout=1800)
    assert done.returncode == 0, f"README block {number} failed:\n{BLOCKS[number]}\n{done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr
