// Package std embeds the standard library: the Cot modules a program imports as "std/NAME"
// (language.md §2.3), compiled into cot so a program means the same wherever it is built.
//
// To add a module, put NAME.cot in this directory; `import "std/NAME"` finds it.
package std

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed *.cot
var files embed.FS

// Read returns the text of module NAME (the part of the import path after "std/").
func Read(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, fs.ErrNotExist
	}
	return files.ReadFile(name + ".cot")
}

// Modules lists the names of the modules, sorted.
func Modules() []string {
	entries, err := files.ReadDir(".")
	if err != nil {
		panic(err) // the embedded directory always reads
	}
	var names []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".cot"); ok {
			names = append(names, name)
		}
	}
	return names
}
