#!/bin/bash
# The backend's differential fuzzer (backend/arm64/fuzz_diff_test.go) in chunks:
#
#	bash scripts/fuzz_backend.sh [N=100000] [SEED=7] [GEN=ttf|loops|both]
#
# runs modules 0..N-1 of SEED, CHUNK (2500) modules a process on WORKERS (4) at once, so that a
# crash or an interruption loses one chunk at most; the same command again resumes after the
# last chunk done. Logs, and the modules that diverge (testdata/fuzz/), go to OUT
# (/tmp/cot-fuzz-GEN-SEED). The last line sums the chunks done: modules compared, divergences,
# wall time.
set -u
N=${1:-100000} SEED=${2:-7} GEN=${3:-ttf}
CHUNK=${CHUNK:-2500} WORKERS=${WORKERS:-4} OUT=${OUT:-/tmp/cot-fuzz-$GEN-$SEED}
repo=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$OUT"
(cd "$repo" && go test -c -o "$OUT/fuzz.test" ./backend/arm64) || exit 1
cd "$OUT" || exit 1
for ((first = 0; first < N; first += CHUNK)); do
	c=$((first / CHUNK))
	n=$((N - first < CHUNK ? N - first : CHUNK))
	[ -f "chunk$c.done" ] && continue
	start=$(date +%s)
	nice -n 10 ./fuzz.test -test.run 'TestFuzzDifferential$' -test.v -test.timeout 0 -fuzz.gen="$GEN" \
		-fuzz.seed="$SEED" -fuzz.first="$first" -fuzz.modules="$n" -fuzz.workers="$WORKERS" >"chunk$c.log" 2>&1
	echo "$? $(($(date +%s) - start))" >"chunk$c.done"
done
cat chunk*.log | awk -v secs="$(cat chunk*.done | awk '{s += $2} END {print s}')" \
	-v failed="$(cat chunk*.done | awk '$1 != 0 {f++} END {print f + 0}')" '
	/ compared in / { for (i = 1; i < NF; i++) if ($(i + 1) == "compared") n += $i }
	/kept as testdata\/fuzz/ { d++ }
	END { printf "%d modules compared, %d divergences, %d chunks failed, %dh%02dm of chunks\n", n, d, failed, secs / 3600, secs % 3600 / 60 }'
