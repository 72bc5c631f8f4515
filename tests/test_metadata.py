"""pyproject.toml reads without a setuptools deprecation banner: set-up (`./dev`) prints
every warning the build backend gives, and the user should see none."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent

# setuptools' own reader of pyproject.toml, as the build backend runs it; every warning fails.
READ = """
import sys, warnings
warnings.simplefilter("error")
from setuptools.config.pyprojecttoml import apply_configuration
from setuptools.dist import Distribution
print(apply_configuration(Distribution(), sys.argv[1]).metadata.license_expression)
"""


def test_the_metadata_reads_without_a_deprecation_warning() -> None:
    result = subprocess.run(
        [sys.executable, "-c", READ, str(ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "LicenseRef-Proprietary"


def test_the_build_requires_a_setuptools_that_reads_an_spdx_license() -> None:
    build = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    (setuptools,) = [Requirement(r) for r in build["requires"] if r.startswith("setuptools")]
    assert not setuptools.specifier.contains("76.9"), "setuptools < 77 cannot read it"
