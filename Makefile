# Sichtbar – the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
PORT ?= 8080

.PHONY: deps demo test build bench lint api-check fuzz clean

deps:
	@bash .ci/install-deps

build: deps
	$(SWIFT) build --product sichtbar

## Runs the service with two demo offices and a few hundred sealed demo reports.
demo: build
	.build/debug/sichtbar demo --port $(PORT)

## Builds everything (the end-to-end tests start the real binary) and runs every test:
## swift-testing units, routes and end-to-end (every store suite on in-memory stores, SQLite and a
## throw-away PostgreSQL cluster that .ci/postgres starts and stops), then the failover on a
## PostgreSQL primary with a synchronous standby (Tests/Failover/run.sh, under 3 minutes), then the
## pages in headless Chromium with axe-core, then schemathesis against the real binary and its
## OpenAPI document (about 4 minutes, bounded).
test: deps lint
	$(SWIFT) build --build-tests
	bash .ci/postgres run -- $(SWIFT) test --skip-build
	bash Tests/Failover/run.sh
	bash Tests/Fuzz/run.sh
	bash Tests/Browser/run.sh
	bash Tests/API/schemathesis.sh

## The code style of .swift-format (swift-format ships with the toolchain); `swift format -i -r Sources Tests` fixes most of it.
lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

## libFuzzer on the metadata stripper (JPEG, PNG, PDF) with AddressSanitizer, FUZZ_SECONDS (30) long.
fuzz:
	bash Tests/Fuzz/run.sh

## schemathesis with every check against the real binary's own OpenAPI document (the demo; without
## login, as a counsellor, as a lead; bounded in time). The last step of `make test`.
api-check: build
	bash Tests/API/schemathesis.sh

## Release build, then the benchmark tables (intake, login, audit, rotation, case list; in process and over HTTP with wrk).
bench:
	@bash .ci/install-deps --bench
	$(SWIFT) build -c release --product sichtbar
	$(SWIFT) build -c release --product SichtbarBench
	@bash bench/run.sh

clean:
	rm -rf .build
