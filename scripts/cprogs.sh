#!/usr/bin/env bash
# Builds the C programs of golden/testdata/cprogs with the host gcc -O2 (the reference) and with
# clang --target=wasm32-wasi -O2 then `cot aot` (the AArch64 backend), runs both (the native one
# under qemu-aarch64) and compares stdout and exit status, timing the backend compile. For looking
# at one by hand; the test is TestCProgs in golden/cprogs_test.go.
# Usage: scripts/cprogs.sh [NAME...]   (default: every program); outputs go to $OUT (a temp dir).
set -euo pipefail
cd "$(dirname "$0")/.."
src=golden/testdata/cprogs
out=${OUT:-$(mktemp -d)}
names=("$@")
if ((${#names[@]} == 0)); then
  for f in "$src"/*.c; do names+=("$(basename "$f" .c)"); done
fi
sysroot=()
[[ -d /usr/share/wasi-sysroot ]] && sysroot=(--sysroot=/usr/share/wasi-sysroot)
go build -o "$out/cot" ./cmd/cot
for n in "${names[@]}"; do
  gcc -O2 -o "$out/$n.host" "$src/$n.c" -lm
  clang --target=wasm32-wasi -O2 "${sysroot[@]}" -o "$out/$n.wasm" "$src/$n.c"
  start=$(date +%s.%N)
  "$out/cot" aot "$out/$n.wasm" -o "$out/$n.elf"
  end=$(date +%s.%N)
  set +e
  "$out/$n.host" >"$out/$n.host.out"; host_status=$?
  qemu-aarch64 "$out/$n.elf" >"$out/$n.native.out"; native_status=$?
  set -e
  verdict=same
  cmp -s "$out/$n.host.out" "$out/$n.native.out" && ((host_status == native_status)) || verdict=DIFFERENT
  printf '%-10s wasm %7d bytes, aot %.2fs, exit gcc=%d native=%d, stdout %s\n' "$n" \
    "$(stat -c %s "$out/$n.wasm")" "$(awk "BEGIN{print $end - $start}")" "$host_status" "$native_status" "$verdict"
done
echo "outputs in $out"
