# bulletind — the two commands a new user needs are `make run` and `make test`.
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=
RELEASE_BIN := .build/release/bulletind

.PHONY: run test build deps clean

## Install what is missing (libsystemd-dev, pkg-config, jsonschema), build, and start the
## daemon on its development defaults: ./inbox, ./stories.jsonl, ./.bulletind.
run: build
	$(RELEASE_BIN) run

## Build and run every test (warnings are errors in every target of ours).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

build: deps
	$(SWIFT) build -c release

deps:
	@scripts/install-deps.sh

clean:
	rm -rf .build
