package verify

import "sync"

// The verifiers run after every pass of the backend, on every function, on several workers at
// once: their tables are reused from one function to the next (through a sync.Pool, one per
// verifier kind) instead of being allocated for each, which made them a third of the garbage
// of a compilation.

// reuse returns s resized to n zeroed elements, in s's memory when it is large enough.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// reuseLists returns s resized to n empty lists, keeping the lists' memory.
func reuseLists[T any](s [][]T, n int) [][]T {
	if cap(s) < n {
		s = append(s[:cap(s)], make([][]T, n-cap(s))...)
	}
	s = s[:n]
	for i := range s {
		s[i] = s[i][:0]
	}
	return s
}

var (
	ssaVerifiers = sync.Pool{New: func() any { return new(ssaVerifier) }}
	mirVerifiers = sync.Pool{New: func() any { return new(mirVerifier) }}
)
