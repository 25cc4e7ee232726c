# Front door. Every target installs what it needs on first use.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
SEEDS  ?= seeds
OUT    ?= reports

.DEFAULT_GOAL := help
.PHONY: help report test extract eval lab bench system-deps clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt pyproject.toml
	@bash .ci/system-deps.sh venv $(PYTHON)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

system-deps: ## Install Chromium (PDF) and poppler-utils (PDF checks) from Debian/Ubuntu packages if missing
	@bash .ci/system-deps.sh

report: $(VENV)/.installed system-deps ## Execute the notebooks and write reports/sco_report.html and .pdf
	$(PY) -m sco_analysis report --seeds $(SEEDS) --out $(OUT)

extract: $(VENV)/.installed ## Write the tidy tables as CSV to out/tables
	$(PY) -m sco_analysis extract $(SEEDS) --out out/tables

eval: $(VENV)/.installed ## Score the extraction on the dev corpus (against its floors) and on the seeds' fixed copy
	$(PY) -m sco_analysis eval tests/corpus tests/corpus/gold.json --floors tests/corpus/floors.json
	$(PY) -m sco_analysis eval tests/seeds tests/seeds/gold.json --strict

test: $(VENV)/.installed system-deps ## Run the test suite (notebooks and report included)
	$(PY) -m pytest

lint: $(VENV)/.installed ## Check the code with ruff (configured in pyproject.toml); CI runs it
	$(VENV)/bin/ruff check --no-cache .

$(VENV)/.lab-installed: $(VENV)/.installed requirements-lab.txt
	$(PY) -m pip install --quiet -r requirements-lab.txt
	touch $@

lab: $(VENV)/.lab-installed ## Open the notebooks in JupyterLab (outputs never reach git: nbstripout filter)
	@bash .ci/git-filters.sh $(abspath $(VENV))/bin/nbstripout
	$(VENV)/bin/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/

bench: $(VENV)/.installed ## Print extraction and report timings
	$(PY) benchmarks/run.py

clean: ## Remove the virtualenv and caches
	rm -rf $(VENV) .cache .pytest_cache .hypothesis
