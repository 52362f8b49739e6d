package passes

// MemoryBudget is the Go memory the front end is given for a source file of n bytes: the driver
// passes it to pipeline.LimitMemory while the front end runs (decisions.md, front-end memory).
// At most 80 bytes per source byte keeps the whole process's Go memory, garbage included, under
// the 90 bytes per source byte the front end is held to: the collector's pacer lets the heap
// pass its goal while it marks, most when the live heap has grown since the collection before,
// whose scan the pacer expects (92 gave peaks of 96-113 on the rich 10 MB program; 80, with
// GOGC at most 200, gives 78-89). The passes' live data peaks near 37 (make-frames-explicit's
// program), so 80 leaves the collector more than half the budget as garbage; it runs 10 times
// on the rich 10 MB program where 92 ran it 8 times. Small files get 32 MiB, so they compile
// without collecting.
func MemoryBudget(n int) int64 { return max(minMemoryBudget, memoryPerSourceByte*int64(n)) }

const (
	memoryPerSourceByte = 80
	minMemoryBudget     = 32 << 20
)
