package grammar_test

// Front-end benchmarks on generated programs (package progen) of 1 MB and 10 MB:
//
//	go test ./grammar -run '^$' -bench . -benchtime 1x
//
// BenchmarkParse runs grammar.Parse on the ParseOnly dialect (every construct of the grammar);
// BenchmarkFrontEnd runs the whole front-end pass table (source -> Wasm bytes, verifier off) on
// the Compilable dialect, under the memory limit the driver sets (passes.MemoryBudget). Each
// reports MB/s, cpu-MB/s, alloc-B/B (bytes allocated per source byte), live-B/B (heap still
// held by the result per source byte, after a GC) and peak-B/B (the largest heap, garbage
// included, seen during the runs, per source byte: what the process's footprint follows).
// TestFrontEndBudget (budget_test.go) is the short form the suite runs.

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
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

// BenchmarkParseEach is BenchmarkParse through the streaming API, dropping each declaration:
// the whole tree is never held (compare sys-B/B, each benchmark alone in its process).
func BenchmarkParseEach(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			text := progen.Program(size, progen.ParseOnly)
			measure(b, len(text), func() any {
				n := 0
				if err := grammar.ParseEach("bench.cot", text, func(bool, *grammar.Decl) { n++ }); err != nil {
					b.Fatal(err)
				}
				return n
			})
		})
	}
}

// BenchmarkFrontEnd runs on the Compilable program (scalar code: FrontEnd/1MB, FrontEnd/10MB)
// and on the Rich one (structs, strings, optionals, unions, error unions with try/catch,
// defer, generics and traits too: FrontEnd/rich-1MB, ...).
func BenchmarkFrontEnd(b *testing.B) {
	for _, c := range frontEndCases() {
		b.Run(c.name, func(b *testing.B) {
			text := progen.Program(c.size, c.dialect)
			defer pipeline.LimitMemory(passes.MemoryBudget(len(text)))() // as the driver does
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

type frontEndCase struct {
	name    string
	size    int
	dialect progen.Dialect
}

func frontEndCases() []frontEndCase {
	var out []frontEndCase
	for _, size := range benchSizes {
		out = append(out, frontEndCase{fmt.Sprintf("%dMB", size>>20), size, progen.Compilable},
			frontEndCase{fmt.Sprintf("rich-%dMB", size>>20), size, progen.Rich})
	}
	return out
}

// measure runs run b.N times and reports throughput, allocation and heap per source byte.
// cpu-MB/s divides by the CPU time of the whole process (every thread, the collector's too), which
// stays meaningful on a loaded machine where wall-clock MB/s does not. live-B/B comes from one
// more, untimed run whose result is kept.
func measure(b *testing.B, size int, run func() any) {
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var before, after, kept runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	cpu0 := cpuTime()
	peak := watchHeap()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sink = run()
		sink = nil
	}
	b.StopTimer()
	cpu := cpuTime() - cpu0
	runtime.ReadMemStats(&after)
	top := peak.stop()
	result := run()
	runtime.GC()
	runtime.ReadMemStats(&kept)
	runtime.KeepAlive(result)
	perByte := float64(size) * float64(b.N)
	b.ReportMetric(perByte/1e6/cpu.Seconds(), "cpu-MB/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/perByte, "alloc-B/B")
	b.ReportMetric(float64(int64(kept.HeapAlloc)-int64(before.HeapAlloc))/float64(size), "live-B/B")
	b.ReportMetric(float64(top-before.HeapAlloc)/float64(size), "peak-B/B")
}

// sink keeps a run's result from being optimized away.
var sink any

// cpuTime is the user and system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// heapWatch samples the heap's size every millisecond and keeps the largest.
type heapWatch struct {
	done chan struct{}
	max  chan uint64
}

// COT_BENCH_NO_PEAK=1 turns it off (it would add instructions to counts taken under qemu).
func watchHeap() *heapWatch {
	w := &heapWatch{done: make(chan struct{}), max: make(chan uint64)}
	if os.Getenv("COT_BENCH_NO_PEAK") != "" {
		go func() { <-w.done; w.max <- 0 }()
		return w
	}
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var max uint64
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > max {
				max = v
			}
			select {
			case <-w.done:
				w.max <- max
				return
			case <-tick.C:
			}
		}
	}()
	return w
}

func (w *heapWatch) stop() uint64 {
	close(w.done)
	return <-w.max
}
