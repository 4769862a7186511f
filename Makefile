# FlowLab's two commands. Both run scripts/setup.sh first, which installs what is missing.
#   make serve   build the WebAssembly package and serve the notebook on http://127.0.0.1:$(PORT)/
#   make test    every check: format, clippy, native tests, wasm tests in Firefox, page tests in
#                Chromium and Firefox
#   make dist    the site as static files in dist/ (also the npm package)
SHELL := /bin/bash
PORT ?= 8080

.PHONY: setup build serve test test-native bench dist

setup:
	bash scripts/setup.sh

build: setup
	bash scripts/build.sh

dist: build
	node scripts/dist.mjs

serve: build
	node scripts/serve.mjs --port $(PORT)

test: setup
	bash scripts/test.sh

# The fast native tests only (no browser, no wasm): seconds once compiled.
test-native:
	cargo test
