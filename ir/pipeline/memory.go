package pipeline

import (
	"os"
	"runtime/debug"
)

// LimitMemory has the Go collector run only when the process's Go memory reaches limit bytes
// (GOGC off, soft memory limit at limit) until the returned function restores the previous
// settings. A compilation whose live data stays well under the limit then collects rarely,
// and its peak stays under the limit however much garbage its passes make; past the limit the
// runtime's collector CPU cap lets the heap grow rather than thrash. A GOGC or GOMEMLIMIT set in
// the environment wins: then nothing changes.
func LimitMemory(limit int64) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	gc := debug.SetGCPercent(-1)
	ml := debug.SetMemoryLimit(limit)
	return func() {
		debug.SetMemoryLimit(ml)
		debug.SetGCPercent(gc)
	}
}
