// Command goescape makes the escape attempts of escape.c from a Go program built with
// GOOS=wasip1 (golden/sandbox_test.go builds it), through Go's own path handling: Go joins
// every path to its working directory and cleans it lexically, so "../x" from "/" is "/x".
// Each line is "NAME: ok ..." or "NAME: error" (the error text differs between runtimes).
package main

import (
	"fmt"
	"os"
	"strings"
)

func report(name string, err error) {
	if err != nil {
		fmt.Printf("%s: error\n", name)
		return
	}
	fmt.Printf("%s: ok\n", name)
}

func read(name, path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		report(name, err)
		return
	}
	fmt.Printf("%s: ok %s\n", name, strings.TrimSpace(string(b)))
}

func list(name, path string) {
	entries, err := os.ReadDir(path)
	if err != nil {
		report(name, err)
		return
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	fmt.Printf("%s: ok %s\n", name, strings.Join(names, " "))
}

func main() {
	fmt.Println("== escapes")
	read("read ../secret.txt", "../secret.txt")
	read("read link_out", "link_out")
	read("read link_etc/passwd", "link_etc/passwd")
	read("read link_abs", "link_abs")
	read("read link_up", "link_up")
	read("read /etc/passwd", "/etc/passwd")
	list("list link_etc", "link_etc")
	report("remove ../victim", os.Remove("../victim"))
	report("write link_out", os.WriteFile("link_out", []byte("pwned"), 0o644))
	report("symlink /etc/passwd sym_abs", os.Symlink("/etc/passwd", "sym_abs"))
	fmt.Println("== inside")
	read("read inside.txt", "inside.txt")
	read("read sub/../inside.txt", "sub/../inside.txt")
	read("read link_in", "link_in")
	read("read link_sub/deep.txt", "link_sub/deep.txt")
	list("list .", ".")
	list("list link_sub", "link_sub")
	report("mkdir newdir", os.Mkdir("newdir", 0o755))
	report("write newdir/f.txt", os.WriteFile("newdir/f.txt", []byte("new file\n"), 0o644))
	report("rename newdir/f.txt sub/g.txt", os.Rename("newdir/f.txt", "sub/g.txt"))
	read("read sub/g.txt", "sub/g.txt")
	report("symlink ../sub/g.txt newdir/s", os.Symlink("../sub/g.txt", "newdir/s"))
	read("read newdir/s", "newdir/s")
	report("remove all newdir", os.RemoveAll("newdir"))
	report("remove sub/g.txt", os.Remove("sub/g.txt"))
	if wd, err := os.Getwd(); err == nil {
		fmt.Printf("getwd: %s\n", wd)
	}
	fmt.Printf("environ: %d\n", len(os.Environ()))
}
