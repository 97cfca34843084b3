# Honest Income: `make serve` to develop, `make test` to check everything.
# Both install what is missing first, through build/install-tools.sh (see README, "The two commands").

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# The steps depend on each other's results (install, build, then test): never in parallel.
.NOTPARALLEL:

WASM_TARGET := wasm32-unknown-unknown
CHROMIUM ?= /usr/bin/chromium
CHROMEDRIVER ?= /usr/bin/chromedriver
# Where `cargo install` puts tools: CARGO_HOME's bin, ~/.cargo/bin by default.
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
# wasm-opt comes from the npm package binaryen; Debian's is too old for Rust's wasm output.
# Trunk reads NO_COLOR as a true/false flag and refuses other values such as 1.
unexport NO_COLOR
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)

.PHONY: help serve build test bench lighthouse tools-dev tools-build tools-test check-setup check-fmt lint test-native test-wasm test-e2e size ci

help:
	@echo "make serve   install what the dev build needs, then serve the app on http://127.0.0.1:8080/"
	@echo "make test    install what the tests need, then run every check (what CI runs)"
	@echo "make build   release build into dist/"
	@echo "make bench   engine timings, time to interactive, input-to-chart latency, Lighthouse, sizes"
	@echo "make lighthouse  Lighthouse scores of every calculator page and the embed (mobile, desktop)"

## ---- installs (each step does nothing when the tool is already right) ----

tools-dev:
	@build/install-tools.sh dev

# Lighthouse is large (about 180 MB installed), so only `make lighthouse` and `make bench` install it.
LIGHTHOUSE_DIR := tests/bench/lighthouse
LIGHTHOUSE_STAMP := $(LIGHTHOUSE_DIR)/node_modules/.install-stamp
$(LIGHTHOUSE_STAMP): $(LIGHTHOUSE_DIR)/package.json $(LIGHTHOUSE_DIR)/package-lock.json
	cd $(LIGHTHOUSE_DIR) && npm ci --no-audit --no-fund
	@touch $@

tools-build:
	@build/install-tools.sh build

tools-test:
	@CHROMIUM=$(CHROMIUM) CHROMEDRIVER=$(CHROMEDRIVER) build/install-tools.sh test

## ---- develop ----

serve: tools-dev
	trunk serve --address 127.0.0.1 --port 8080

build: tools-build
	trunk build --release

## ---- test ----

check-setup:
	bash tests/fresh-machine.sh

check-fmt:
	cargo fmt --all --check

lint:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --lib --bins --test components -- -D warnings

test-native:
	cargo test

test-wasm:
	CHROMEDRIVER=$(CHROMEDRIVER) cargo test --target $(WASM_TARGET) --test components

test-e2e:
	node --test --test-concurrency=1 --test-reporter=spec tests/e2e/

size:
	node tests/size-report.mjs dist

test: tools-test
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory check-setup check-fmt lint test-native test-wasm build test-e2e size; \
	echo "make test: all checks passed in $$(( $$(date +%s) - start )) s"

bench: tools-test build $(LIGHTHOUSE_STAMP)
	cargo bench --bench delayed
	cargo bench --bench links
	node tests/bench/startup.mjs
	node tests/bench/latency.mjs
	node tests/bench/storage.mjs
	CHROMIUM=$(CHROMIUM) node $(LIGHTHOUSE_DIR)/run.mjs
	node tests/size-report.mjs dist

lighthouse: tools-test build $(LIGHTHOUSE_STAMP)
	CHROMIUM=$(CHROMIUM) node $(LIGHTHOUSE_DIR)/run.mjs

ci: test
