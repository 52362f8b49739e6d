//go:build cgo

package runner

/*
#define _GNU_SOURCE
#include <pthread.h>
#include <stddef.h>

// stack_left returns how many bytes of the calling thread's stack lie below this frame, or 0
// when the thread's stack cannot be found.
static size_t stack_left(void) {
	pthread_attr_t attr;
	void *lo;
	size_t size;
	char here;
	if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
	int err = pthread_attr_getstack(&attr, &lo, &size);
	pthread_attr_destroy(&attr);
	if (err != 0 || (char *)&here < (char *)lo) return 0;
	return (size_t)((char *)&here - (char *)lo);
}
*/
import "C"

// nativeStackSize is the stack of a native cot program (backend/arm64/rt maps 8 MiB): the Wasm
// engines allow at least as deep a recursion.
const nativeStackSize = 8 << 20

// hostStackReserve is left to wasmtime's host functions (WASI) and to the cgo calls back into Go
// made from the deepest Wasm frame.
const hostStackReserve = 256 << 10

// wasmStackLimit returns the Wasm stack to give wasmtime on the current OS thread (the caller
// holds runtime.LockOSThread): the native target's 8 MiB, or less when the thread's own stack is
// smaller — wasmtime runs Wasm on the calling thread's stack, and a limit beyond the stack's end
// would crash the process instead of trapping.
func wasmStackLimit() int {
	left := int(C.stack_left()) - hostStackReserve
	if left > nativeStackSize {
		return nativeStackSize
	}
	if left < 512<<10 {
		return 512 << 10 // wasmtime's default
	}
	return left
}
