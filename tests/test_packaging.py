"""The package ships every data file it reads (an installed, non-editable copy has no checkout)."""
from __future__ import annotations

import fnmatch
import tomllib

from support import REPO


def test_every_data_file_is_package_data():
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["policyparse"]
    data = REPO / "src" / "policyparse" / "data"
    # data/__init__.py is the module that loads them (packaged as code, not as data)
    files = [p.relative_to(data.parent).as_posix() for p in data.iterdir() if p.is_file() and p.suffix != ".py"]
    assert {"data/verbs.json", "data/dictionary.txt", "data/actors.json", "data/quantities.json"} <= set(files)
    missing = [f for f in files if not any(fnmatch.fnmatch(f, g) for g in globs)]
    assert missing == []
