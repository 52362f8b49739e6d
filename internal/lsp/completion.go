package lsp

import (
	"sort"
	"strings"

	"go.lsp.dev/protocol"

	"cot/grammar"
	"cot/internal/semindex"
)

// completion offers, by what precedes the word under the cursor:
//
//	@      every builtin (grammar.Builtins), with its signature and meaning
//	x.     the members (struct fields) of x's type
//	else   the top-level declarations, the locals declared earlier in the enclosing function, the
//	       keywords and the type keywords
//
// Names come from the last index of the document, kept through syntax errors: while the user
// types `x.` the file does not parse, but x is known from the last time it did.
func (s *Server) completion(p *protocol.CompletionParams) (*protocol.CompletionList, error) {
	d, _, err := s.docAt(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	off := d.Offset(p.Position)
	start := off
	for start > 0 && isIdentByte(d.Text[start-1]) {
		start--
	}
	list := &protocol.CompletionList{Items: []protocol.CompletionItem{}}
	ix := s.lastIndex[d.Path]
	switch {
	case start > 0 && d.Text[start-1] == '@':
		for _, name := range sortedBuiltins() {
			list.Items = append(list.Items, protocol.CompletionItem{Label: name, Kind: protocol.CompletionItemKindFunction,
				Detail: builtinSignature(name), Documentation: builtinDocs[name].doc})
		}
	case start > 0 && d.Text[start-1] == '.':
		recv, recvStart := d.identAt(start - 1)
		if ix == nil || recv == "" || recvStart > 0 && d.Text[recvStart-1] == '.' {
			break // no index yet, or a member of a member (`a.b.`): one level only
		}
		if decl := visibleDecl(ix, d.Path, recv, recvStart); decl != nil {
			for _, m := range decl.Members {
				kind := protocol.CompletionItemKindField
				if m.Method {
					kind = protocol.CompletionItemKindMethod
				}
				list.Items = append(list.Items, protocol.CompletionItem{Label: m.Name, Kind: kind, Detail: m.Type})
			}
		}
	default:
		list.Items = append(list.Items, s.names(d, ix, start)...)
		for _, k := range keywords() {
			list.Items = append(list.Items, protocol.CompletionItem{Label: k, Kind: protocol.CompletionItemKindKeyword})
		}
	}
	return list, nil
}

// visible reports whether decl is visible at off of file, approximately (the index of a file
// being edited has no scopes): a top-level declaration always, a local when it is declared
// before off since the start of the function around off.
func visible(ix *semindex.Index, decl *semindex.Decl, file string, off int) bool {
	if decl.TopLevel() {
		return true
	}
	fnStart := -1
	for _, f := range ix.Decls {
		if f.Kind == semindex.Function && f.Pos.File == file && f.Pos.Offset < off && f.Pos.Offset > fnStart {
			fnStart = f.Pos.Offset
		}
	}
	return decl.Pos.File == file && decl.Pos.Offset > fnStart && decl.Pos.Offset < off
}

// visibleDecl is the declaration name denotes at off: the latest visible local, else the
// top-level one.
func visibleDecl(ix *semindex.Index, file, name string, off int) *semindex.Decl {
	var top, local *semindex.Decl
	for _, decl := range ix.Lookup(name) {
		switch {
		case !visible(ix, decl, file, off):
		case decl.TopLevel():
			top = decl
		case local == nil || decl.Pos.Offset > local.Pos.Offset:
			local = decl
		}
	}
	if local != nil {
		return local
	}
	return top
}

// names are the declarations visible at off (see visible), each name once.
func (s *Server) names(d *Document, ix *semindex.Index, off int) []protocol.CompletionItem {
	if ix == nil {
		return nil
	}
	seen := map[string]bool{}
	var items []protocol.CompletionItem
	for _, decl := range ix.Decls {
		if seen[decl.Name] || !visible(ix, decl, d.Path, off) {
			continue
		}
		seen[decl.Name] = true
		items = append(items, protocol.CompletionItem{Label: decl.Name, Kind: lspKinds[decl.Kind].item, Detail: decl.Signature()})
	}
	return items
}

// lspKinds is how each kind of declaration shows in completion lists and symbol lists.
var lspKinds = map[semindex.Kind]struct {
	item   protocol.CompletionItemKind
	symbol protocol.SymbolKind
}{
	semindex.Function:     {protocol.CompletionItemKindFunction, protocol.SymbolKindFunction},
	semindex.Parameter:    {protocol.CompletionItemKindVariable, protocol.SymbolKindVariable},
	semindex.Variable:     {protocol.CompletionItemKindVariable, protocol.SymbolKindVariable},
	semindex.Constant:     {protocol.CompletionItemKindConstant, protocol.SymbolKindConstant},
	semindex.Global:       {protocol.CompletionItemKindVariable, protocol.SymbolKindVariable},
	semindex.GlobalConst:  {protocol.CompletionItemKindConstant, protocol.SymbolKindConstant},
	semindex.LoopVariable: {protocol.CompletionItemKindVariable, protocol.SymbolKindVariable},
}

func sortedBuiltins() []string {
	names := make([]string, 0, len(grammar.Builtins))
	for n := range grammar.Builtins {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// keywords lists the keywords and type keywords (language.md §1.3), as the lexer classifies them.
func keywords() []string {
	var out []string
	for _, w := range strings.Fields(`fn var let const struct impl trait where enum union type import extern
		test bench if else switch while for in return break continue defer errdefer try catch error true
		false null new undefined comptime async await and or not int float bool string byte void i8 i16
		i32 i64 u8 u16 u32 u64 f32 f64`) {
		if toks, err := grammar.Tokenize("kw", []byte(w)); err == nil && len(toks) > 0 && toks[0].Type != grammar.TokIdent {
			out = append(out, w)
		}
	}
	return out
}

// signatureHelp finds the call around the cursor, the innermost `(` the text before the cursor
// leaves open (the file need not parse), names its callee, and shows its signature with the
// argument under the cursor active. Functions come from the document's last index, builtins from the grammar.
func (s *Server) signatureHelp(p *protocol.SignatureHelpParams) (*protocol.SignatureHelp, error) {
	d, _, err := s.docAt(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	open, arg, ok := enclosingCall(d.Text[:d.Offset(p.Position)])
	if !ok {
		return nil, nil
	}
	end := open
	for end > 0 && (d.Text[end-1] == ' ' || d.Text[end-1] == '\t') {
		end--
	}
	name, start := d.identAt(end)
	if name == "" || start+len(name) != end {
		return nil, nil
	}
	var sig protocol.SignatureInformation
	if start > 0 && d.Text[start-1] == '@' {
		b, ok := builtinDocs[name]
		if !ok {
			return nil, nil
		}
		sig.Label, sig.Documentation = builtinSignature(name), b.doc
		for _, prm := range b.params {
			sig.Parameters = append(sig.Parameters, protocol.ParameterInformation{Label: prm})
		}
	} else {
		ix := s.lastIndex[d.Path]
		if ix == nil {
			return nil, nil
		}
		var fn *semindex.Decl
		for _, decl := range ix.Lookup(name) {
			if decl.Kind == semindex.Function {
				fn = decl
				break
			}
		}
		if fn == nil {
			return nil, nil
		}
		sig.Label = fn.Signature()
		for _, prm := range fn.Params {
			sig.Parameters = append(sig.Parameters, protocol.ParameterInformation{Label: prm.Name + ": " + prm.Type})
		}
	}
	return &protocol.SignatureHelp{Signatures: []protocol.SignatureInformation{sig}, ActiveParameter: uint32(arg)}, nil
}

// enclosingCall finds the innermost `(` not closed before the end of text and counts the
// commas directly inside it, from the tokens of text, so brackets and commas in strings and
// comments do not count. When text does not lex (the cursor is inside a string literal or a
// block comment), it falls back to enclosingCallText.
func enclosingCall(text string) (open, commas int, ok bool) {
	toks, err := grammar.Tokenize("call", []byte(text))
	if err != nil {
		return enclosingCallText(text)
	}
	type frame struct {
		off, commas int
		paren       bool
	}
	var stack []frame
	for _, t := range toks {
		switch {
		case isCloser(t):
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if t.Type == grammar.TokStrMid {
				stack = append(stack, frame{off: t.Pos.Offset})
			}
		case isOpener(t):
			stack = append(stack, frame{off: t.Pos.Offset, paren: t.Value == "("})
		case t.Type == grammar.TokPunct && t.Value == "," && len(stack) > 0:
			stack[len(stack)-1].commas++
		}
	}
	if len(stack) == 0 || !stack[len(stack)-1].paren {
		return 0, 0, false
	}
	top := stack[len(stack)-1]
	return top.off, top.commas, true
}

// enclosingCallText is enclosingCall by a backward scan of the text, skipping string literals
// on the current line only approximately (a bracket in a comment counts).
func enclosingCallText(text string) (open, commas int, ok bool) {
	depth := 0
	for i := len(text) - 1; i >= 0; i-- {
		switch text[i] {
		case '"':
			// Skip back to the opening quote on this line.
			for i--; i >= 0 && text[i] != '"' && text[i] != '\n'; i-- {
			}
		case ')', ']', '}':
			depth++
		case '[', '{':
			if depth == 0 {
				return 0, 0, false // inside a block or index, not an argument list
			}
			depth--
		case '(':
			if depth == 0 {
				return i, commas, true
			}
			depth--
		case ',':
			if depth == 0 {
				commas++
			}
		case ';':
			if depth == 0 {
				return 0, 0, false
			}
		}
	}
	return 0, 0, false
}
