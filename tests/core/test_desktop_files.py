"""The desktop entry, the MIME type and `make install-desktop` into a throwaway home; no Qt, no display."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # make in a subprocess

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
DESKTOP = RESOURCES / "deal-tracker.desktop"
MIME_XML = RESOURCES / "deal-tracker-mime.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
MIME_TYPE = "application/x-deal-tracker-database"

sys.path.insert(0, str(ROOT / "resources" / "packaging"))
import desktop_install  # noqa: E402


def _entry(text: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(text)
    return dict(parser["Desktop Entry"])


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def _validate(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    done = subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_desktop_entry_is_valid():
    _validate(DESKTOP)


def test_desktop_entry_opens_a_file_with_the_gui_launcher_and_declares_our_type():
    entry = _entry(DESKTOP.read_text(encoding="utf-8"))
    command = shlex.split(entry["Exec"])
    gui_scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["gui-scripts"]
    assert command[0] in gui_scripts and gui_scripts[command[0]] == "main:main"
    assert command[1:] == ["%f"]
    assert entry["Icon"] == "deal-tracker" and (RESOURCES / "icon.svg").is_file()
    assert "Office" in entry["Categories"].split(";")
    assert entry["MimeType"].split(";") == [MIME_TYPE, ""]


def test_mime_type_claims_only_deal_tracker_names():
    types = ET.parse(MIME_XML).getroot().findall(f"{MIME_NS}mime-type")
    assert [t.get("type") for t in types] == [MIME_TYPE]
    globs = {g.get("pattern") for g in types[0].findall(f"{MIME_NS}glob")}
    assert globs == {"*.dealsdb", "*.deals.db", "deals.db"}
    assert not globs & {"*.db", "*.sqlite", "*.sqlite3"}, "every SQLite file is not ours"
    assert [s.get("type") for s in types[0].findall(f"{MIME_NS}sub-class-of")] == ["application/vnd.sqlite3"]


def test_mime_database_accepts_the_type(tmp_path):
    tool = shutil.which("update-mime-database")
    if tool is None:
        pytest.skip("update-mime-database is not installed (Debian: shared-mime-info)")
    (tmp_path / "packages").mkdir()
    shutil.copy(MIME_XML, tmp_path / "packages")
    done = subprocess.run([tool, str(tmp_path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "error" not in done.stderr.lower(), done.stderr
    globs2 = (tmp_path / "globs2").read_text(encoding="utf-8")
    assert f"{MIME_TYPE}:*.dealsdb" in globs2 and f"{MIME_TYPE}:deals.db" in globs2


def test_every_png_is_the_size_its_name_says():
    pngs = sorted((RESOURCES / "icons").glob("deal-tracker-*.png"))
    sizes = {int(p.stem.rsplit("-", 1)[1]) for p in pngs}
    assert {16, 24, 32, 48, 64, 128, 256} <= sizes
    for png in pngs:
        size = int(png.stem.rsplit("-", 1)[1])
        assert _png_size(png) == (size, size), png.name


@pytest.mark.parametrize(("arg", "written"), [
    ("/opt/deal-tracker/deal-tracker", "/opt/deal-tracker/deal-tracker"),
    ("/home/ann/My Apps/deal-tracker", '"/home/ann/My Apps/deal-tracker"'),
    ("/home/ann/$x/deal-tracker", '"/home/ann/\\\\$x/deal-tracker"'),
    ("/home/ann/100%/deal-tracker", "/home/ann/100%%/deal-tracker"),
])
def test_exec_argument_is_quoted_as_the_spec_asks(arg, written):
    assert desktop_install.exec_arg(arg) == written


# --- make install-desktop / uninstall-desktop into a throwaway home -------------------------------

@pytest.fixture
def home(tmp_path) -> dict[str, str]:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "MAKE", "MFLAGS"))}
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "home" / "data"))
    (tmp_path / "home").mkdir()
    return env


@pytest.fixture
def launcher(tmp_path) -> Path:
    # A space in the folder name: the installed Exec line has to quote it.
    program = tmp_path / "Deal Apps" / "deal-tracker"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    return program


def _make(target: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), target, *args], env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def test_install_desktop_puts_entry_type_and_icons_in_the_user_data_folder(home, launcher):
    _make("install-desktop", home, f"LAUNCHER={launcher}")
    data = Path(home["XDG_DATA_HOME"])
    installed = data / "applications" / "deal-tracker.desktop"
    if shutil.which("desktop-file-validate"):
        _validate(installed)
    entry = _entry(installed.read_text(encoding="utf-8"))
    assert shlex.split(entry["Exec"].replace("\\\\", "\\")) == [str(launcher), "%f"]
    assert entry["TryExec"] == str(launcher)
    assert (data / "mime" / "packages" / "deal-tracker-mime.xml").read_bytes() == MIME_XML.read_bytes()
    hicolor = data / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / "deal-tracker.svg").is_file()
    for size in (16, 32, 48, 128, 256):
        assert _png_size(hicolor / f"{size}x{size}" / "apps" / "deal-tracker.png") == (size, size)
    if shutil.which("update-desktop-database"):
        assert f"{MIME_TYPE}=deal-tracker.desktop" in (data / "applications" / "mimeinfo.cache").read_text()
    if shutil.which("update-mime-database"):
        assert f"{MIME_TYPE}:*.dealsdb" in (data / "mime" / "globs2").read_text()
    assert not (Path(home["HOME"]) / ".local").exists(), "XDG_DATA_HOME was not honoured"


def test_uninstall_desktop_removes_what_install_put_there(home, launcher):
    _make("install-desktop", home, f"LAUNCHER={launcher}")
    data = Path(home["XDG_DATA_HOME"])
    files = desktop_install.targets(data)
    assert all(path.is_file() for path in files)
    _make("uninstall-desktop", home)
    assert not any(path.exists() for path in files)
    if shutil.which("update-mime-database"):
        assert MIME_TYPE not in (data / "mime" / "globs2").read_text()
    _make("uninstall-desktop", home)  # twice is harmless


def test_install_refuses_a_launcher_that_is_not_there(home, tmp_path):
    done = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "install-desktop",
                           f"LAUNCHER={tmp_path / 'missing' / 'deal-tracker'}"],
                          env=home, capture_output=True, text=True, check=False)
    assert done.returncode != 0 and "not an executable program" in done.stderr
    assert not (Path(home["XDG_DATA_HOME"]) / "applications" / "deal-tracker.desktop").exists()


def test_a_bare_launcher_name_is_left_to_the_path(home):
    # After `pipx install .` the desktop finds deal-tracker on PATH, as the entry in resources/ says.
    _make("install-desktop", home, "LAUNCHER=deal-tracker")
    entry = _entry((Path(home["XDG_DATA_HOME"]) / "applications" / "deal-tracker.desktop").read_text())
    assert entry["Exec"] == "deal-tracker %f" and entry["TryExec"] == "deal-tracker"
