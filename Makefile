# Bactrian: two commands do all the set-up.
#   make demo   runs the quickstart end to end on the embedded defaults
#   make test   runs every test (what CI runs)
# Each installs what it needs first, quietly when it is already there.

CARGO ?= cargo
# Where cargo builds (CARGO_TARGET_DIR moves it).
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
BACTRIAN := $(TARGET_DIR)/release/bactrian

.PHONY: demo test deps build lint fmt bench monty-venv fuzz-labels fuzz fuzz-one

deps:
	@command -v cargo >/dev/null || { echo "cargo is required (rustup)"; exit 1; }
	@rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt >/dev/null 2>&1 || true
	@rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy >/dev/null 2>&1 || true
	@command -v curl >/dev/null || (apt-get update -qq && apt-get install -y -qq curl) >/dev/null 2>&1 || echo "note: curl missing; make demo skips the daemon step"
	@command -v python3 >/dev/null || { (apt-get update -qq && apt-get install -y -qq python3) >/dev/null 2>&1 || echo "note: python3 missing; conformance runs from stored expectations"; }
	@# The eBPF sensor's kernel programs are C built by clang (sensor/build.rs); without them
	@# Bactrian still builds and the sensor reports itself unavailable.
	@{ command -v clang-19 >/dev/null && [ -f /usr/include/bpf/bpf_helpers.h ]; } || { (apt-get update -qq && apt-get install -y -qq clang-19 llvm-19 libbpf-dev) >/dev/null 2>&1 || echo "note: clang-19/libbpf-dev could not be installed; the eBPF sensor will be unavailable"; }

build: deps
	@$(CARGO) build --release --quiet

demo: build
	@sh examples/quickstart/demo.sh $(BACTRIAN)

lint: deps
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets --workspace --quiet -- -D warnings

# Under CI (CI=true, a root machine of this project's kind) a sandbox or sensor test that
# would skip fails instead: a green run must mean the kernel features were really tested.
test: lint mcp-server
	BACTRIAN_REQUIRE_SANDBOX=$${CI:+1} BACTRIAN_REQUIRE_SENSOR=$${CI:+1} $(CARGO) test --workspace
	@cat $(TARGET_DIR)/tmp/labels-corpus.txt $(TARGET_DIR)/tmp/noninterference.txt 2>/dev/null || true

# The real MCP server tests/mcp.rs talks to, pinned in tests/mcp-server/package-lock.json.
mcp-server:
	@command -v npm >/dev/null || (apt-get update -qq && apt-get install -y -qq nodejs npm) >/dev/null 2>&1 || { echo "npm is required for the MCP tests (apt-get install nodejs npm)"; exit 1; }
	@cd tests/mcp-server && { [ node_modules/.package-lock.json -nt package-lock.json ] || { npm ci --no-audit --no-fund --loglevel=error >/tmp/bactrian-npm.log 2>&1 && touch node_modules/.package-lock.json; } || { cat /tmp/bactrian-npm.log; exit 1; }; }

fmt:
	$(CARGO) fmt --all

# pydantic-monty, the interpreter bench/run.py also compares with, in a venv of its own
# (created once; without network the bench runs without monty).
MONTY_VENV := target/monty-venv

bench: build monty-venv
	python3 bench/run.py --bactrian $(BACTRIAN) --monty $(MONTY_VENV)/bin/python

monty-venv:
	@$(MONTY_VENV)/bin/python -c 'import pydantic_monty' 2>/dev/null || { /usr/bin/python3 -m venv $(MONTY_VENV) && $(MONTY_VENV)/bin/pip install -q pydantic-monty; } || echo "note: pydantic-monty could not be installed; the bench runs without monty"

# A long search for leaks in the label model (docs/noninterference.md): random plans, each
# run twice with different data, for FUZZ_SECONDS (default 10 minutes; or set
# BACTRIAN_NI_SECONDS); new counterexamples are shrunk and kept in
# interpreter/tests/noninterference/regressions/ (BACTRIAN_NI_SAVE=0 to keep nothing).
FUZZ_SECONDS ?= 600
fuzz-labels:
	BACTRIAN_NI_SECONDS=$${BACTRIAN_NI_SECONDS:-$(FUZZ_SECONDS)} BACTRIAN_NI_SAVE=$${BACTRIAN_NI_SAVE-1} \
		$(CARGO) test --release -p bactrian-interpreter --test noninterference -- --nocapture noninterference_search

# The cargo-fuzz targets of what reads input (fuzz/README.md), one after the other, each for
# FUZZ_SECONDS (default 10 minutes), seeded from the tests (fuzz/seed.py; the conformance
# programs are read in place) and from the crashes kept in fuzz/regressions/. Installs
# nightly and cargo-fuzz once. A crash is written to fuzz/artifacts/TARGET/ and fails the run
# after every target has had its time; FUZZ_TARGETS="record" runs one.
FUZZ_TARGETS ?= check run agent_config record policy tool_response
FUZZ_SEEDS_check := interpreter/tests/conformance
FUZZ_SEEDS_run := interpreter/tests/conformance
FUZZ_SEEDS_record := fuzz/seeds/record
# The fuzz builds go to a subdirectory of the target dir named after the triple.
FUZZ_TARGET_DIR := $(TARGET_DIR)
fuzz: deps
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal >/dev/null
	@$(CARGO) +nightly fuzz --version >/dev/null 2>&1 || $(CARGO) install cargo-fuzz --locked --quiet
	@python3 fuzz/seed.py
	@failed=""; for t in $(FUZZ_TARGETS); do \
		$(MAKE) --no-print-directory fuzz-one FUZZ_TARGET=$$t || failed="$$failed $$t"; \
	done; [ -z "$$failed" ] || { echo "fuzz targets that crashed:$$failed (inputs in fuzz/artifacts/)"; exit 1; }

fuzz-one:
	@mkdir -p fuzz/corpus/$(FUZZ_TARGET) fuzz/regressions/$(FUZZ_TARGET)
	$(CARGO) +nightly fuzz run --fuzz-dir fuzz --target-dir $(FUZZ_TARGET_DIR) --debug-assertions $(FUZZ_TARGET) \
		fuzz/corpus/$(FUZZ_TARGET) fuzz/regressions/$(FUZZ_TARGET) $(FUZZ_SEEDS_$(FUZZ_TARGET)) \
		-- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=3072 -timeout=20 -print_final_stats=1
