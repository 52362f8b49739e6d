package arm64

// MemoryBudget is the Go heap the backend is given for a module of n bytes: the driver passes it
// to pipeline.LimitMemory while the backend runs (decisions.md, backend memory). The backend's
// live data is small next to what it allocates — the input, the outputs of the functions
// compiled so far and the IR of the few being compiled (nextpnr-ice40, 1.8 MB: 15-40 MB live of
// 1.1 GB allocated) — so the collector's work is nearly all in how often it runs: with Go's
// default pace (a collection each time the heap doubles) 90 collections took a quarter of the
// compile's instructions (a third on icepack, 355 KB). A budget of at least 256 MiB runs five; 16 bytes per module byte keeps
// a large module's outputs (yosys, 31 MB: 100-170 MB live at the end) well under it.
func MemoryBudget(n int) int64 { return max(minMemoryBudget, memoryPerModuleByte*int64(n)) }

const (
	memoryPerModuleByte = 16
	minMemoryBudget     = 256 << 20
)
