package arm64

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"cot/backend/wasm"
	"cot/ir/pipeline"
)

// TestStreamedOutputIsIndependentOfWorkers compiles modules of many functions streamed on 1, 3
// and 8 workers and one pass at a time over the whole program (no stream): the executables must
// be identical byte for byte.
func TestStreamedOutputIsIndependentOfWorkers(t *testing.T) {
	mods, err := filepath.Glob("testdata/fuzz/*.wasm")
	if err != nil || len(mods) == 0 {
		t.Fatalf("no modules: %v", err)
	}
	defer func(w int) { pipeline.Workers = w }(pipeline.Workers)
	for _, path := range mods {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		m, err := wasm.Decode(raw)
		if err != nil {
			t.Fatal(err)
		}
		h, _, ok := fuzzHarness(m, true)
		if !ok {
			t.Fatalf("%s: no harness", path)
		}
		b, err := wasm.Encode(h)
		if err != nil {
			t.Fatal(err)
		}
		whole := Table()
		whole.Stream = nil
		want, err := whole.Run(pipeline.NewCtx("arm64-linux"), b, &pipeline.Options{})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, workers := range []int{1, 3, 8} {
			pipeline.Workers = workers
			got, err := CompileModule(b, &pipeline.Options{})
			if err != nil {
				t.Fatalf("%s, %d workers: %v", path, workers, err)
			}
			if !bytes.Equal(got, want.([]byte)) {
				t.Errorf("%s: %d workers streamed differ from the whole-program compilation", path, workers)
			}
		}
	}
}

// TestStreamedErrorIsTheFirstFunctions: of two invalid bodies (functions 17 and 30 of 40), the
// error is the first one's whatever the number of workers, and as Decode words it.
func TestStreamedErrorIsTheFirstFunctions(t *testing.T) {
	const n = 40
	code := []byte{n}
	for i := 0; i < n; i++ {
		if i == 17 || i == 30 {
			code = append(code, 3, 0, 0x6a, 0x0b) // i32.add on an empty stack
		} else {
			code = append(code, 2, 0, 0x0b)
		}
	}
	funcs := append([]byte{n}, make([]byte, n)...)
	b := []byte("\x00asm\x01\x00\x00\x00\x01\x04\x01\x60\x00\x00")
	b = append(append(b, 3, byte(len(funcs))), funcs...)
	b = append(append(b, 10, byte(len(code))), code...)
	_, want := wasm.Decode(b)
	if want == nil {
		t.Fatal("Decode accepts the module")
	}
	defer func(w int) { pipeline.Workers = w }(pipeline.Workers)
	for _, workers := range []int{1, 2, 8} {
		pipeline.Workers = workers
		_, err := CompileModule(b, &pipeline.Options{})
		if err == nil || err.Error() != want.Error() {
			t.Errorf("%d workers: %v, want %v", workers, err, want)
		}
	}
}
