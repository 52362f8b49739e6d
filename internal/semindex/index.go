// Package semindex records, for a resolved and typed program, every identifier occurrence with the
// declaration it denotes, and every declaration with its kind, position and type: what an editor
// needs for hover, go to definition, references, rename and signature help.
//
// Input: the ast program after check-types (names carry their binder's ID, expressions their
// type) and the source files it came from. Output: plain data (names, positions, rendered types),
// so the language server depends on this package's types only, never on ir/ast or ir/types:
// when the front end's trees change, this package is the one place to port.
//
// A declaration's position is its name's: the front end positions a `fn` or `var` node at its
// keyword, so Build finds the name token that follows it in the file's tokens.
package semindex

import (
	"sort"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"cot/grammar"
	"cot/ir/src"
)

// Kind says what a declaration declares.
type Kind string

const (
	Function     Kind = "function"
	Parameter    Kind = "parameter"
	Variable     Kind = "variable"
	Constant     Kind = "constant"
	Global       Kind = "global variable"
	GlobalConst  Kind = "global constant"
	LoopVariable Kind = "loop variable"
)

// Decl is one declaration (a binder).
type Decl struct {
	Name string
	Kind Kind
	Pos  src.Pos // of the name
	// Node is the position of the declaring node (its `fn`/`var` keyword), where diagnostics
	// about the declaration point.
	Node src.Pos
	Type string // rendered in Cot syntax; the result type for a function
	// Params are a function's parameters, in order.
	Params []Param
	// Members are the fields of Type when it is a struct, for completion after `.`.
	Members []Member
}

// TopLevel reports whether d is a top-level declaration (visible in the whole program).
func (d *Decl) TopLevel() bool {
	return d.Kind == Function || d.Kind == Global || d.Kind == GlobalConst
}

// Param is one parameter of a function declaration.
type Param struct{ Name, Type string }

// Member is one field of a struct type, or a method callable on a value of it (Type is then
// the method's header without self).
type Member struct {
	Name, Type string
	Method     bool
}

// Signature renders a function declaration as its header (`fn add(a: i64, b: i64) i64`), any
// other declaration as `kind name: type`.
func (d *Decl) Signature() string {
	if d.Kind != Function {
		return string(d.Kind) + " " + d.Name + ": " + d.Type
	}
	parts := make([]string, len(d.Params))
	for i, p := range d.Params {
		parts[i] = p.Name + ": " + p.Type
	}
	return "fn " + d.Name + "(" + strings.Join(parts, ", ") + ") " + d.Type
}

// Use is one occurrence of a name: the declaration's own name or a reference to it.
type Use struct {
	Pos  src.Pos
	Len  int // bytes
	Decl *Decl
}

// Typed is the type of the expression whose first token (a literal, or the operator of an
// operation) is at Pos: the type after check-types' implicit conversions.
type Typed struct {
	Pos  src.Pos
	Len  int // of that token
	Type string
}

// Index is the semantic index of one program.
type Index struct {
	Decls []*Decl
	Uses  []Use   // sorted by file and offset
	Exprs []Typed // sorted by file and offset
}

// ExprAt returns the typed expression whose token covers byte offset off of file.
func (ix *Index) ExprAt(file string, off int) (Typed, bool) {
	i := sort.Search(len(ix.Exprs), func(i int) bool {
		e := ix.Exprs[i]
		return e.Pos.File > file || e.Pos.File == file && e.Pos.Offset+e.Len > off
	})
	if i < len(ix.Exprs) && ix.Exprs[i].Pos.File == file && ix.Exprs[i].Pos.Offset <= off {
		return ix.Exprs[i], true
	}
	return Typed{}, false
}

// At returns the use that covers byte offset off of file (the cursor may be just past its end).
func (ix *Index) At(file string, off int) (Use, bool) {
	i := sort.Search(len(ix.Uses), func(i int) bool {
		u := ix.Uses[i]
		return u.Pos.File > file || u.Pos.File == file && u.Pos.Offset+u.Len >= off
	})
	if i < len(ix.Uses) && ix.Uses[i].Pos.File == file && ix.Uses[i].Pos.Offset <= off {
		return ix.Uses[i], true
	}
	return Use{}, false
}

// UsesOf returns every occurrence of d, its declaration included, in file and offset order.
func (ix *Index) UsesOf(d *Decl) []Use {
	var out []Use
	for _, u := range ix.Uses {
		if u.Decl == d {
			out = append(out, u)
		}
	}
	return out
}

// DeclaredAt returns the declaration whose node is at byte offset off of file.
func (ix *Index) DeclaredAt(file string, off int) (*Decl, bool) {
	for _, d := range ix.Decls {
		if d.Node.File == file && d.Node.Offset == off {
			return d, true
		}
	}
	return nil, false
}

// Lookup returns the declarations named name; top-level ones (functions and globals) first.
func (ix *Index) Lookup(name string) []*Decl {
	var top, local []*Decl
	for _, d := range ix.Decls {
		switch {
		case d.Name != name:
		case d.TopLevel():
			top = append(top, d)
		default:
			local = append(local, d)
		}
	}
	return append(top, local...)
}

// builder collects uses; names finds declaration names in the token streams of the files.
type builder struct {
	ix    *Index
	decls map[int]*Decl // by binder ID
	typed map[src.Pos]bool
	used  map[src.Pos]bool // positions with a use recorded
	toks  map[string][]lexer.Token
	files map[string]*src.File
	at    map[src.Pos]*Decl // by the position of its name
}

func newBuilder(files map[string]*src.File) *builder {
	b := &builder{ix: &Index{}, decls: map[int]*Decl{}, typed: map[src.Pos]bool{}, used: map[src.Pos]bool{}, toks: map[string][]lexer.Token{}, files: files, at: map[src.Pos]*Decl{}}
	for name, f := range files {
		toks, _ := grammar.Tokenize(name, f.Text) // a file that does not lex has no program
		b.toks[name] = toks
	}
	return b
}

// nameAfter finds the identifier token name at or after pos; after, when set, is a keyword that
// must come first (`for` of a loop whose label may spell the same name).
func (b *builder) nameAfter(pos src.Pos, name, after string) (src.Pos, bool) {
	toks := b.toks[pos.File]
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Pos.Offset >= pos.Offset })
	for ; i < len(toks); i++ {
		t := toks[i]
		if after != "" {
			if t.Type == grammar.TokKeyword && t.Value == after {
				after = ""
			}
			continue
		}
		if t.Type == grammar.TokIdent && t.Value == name {
			return b.files[pos.File].PosAt(t.Pos.Offset), true
		}
	}
	return src.Pos{}, false
}

// written reports whether a variable binder at pos named name is one the user wrote: at its
// `var`/`const`/`let` keyword, or at its name (a capture `|name|`). The front end also makes
// temporaries at other places — a struct literal's field values evaluated in written order are
// constants named like their fields, at the field (`.y = e` or `y: e`) — which are not
// declarations an editor shows.
func (b *builder) written(pos src.Pos, name string) bool {
	toks := b.toks[pos.File]
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Pos.Offset >= pos.Offset })
	if i == len(toks) || toks[i].Pos.Offset != pos.Offset {
		return false
	}
	switch t := toks[i]; {
	case t.Type == grammar.TokKeyword:
		return t.Value == "var" || t.Value == "const" || t.Value == "let"
	case t.Type == grammar.TokIdent && t.Value == name:
		return i+1 == len(toks) || toks[i+1].Value != ":"
	}
	return false
}

// declare records binder id, named at the name token found from pos.
func (b *builder) declare(id int, d *Decl, pos src.Pos, after string) {
	if id == 0 {
		return
	}
	p, ok := b.nameAfter(pos, d.Name, after)
	if !ok {
		return
	}
	if prev := b.at[p]; prev != nil && prev.Name == d.Name {
		b.decls[id] = prev // the instances of one generic (check-types) share its declaration
		return
	}
	b.at[p] = d
	d.Pos, d.Node = p, pos
	b.decls[id] = d
	b.ix.Decls = append(b.ix.Decls, d)
	b.ix.Uses = append(b.ix.Uses, Use{Pos: p, Len: len(d.Name), Decl: d})
}

// use records a reference at pos (the identifier's first byte) to binder id.
func (b *builder) use(id int, name string, pos src.Pos) {
	d := b.decls[id]
	if d == nil || !pos.IsValid() {
		return
	}
	f := b.files[pos.File]
	spelled := func(name string) bool {
		return f != nil && pos.Offset+len(name) <= len(f.Text) && string(f.Text[pos.Offset:pos.Offset+len(name)]) == name
	}
	if f != nil && pos.Offset+1 < len(f.Text) && f.Text[pos.Offset] == '.' && d.Name != name {
		pos = f.PosAt(pos.Offset + 1) // check-types positions an impl method's callee at its `.`
	}
	if !spelled(name) && d.Name != name && spelled(d.Name) {
		name = d.Name // a method call `x.m()` of the function T_m declared as `fn m` (methods.go)
	}
	if !spelled(name) {
		return // a node the front end made up (a lowering), not a name the user wrote
	}
	if b.used[pos] {
		return // a copy the front end made of a written expression (a field default per literal)
	}
	b.used[pos] = true
	b.ix.Uses = append(b.ix.Uses, Use{Pos: pos, Len: len(name), Decl: d})
}

// expr records the type of the expression at pos when the token there fits it (fits rejects
// the placeholders the front end puts where it reports an unsupported construct); the first
// (outermost) one recorded at a position wins, so an implicit conversion's result type hides its
// operand's.
func (b *builder) expr(pos src.Pos, typ string, fits func(lexer.Token) bool) {
	toks := b.toks[pos.File]
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Pos.Offset >= pos.Offset })
	if b.typed[pos] || !pos.IsValid() || i == len(toks) || toks[i].Pos.Offset != pos.Offset || !fits(toks[i]) {
		return
	}
	b.typed[pos] = true
	b.ix.Exprs = append(b.ix.Exprs, Typed{Pos: pos, Len: len(toks[i].Value), Type: typ})
}

func (b *builder) finish() *Index {
	sort.SliceStable(b.ix.Exprs, func(i, j int) bool { return before(b.ix.Exprs[i].Pos, b.ix.Exprs[j].Pos) })
	sort.SliceStable(b.ix.Uses, func(i, j int) bool { return before(b.ix.Uses[i].Pos, b.ix.Uses[j].Pos) })
	return b.ix
}

// before orders positions by file, then offset.
func before(a, c src.Pos) bool {
	if a.File != c.File {
		return a.File < c.File
	}
	return a.Offset < c.Offset
}
