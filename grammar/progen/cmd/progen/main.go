// Command progen writes a generated benchmark program (package progen) to stdout:
//
//	go run ./grammar/progen/cmd/progen -size 1000000 [-parse-only | -rich] > big.cot
package main

import (
	"flag"
	"os"

	"cot/grammar/progen"
)

func main() {
	size := flag.Int("size", 1<<20, "minimum program size in bytes")
	parseOnly := flag.Bool("parse-only", false, "also use syntax only the parser accepts (structs, enums, switch, closures, ...)")
	rich := flag.Bool("rich", false, "also use the data constructs the compiler compiles (structs, strings, optionals, unions, ...)")
	flag.Parse()
	d := progen.Compilable
	switch {
	case *parseOnly:
		d = progen.ParseOnly
	case *rich:
		d = progen.Rich
	}
	if _, err := os.Stdout.Write(progen.Program(*size, d)); err != nil {
		os.Exit(1)
	}
}
