package arm64

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	bwasm "cot/backend/wasm"
	"cot/ir/pipeline"
	"cot/ir/wasm"
)

// The engine of the backend's differential tests (diff_test.go): commands in the spec suite's
// JSON shape run against one module through a harness _start that runs them in order (from the
// index given as argv[1], so a trap can resume after the trapping command), and the output is
// compared bit for bit. The spec suite itself runs through internal/spectest (golden.TestSpec).

type specValue struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

type specCommand struct {
	Type     string `json:"type"`
	Line     int    `json:"line"`
	Filename string `json:"filename"`
	Text     string `json:"text"`
	Action   struct {
		Type  string      `json:"type"`
		Field string      `json:"field"`
		Args  []specValue `json:"args"`
	} `json:"action"`
	Expected []specValue `json:"expected"`
}

type specStats struct{ pass, fail, skip int }

// constInstr returns the instruction pushing a spec value, or false when Wasm cannot express it.
func constInstr(v specValue) (wasm.Instr, bool) {
	if v.Value == "null" {
		rt := wasm.FuncRef
		if v.Type == "externref" {
			rt = wasm.ExternRef
		}
		return wasm.Instr{Op: wasm.OpRefNull, RefType: rt}, true
	}
	n, err := strconv.ParseUint(v.Value, 10, 64)
	if err != nil {
		return wasm.Instr{}, false
	}
	switch v.Type {
	case "i32":
		return wasm.I32Const(int32(uint32(n))), true
	case "i64":
		return wasm.I64Const(int64(n)), true
	case "f32":
		return wasm.Instr{Op: wasm.OpF32Const, Const: n}, true
	case "f64":
		return wasm.Instr{Op: wasm.OpF64Const, Const: n}, true
	}
	return wasm.Instr{}, false
}

func runSpecModule(t *testing.T, file string, m *wasm.Module, cmds []specCommand) specStats {
	var st specStats
	exports := map[string]uint32{}
	for _, e := range m.Exports {
		if e.Kind == wasm.ExternFunc {
			exports[e.Name] = e.Index
		}
	}
	usable := make([]bool, len(cmds))
	hm := addHarness(m, func(h map[string]uint32, shift uint32) []wasm.Instr {
		code := []wasm.Instr{wasm.Call(h["arg_start"]), wasm.LocalSet(0)}
		for k, c := range cmds {
			fi, ok := exports[c.Action.Field]
			var args []wasm.Instr
			for _, a := range c.Action.Args {
				in, okc := constInstr(a)
				ok = ok && okc
				args = append(args, in)
			}
			if !ok {
				continue
			}
			usable[k] = true
			// Commands before the start index are replayed silently (their effects matter to
			// later commands), except the expected traps; from the start index on, results print.
			code = append(code, wasm.LocalGet(0), wasm.I32Const(int32(k)), wasm.Simple(wasm.OpI32LeU),
				wasm.If(wasm.BlockType{}), wasm.I32Const(int32(k)), wasm.Call(h["begin"]))
			code = append(code, args...)
			code = append(code, wasm.Call(fi+shift))
			res := m.FuncTypeOf(fi).Results
			for i := len(res) - 1; i >= 0; i-- {
				switch res[i] {
				case wasm.I32:
					code = append(code, wasm.Call(h["result_i32"]))
				case wasm.I64:
					code = append(code, wasm.Call(h["result_i64"]))
				case wasm.F32:
					code = append(code, wasm.Call(h["result_f32"]))
				case wasm.F64:
					code = append(code, wasm.Call(h["result_f64"]))
				default:
					code = append(code, wasm.Simple(wasm.OpRefIsNull), wasm.Call(h["result_i32"]))
				}
			}
			code = append(code, wasm.Instr{Op: wasm.OpElse})
			if c.Type != "assert_trap" && c.Type != "assert_exhaustion" {
				code = append(code, args...)
				code = append(code, wasm.Call(fi+shift))
				for range res {
					code = append(code, wasm.Simple(wasm.OpDrop))
				}
			}
			code = append(code, wasm.End())
		}
		return code
	})
	wasmBytes, err := bwasm.Encode(hm)
	var exe []byte
	if err == nil {
		exe, err = CompileModule(wasmBytes, &pipeline.Options{Verify: pipeline.VerifyEach})
	}
	if err != nil {
		msg := err.Error()
		if i := strings.Index(msg, "\n;; IR"); i > 0 {
			msg = msg[:i]
		}
		t.Logf("%s:%d: compile: %.600s", file, cmds[0].Line, msg)
		st.fail += len(cmds)
		return st
	}
	outputs := map[int][]string{}
	traps := map[int]string{}
	for start := 0; start < len(cmds); {
		r := runELF(t, exe, strconv.Itoa(start))
		last := -1
		for _, line := range strings.Split(r.stdout, "\n") {
			if strings.HasPrefix(line, "#") {
				k, _ := strconv.ParseInt(line[1:], 16, 64)
				last = int(k)
				outputs[last] = []string{}
			} else if line != "" && last >= 0 {
				outputs[last] = append(outputs[last], line)
			}
		}
		if r.status == 0 {
			break
		}
		if last < start {
			t.Logf("%s: harness trapped while replaying before command %d: status %d %s", file, start, r.status, r.stderr)
			break
		}
		traps[last] = r.stderr
		start = last + 1
	}
	for k, c := range cmds {
		if !usable[k] {
			st.skip++
			continue
		}
		if c.Type == "action" {
			continue
		}
		got, ran := outputs[k]
		trap, trapped := traps[k]
		ok := false
		switch c.Type {
		case "assert_return":
			ok = ran && !trapped && matchResults(got, c.Expected)
		case "assert_trap":
			ok = trapped && trapMatches(trap, c.Text)
		case "assert_exhaustion":
			ok = trapped && strings.Contains(trap, "stack overflow")
		}
		if ok {
			st.pass++
		} else {
			st.fail++
			t.Logf("%s:%d: %s %s%v: got %v trap %q, want %v %q", file, c.Line, c.Type, c.Action.Field, c.Action.Args, got, trap, c.Expected, c.Text)
		}
	}
	return st
}

func trapMatches(stderr, text string) bool {
	msg := strings.TrimPrefix(stderr, "error: ")
	return msg != stderr && (strings.HasPrefix(text, msg) || strings.HasPrefix(msg, text))
}

// matchResults compares printed results (in reverse order) with the expected values.
func matchResults(got []string, want []specValue) bool {
	if len(got) != len(want) {
		return false
	}
	for i, w := range want {
		g := got[len(got)-1-i]
		typ, hex, _ := strings.Cut(g, ":")
		bits, err := strconv.ParseUint(strings.TrimPrefix(hex, "0x"), 16, 64)
		if err != nil {
			return false
		}
		switch {
		case w.Type == "funcref" || w.Type == "externref":
			if typ != "i32" || (bits == 1) != (w.Value == "null") {
				return false
			}
		case typ != w.Type:
			return false
		case w.Value == "nan:any":
			if !isAnyNaN(w.Type, bits) {
				return false
			}
		case strings.HasPrefix(w.Value, "nan:"):
			if !isNaN(w.Type, bits, w.Value == "nan:canonical") {
				return false
			}
		default:
			n, err := strconv.ParseUint(w.Value, 10, 64)
			if err != nil || n != bits {
				return false
			}
		}
	}
	return true
}

func isNaN(typ string, bits uint64, canonical bool) bool {
	if typ == "f32" {
		if canonical {
			return bits&0x7FFFFFFF == 0x7FC00000
		}
		return bits&0x7FC00000 == 0x7FC00000
	}
	if canonical {
		return bits&math.MaxInt64 == 0x7FF8000000000000
	}
	return bits&0x7FF8000000000000 == 0x7FF8000000000000
}

func isAnyNaN(typ string, bits uint64) bool {
	if typ == "f32" {
		return math.IsNaN(float64(math.Float32frombits(uint32(bits))))
	}
	return math.IsNaN(math.Float64frombits(bits))
}

var _ = fmt.Sprint
