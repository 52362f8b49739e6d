// Command progen writes a generated benchmark program (package progen) to stdout:
//
//	go run ./grammar/progen/cmd/progen -size 1000000 [-parse-only] > big.cot
package main

import (
	"flag"
	"os"

	"cot/grammar/progen"
)

func main() {
	size := flag.Int("size", 1<<20, "minimum program size in bytes")
	parseOnly := flag.Bool("parse-only", false, "also use syntax only the parser accepts (structs, enums, switch, closures, ...)")
	flag.Parse()
	d := progen.Compilable
	if *parseOnly {
		d = progen.ParseOnly
	}
	if _, err := os.Stdout.Write(progen.Program(*size, d)); err != nil {
		os.Exit(1)
	}
}
