"""`make install-desktop` / `uninstall-desktop`: the desktop entry, MIME type and icons for the current user.

Standard library only, so any python3 runs it. Files go under $XDG_DATA_HOME (default ~/.local/share):
applications/, mime/packages/ and icons/hicolor/<size>/apps/. The desktop databases are refreshed
with update-desktop-database, update-mime-database and xdg-icon-resource when those tools exist.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
APP_ID = "deal-tracker"
DESKTOP = f"{APP_ID}.desktop"
MIME_XML = f"{APP_ID}-mime.xml"
# Characters the Desktop Entry Specification reserves in Exec arguments: such an argument is quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def exec_arg(arg: str) -> str:
    """One argument of an Exec key, quoted and escaped as the Desktop Entry Specification asks."""
    arg = arg.replace("%", "%%")
    if any(ch in _RESERVED for ch in arg):
        arg = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
    return arg.replace("\\", "\\\\")  # the key file's own escape, applied on top of the quoting


def desktop_entry(launcher: str) -> str:
    """resources/deal-tracker.desktop with Exec and TryExec naming `launcher`."""
    lines = []
    for line in (RESOURCES / DESKTOP).read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_arg(launcher)} %f"
        elif line.startswith("TryExec="):
            line = "TryExec=" + launcher.replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def icon_files() -> list[tuple[Path, str]]:
    """(source, path under icons/hicolor/) for the SVG and every PNG size in resources/icons/."""
    found = [(RESOURCES / "icon.svg", f"scalable/apps/{APP_ID}.svg")]
    for png in sorted((RESOURCES / "icons").glob(f"{APP_ID}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        if size.isdigit():
            found.append((png, f"{size}x{size}/apps/{APP_ID}.png"))
    return found


def targets(data: Path) -> list[Path]:
    """Every file install() writes, and so every file uninstall() removes."""
    return ([data / "applications" / DESKTOP, data / "mime" / "packages" / MIME_XML]
            + [data / "icons" / "hicolor" / rel for _, rel in icon_files()])


def _refresh(data: Path) -> None:
    """Let the desktop see the change; each tool is optional, and a failure is a warning only."""
    commands = [
        ("update-mime-database", [str(data / "mime")]),
        ("update-desktop-database", ["-q", str(data / "applications")]),
        ("xdg-icon-resource", ["forceupdate", "--mode", "user"]),
    ]
    for tool, args in commands:
        path = shutil.which(tool)
        if path is None:
            print(f"  ({tool} not found: skipped)")
            continue
        done = subprocess.run([path, *args], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"  warning: {tool} exited {done.returncode}: {(done.stderr or done.stdout).strip()}",
                  file=sys.stderr)


def install(launcher: str, data: Path) -> None:
    entry = desktop_entry(launcher)
    sources = [(None, data / "applications" / DESKTOP), (RESOURCES / MIME_XML, data / "mime" / "packages" / MIME_XML)]
    sources += [(src, data / "icons" / "hicolor" / rel) for src, rel in icon_files()]
    for src, dest in sources:
        dest.parent.mkdir(parents=True, exist_ok=True)
        if src is None:
            dest.write_text(entry, encoding="utf-8")
        else:
            shutil.copyfile(src, dest)
        print(f"  {dest}")
    _refresh(data)
    print(f"Deal Tracker is in the application menu; it starts {launcher}")


def uninstall(data: Path) -> None:
    for path in targets(data):
        if path.exists():
            path.unlink()
            print(f"  removed {path}")
    _refresh(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("install", "uninstall"))
    parser.add_argument("--launcher", help="the program the entry starts (install only)")
    args = parser.parse_args(argv)
    data = data_home()
    if args.action == "uninstall":
        uninstall(data)
        return 0
    if not args.launcher:
        parser.error("install needs --launcher")
    launcher = os.path.expanduser(args.launcher)  # make passes ~ through unexpanded
    # A bare name is looked up on PATH by the desktop (a pipx install); a path must exist now.
    if os.sep in launcher:
        launcher = str(Path(launcher).resolve())
        if not os.access(launcher, os.X_OK):
            print(f"desktop_install: {launcher} is not an executable program", file=sys.stderr)
            return 1
    install(launcher, data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
