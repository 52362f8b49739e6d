// Command progen prints the differential test program of a seed: `go run ./internal/progen/cmd/progen -seed 7`.
package main

import (
	"flag"
	"fmt"

	"cot/internal/progen"
)

func main() {
	seed := flag.Int64("seed", 1, "the program's seed")
	closures := flag.Bool("closures", progen.Default.Closures, "use function values and closures")
	heap := flag.Bool("heap", progen.Default.Heap, "use heap objects, ARC and destructors")
	flag.Parse()
	fmt.Print(progen.Generate(*seed, progen.Features{Closures: *closures, Heap: *heap}))
}
