package pipeline

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// LimitMemory has the Go collector run only when the heap reaches limit bytes, until the
// returned function restores the previous settings. A compilation whose live data stays well
// under the limit then collects rarely, and its heap stays under the limit however much garbage
// its passes make. A GOGC or GOMEMLIMIT set in the environment wins: then nothing changes.
//
// The heap goal does the limiting, not Go's memory limit: the limit counts all the memory the
// runtime has mapped (free spans waiting for the scavenger, fragmentation), so with live data at
// 55-60% of a memory limit the collector already ran back to back, 30 collections on the rich
// 1 MB program. So GOGC is off until the first collection (the memory limit starts it when the
// heap first reaches limit), and after each collection GOGC is set so that the next starts when
// the heap reaches limit again (followLive); the memory limit stays, at backstop(limit), only as
// a backstop: for a collection whose finalizer runs late, so that GOGC is still the one made for
// the heap before (the 10 MB program's token slice grows the heap by 20 bytes a source byte at
// once, between two collections). Past the limit the collector would run back to back (the
// runtime's CPU cap lets it take half the CPU, and the heap grows anyway): a compilation whose
// live data nears the limit gets a heap goal of live + live/liveHeadroom instead.
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
// live heap: GOGC=33 once the live data outgrows three quarters of the budget. (With 2, a half,
// the rich 1 MB program's heap peaked at 110 bytes a source byte while lower-to-wasm held 75.)
const liveHeadroom = 3

// backstop is the memory limit once GOGC sets the pace: 30% above the heap budget, or twice the
// live heap when that is more. Go's memory limit counts the runtime's other memory too (free
// spans not yet returned, fragmentation): at 15% above the budget it set heap goals of 57-74 MB
// on the rich 1 MB program (budget 98 MB) and 15 collections ran instead of 12.
func backstop(limit, live int64) int64 { return max(limit+limit*3/10, 2*live) }

// gcPercent is the GOGC that starts the next collection when the heap reaches limit, given the
// live heap the last one left and the roots Go's pacer adds to it before applying GOGC (stacks,
// counted by their size, and globals): at least live/liveHeadroom of garbage; off while nothing
// is live.
func gcPercent(limit, live, roots int64) int {
	if live <= 0 {
		return -1
	}
	goal := max(limit, live+live/liveHeadroom)
	return min(maxGOGC, int((goal-live)*100/(live+roots)))
}

// maxGOGC bounds the pace while the live heap is small next to the budget: a GOGC set after one
// collection applies until the finalizer sets the next, so a value made for a nearly empty heap
// would let a grown one run far past the budget. Growing from a small heap costs a few cheap
// collections instead. 400 let the scalar 10 MB program's heap reach 92-98 bytes a source byte
// (budget 80): the collection after the token slice's, whose finalizer ran late, still had the
// GOGC of a 29 MB heap and its goal was the backstop; 200 keeps it at 70-71, for 2-5% more
// instructions (rich and scalar 1 MB).
const maxGOGC = 200

// followLive sets GOGC after each collection (gcPercent) and the memory limit to its backstop,
// until stop. It learns of each collection from a sentinel's finalizer, re-armed each cycle (the
// runtime has no other hook: this is what GC tuners do).
func followLive(limit int64) (stop func()) {
	var mu sync.Mutex
	stopped := false
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}}
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
			debug.SetMemoryLimit(backstop(limit, live))
			// The pacer's roots are read back from the goal one GOGC gives: goal = live +
			// (live + roots) x GOGC/100.
			const probe = 100
			debug.SetGCPercent(probe)
			metrics.Read(sample)
			roots := max(0, int64(sample[1].Value.Uint64())-2*live)
			debug.SetGCPercent(gcPercent(limit, live, roots))
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
