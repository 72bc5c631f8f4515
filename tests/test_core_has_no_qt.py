"""The core (domain, store, services, reports) never imports Qt (style.md, habit 1)."""

import subprocess
import sys


def test_importing_every_core_module_loads_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import secretary.domain, secretary.store, secretary.services, secretary.reports\n"
        "for pkg in (secretary.domain, secretary.store, secretary.services, secretary.reports):\n"
        "    for mod in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations' not in mod.name:\n"
        "            importlib.import_module(mod.name)\n"
        "import secretary.cli\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"Qt imported by the core: {result.stdout}"
