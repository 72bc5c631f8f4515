"""The mypy relaxations in pyproject.toml may only shrink.

Every first-party `[[tool.mypy.overrides]]` block except the generated forms is a relaxation
of `strict` for one module of secretary/ui/session, and names the error codes that module
is excused from (`disable_error_code`, nothing else). This test runs mypy once with all those
blocks taken out and fails when a block excuses a code the module no longer has: fix a
module and its relaxation has to go, in the same change.

Why this check and not a list of allowed modules written here: such a list says what was
relaxed on the day it was written. Fixed modules would stay on it, and it would go on
allowing them to be relaxed again; nothing tells anyone to shorten it, so it rots. Asking
mypy whether each relaxation is still needed cannot go stale. What keeps the list from
growing is the shape the test demands: only modules under secretary.ui.session (the rewrite
in progress), one named module a block (no pattern that would take in new modules), and
error codes that mypy must still report there (no `ignore_errors`, `check_untyped_defs`
or other switch that silences more than what is wrong today).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RELAXABLE = "secretary.ui.session."
# scripts/build_forms.py writes these with pyside6-uic, without annotations; they are not
# ours to type, so they are excused from everything for good.
GENERATED = {"module": ["secretary.ui.forms.*"], "ignore_errors": True}


def _config() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        mypy: dict[str, Any] = tomllib.load(f)["tool"]["mypy"]
    return mypy


def _relaxations(config: dict[str, Any]) -> list[dict[str, Any]]:
    """The first-party override blocks other than the generated forms."""
    return [
        block
        for block in config.get("overrides", [])
        if any(m.startswith("secretary") for m in block["module"]) and block != GENERATED
    ]


def _toml(value: object) -> str:
    # JSON strings and arrays of strings are valid TOML; this is all [tool.mypy] holds.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int) or (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    ):
        return json.dumps(value)
    raise TypeError(f"cannot write {value!r} to TOML here")


def _write_config(config: dict[str, Any], path: Path) -> None:
    lines = ["[tool.mypy]"]
    lines += [f"{k} = {_toml(v)}" for k, v in config.items() if k != "overrides"]
    for block in config.get("overrides", []):
        lines += ["", "[[tool.mypy.overrides]]"]
        lines += [f"{k} = {_toml(v)}" for k, v in block.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _module_file(module: str) -> Path:
    path = ROOT.joinpath(*module.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def test_relaxations_are_session_modules_by_error_code() -> None:
    for block in _relaxations(_config()):
        (module,) = block["module"]  # one module a block, so each has only what it needs
        assert module.startswith(RELAXABLE) and "*" not in module, (
            f"{module}: only modules of {RELAXABLE.rstrip('.')} may be relaxed, one by name"
        )
        assert set(block) == {"module", "disable_error_code"}, (
            f"{module}: a relaxation names error codes (disable_error_code), nothing else"
        )
        assert block["disable_error_code"], f"{module}: an empty block; remove it"
        assert _module_file(module).is_file(), f"{module}: no such module; remove its block"


def test_every_relaxation_is_still_needed(tmp_path: Path) -> None:
    config = _config()
    blocks = _relaxations(config)
    relaxed = {block["module"][0]: set(block["disable_error_code"]) for block in blocks}
    strict = dict(config)
    strict["overrides"] = [b for b in config.get("overrides", []) if b not in blocks]
    config_file = tmp_path / "strict.toml"
    _write_config(strict, config_file)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config_file), "--output", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode in (0, 1), result.stderr
    found: dict[Path, set[str]] = {}
    for line in result.stdout.splitlines():
        if not line.startswith("{"):  # "Success: ..." when nothing is left to report
            continue
        error = json.loads(line)
        if error["severity"] == "error":
            found.setdefault((ROOT / error["file"]).resolve(), set()).add(error["code"])
    unneeded = {
        module: sorted(codes - found.get(_module_file(module).resolve(), set()))
        for module, codes in relaxed.items()
    }
    unneeded = {module: codes for module, codes in unneeded.items() if codes}
    assert not unneeded, (
        "mypy no longer reports these codes; take them out of disable_error_code in "
        f"pyproject.toml (and the block when it is empty): {unneeded}"
    )
