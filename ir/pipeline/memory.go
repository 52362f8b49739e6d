package pipeline

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// LimitMemory has the Go collector run only when the process's Go memory reaches limit bytes
// (GOGC off, soft memory limit at limit) until the returned function restores the previous
// settings. A compilation whose live data stays well under the limit then collects rarely,
// and its peak stays under the limit however much garbage its passes make. A GOGC or
// GOMEMLIMIT set in the environment wins: then nothing changes.
//
// Past the limit the collector would run back to back (the runtime's CPU cap lets it take half
// the CPU, and the heap grows anyway): a compilation whose live data nears the limit spent more
// than half its time collecting. So the limit follows the live heap instead (followLive).
func LimitMemory(limit int64) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	gc := debug.SetGCPercent(-1)
	ml := debug.SetMemoryLimit(limit)
	stop := followLive(limit)
	return func() {
		stop()
		debug.SetMemoryLimit(ml)
		debug.SetGCPercent(gc)
	}
}

// liveHeadroom is the garbage a collection leaves room for past the limit, as a fraction of the
// live heap: GOGC=50 once the live data outgrows two thirds of the budget.
const liveHeadroom = 2

// followLive raises the memory limit after each collection to live + live/liveHeadroom when that
// is above limit (and lowers it back to limit when the live heap shrinks), until stop. It learns
// of each collection from a sentinel's finalizer, re-armed each cycle (the runtime has no other
// hook: this is what GC tuners do).
func followLive(limit int64) (stop func()) {
	var mu sync.Mutex
	stopped := false
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	type sentinel struct{ _ *int } // holds a pointer: the tiny allocator would batch it
	var arm func()
	arm = func() {
		runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
			mu.Lock()
			defer mu.Unlock()
			if stopped {
				return
			}
			metrics.Read(sample)
			live := int64(sample[0].Value.Uint64())
			debug.SetMemoryLimit(max(limit, live+live/liveHeadroom))
			arm()
		})
	}
	arm()
	return func() {
		mu.Lock()
		stopped = true
		mu.Unlock()
	}
}
