package lsp

import (
	"sort"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
	"go.lsp.dev/protocol"

	"cot/grammar"
	"cot/ir/src"
)

// documentSymbol outlines a file from its syntax tree, so every declaration the grammar knows is
// listed, including those the front end does not compile yet (structs, enums, impl blocks). A
// file with a syntax error has no outline.
func (s *Server) documentSymbol(p *protocol.DocumentSymbolParams) ([]protocol.DocumentSymbol, error) {
	d, _, err := s.docAt(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	file, perr := grammar.Parse(d.Path, []byte(d.Text))
	if perr != nil {
		return []protocol.DocumentSymbol{}, nil
	}
	toks, _ := grammar.Tokenize(d.Path, []byte(d.Text))
	o := outliner{d: d, toks: toks}
	out := []protocol.DocumentSymbol{}
	for _, decl := range file.Decls {
		if sym, ok := o.decl(decl); ok {
			out = append(out, sym)
		}
	}
	return out, nil
}

// workspaceSymbol lists the top-level declarations of every open document's program whose name
// contains the query (case-insensitively), from each document's last index.
func (s *Server) workspaceSymbol(p *protocol.WorkspaceSymbolParams) ([]protocol.SymbolInformation, error) {
	out := []protocol.SymbolInformation{}
	seen := map[src.Pos]bool{}
	roots := make([]string, 0, len(s.lastIndex))
	for root := range s.lastIndex {
		roots = append(roots, root)
	}
	sort.Strings(roots)
	query := strings.ToLower(p.Query)
	for _, root := range roots {
		for _, d := range s.lastIndex[root].Decls {
			if !d.TopLevel() || seen[d.Pos] || !strings.Contains(strings.ToLower(d.Name), query) {
				continue
			}
			seen[d.Pos] = true
			out = append(out, protocol.SymbolInformation{Name: d.Name, Kind: lspKinds[d.Kind].symbol, Location: s.location(s.analyses[root], d.Pos, len(d.Name))})
		}
	}
	return out, nil
}

type outliner struct {
	d    *Document
	toks []lexer.Token
}

// symbol makes a symbol spanning [pos, end) whose selection is the first token spelling name.
func (o outliner) symbol(name, detail string, kind protocol.SymbolKind, pos, end lexer.Position, children ...protocol.DocumentSymbol) protocol.DocumentSymbol {
	full := o.d.Range(pos.Offset, end.Offset)
	sel := full
	i := sort.Search(len(o.toks), func(i int) bool { return o.toks[i].Pos.Offset >= pos.Offset })
	for ; i < len(o.toks) && o.toks[i].Pos.Offset < end.Offset; i++ {
		if t := o.toks[i]; t.Value == name && t.Type != grammar.TokKeyword {
			sel = o.d.Range(t.Pos.Offset, t.Pos.Offset+len(t.Value))
			break
		}
	}
	return protocol.DocumentSymbol{Name: name, Detail: detail, Kind: kind, Range: full, SelectionRange: sel, Children: children}
}

func (o outliner) decl(d *grammar.Decl) (protocol.DocumentSymbol, bool) {
	switch {
	case d.Fn != nil:
		return o.fn(d.Fn, protocol.SymbolKindFunction), true
	case d.Extern != nil:
		e := d.Extern
		return o.symbol(e.Name, "extern "+fnDetail(e.Params, e.Ret), protocol.SymbolKindFunction, e.Pos, e.EndPos), true
	case d.Var != nil:
		v := d.Var
		kind := protocol.SymbolKindVariable
		if v.Kind == "const" {
			kind = protocol.SymbolKindConstant
		}
		return o.symbol(v.Name, grammar.TypeString(v.Type), kind, v.Pos, v.EndPos), true
	case d.Struct != nil:
		st := d.Struct
		var fields []protocol.DocumentSymbol
		for _, f := range st.Fields {
			fields = append(fields, o.symbol(f.Name, grammar.TypeString(f.Type), protocol.SymbolKindField, f.Pos, f.EndPos))
		}
		return o.symbol(st.Name, "struct", protocol.SymbolKindStruct, st.Pos, st.EndPos, fields...), true
	case d.Enum != nil:
		en := d.Enum
		var vs []protocol.DocumentSymbol
		for _, v := range en.Variants {
			vs = append(vs, o.symbol(v.Name, "", protocol.SymbolKindEnumMember, v.Pos, v.EndPos))
		}
		return o.symbol(en.Name, "enum", protocol.SymbolKindEnum, en.Pos, en.EndPos, vs...), true
	case d.Union != nil:
		un := d.Union
		var vs []protocol.DocumentSymbol
		for _, v := range un.Variants {
			vs = append(vs, o.symbol(v.Name, grammar.TypeString(v.Payload), protocol.SymbolKindEnumMember, v.Pos, v.EndPos))
		}
		return o.symbol(un.Name, "union", protocol.SymbolKindEnum, un.Pos, un.EndPos, vs...), true
	case d.Alias != nil:
		return o.symbol(d.Alias.Name, "= "+grammar.TypeString(d.Alias.Type), protocol.SymbolKindTypeParameter, d.Alias.Pos, d.Alias.EndPos), true
	case d.Impl != nil:
		im := d.Impl
		var ms []protocol.DocumentSymbol
		for _, m := range im.Methods {
			ms = append(ms, o.fn(m, protocol.SymbolKindMethod))
		}
		name := "impl " + im.Target
		if im.Trait != "" {
			name = "impl " + im.Trait + " for " + im.Target
		}
		sym := o.symbol(im.Target, "", protocol.SymbolKindNamespace, im.Pos, im.EndPos, ms...)
		sym.Name = name
		return sym, true
	case d.Trait != nil:
		tr := d.Trait
		var ms []protocol.DocumentSymbol
		for _, m := range tr.Methods {
			ms = append(ms, o.symbol(m.Name, fnDetail(m.Params, m.Ret), protocol.SymbolKindMethod, m.Pos, m.EndPos))
		}
		return o.symbol(tr.Name, "trait", protocol.SymbolKindInterface, tr.Pos, tr.EndPos, ms...), true
	case d.Test != nil:
		t := d.Test
		sym := o.symbol(t.Name, t.Kind, protocol.SymbolKindEvent, t.Pos, t.EndPos)
		sym.Name = t.Kind + " " + t.Name
		return sym, true
	case d.Import != nil:
		return o.symbol(d.Import.Path, "import", protocol.SymbolKindModule, d.Import.Pos, d.Import.EndPos), true
	}
	return protocol.DocumentSymbol{}, false
}

func (o outliner) fn(f *grammar.FnDecl, kind protocol.SymbolKind) protocol.DocumentSymbol {
	return o.symbol(f.Name, fnDetail(f.Params, f.Ret), kind, f.Pos, f.EndPos)
}

// fnDetail renders a parameter list and result type: `(a: i64, b: i64) i64`.
func fnDetail(params []*grammar.Param, ret *grammar.Type) string {
	s := "("
	for i, p := range params {
		if i > 0 {
			s += ", "
		}
		s += p.Name + ": " + grammar.TypeString(p.Type)
	}
	s += ")"
	if ret != nil {
		s += " " + grammar.TypeString(ret)
	}
	return s
}
