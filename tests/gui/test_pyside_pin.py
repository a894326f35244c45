"""Guards the PySide6 pin: 6.12.0 on Python 3.11 aborts with "none_dealloc" after a few thousand void Qt calls."""

import subprocess
import sys

_SCRIPT = """
from PySide6.QtCore import QObject
obj = QObject()
for i in range(20_000):
    obj.setObjectName(f"object-{i}")  # returns void: each call used to drop a reference to None
print("survived", obj.objectName())
"""


def test_twenty_thousand_void_qt_calls_survive():
    result = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "survived object-19999" in result.stdout
