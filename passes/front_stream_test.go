package passes

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"cot/grammar/progen"
	"cot/ir/pipeline"
	"cot/ir/src"
)

// TestStreamedFrontEndIsTheWholeProgramRun compiles every end-to-end program and every
// single-file run golden with flatten-expressions and lower-to-wasm streamed function by
// function (--verify=off, end and each, on 1, 3 and 2 workers) and one pass at a time over the
// whole program (wholeProgram): the Wasm must be the same bytes.
func TestStreamedFrontEndIsTheWholeProgramRun(t *testing.T) {
	defer func(w int) { pipeline.Workers = w }(pipeline.Workers)
	sources := map[string]string{}
	for _, c := range e2eCases {
		if len(c.files) == 0 {
			sources[c.name] = c.src
		}
	}
	files, _ := filepath.Glob("../golden/testdata/run/*.txtar")
	for _, file := range files {
		if c := goldenCase(file, strings.TrimSuffix(filepath.Base(file), ".txtar")); c.src != "" {
			sources["golden "+c.name] = c.src
		}
	}
	// Nested host calls: the net imports are numbered in evaluation order, whether importHost
	// reads the flattened program or (streamed) its input.
	sources["nested net calls"] = "fn main() void {\n    const x = @net_listen(@net_socket(2, 1, @epoll_create()), @net_accept(5))\n    println(x)\n}\n"
	sources["progen rich"] = string(progen.Program(64<<10, progen.Rich))
	sources["progen scalar"] = string(progen.Program(64<<10, progen.Compilable))
	compiled := 0
	for name, text := range sources {
		whole, err := Table().Run(pipeline.NewCtx("wasm32"), src.NewFile("main.cot", []byte(text)), wholeProgram())
		if err != nil {
			continue // a program the front end rejects: the stream never runs
		}
		compiled++
		for _, c := range []struct {
			verify  pipeline.VerifyMode
			workers int
		}{{pipeline.VerifyOff, 1}, {pipeline.VerifyEnd, 3}, {pipeline.VerifyEach, 2}} {
			pipeline.Workers = c.workers
			streamed, err := Table().Run(pipeline.NewCtx("wasm32"), src.NewFile("main.cot", []byte(text)), &pipeline.Options{Verify: c.verify})
			if err != nil {
				t.Fatalf("%s: streamed (verify %v, %d workers): %v", name, c.verify, c.workers, err)
			}
			if !bytes.Equal(streamed.([]byte), whole.([]byte)) {
				t.Errorf("%s: the streamed front end (verify %v, %d workers) made other Wasm than the whole-program run", name, c.verify, c.workers)
			}
		}
	}
	if compiled < 100 {
		t.Fatalf("only %d programs compiled", compiled)
	}
}

// wholeProgram returns options under which the front end's streamed passes run one at a time
// over the whole program, verified after each: a dump after flatten-expressions (of a function
// no program has, into io.Discard) needs the whole program there.
func wholeProgram() *pipeline.Options {
	return &pipeline.Options{Verify: pipeline.VerifyEach, DumpAfter: []string{"flatten-expressions"},
		DumpFunc: "no such function", Out: io.Discard}
}
