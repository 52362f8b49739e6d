package grammar_test

// Front-end benchmarks on generated programs (package progen) of 1 MB and 10 MB:
//
//	go test ./grammar -run '^$' -bench . -benchtime 1x
//
// BenchmarkParse runs grammar.Parse on the ParseOnly dialect (every construct of the grammar);
// BenchmarkFrontEnd runs the whole front-end pass table (source -> Wasm bytes, verifier off) on
// the Compilable dialect. Each reports MB/s, alloc-B/B (bytes allocated per source byte) and
// live-B/B (heap still held by the result per source byte, after a GC).

import (
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"

	"cot/grammar"
	"cot/grammar/progen"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/passes"
)

var benchSizes = []int{1 << 20, 10 << 20}

func BenchmarkParse(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			text := progen.Program(size, progen.ParseOnly)
			measure(b, len(text), func() any {
				f, err := grammar.Parse("bench.cot", text)
				if err != nil {
					b.Fatal(err)
				}
				return f
			})
		})
	}
}

func BenchmarkFrontEnd(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			text := progen.Program(size, progen.Compilable)
			measure(b, len(text), func() any {
				ctx := pipeline.NewCtx("wasm32")
				f := src.NewFile("bench.cot", text)
				ctx.Diags.AddFile(f)
				out, err := passes.Table().Run(ctx, f, &pipeline.Options{Verify: pipeline.VerifyOff})
				if err != nil {
					b.Fatal(err)
				}
				return out
			})
		})
	}
}

// measure runs run b.N times and reports throughput, allocation and retained heap per byte.
// cpu-MB/s divides by the CPU time of the whole process (every thread, the collector's too), which
// stays meaningful on a loaded machine where wall-clock MB/s does not.
func measure(b *testing.B, size int, run func() any) {
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var before, after, kept runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	cpu0 := cpuTime()
	b.ResetTimer()
	var result any
	for i := 0; i < b.N; i++ {
		result = run()
	}
	b.StopTimer()
	cpu := cpuTime() - cpu0
	runtime.ReadMemStats(&after)
	runtime.GC()
	runtime.ReadMemStats(&kept)
	runtime.KeepAlive(result)
	perByte := float64(size) * float64(b.N)
	b.ReportMetric(perByte/1e6/cpu.Seconds(), "cpu-MB/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/perByte, "alloc-B/B")
	b.ReportMetric(float64(int64(kept.HeapAlloc)-int64(before.HeapAlloc))/float64(size), "live-B/B")
}

// cpuTime is the user and system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
