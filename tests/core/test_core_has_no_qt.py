"""Core is what the CLI, the tests and any future tool share: it must never load Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import core

ROOT = Path(__file__).resolve().parents[2]


def test_importing_every_core_module_loads_no_pyside():
    modules = [m.name for m in pkgutil.walk_packages(core.__path__, "core.")]
    assert "core.store" in modules and "core.extract.deals" in modules
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules) + \
        "assert 'PySide6' not in sys.modules, [m for m in sys.modules if 'PySide6' in m]\n"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
