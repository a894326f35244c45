# Two commands a new user needs: `make run` and `make test`. Both create .venv when missing.
# While working, `make test-fast` runs every test not marked slow (subprocesses, kills, big databases,
# fuzz, the corpus score) in under a minute; `make test` (what CI runs) runs them all, in about three.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-fast bench screenshot clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not slow"

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py

# The README's at 1600x1000, and the window on a small laptop's 1366x768 beside it.
screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/screenshot.py docs/screenshot.png 1600x1000
	QT_QPA_PLATFORM=offscreen $(PY) bench/screenshot.py docs/screenshot-1366x768.png 1366x768

clean:
	rm -rf $(VENV) build *.egg-info

# The reliability tests run longer: many more hypothesis examples over the parser, many more kills.
.PHONY: fuzz
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz DEAL_TRACKER_KILL_ROUNDS=60 $(PY) -m pytest -q \
		tests/core/extract/test_parser_properties.py tests/core/store/test_kill.py tests/core/store/test_two_writers.py

# Everyday use (README "Installing for everyday use"): a one-folder application built by PyInstaller,
# and the desktop entry, MIME type and icons for the current user (resources/packaging/).
BUNDLE := dist/deal-tracker/deal-tracker
BUNDLE_STAMP := $(VENV)/.bundle-installed
# The entry starts the bundle once one is built, else the venv's launcher; LAUNCHER=deal-tracker after pipx.
LAUNCHER ?= $(abspath $(or $(wildcard $(BUNDLE)),$(VENV)/bin/deal-tracker))
.PHONY: bundle install-desktop uninstall-desktop

$(BUNDLE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bundle]'
	touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		resources/packaging/deal-tracker.spec
	$(BUNDLE) --self-test

install-desktop: $(if $(filter $(abspath $(VENV)/bin/deal-tracker),$(LAUNCHER)),$(STAMP))
	$(PYTHON) resources/packaging/desktop_install.py install --launcher '$(LAUNCHER)'

uninstall-desktop:
	$(PYTHON) resources/packaging/desktop_install.py uninstall
