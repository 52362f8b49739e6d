package passes

// MemoryBudget is the Go memory the front end is given for a source file of n bytes: the driver
// passes it to pipeline.LimitMemory while the front end runs (decisions.md, front-end memory).
// At most 92 bytes per source byte keeps the whole process's Go memory, garbage included, under
// the 100 bytes per source byte the front end is held to: the collector's pacer lets the heap
// pass its goal by several percent while it marks (96 gave peaks of 104-110 on the rich 1 MB
// program). The passes' live data peaks near 65 (flatten-expressions' ANF program, then
// lower-to-wasm's input and the Wasm module it builds). Small files get 32 MiB, so they compile
// without collecting at all.
func MemoryBudget(n int) int64 { return max(minMemoryBudget, memoryPerSourceByte*int64(n)) }

const (
	memoryPerSourceByte = 92
	minMemoryBudget     = 32 << 20
)
