# Honest Income: `make serve` to develop, `make test` to check everything.
# Both install what is missing first (see README, "What the commands install").

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
WASM_TARGET := wasm32-unknown-unknown
CHROMIUM ?= /usr/bin/chromium
CHROMEDRIVER ?= /usr/bin/chromedriver
NPM_STAMP := node_modules/.install-stamp
CARGO_BIN := $(HOME)/.cargo/bin
# wasm-opt comes from the npm package binaryen; Debian's is too old for Rust's wasm output.
# Trunk reads NO_COLOR as a true/false flag and refuses other values such as 1.
unexport NO_COLOR
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)

.PHONY: help serve build test bench lighthouse tools-dev tools-test check-fmt lint test-native test-wasm test-e2e size ci

help:
	@echo "make serve   install what the dev build needs, then serve the app on http://127.0.0.1:8080/"
	@echo "make test    install what the tests need, then run every check (what CI runs)"
	@echo "make build   release build into dist/"
	@echo "make bench   engine timings, time to interactive, input-to-chart latency, Lighthouse, sizes"
	@echo "make lighthouse  Lighthouse scores of every calculator page and the embed (mobile, desktop)"

## ---- installs (each step does nothing when the tool is already right) ----

tools-dev:
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' \
	  || { echo "installing the $(WASM_TARGET) target"; rustup target add $(WASM_TARGET); }
	@if [ "$$(trunk --version 2>/dev/null | awk '{print $$2}')" != "$(TRUNK_VERSION)" ]; then \
	  echo "installing trunk $(TRUNK_VERSION) (about 10 minutes on 2 cores)"; \
	  cargo install trunk --version $(TRUNK_VERSION) --locked; fi
	@[ -f Cargo.lock ] || cargo generate-lockfile
	@want=$$(awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock); \
	  have=$$(wasm-bindgen --version 2>/dev/null | awk '{print $$2}'); \
	  if [ "$$want" != "$$have" ]; then \
	    echo "installing wasm-bindgen-cli $$want (found: $${have:-none})"; \
	    cargo install wasm-bindgen-cli --version "$$want" --force; fi

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Lighthouse is large (about 180 MB installed), so only `make lighthouse` and `make bench` install it.
LIGHTHOUSE_DIR := tests/bench/lighthouse
LIGHTHOUSE_STAMP := $(LIGHTHOUSE_DIR)/node_modules/.install-stamp
$(LIGHTHOUSE_STAMP): $(LIGHTHOUSE_DIR)/package.json $(LIGHTHOUSE_DIR)/package-lock.json
	cd $(LIGHTHOUSE_DIR) && npm ci --no-audit --no-fund
	@touch $@

tools-test: tools-dev $(NPM_STAMP)
	@if [ ! -x "$(CHROMIUM)" ] || [ ! -x "$(CHROMEDRIVER)" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "installing Debian's chromium and chromium-driver"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	  else \
	    echo "The browser tests need Chromium and ChromeDriver. Install them as root, then run make test again:"; \
	    echo "    sudo apt-get install -y chromium chromium-driver"; \
	    exit 1; \
	  fi; fi

## ---- develop ----

serve: tools-dev
	trunk serve --address 127.0.0.1 --port 8080

build: tools-dev $(NPM_STAMP)
	trunk build --release

## ---- test ----

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
	$(MAKE) --no-print-directory check-fmt lint test-native test-wasm build test-e2e size; \
	echo "make test: all checks passed in $$(( $$(date +%s) - start )) s"

bench: tools-test build $(LIGHTHOUSE_STAMP)
	cargo bench --bench delayed
	node tests/bench/startup.mjs
	node tests/bench/latency.mjs
	CHROMIUM=$(CHROMIUM) node $(LIGHTHOUSE_DIR)/run.mjs
	node tests/size-report.mjs dist

lighthouse: tools-test build $(LIGHTHOUSE_STAMP)
	CHROMIUM=$(CHROMIUM) node $(LIGHTHOUSE_DIR)/run.mjs

ci: test
