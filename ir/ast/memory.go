package ast

// The linear-memory map every target shares (docs/ARCHITECTURE.md, "Memory model"):
//
//	0 .. DataBase            never handed out: 0 is null
//	DataBase ..              the static data image (Program.Data), then RedZone bytes
//	StackLimitOf .. StackTop   the shadow stack (StackSize bytes), growing down from StackTop
//	StackTop ..              free for the runtime's heap
//
// The stack pointer global starts at StackTop; a function with a frame moves it down by its
// frame size on entry (never below the limit) and back on exit, and stops the program with
// `error: stack overflow` when the frame would reach below StackLimitOf.

// PageSize is the Wasm page size.
const PageSize = 65536

// StackSize is the size of the shadow stack in bytes.
const StackSize = 8 << 20

// RedZone is the space between the data image and the stack limit: a frame that would cross
// the limit leaves the stack pointer at the limit, and the overflow report's runtime scratch
// (below the stack pointer) lands here instead of on the data.
const RedZone = 256

// StackLimitOf returns the lowest stack address for a data image of n bytes: the image's end
// rounded up to 16, plus the red zone.
func StackLimitOf(n int) int64 { return (DataBase+int64(n)+15)&^15 + RedZone }

// MemoryPages returns the number of Wasm pages holding the data image of n bytes and the stack.
func MemoryPages(n int) int64 { return (StackLimitOf(n) + StackSize + PageSize - 1) / PageSize }

// StackTop returns the initial stack pointer: the end of the memory of MemoryPages(n) pages.
func StackTop(n int) int64 { return MemoryPages(n) * PageSize }
