# bulletind — the two commands a new user needs are `make run` and `make test`.
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=
# One self-contained binary (the Swift runtime linked in), for `make run` and `make install`.
RELEASE_FLAGS := -c release --static-swift-stdlib
RELEASE_BIN := .build/release/bulletind
STAGE := .build-system/stage

.PHONY: run test unit-test system-test build deps install security-score clean dedup-eval bench-dedup bench-startup bench-parser fuzz bench-inbox

## Install what is missing (libsystemd-dev, pkg-config, jsonschema), build, and start the
## daemon on its development defaults: ./inbox, ./stories.jsonl, ./.bulletind.
run: build
	$(RELEASE_BIN) run

## Every test: pure, real-kernel and end-to-end (swift test), then the real journald and the
## real systemd (Tests/System, as root). Warnings are errors in every target of ours.
test: unit-test system-test

unit-test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

system-test: build
	rm -rf $(STAGE)
	$(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/$(STAGE) SKIP_BUILD=1
	python3 Tests/System/fault-injection-test.py $(RELEASE_BIN)
	bash Tests/System/full-disk-test.sh $(RELEASE_BIN)
	bash Tests/System/journal-test.sh $(RELEASE_BIN)
	bash Tests/System/service-test.sh $(RELEASE_BIN) $(STAGE)

build: deps
	$(SWIFT) build $(RELEASE_FLAGS)

## Installs the binary, the unit, sysusers.d, tmpfiles.d, the journal catalog and a default
## configuration (never overwriting one). Honours DESTDIR and PREFIX.
install: $(if $(SKIP_BUILD),,build)
	install -D -m 0755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/bulletind
	install -D -m 0644 README.md $(DESTDIR)$(PREFIX)/share/doc/bulletind/README.md
	scripts/install-systemd.sh --prefix $(PREFIX) $(if $(DESTDIR),--destdir $(DESTDIR),)

## The unit's exposure score from systemd-analyze (fails above 1.5).
security-score:
	scripts/security-score.sh

## Drop-to-durable latency (1,000 single drops, p50/p99 against 5 ms + one fsync on this disk)
## and a 10,000-file burst (files per second, peak memory), on the release build.
bench-inbox: build
	python3 scripts/bench-inbox.py $(RELEASE_BIN) $(BENCH_ARGS)

deps:
	@scripts/install-deps.sh

clean:
	rm -rf .build .build-system

## Precision, recall and F1 of duplicate decisions on the generated labeled corpus.
dedup-eval: deps
	scripts/dedup-eval.sh

## The duplicate index at 10 thousand and 1 million stories: cost per story, memory, snapshots.
bench-dedup: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product DedupBenchmark
	$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/DedupBenchmark

## Start to READY=1 with a million stories in the store.
bench-startup: build
	python3 scripts/bench-startup.py $(RELEASE_BIN) --stories 1000000

## Parsing throughput (typical bulletins and degenerate inputs), release build.
bench-parser: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product ParserBenchmark
	$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/ParserBenchmark

## libFuzzer over the decoder and parser (FUZZ_RUNS inputs, default a million).
FUZZ_RUNS ?= 1000000
fuzz:
	scripts/fuzz-parser.sh $(FUZZ_RUNS)
