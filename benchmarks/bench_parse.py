"""Parse speed and import cost of policyparse.

Run with ``.venv/bin/python benchmarks/bench_parse.py`` (or ``make bench``).

* Parse: the Government Work Reports of ``../shared/corpora/gwr`` concatenated
  (1x), and 4x / 16x that (copies retitled), built in memory; wall time of
  ``policyparse.parse`` is the best of 3 (time.perf_counter). The table shows
  size, seconds, chars/s and time(kx)/time(1x) next to the ideal k, and the
  node count relative to 1x.
* Import: ``import policyparse`` in a fresh interpreter, both as
  ``python -X importtime`` reports it and as the wall time of
  ``python -c "import policyparse"`` minus ``python -c "pass"`` (best of 7),
  and whether heavy dependencies (rjieba, jieba, spacy, pandas, cn2an) are loaded by it
  and by a parse.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPORA = REPO.parent / "shared" / "corpora"
sys.path.insert(0, str(REPO / "src"))  # the checkout, even without an install

import policyparse  # noqa: E402

SIZES = (1, 4, 16)
REPEATS = 3
HEAVY = ("rjieba", "jieba", "spacy", "pandas", "cn2an")


def reports() -> list[str]:
    files = sorted((CORPORA / "gwr").glob("*.txt"))
    if not files:
        sys.exit(f"no reports found in {CORPORA / 'gwr'}")
    return [f.read_text(encoding="utf-8") for f in files]


def scaled(texts: list[str], k: int) -> str:
    """The reports concatenated k times; in copy i > 0 each report's title
    (its first line) is changed to ``… （副本i）``."""
    parts = []
    for i in range(k):
        for t in texts:
            if i:
                title, _, rest = t.partition("\n")
                t = f"{title}（副本{i}）\n{rest}"
            parts.append(t)
    return "\n\n".join(parts)


def best_of(fn, repeats: int = REPEATS) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def bench_parse() -> None:
    texts = reports()
    policyparse.parse(texts[0])  # load lazily imported modules (OpenCC ...) first
    print(f"1x = the {len(texts)} Government Work Reports of {CORPORA / 'gwr'} concatenated; best of {REPEATS}")
    print()
    header = (f"{'size':>5} {'chars':>12} {'MB utf-8':>9} {'seconds':>9} {'chars/s':>12} {'t/t(1x)':>8} {'ideal':>6}"
              f" {'nodes':>9} {'n/n(1x)':>8}")
    print(header)
    print("-" * len(header))
    t1 = n1 = None
    for k in SIZES:
        text = scaled(texts, k)
        secs, plan = best_of(lambda text=text: policyparse.parse(text))
        if t1 is None:
            t1, n1 = secs, len(plan.nodes)
        print(f"{k:>4}x {len(text):>12,} {len(text.encode('utf-8')) / 1e6:>9.1f} {secs:>9.3f} "
              f"{len(text) / secs:>12,.0f} {secs / t1:>8.2f} {k:>6} {len(plan.nodes):>9,} {len(plan.nodes) / n1:>8.2f}")
        del text, plan
    print()
    print("t/t(1x): parse time relative to 1x (linear growth means it equals 'ideal');")
    print("n/n(1x): nodes relative to 1x, showing the work (paragraphs, sentences) grows with the input.")


def _run(code: str, *flags: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, *flags, "-c", code], capture_output=True, text=True, env=env, check=True)


def _wall(code: str, repeats: int = 7) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        _run(code)
        best = min(best, time.perf_counter() - t0)
    return best


def bench_import() -> None:
    print()
    print("import policyparse (fresh interpreter)")
    # -X importtime: "import time: self [us] | cumulative | imported package"
    out = _run("import policyparse", "-X", "importtime").stderr
    cumulative = {}
    for line in out.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m:
            cumulative[m.group(4)] = int(m.group(2))
    pp = cumulative.get("policyparse")
    print(f"  -X importtime, cumulative for policyparse: {pp / 1000:.1f} ms" if pp else "  -X importtime: policyparse not found")
    top = sorted(((us, name) for name, us in cumulative.items() if "." not in name and name != "policyparse"), reverse=True)[:5]
    if top:
        print("  largest top-level imports: " + ", ".join(f"{name} {us / 1000:.1f} ms" for us, name in top))
    imp, bare = _wall("import policyparse"), _wall("pass")
    print(f"  wall: python -c 'import policyparse' {imp * 1000:.1f} ms - python -c 'pass' {bare * 1000:.1f} ms "
          f"= {(imp - bare) * 1000:.1f} ms (best of 7)")
    probe = "import sys, policyparse; print(' '.join(m for m in {!r} if m in sys.modules))"
    after_import = _run(probe.format(HEAVY)).stdout.split()
    after_parse = _run(
        "import sys, policyparse; policyparse.parse_file({!r}); ".format(str(REPO / "corpora" / "edu-bureau-2019.txt"))
        + "print(' '.join(m for m in {!r} if m in sys.modules))".format(HEAVY)
    ).stdout.split()
    for name in HEAVY:
        print(f"  {name:<7} in sys.modules after import: {'yes' if name in after_import else 'no':<3}   "
              f"after parse_file: {'yes' if name in after_parse else 'no'}")


def main() -> None:
    t0 = time.perf_counter()
    print(f"policyparse {policyparse.__version__}, Python {sys.version.split()[0]}")
    bench_parse()
    bench_import()
    print()
    print(f"total benchmark time {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
