package wasm

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The WebAssembly spec suite lives beside the repository clone: <clone>/../shared/wasm-spec.
const specDir = "../../../shared/wasm-spec"

type wastCommand struct {
	Type       string `json:"type"`
	Line       int    `json:"line"`
	Filename   string `json:"filename"`
	Text       string `json:"text"`
	ModuleType string `json:"module_type"`
}

type specModule struct {
	file, path string
	line       int
	kind       string // "valid", "invalid", "malformed"
	binary     bool   // written as (module binary ...) in the .wast, so possibly non-canonical
	text       string // expected message of invalid/malformed modules
}

// specModules converts every .wast of the suite with wast2json (into a temp dir) and returns its
// binary modules. Text-format-only commands (module quote) are counted in quoted.
func specModules(t *testing.T) (mods []specModule, quoted map[string]int) {
	quoted = map[string]int{}
	t.Helper()
	if _, err := os.Stat(specDir); err != nil {
		t.Skipf("spec suite not found at %s (expected beside the repository clone): %v", specDir, err)
	}
	if _, err := exec.LookPath("wast2json"); err != nil {
		t.Skipf("wast2json (wabt) not installed: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(specDir, "*.wast"))
	sort.Strings(files)
	out := t.TempDir()
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".wast")
		dir := filepath.Join(out, base)
		os.Mkdir(dir, 0o755)
		js := filepath.Join(dir, base+".json")
		if msg, err := exec.Command("wast2json", f, "-o", js).CombinedOutput(); err != nil {
			t.Errorf("wast2json %s: %v\n%s", f, err, msg)
			continue
		}
		raw, err := os.ReadFile(js)
		if err != nil {
			t.Fatal(err)
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		var doc struct{ Commands []wastCommand }
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		for _, c := range doc.Commands {
			if c.Filename == "" {
				continue
			}
			var kind string
			switch c.Type {
			case "module", "assert_uninstantiable", "assert_unlinkable", "assert_trap":
				kind = "valid"
			case "assert_invalid":
				kind = "invalid"
			case "assert_malformed":
				kind = "malformed"
			default:
				continue
			}
			if c.ModuleType == "text" {
				quoted[kind]++
				continue
			}
			isBinary := c.Line >= 1 && c.Line <= len(lines) && strings.Contains(lines[c.Line-1], "binary")
			mods = append(mods, specModule{file: base, path: filepath.Join(dir, c.Filename), line: c.Line,
				kind: kind, text: c.Text, binary: isBinary})
		}
	}
	return mods, quoted
}

// TestSpecSuite decodes every binary module of the suite: valid ones must decode (and round-trip
// through Encode), invalid and malformed ones must be rejected.
func TestSpecSuite(t *testing.T) {
	mods, quoted := specModules(t)
	counts := map[string]int{}
	rejected := map[string]int{}
	for _, sm := range mods {
		b, err := os.ReadFile(sm.path)
		if err != nil {
			t.Fatal(err)
		}
		counts[sm.kind]++
		m, err := Decode(b)
		if sm.kind != "valid" {
			if err != nil {
				rejected[sm.kind]++
				if de, ok := err.(*DecodeError); ok && strings.HasPrefix(de.Msg, sm.text) {
					counts["same message"]++
				} else if testing.Verbose() {
					t.Logf("%s.wast:%d: %s: want %q, got %v", sm.file, sm.line, sm.kind, sm.text, err)
				}
			} else {
				t.Errorf("%s.wast:%d: %s module accepted (want %q)", sm.file, sm.line, sm.kind, sm.text)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s.wast:%d: valid module rejected: %v", sm.file, sm.line, err)
			continue
		}
		checkRoundTrip(t, sm, b, m, counts)
	}
	t.Logf("valid modules: %d decoded, %d re-encoded byte-identical, %d non-canonical binaries re-encoded to an equal module",
		counts["valid"], counts["identical"], counts["canonicalised"])
	t.Logf("invalid modules rejected: %d/%d; malformed binary modules rejected: %d/%d; text-only (module quote) modules skipped: %d malformed, %d invalid, %d valid",
		rejected["invalid"], counts["invalid"], rejected["malformed"], counts["malformed"],
		quoted["malformed"], quoted["invalid"], quoted["valid"])
	t.Logf("rejections whose message starts with the suite's expected text: %d/%d",
		counts["same message"], rejected["invalid"]+rejected["malformed"])
}
