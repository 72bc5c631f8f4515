"""Compile forms/*.ui into secretary/ui/forms/ui_*.py with pyside6-uic.

    python scripts/build_forms.py          regenerate stale files
    python scripts/build_forms.py --check  exit 1 if any generated file is stale or missing

Generated files are reproducible from their sources by this one command; the test suite runs
--check so a hand edit or a forgotten regeneration fails CI.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
OUT = ROOT / "secretary" / "ui" / "forms"
HEADER = "# Generated from forms/{name} by scripts/build_forms.py. Do not edit by hand.\n"


def uic() -> str:
    exe = Path(sys.executable).with_name("pyside6-uic")
    found = str(exe) if exe.exists() else shutil.which("pyside6-uic")
    if not found:
        sys.exit("pyside6-uic saknas: installera PySide6-Essentials.")
    return found


def compile_form(ui: Path) -> str:
    result = subprocess.run(
        [uic(), "--from-imports", "-g", "python", str(ui)],
        check=True,
        capture_output=True,
        text=True,
    )
    body = "\n".join(
        line for line in result.stdout.splitlines() if not line.startswith("## Created by:")
    )
    return HEADER.format(name=ui.name) + body + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "__init__.py").touch()
    stale: list[str] = []
    expected = set()
    for ui in sorted(FORMS.glob("*.ui")):
        target = OUT / f"ui_{ui.stem}.py"
        expected.add(target.name)
        text = compile_form(ui)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            stale.append(target.name)
            if not args.check:
                target.write_text(text, encoding="utf-8")
    orphans = [p.name for p in OUT.glob("ui_*.py") if p.name not in expected]
    if args.check:
        if stale or orphans:
            print("Inaktuella formulär: " + ", ".join(stale + orphans), file=sys.stderr)
            print("Kör ./dev forms och checka in resultatet.", file=sys.stderr)
            return 1
        return 0
    for name in orphans:
        (OUT / name).unlink()
    for name in stale:
        print(f"skrev {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
