#!/usr/bin/env bash
# Checks that two cot binaries write byte-identical executables (and identical diagnostics) for a
# corpus of Wasm modules: the code-generation freeze of compile-speed work.
#
#   scripts/same_output.sh REF_COT NEW_COT [WORK]     # WORK defaults to /tmp/same-output
#
# The corpus is built once in WORK/in: every .wasm of ~/.cache/cot-realworld and
# ~/.cache/cot-bench/build, the .wat files of backend/arm64/testdata and golden/testdata (wat2wasm),
# the fuzz regressions, and FUZZ (default 300) modules of `wasm-opt -ttf` from fixed seeds with
# binaryen's logging imports renamed to the native harness's. REF_COT's outputs are kept in
# WORK/ref (made once: delete it to redo them); NEW_COT's go to WORK/new and are compared with cmp.
set -euo pipefail
ref=$(realpath "$1")
new=$(realpath "$2")
work=${3:-/tmp/same-output}
fuzz=${FUZZ:-300}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$work/in" "$work/ref" "$work/new"

if [ ! -e "$work/in/.done" ]; then
	n=0
	for f in $(find ~/.cache/cot-realworld ~/.cache/cot-bench/build -name '*.wasm' 2>/dev/null | sort); do
		n=$((n + 1))
		cp "$f" "$work/in/rw$(printf %03d $n)-$(basename "$f")"
	done
	for f in $(find "$root/backend/arm64/testdata" "$root/golden/testdata" -name '*.wat' | sort); do
		n=$((n + 1))
		wat2wasm --enable-all "$f" -o "$work/in/wat$(printf %03d $n)-$(basename "$f" .wat).wasm" 2>/dev/null || true
	done
	cp "$root"/backend/arm64/testdata/fuzz/*.wasm "$work/in/" 2>/dev/null || true
	for i in $(seq 1 "$fuzz"); do
		b="$work/in/ttf$i"
		python3 -c "import random,sys; r=random.Random($i); sys.stdout.buffer.write(bytes(r.getrandbits(8) for _ in range(2000+($i*7919)%6000)))" >"$b.bin"
		wasm-opt -ttf "$b.bin" --denan -o "$b.tmp.wasm" --mvp-features --enable-sign-ext \
			--enable-nontrapping-float-to-int --enable-bulk-memory --enable-mutable-globals --enable-multivalue 2>/dev/null
		wasm2wat --enable-all "$b.tmp.wasm" |
			sed -e 's/"fuzzing-support" "log-\(i32\|i64\|f32\|f64\)"/"cot_harness" "result_\1"/' >"$b.wat"
		wat2wasm --enable-all "$b.wat" -o "$b.wasm"
		rm -f "$b.bin" "$b.tmp.wasm" "$b.wat"
	done
	touch "$work/in/.done"
fi

compile() { # cot outdir module
	local name
	name=$(basename "$3" .wasm)
	if "$1" aot "$3" -o "$2/$name.elf" >"$2/$name.out" 2>&1; then echo ok >>"$2/$name.out"; fi
	sed -i "s|$3|MODULE|g" "$2/$name.out"
}

mods=("$work"/in/*.wasm)
if [ ! -e "$work/ref/.done" ]; then
	for m in "${mods[@]}"; do compile "$ref" "$work/ref" "$m"; done
	touch "$work/ref/.done"
fi
rm -f "$work"/new/*
same=0
diff=0
for m in "${mods[@]}"; do
	compile "$new" "$work/new" "$m"
	name=$(basename "$m" .wasm)
	ok=1
	cmp -s "$work/ref/$name.out" "$work/new/$name.out" || ok=0
	if [ -e "$work/ref/$name.elf" ] || [ -e "$work/new/$name.elf" ]; then
		cmp -s "$work/ref/$name.elf" "$work/new/$name.elf" || ok=0
	fi
	if [ $ok = 1 ]; then same=$((same + 1)); else
		diff=$((diff + 1))
		echo "DIFFERENT: $name"
	fi
done
built=$(ls "$work"/ref/*.elf | wc -l)
echo "modules: ${#mods[@]} (executables: $built), identical: $same, different: $diff"
[ $diff = 0 ]
