# nnplay — make serve (build and serve on ADDR), make test (everything CI runs),
# make bench (native benchmarks, then the browser's figures), make build (static dist/), make fuzz
# (every fuzz target for FUZZTIME), make soak (a long random session in Chromium for SOAK).

GO        ?= go
ADDR      ?= 127.0.0.1:8080
BENCHTIME ?= 300ms
FUZZTIME  ?= 1m
SOAK      ?= 2m
SEED      ?= 0
RELOAD    ?= 10s

.PHONY: serve build test bench fuzz soak clean chromium fmt-check vet

## serve: build dist/ and serve it on $(ADDR) (make serve ADDR=host:port to change)
serve:
	$(GO) run ./cmd/serve -addr $(ADDR) -root dist

## build: write the static site to dist/ (any static host can serve it)
build:
	$(GO) run ./cmd/serve -root dist -serve=false

## test: Chromium present → gofmt → go vet (native and js/wasm) → go test ./... (browser tests included;
## -timeout 30m: go test's default 10 minutes is for one package, and the browser suite on a loaded
## 2-core machine can pass it)
test: chromium fmt-check vet
	$(GO) test -timeout 30m ./...

## chromium: install Chromium when it is missing and we can, else stop saying how
chromium:
	@bash scripts/ensure-chromium

## fmt-check: gofmt over the module's Go files (as go ./... sees them: no dot or testdata dirs)
fmt-check:
	@files=$$(find . -name '*.go' -not -path '*/.*' -not -path '*/testdata/*' -print0 | xargs -0 gofmt -l); \
	if [ -n "$$files" ]; then echo "gofmt: these files need formatting (run gofmt -w):"; echo "$$files"; exit 1; fi

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...

## bench: native benchmarks of nn, session, view and api (the frame), then the figures from headless Chromium
## (-p 1: one package at a time, so no package's build or benchmarks share the cores with another's)
bench: chromium
	$(GO) test -p 1 -run='^$$' -bench=. -benchmem -benchtime=$(BENCHTIME) ./nn/... ./session/... ./view/... ./api/...
	$(GO) run ./cmd/browserbench

## fuzz: every fuzz target of the module for $(FUZZTIME) each, one after the other; one line per target
## (make fuzz FUZZTIME=10m; a failing input lands in the package's testdata/fuzz/<Target>/)
fuzz:
	$(GO) run ./cmd/fuzz -fuzztime $(FUZZTIME)

## soak: a random, hostile session in headless Chromium for $(SOAK), checked after every action against
## a shadow record (make soak SOAK=10m SEED=N repeats a run's actions; SEED=0 draws one; RELOAD bounds a reload)
soak: chromium
	$(GO) run ./cmd/soak -duration $(SOAK) -seed $(SEED) -reload $(RELOAD)

## clean: remove built artefacts
clean:
	rm -rf dist e2e/out
