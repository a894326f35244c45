"""Where Deal Tracker keeps its data when nobody says otherwise; the same folder Qt's AppDataLocation names."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ORGANIZATION = "DealTracker"
APPLICATION = "Deal Tracker"


def default_data_dir() -> Path:
    """The per-user data folder, computed without Qt so the command line agrees with the window."""
    override = os.environ.get("DEAL_TRACKER_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORGANIZATION / APPLICATION
