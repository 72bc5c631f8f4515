"""scripts/build_resources.py: the built resources are current, and the check catches a
changed source, a hand-edited or missing copy and a left-over file. Run on a copy of the
sources and outputs in a temporary folder, so the checkout is never touched."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_resources", ROOT / "scripts" / "build_resources.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


build_resources = _load()


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The sources and the built files, as committed, under a temporary root."""
    shutil.copytree(ROOT / "resources", tmp_path / "resources")
    shutil.copytree(ROOT / "secretary" / "resources", tmp_path / "secretary" / "resources")
    (tmp_path / "installer").mkdir()
    shutil.copy2(ROOT / "installer" / "secretary.ico", tmp_path / "installer")
    return tmp_path


def test_committed_resources_are_current() -> None:
    assert build_resources.stale(ROOT) == []


def test_copy_starts_current(copy: Path) -> None:
    assert build_resources.stale(copy) == []


def test_changed_font_source_makes_its_copy_stale(copy: Path) -> None:
    with (copy / "resources/fonts/LICENSE-LiberationSans.txt").open("a") as f:
        f.write("\n")
    assert build_resources.stale(copy) == ["secretary/resources/fonts/LICENSE-LiberationSans.txt"]


def test_changed_icon_source_makes_png_and_ico_stale(copy: Path) -> None:
    svg = copy / "resources/icon/secretary.svg"
    svg.write_text(svg.read_text(encoding="utf-8").replace("#1f4e79", "#7a1f1f"), "utf-8")
    assert build_resources.stale(copy) == [
        "secretary/resources/secretary.png",
        "installer/secretary.ico",
    ]


def test_hand_edited_copy_is_stale(copy: Path) -> None:
    font = copy / "secretary/resources/fonts/LiberationSans-Regular.ttf"
    font.write_bytes(font.read_bytes()[:-1])
    assert build_resources.stale(copy) == ["secretary/resources/fonts/LiberationSans-Regular.ttf"]


def test_missing_and_left_over_files_are_named(copy: Path) -> None:
    (copy / "secretary/resources/secretary.png").unlink()
    (copy / "secretary/resources/old-logo.png").write_bytes(b"")
    assert build_resources.stale(copy) == [
        "secretary/resources/secretary.png",
        "secretary/resources/old-logo.png",
    ]


def test_hand_edited_manifest_is_stale(copy: Path) -> None:
    manifest = copy / "secretary/resources/MANIFEST.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("  ", "    "), "utf-8")
    assert build_resources.stale(copy) == ["secretary/resources/MANIFEST.json"]


def test_build_makes_stale_resources_current_and_the_same_each_time(
    copy: Path, qapp: object
) -> None:
    """qapp first: the drawing then uses pytest-qt's QApplication instead of making its own."""
    svg = copy / "resources/icon/secretary.svg"
    svg.write_text(svg.read_text(encoding="utf-8").replace("#1f4e79", "#7a1f1f"), "utf-8")
    (copy / "secretary/resources/old-logo.png").write_bytes(b"")
    written = build_resources.build(copy)
    assert written == [
        "secretary/resources/secretary.png",
        "installer/secretary.ico",
        "secretary/resources/MANIFEST.json",
    ]
    assert not (copy / "secretary/resources/old-logo.png").exists()
    assert build_resources.stale(copy) == []
    outputs = ("secretary/resources/secretary.png", "installer/secretary.ico")
    first = {name: (copy / name).read_bytes() for name in outputs}
    assert build_resources.build(copy, force=True) == []
    assert {name: (copy / name).read_bytes() for name in outputs} == first
