package enc

import (
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/arch/arm64/arm64asm"
)

// A triple is one encoder test: the word our encoder produced (the Go call in the table is the
// "instruction"), the word GNU as assembles from the text (TestTriplesAs checks that too), and
// the GNU assembly text as aarch64-linux-gnu-objdump prints it. ADRP words are checked against
// objdump and x/arch only (as emits them with a relocation).
//
// Spelling differences between the two disassemblers, normalised by normalise():
//   - objdump separates operands inside brackets with ", ", x/arch with ",": all spaces after
//     commas are removed;
//   - objdump appends comments ("// b.any", "// eq = none"): dropped;
//   - PC-relative targets: objdump prints the absolute address, x/arch ".+0x…" with negative
//     offsets as 64-bit two's complement; the tables write ".+0x…"/".-0x…" relative to the
//     instruction (ADRP: to its page) and each side is converted.
//
// xarch, when set, is x/arch's spelling where it differs from objdump's (x/arch prints
// "fcmp d4, #0" for "#0.0"); "?" means x/arch cannot decode the word at all
// (it has no UDF).
type triple struct {
	word  uint32
	hex   uint32
	asm   string
	xarch string
}

func allTriples() []triple {
	var all []triple
	all = append(all, intTriples...)
	all = append(all, memTriples...)
	return append(all, fpTriples...)
}

var (
	spaceRx  = regexp.MustCompile(`\s+`)
	relRx    = regexp.MustCompile(`\.([+-])0x([0-9a-f]+)`)
	absRx    = regexp.MustCompile(`(\s)0x([0-9a-f]+)$`)
	commaSRx = regexp.MustCompile(`, `)
)

func normalise(s string) string {
	if i := strings.Index(s, "//"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(spaceRx.ReplaceAllString(s, " "))
	return commaSRx.ReplaceAllString(s, ",")
}

// relOffset extracts the signed PC-relative offset written in a triple's text.
func relOffset(asm string) (int64, bool) {
	m := relRx.FindStringSubmatch(asm)
	if m == nil {
		return 0, false
	}
	v, _ := strconv.ParseUint(m[2], 16, 64)
	if m[1] == "-" {
		return -int64(v), true
	}
	return int64(v), true
}

func TestTriplesHex(t *testing.T) {
	for i, tr := range allTriples() {
		if tr.word != tr.hex {
			t.Errorf("#%d %q: encoded %08x, want %08x", i, tr.asm, tr.word, tr.hex)
		}
	}
}

func TestTriplesXArch(t *testing.T) {
	for i, tr := range allTriples() {
		inst, err := arm64asm.Decode(binary.LittleEndian.AppendUint32(nil, tr.word))
		if tr.xarch == "?" {
			if err == nil {
				t.Errorf("#%d %q: x/arch now decodes %08x as %q; update the table", i, tr.asm, tr.word, arm64asm.GNUSyntax(inst))
			}
			continue
		}
		if err != nil {
			t.Errorf("#%d %q: x/arch cannot decode %08x: %v", i, tr.asm, tr.word, err)
			continue
		}
		got := arm64asm.GNUSyntax(inst)
		// x/arch prints negative PC-relative offsets as 64-bit two's complement.
		got = relRx.ReplaceAllStringFunc(got, func(m string) string {
			v, _ := strconv.ParseUint(m[4:], 16, 64)
			if m[1] == '+' && v >= 1<<63 {
				return fmt.Sprintf(".-0x%x", -v)
			}
			return m
		})
		want := tr.asm
		if tr.xarch != "" {
			want = tr.xarch
		}
		if normalise(got) != normalise(want) {
			t.Errorf("#%d %08x: x/arch says %q, want %q", i, tr.word, got, want)
		}
	}
}

const objdumpBase = 0x100000

func TestTriplesObjdump(t *testing.T) {
	objdump := tool(t, "aarch64-linux-gnu-objdump")
	all := allTriples()
	var bin []byte
	for _, tr := range all {
		bin = binary.LittleEndian.AppendUint32(bin, tr.word)
	}
	path := filepath.Join(t.TempDir(), "triples.bin")
	if err := os.WriteFile(path, bin, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(objdump, "-D", "-b", "binary", "-m", "aarch64",
		fmt.Sprintf("--adjust-vma=%#x", objdumpBase), path).CombinedOutput()
	if err != nil {
		t.Fatalf("objdump: %v\n%s", err, out)
	}
	got := map[uint64]string{} // address -> text
	lineRx := regexp.MustCompile(`^\s*([0-9a-f]+):\s+[0-9a-f]{8}\s+(.*)$`)
	for _, line := range strings.Split(string(out), "\n") {
		if m := lineRx.FindStringSubmatch(line); m != nil {
			addr, _ := strconv.ParseUint(m[1], 16, 64)
			got[addr] = m[2]
		}
	}
	for i, tr := range all {
		pc := uint64(objdumpBase + 4*i)
		want := tr.asm
		if off, ok := relOffset(want); ok {
			base := pc
			if strings.HasPrefix(want, "adrp") {
				base &^= 0xfff
			}
			want = relRx.ReplaceAllString(want, fmt.Sprintf("0x%x", base+uint64(off)))
		}
		if normalise(got[pc]) != normalise(want) {
			t.Errorf("#%d %08x: objdump says %q, want %q", i, tr.word, got[pc], want)
		}
	}
}

// TestTriplesAs assembles every triple's text with GNU as and checks the expected word, so the
// hex column is not merely copied from our own encoder.
func TestTriplesAs(t *testing.T) {
	as := tool(t, "aarch64-linux-gnu-as")
	objcopy := tool(t, "aarch64-linux-gnu-objcopy")
	all := allTriples()
	var src strings.Builder
	for _, tr := range all {
		fmt.Fprintf(&src, "\t%s\n", tr.asm)
	}
	dir := t.TempDir()
	s, o, b := filepath.Join(dir, "t.s"), filepath.Join(dir, "t.o"), filepath.Join(dir, "t.bin")
	if err := os.WriteFile(s, []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(as, "-o", o, s).CombinedOutput(); err != nil {
		t.Fatalf("as: %v\n%s", err, out)
	}
	if out, err := exec.Command(objcopy, "-O", "binary", "-j", ".text", o, b).CombinedOutput(); err != nil {
		t.Fatalf("objcopy: %v\n%s", err, out)
	}
	bin, err := os.ReadFile(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(bin) != 4*len(all) {
		t.Fatalf("as produced %d bytes for %d instructions", len(bin), len(all))
	}
	for i, tr := range all {
		w := binary.LittleEndian.Uint32(bin[4*i:])
		if strings.HasPrefix(tr.asm, "adrp") {
			continue // as leaves a page relocation in the object file: nothing to compare
		}
		if os.Getenv("ENC_PRINT_AS") != "" {
			fmt.Printf("%d %#08x %s\n", i, w, tr.asm)
		}
		if w != tr.hex {
			t.Errorf("#%d %q: as gives %08x, table says %08x", i, tr.asm, w, tr.hex)
		}
	}
}

// tool returns the path of a binutils program, or skips the test with a message when missing.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed (Debian binutils-aarch64-linux-gnu): skipping", name)
	}
	return p
}
