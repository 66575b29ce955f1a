# Strata: `make site` builds content/ into public/, `make test` runs the tests.
SWIFT ?= swift
CONFIG ?= debug
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
STRATA := .build/$(CONFIG)/strata

.PHONY: site check test deps strata bench

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

## bench: strata vs Hugo on the 11,006-page corpus: time (hyperfine) and peak memory; see docs/performance.md
bench: deps
	bash bench/run.sh
