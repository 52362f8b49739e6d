//go:build !cgo

// wasmtime-go links the wasmtime C library, so refrun needs cgo: the suite builds it with
// CGO_ENABLED=1 and a C compiler for linux/arm64 (realworld/main.go).

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "refrun: built without cgo; build it with CGO_ENABLED=1 and a C compiler")
	os.Exit(125)
}
