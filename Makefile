# The README's two commands are `make demo` and `make test`; README.md, "Installing", lists what
# the system needs beside python3 and make. The virtualenv is created when missing and the project
# (re)installed only when pyproject.toml changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export QT_API := pyside6

# make package: PyInstaller, pinned, installed into the venv only by this target (not a dependency
# of the app or its tests).
PYINSTALLER := pyinstaller==6.22.3 pyinstaller-hooks-contrib==2026.9

.PHONY: demo test lint bench reliability screenshots package clean translations qm

# The window's translations: each resources/translations/*.ts is in git, its .qm built here with
# Qt's pyside6-lrelease (an untranslated or unfinished entry stays English). `make translations`
# refreshes the .ts from the source, keeping what is already translated. Both are
# packaging/translations.py.
TS := $(wildcard resources/translations/stamps_pos_*.ts)
QM := $(TS:.ts=.qm)

# A failed `venv` (Debian's python3 without python3-venv) leaves a .venv with no pip in it, which
# every later run would take for a good one: remove it and say what to install.
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
		echo "Stamps POS needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) -V 2>&1)." >&2; exit 2; }
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
		echo "Could not create $(VENV). On Debian or Ubuntu: sudo apt install python3-venv" >&2; \
		exit 2; }

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(BIN)/python packaging/translations.py build $< $@

qm: $(QM)

translations: $(STAMP)
	$(BIN)/python packaging/translations.py
	@$(MAKE) --no-print-directory qm

# The demo's options go in DEMO_ARGS: `make demo DEMO_ARGS=--exceptions` (a till whose failures
# stay for a manager to clear), `DEMO_ARGS=--kiosk`; `.venv/bin/stamps-pos demo --help` lists them.
DEMO_ARGS ?=

demo: $(STAMP) $(QM)
	$(BIN)/python -m app demo $(DEMO_ARGS)

# The suite runs on TEST_WORKERS processes (pytest-xdist): on a busy two-core machine it takes
# about half the time it takes on one. `make test TEST_WORKERS=0` runs it in one process.
# worksteal: a worker that runs out of tests takes half of the other's queue, so the suite's last
# minutes are not one worker's long tests while the other waits.
TEST_WORKERS ?= 2

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
		$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check app tests setup.py packaging
	$(BIN)/ruff format --check app tests setup.py packaging
	$(BIN)/mypy --strict app
	$(BIN)/lint-imports --no-cache

# The reliability suite at full size: the crash matrix (192 SIGKILLs), a fault soak of 40 minutes
# of the till's clock per idempotency mode, 10,000 generated server answers, every command-line
# argument and setting with hostile values, and a reconnect storm of 100 tills x 50 entries. It
# prints one table (tests/reliability/table.py). `make test` runs the same scenarios shortened.
# Slow (about 40 minutes on a loaded 2-core machine), so a test may take longer than 300 s.
reliability: $(STAMP)
	QT_QPA_PLATFORM=offscreen PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
		STAMPS_POS_RELIABILITY=long $(BIN)/python -m pytest tests/reliability -o timeout=1800 \
		$(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/run.py

# A one-folder build in dist/stamps-pos, then checked: nothing in it names the source tree, no test
# or build tool is in it, every module the till imports late or by name and every file it reads
# at run time is, --version, doctor --json against the build's own sandbox, the window
# offscreen; its size and start time are printed. Slow (a few minutes): not part of make test
# (tests/packaging covers the wheel and, in test_smoke.py, this check).
package: $(STAMP) $(QM)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $(PYINSTALLER)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/stamps-pos.spec
	$(BIN)/python packaging/smoke.py dist/stamps-pos

# SCREENSHOT_LANG=id make screenshots: the same states in Bahasa Indonesia, in docs/screenshots/id.
screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m app.ui.screenshots \
		docs/screenshots$(if $(SCREENSHOT_LANG),/$(SCREENSHOT_LANG))

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache $(QM)
