# cot's entry points. `npx -y rust-just@1.57.0 --list` shows them.

# The whole suite: install the Debian tools it needs (only the missing ones), then every test.
# wasmtime-go needs cgo: use gcc, or the clang that deps installs when gcc is absent.
test: deps
    CC="${CC:-$(command -v gcc || command -v clang)}" go test -timeout 60m ./...

# Install the missing Debian packages the suite uses (qemu-user, wabt, cross binutils/gcc, clang, lld, wasi-libc, binaryen).
deps:
    bash scripts/deps.sh

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
