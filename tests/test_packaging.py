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


def test_the_license_is_an_spdx_expression_that_setuptools_reads_without_a_deprecation():
    """``license = { text = "MIT" }`` made setuptools print a boxed deprecation warning three times."""
    import subprocess
    import sys

    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    assert config["project"]["license"] == "MIT"
    code = ("import warnings; warnings.simplefilter('error');"
            "from setuptools.dist import Distribution;"
            "from setuptools.config.pyprojecttoml import apply_configuration;"
            "d = apply_configuration(Distribution(), 'pyproject.toml');"
            "print(d.metadata.license_expression)")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "MIT"
