#!/usr/bin/env bash
# Installs the Debian packages the test suite needs (binaryen: the backend fuzzer's wasm-opt -ttf),
# but only those whose tool is missing:
# `apt-get update` runs at most once, and nothing runs at all on a machine that has everything.
set -euo pipefail

# package → a file the package provides (the tool the suite uses from it)
declare -A tool=(
  [qemu-user]=/usr/bin/qemu-aarch64
  [wabt]=/usr/bin/wat2wasm
  [binutils-aarch64-linux-gnu]=/usr/bin/aarch64-linux-gnu-as
  [gcc-aarch64-linux-gnu]=/usr/bin/aarch64-linux-gnu-gcc
  [clang]=/usr/bin/clang
  [lld]=/usr/bin/wasm-ld
  [wasi-libc]=/usr/lib/wasm32-wasi/libc.a
  [libclang-rt-14-dev-wasm32]=/usr/lib/llvm-14/lib/clang/14.0.6/lib/wasi/libclang_rt.builtins-wasm32.a
  # the static AArch64 glibc that realworld/refrun (wasmtime-go, cgo) links against; only a
  # Recommends of gcc-aarch64-linux-gnu
  [libc6-dev-arm64-cross]=/usr/aarch64-linux-gnu/lib/libc.a
  [chromium]=/usr/bin/chromium
  [neovim]=/usr/bin/nvim
  [binaryen]=/usr/bin/wasm-opt
  # tclsh: generating the SQLite amalgamation of the benchmark harness (bench/programs.go)
  [tcl]=/usr/bin/tclsh
)

missing=()
for pkg in qemu-user wabt binutils-aarch64-linux-gnu gcc-aarch64-linux-gnu clang lld wasi-libc libclang-rt-14-dev-wasm32 libc6-dev-arm64-cross chromium neovim binaryen tcl; do
  [[ -e ${tool[$pkg]} ]] || missing+=("$pkg")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=()
if [[ $(id -u) != 0 ]]; then
  command -v sudo >/dev/null || { echo "deps.sh: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "deps.sh: installing ${missing[*]}" >&2
"${sudo[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y "${missing[@]}"
