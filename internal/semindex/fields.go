package semindex

import (
	"sort"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"cot/grammar"
	"cot/ir/ast"
	"cot/ir/src"
	"cot/ir/types"
)

// Field is the kind of a struct field's declaration.
const Field Kind = "field"

// fields indexes the struct fields: each field of a struct declaration is a declaration, and
// every `x.f` and `T { .f = … }` that names it a use, so hover, definition, references and
// rename work on fields as on variables. A field has no binder ID: it is known by its struct's
// name and its own (one global namespace, language.md §2.2; the instances of a generic struct
// share their generic's fields).
func (b *builder) fields(prog *ast.Program) {
	decls := map[string]*Decl{} // "Struct.field"
	names := make([]string, 0, len(b.toks))
	for name := range b.toks {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, file := range names {
		b.structFields(file, decls)
	}
	if len(decls) == 0 {
		return
	}
	for _, d := range prog.Decls {
		ast.Inspect(d, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Field:
				if fd := decls[structName(n.X.Type())+"."+n.Name]; fd != nil {
					if p, ok := b.nameNear(n.Pos(), n.Name, +1); ok {
						b.fieldUse(fd, p)
					}
				}
			case *ast.StructLit:
				for i, name := range n.Names {
					if fd := decls[structName(n.Type())+"."+name]; fd != nil && i < len(n.Values) && n.Values[i] != nil {
						if p, ok := b.labelBefore(leftmost(n.Values[i]), name); ok {
							b.fieldUse(fd, p)
						} else if p, ok := b.shorthand(n.Values[i].Pos(), name); ok {
							// `Point { x, y }` (safe mode): the name is the variable's use and
							// the field's; At answers the variable (recorded first), rename of the
							// field writes `new: x` there.
							b.ix.Uses = append(b.ix.Uses, Use{Pos: p, Len: len(name), Decl: fd})
						}
					}
				}
			}
			return true
		})
	}
}

func (b *builder) fieldUse(fd *Decl, p src.Pos) {
	if b.used[p] || b.at[p] != nil {
		return
	}
	b.used[p] = true
	b.ix.Uses = append(b.ix.Uses, Use{Pos: p, Len: len(fd.Name), Decl: fd})
}

// structName is the name of the struct t is, or points to (an instance: its generic's name).
func structName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem
	}
	if n, ok := t.(*types.Named); ok {
		return n.Name
	}
	return ""
}

// nameNear finds the identifier name among the three tokens before pos (dir -1: the field name
// before `: T`, `= v` or `: v`) or at and after it (dir +1: the name after `.`).
func (b *builder) nameNear(pos src.Pos, name string, dir int) (src.Pos, bool) {
	toks := b.toks[pos.File]
	f := b.files[pos.File]
	if f == nil || !pos.IsValid() {
		return pos, false
	}
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Pos.Offset >= pos.Offset })
	if dir < 0 {
		i--
	}
	for n := 0; n < 3 && i >= 0 && i < len(toks); n, i = n+1, i+dir {
		if toks[i].Value == name {
			return f.PosAt(toks[i].Pos.Offset), true
		}
	}
	return pos, false
}

// structFields declares the fields of every `struct NAME … { f: T, … }` of file, read from its
// tokens (check-types keeps the struct types, not their declarations): a field is an
// identifier followed by `:` right after the `{` or a `,` of the body; its type is the text up
// to the next `,` or `=` (a default) or the closing `}`.
func (b *builder) structFields(file string, decls map[string]*Decl) {
	toks, f := b.toks[file], b.files[file]
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Value != "struct" || toks[i].Type != grammar.TokKeyword || toks[i+1].Type != grammar.TokIdent {
			continue
		}
		structName := toks[i+1].Value
		j := i + 2
		for j < len(toks) && toks[j].Value != "{" && toks[j].Value != "}" {
			j++
		}
		depth := 0
		for ; j < len(toks); j++ {
			switch v := toks[j].Value; {
			case v == "{" || v == "(" || v == "[":
				depth++
			case v == "}" || v == ")" || v == "]":
				depth--
			}
			if depth == 0 {
				break
			}
			if depth != 1 || toks[j].Value != "{" && toks[j].Value != "," || j+2 >= len(toks) ||
				toks[j+1].Type != grammar.TokIdent || toks[j+2].Value != ":" {
				continue
			}
			name := toks[j+1].Value
			p := f.PosAt(toks[j+1].Pos.Offset)
			if b.at[p] != nil || decls[structName+"."+name] != nil {
				continue
			}
			fd := &Decl{Name: name, Kind: Field, Pos: p, Node: p, Type: typeText(toks[j+3:])}
			b.at[p] = fd
			decls[structName+"."+name] = fd
			b.ix.Decls = append(b.ix.Decls, fd)
			b.ix.Uses = append(b.ix.Uses, Use{Pos: p, Len: len(name), Decl: fd})
		}
	}
}

// typeText is the text of the type expression that toks start with, up to the `,`, `=` or
// closing bracket that ends it.
func typeText(toks []lexer.Token) string {
	var sb strings.Builder
	depth := 0
	for _, t := range toks {
		switch t.Value {
		case "(", "[":
			depth++
		case ")", "]":
			if depth == 0 {
				return sb.String()
			}
			depth--
		case "}", "=":
			return sb.String()
		case ",":
			if depth == 0 {
				return sb.String()
			}
			sb.WriteString(", ")
			continue
		}
		sb.WriteString(t.Value)
	}
	return sb.String()
}

// leftmost is where the expression e starts: a node is positioned at its operator (`a + b` at
// `+`), so the least position among its nodes on its line.
func leftmost(e ast.Expr) src.Pos {
	pos := e.Pos()
	ast.Inspect(e, func(n ast.Node) bool {
		// On e's line only: a literal holds copies of its struct's field defaults, positioned
		// in the struct's declaration.
		if p := n.Pos(); p.IsValid() && p.File == pos.File && p.Line == pos.Line && p.Offset < pos.Offset {
			pos = p
		}
		return true
	})
	return pos
}

// labelBefore finds the field label of the literal value starting at pos: going back over
// the value's own tokens (a type written before a `{`, as in `Box(i64) { … }`), the name
// followed by `=` (`.f = v`) or `:` (`f: v`), not beyond the `,` or `{` before it.
func (b *builder) labelBefore(pos src.Pos, name string) (src.Pos, bool) {
	toks, f := b.toks[pos.File], b.files[pos.File]
	if f == nil || !pos.IsValid() {
		return pos, false
	}
	depth := 0
	for i := sort.Search(len(toks), func(i int) bool { return toks[i].Pos.Offset >= pos.Offset }) - 1; i >= 0; i-- {
		switch v := toks[i].Value; {
		case v == ")" || v == "]" || v == "}":
			depth++
		case v == "(" || v == "[" || v == "{":
			if depth == 0 {
				return pos, false
			}
			depth--
		case depth == 0 && v == ",":
			return pos, false
		case depth == 0 && v == name && i+1 < len(toks) && (toks[i+1].Value == "=" || toks[i+1].Value == ":"):
			return f.PosAt(toks[i].Pos.Offset), true
		}
	}
	return pos, false
}

// shorthand reports whether the value at pos is the field shorthand `name` of a colon literal:
// the identifier name followed by `,` or `}`, after `{` or `,`.
func (b *builder) shorthand(pos src.Pos, name string) (src.Pos, bool) {
	toks, f := b.toks[pos.File], b.files[pos.File]
	if f == nil || !pos.IsValid() {
		return pos, false
	}
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Pos.Offset >= pos.Offset })
	if i == 0 || i+1 >= len(toks) || toks[i].Pos.Offset != pos.Offset || toks[i].Value != name ||
		toks[i+1].Value != "," && toks[i+1].Value != "}" || toks[i-1].Value != "," && toks[i-1].Value != "{" {
		return pos, false
	}
	return f.PosAt(toks[i].Pos.Offset), true
}
