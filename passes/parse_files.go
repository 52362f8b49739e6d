package passes

// The file set of a compilation (language.md §2.3): parse reads the root file and, depth-first,
// every file it imports — a file's imports in source order, then the file — each once, identified
// by its canonical path, so import cycles are harmless. "std/NAME" is NAME.cot of the standard
// library embedded in cot (package std); any other path is joined to the importing file's
// directory as written. A missing or unreadable file is a diagnostic at the import.

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"cot/grammar"
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/std"
)

const codeImport = "E0330" // cannot import a file

// sourceFile is one file of the set: its text, its declarations, the diagnostics of their
// conversion, and the files it imports.
type sourceFile struct {
	file      *src.File
	decls     []ast.Decl
	converted *src.Diagnostics // count only once every file has parsed, as if parsed first
	imports   []string         // display names of the files it imports, in source order
}

type fileSet struct {
	diags   *src.Diagnostics
	runtime bool                         // the runtime's files, which may call the runtime's private builtins
	target  string                       // the compilation's target, which @target_os() and its kin name
	safe    bool                         // cot.json's "safe": every file is in safe mode (parse_safe.go)
	read    func(string) ([]byte, error) // nil: the disk
	byKey   map[string]*sourceFile       // canonical identity -> file (set when its loading starts)
	order   []*sourceFile                // depth-first: imports before their importer
}

// loadFiles parses root and everything it imports. It returns the files in parse order; a
// syntax error or an import that cannot be read leaves diagnostics and a nil result.
func loadFiles(ctx *pipeline.Ctx, root *src.File) []*sourceFile {
	runtime, _ := ctx.Store[libraryKey].(bool)
	set := &fileSet{diags: ctx.Diags, runtime: runtime, target: ctx.Target, read: ctx.ReadFile, byKey: map[string]*sourceFile{}}
	set.safe, _ = ctx.Store[SafeModeKey].(bool)
	if _, testing := ctx.Store[TestModeKey]; testing && declaresNothing(root) {
		// Under `cot test` a file without declarations is a file without tests: `ok | 0 passed`
		// (the tool table of decisions.md), where every other command reports it as empty.
		ctx.Diags.AddFile(root)
		return []*sourceFile{{file: root, converted: &src.Diagnostics{}}}
	}
	set.load(root, set.key(root.Name))
	if ctx.Diags.HasErrors() {
		return nil
	}
	return set.order
}

// declaresNothing reports whether f holds only whitespace and comments.
func declaresNothing(f *src.File) bool {
	toks, err := grammar.Tokenize(f.Name, f.Text)
	return err == nil && len(toks) == 1
}

// key identifies a file: its real path on the disk (symbolic links followed), else its clean name.
func (set *fileSet) key(name string) string {
	if strings.HasPrefix(name, "std/") || set.read != nil {
		return filepath.Clean(name)
	}
	if abs, err := filepath.Abs(name); err == nil {
		name = abs
	}
	if real, err := filepath.EvalSymlinks(name); err == nil {
		return real
	}
	return filepath.Clean(name)
}

func (set *fileSet) load(f *src.File, key string) {
	set.diags.AddFile(f)
	sf := &sourceFile{file: f, converted: &src.Diagnostics{}}
	sf.converted.AddFile(f)
	set.byKey[key] = sf
	c := &cstConverter{file: f, inFile: ast.AtOf(src.Pos{File: f.Name, Line: 1, Col: 1}),
		diags: sf.converted, runtime: set.runtime, target: set.target}
	var imports []grammar.ImportDecl
	parseEach := grammar.ParseEach
	if set.safe {
		parseEach = grammar.ParseEachSafe
	}
	err := parseEach(f.Name, f.Text, func(safe bool, d *grammar.Decl) {
		c.safe = safe
		if d.Import != nil {
			imports = append(imports, *d.Import) // d is reused after this call
		}
		if d.Impl != nil {
			sf.decls = append(sf.decls, c.impl(d.Impl)...)
			return
		}
		if d.Fn != nil && d.Fn.Async {
			sf.decls = append(sf.decls, c.asyncFn(d.Fn)...) // parse_async.go
			return
		}
		if decl := c.decl(d); decl != nil {
			sf.decls = append(sf.decls, decl)
		}
	})
	if err != nil {
		var ue *src.UserError
		if !errors.As(err, &ue) {
			panic("parse: grammar.ParseEach returned " + err.Error())
		}
		set.diags.List = append(set.diags.List, ue.Diags.List...)
		return
	}
	for i := range imports {
		im := &imports[i]
		pos, end := importSpan(f, im)
		name, text, err := set.resolve(f.Name, grammar.Unquote(im.Path))
		if err != nil {
			set.diags.Report(src.Diagnostic{Pos: pos, End: end, Code: codeImport, Msg: "cannot import " + im.Path + ": " + err.Error()})
			continue
		}
		sf.imports = append(sf.imports, name)
		k := set.key(name)
		if set.byKey[k] != nil {
			continue // parsed already, or being parsed further up (a cycle)
		}
		set.load(src.NewFile(name, text), k)
	}
	set.order = append(set.order, sf)
}

// importSpan is the span of an import's path literal (the CST keeps only the keyword's position).
func importSpan(f *src.File, im *grammar.ImportDecl) (src.Pos, src.Pos) {
	off := im.Pos.Offset
	if i := bytes.Index(f.Text[off:], []byte(im.Path)); i >= 0 { // no copy of the rest of the file
		return f.PosAt(off + i), f.PosAt(off + i + len(im.Path))
	}
	return f.PosAt(off), src.Pos{}
}

// resolve finds the file an import path names from the file importer and reads it.
func (set *fileSet) resolve(importer, path string) (name string, text []byte, err error) {
	if mod, ok := strings.CutPrefix(path, "std/"); ok {
		text, err := std.Read(mod)
		if err != nil {
			return "", nil, errors.New("the standard library has no module " + mod)
		}
		return "std/" + mod + ".cot", text, nil
	}
	if path == "" {
		return "", nil, errors.New("empty path")
	}
	name = filepath.Join(filepath.Dir(importer), path)
	if set.read != nil {
		text, err = set.read(name)
	} else {
		text, err = readSource(name)
	}
	return name, text, err
}

// readSource reads a source file from the disk: a regular file only (a FIFO or a device would
// block or never end).
func readSource(name string) ([]byte, error) {
	fi, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, errors.New("no file " + name)
	case err != nil:
		return nil, err
	case fi.IsDir():
		return nil, errors.New(name + " is a directory")
	case !fi.Mode().IsRegular():
		return nil, errors.New(name + " is not a regular file")
	}
	return os.ReadFile(name)
}

// modulesOf converts the files of the set in parse order into the declarations of one program
// and, for a program of several files, its module table.
func modulesOf(files []*sourceFile, diags *src.Diagnostics) *ast.Program {
	p := &ast.Program{}
	for _, sf := range files {
		diags.List = append(diags.List, sf.converted.List...)
		p.Decls = append(p.Decls, sf.decls...)
		p.Modules = append(p.Modules, &ast.Module{File: sf.file.Name, Imports: sf.imports, Decls: len(sf.decls)})
	}
	if len(p.Modules) == 1 {
		p.Modules = nil
	}
	return p
}
