"""Files under resources/: icons and the sample articles, read through resource_path() alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_path(name: str) -> Path:
    """A file under resources/, the one place icons and samples are read from."""
    return _RESOURCES / name


def sample_paths() -> list[Path]:
    folder = resource_path("samples")
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "README")))


# What a sample article's publisher says, in the article pane and the Sources of its deals; File > Remove
# sample deals finds them by it.
SAMPLE_PUBLISHER = "Deal Tracker sample"


def is_sample(location: str | None) -> bool:
    """Whether a file is one of the bundled sample articles."""
    if not location:
        return False
    path = Path(location)
    return path.parent.resolve() == resource_path("samples").resolve() and path in sample_paths()


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        png = resource_path(f"icons/deal-tracker-{size}.png")
        if png.exists():
            icon.addFile(str(png))
    if icon.isNull() and resource_path("icon.svg").exists():
        icon.addFile(str(resource_path("icon.svg")))
    return icon
