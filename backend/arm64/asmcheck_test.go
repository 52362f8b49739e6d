package arm64

import (
	"bufio"
	"debug/elf"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/arch/arm64/arm64asm"

	"cot/ir/pipeline"
)

// TestAsmcheck compiles testdata/asmcheck/*.wat and checks the machine code of each function
// against the asmcheck comments written before it (the convention of Go's test/codegen):
//
//	;; arm64:"tbnz\tw[0-9]+, #31",-"cmp"
//	(func $sign ...)
//
// "regexp" must match the function's disassembly (x/arch's GNU syntax, one instruction a line,
// mnemonic and operands separated by a tab), -"regexp" must not. Functions are found by their
// names (wat2wasm --debug-names writes the name section; the backend names symbols after it).
// A `;; needs: PASS` line names an optional pass the file's patterns depend on
// (TestAsmcheckNeedsItsPasses compiles the file without it and expects checks to fail).
func TestAsmcheck(t *testing.T) {
	if _, err := exec.LookPath("wat2wasm"); err != nil {
		t.Skip("wat2wasm not installed")
	}
	files, _ := filepath.Glob("testdata/asmcheck/*.wat")
	if len(files) == 0 {
		t.Fatal("no testdata/asmcheck/*.wat")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			failures, err := runAsmchecks(t, file, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range failures {
				t.Error(f)
			}
		})
	}
}

// runAsmchecks compiles a .wat file under opts and returns the checks it fails, one message each.
func runAsmchecks(t *testing.T, file string, opts *pipeline.Options) ([]string, error) {
	checks, err := readAsmchecks(file)
	if err != nil {
		return nil, err
	}
	out := filepath.Join(t.TempDir(), "m.wasm")
	if msg, err := exec.Command("wat2wasm", "--debug-names", file, "-o", out).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("wat2wasm: %v\n%s", err, msg)
	}
	wasmBytes, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	exe, err := CompileModule(wasmBytes, opts)
	if err != nil {
		return nil, err
	}
	code, err := functionCode(exe)
	if err != nil {
		return nil, err
	}
	var failures []string
	for _, c := range checks {
		words, ok := code[c.fn]
		if !ok {
			failures = append(failures, fmt.Sprintf("%s:%d: no function %q in the executable", file, c.line, c.fn))
			continue
		}
		text := disassemble(words)
		if matched := c.re.MatchString(text); matched == c.negate {
			failures = append(failures, fmt.Sprintf("%s:%d: %s: %s%q %s in\n%s", file, c.line, c.fn,
				map[bool]string{true: "-"}[c.negate], c.re, map[bool]string{true: "matches", false: "does not match"}[matched], text))
		}
	}
	return failures, nil
}

type asmcheck struct {
	fn     string
	line   int
	re     *regexp.Regexp
	negate bool
}

var (
	asmcheckRx = regexp.MustCompile(`^\s*;;\s*arm64:(.*)$`)
	funcNameRx = regexp.MustCompile(`^\s*\(func \$([A-Za-z0-9_]+)`)
	checkItem  = regexp.MustCompile(`^(-?)("(?:[^"\\]|\\.)*")\s*(?:,\s*|$)`)
)

// readAsmchecks returns the checks of a .wat file, each bound to the function that follows it.
func readAsmchecks(file string) ([]asmcheck, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var pending, all []asmcheck
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if m := asmcheckRx.FindStringSubmatch(line); m != nil {
			rest := strings.TrimSpace(m[1])
			for rest != "" {
				item := checkItem.FindStringSubmatch(rest)
				if item == nil {
					return nil, fmt.Errorf("%s:%d: bad asmcheck %q", file, n, rest)
				}
				pat, err := strconv.Unquote(item[2])
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %v", file, n, err)
				}
				re, err := regexp.Compile("(?m)" + pat)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %v", file, n, err)
				}
				pending = append(pending, asmcheck{line: n, re: re, negate: item[1] == "-"})
				rest = rest[len(item[0]):]
			}
			continue
		}
		if m := funcNameRx.FindStringSubmatch(line); m != nil {
			for _, c := range pending {
				c.fn = m[1]
				all = append(all, c)
			}
			pending = nil
		}
	}
	if len(pending) > 0 {
		return nil, fmt.Errorf("%s: asmcheck comments after the last function", file)
	}
	return all, sc.Err()
}

// functionCode returns the instruction words of every function symbol of an executable.
func functionCode(exe []byte) (map[string][]uint32, error) {
	f, err := elf.NewFile(strings.NewReader(string(exe)))
	if err != nil {
		return nil, err
	}
	text := f.Section(".text")
	if text == nil {
		return nil, fmt.Errorf("no .text")
	}
	data, err := text.Data()
	if err != nil {
		return nil, err
	}
	syms, err := f.Symbols()
	if err != nil {
		return nil, err
	}
	var funcs []elf.Symbol
	for _, s := range syms {
		if s.Value >= text.Addr && s.Value < text.Addr+text.Size && s.Name != "" {
			funcs = append(funcs, s)
		}
	}
	sort.Slice(funcs, func(i, j int) bool { return funcs[i].Value < funcs[j].Value })
	out := map[string][]uint32{}
	for i, s := range funcs {
		end := text.Addr + text.Size
		if i+1 < len(funcs) {
			end = funcs[i+1].Value
		}
		var words []uint32
		for a := s.Value; a+4 <= end; a += 4 {
			words = append(words, binary.LittleEndian.Uint32(data[a-text.Addr:]))
		}
		out[s.Name] = words
	}
	return out, nil
}

// disassemble prints words one instruction a line ("mnemonic\toperands"); a word x/arch cannot
// decode (jump table data) prints as .word.
func disassemble(words []uint32) string {
	var b strings.Builder
	for _, w := range words {
		inst, err := arm64asm.Decode(binary.LittleEndian.AppendUint32(nil, w))
		if err != nil {
			fmt.Fprintf(&b, ".word\t%#x\n", w)
			continue
		}
		m, ops, _ := strings.Cut(arm64asm.GNUSyntax(inst), " ")
		fmt.Fprintf(&b, "%s\t%s\n", m, ops)
	}
	return b.String()
}
