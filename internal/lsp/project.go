package lsp

// The project of a file: which other files import it. A file that another file of its project
// imports is a library (analysed as `cot test` would compile it: no `main` required); a file
// nobody imports is a program and must declare `main`. References and rename look for uses of a
// declaration in every file that imports its file, directly or not, opened or not.
//
// A file's project is the workspace folder the client named (initialize's workspaceFolders,
// rootUri or rootPath) that holds it; else the nearest directory above it holding cot.json (spec
// §16.8); else it has none, and only the open documents are its project. The .cot files of a
// project are found by walking its directory (hidden directories skipped, at most
// maxProjectEntries entries visited, so an editor started in a home directory stays responsive);
// a file's imports are read from its `import "PATH"` lines, cached by modification time and
// size (open documents: from their text).

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"cot/grammar"
)

const maxProjectEntries = 20000

// importLine matches an import declaration at the start of a line; a match inside a block
// comment or a multi-line string only makes a file look like an importer, which costs an
// analysis, never a wrong answer (analyses decide what a name denotes).
var importLine = regexp.MustCompile(`(?m)^[ \t]*import[ \t]+("(?:[^"\\\n]|\\.)*")`)

// importsOf returns the files text (of file) imports, named as the front end names them.
func importsOf(file, text string) []string {
	var out []string
	for _, m := range importLine.FindAllStringSubmatch(text, -1) {
		path := grammar.Unquote(m[1])
		switch {
		case strings.HasPrefix(path, "std/"):
			out = append(out, path+".cot")
		case path != "":
			out = append(out, filepath.Join(filepath.Dir(file), path))
		}
	}
	return out
}

// cachedImports is a disk file's imports as of its modification time and size.
type cachedImports struct {
	mod     time.Time
	size    int64
	imports []string
}

// projectDir returns the directory of file's project, or "" when it has none.
func (s *Server) projectDir(file string) string {
	if !filepath.IsAbs(file) {
		return ""
	}
	best := ""
	for _, f := range s.folders {
		if (file == f || strings.HasPrefix(file, f+string(filepath.Separator))) && len(f) > len(best) {
			best = f
		}
	}
	if best != "" {
		return best
	}
	for dir := filepath.Dir(file); ; dir = filepath.Dir(dir) {
		if fi, err := os.Stat(filepath.Join(dir, "cot.json")); err == nil && fi.Mode().IsRegular() {
			return dir
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

// projectFiles lists the .cot files of dir's project on the disk, and every open document.
func (s *Server) projectFiles(dir string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for p := range s.docs {
		add(p)
	}
	if dir != "" {
		visited := 0
		filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
			visited++
			switch {
			case visited > maxProjectEntries:
				return filepath.SkipAll
			case err != nil:
				return nil
			case e.IsDir() && path != dir && strings.HasPrefix(e.Name(), "."):
				return filepath.SkipDir
			case e.Type().IsRegular() && strings.HasSuffix(path, ".cot"):
				add(path)
			}
			return nil
		})
	}
	sort.Strings(out)
	return out
}

// fileImports is what file imports: from its open document, else from the disk (cached).
func (s *Server) fileImports(file string) []string {
	if d := s.docs[file]; d != nil {
		return importsOf(file, d.Text)
	}
	fi, err := os.Stat(file)
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	if c, ok := s.importCache[file]; ok && c.mod.Equal(fi.ModTime()) && c.size == fi.Size() {
		return c.imports
	}
	text, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	c := cachedImports{mod: fi.ModTime(), size: fi.Size(), imports: importsOf(file, string(text))}
	s.importCache[file] = c
	return c.imports
}

// importedBy maps each file to the files of dir's project that import it directly, computed once
// per message the server handles (a walk of the project).
func (s *Server) importedBy(dir string) map[string][]string {
	if g, ok := s.graphs[dir]; ok {
		return g
	}
	g := map[string][]string{}
	for _, f := range s.projectFiles(dir) {
		for _, imp := range s.fileImports(f) {
			if imp != f {
				g[imp] = append(g[imp], f)
			}
		}
	}
	s.graphs[dir] = g
	return g
}

// importers returns every file of dir's project that imports file, directly or through other
// files, sorted; file itself is not among them.
func (s *Server) importers(file, dir string) []string {
	importedBy := s.importedBy(dir)
	seen := map[string]bool{file: true}
	var out []string
	for work := []string{file}; len(work) > 0; {
		f := work[len(work)-1]
		work = work[:len(work)-1]
		for _, imp := range importedBy[f] {
			if !seen[imp] {
				seen[imp] = true
				out = append(out, imp)
				work = append(work, imp)
			}
		}
	}
	sort.Strings(out)
	return out
}

// isLibrary reports whether file is analysed as a library: a std module, or a file another
// file of its project imports.
func (s *Server) isLibrary(file string) bool {
	return isStdName(file) || len(s.importedBy(s.projectDir(file))[file]) > 0
}
