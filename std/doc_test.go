package std

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/std from the module sources")

// TestDocs: docs/std holds exactly the generated page of every module and the index, up to date
// (`go test ./std -run TestDocs -update` writes them).
func TestDocs(t *testing.T) {
	const dir = "../docs/std"
	want := map[string]string{}
	for _, m := range Modules() {
		page, err := Doc(m)
		if err != nil {
			t.Fatal(err)
		}
		want[m+".md"] = page
	}
	index, err := Index()
	if err != nil {
		t.Fatal(err)
	}
	want["README.md"] = index
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, text := range want {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	have, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, path := range have {
		if _, ok := want[filepath.Base(path)]; !ok {
			t.Errorf("%s documents no module (remove it)", path)
		}
	}
	for name, text := range want {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != text {
			t.Errorf("docs/std/%s is not up to date: run go test ./std -run TestDocs -update", name)
		}
	}
}

// TestDocLists: a page names every function of its module, the methods of impl blocks too.
func TestDocLists(t *testing.T) {
	page, err := Doc("list")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# std/list\n", "## `struct List(T) { items: i64, count: i64, capacity: i64 }`",
		"## `impl List(T)`", "### `fn append(self: List(T), v: T) void`\n\n", "### `fn len(self: List(T)) i64`",
		"Imports:"} {
		if want == "Imports:" {
			if strings.Contains(page, want) {
				t.Errorf("std/list imports nothing, its page says:\n%s", page)
			}
			continue
		}
		if !strings.Contains(page, want) {
			t.Errorf("the page of std/list lacks %q:\n%s", want, page)
		}
	}
	if _, err := Doc("nosuch"); err == nil {
		t.Error("Doc of a module that does not exist did not fail")
	}
}

func TestBraceDelta(t *testing.T) {
	for line, want := range map[string]int{
		"fn f() { return 1 }": 0, "impl X {": 1, "}": -1, `x = "{" + '}'`: 0,
		`s = "\"{"`: 0, "a { // }": 1, "c = '\\''": 0,
	} {
		if got := braceDelta(line); got != want {
			t.Errorf("braceDelta(%q) = %d, want %d", line, got, want)
		}
	}
}
