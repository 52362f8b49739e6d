package lsp

import (
	"fmt"
	"sort"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
	"go.lsp.dev/protocol"

	"cot/grammar"
	"cot/internal/semindex"
	"cot/ir/src"
)

// useAt returns the name occurrence under the cursor, from the document's current analysis.
func (s *Server) useAt(tp protocol.TextDocumentPositionParams) (*Document, *Analysis, semindex.Use, bool, error) {
	d, a, err := s.docAt(tp.TextDocument.URI)
	if err != nil || a == nil || a.Index == nil || a.Version != d.Version {
		return d, a, semindex.Use{}, false, err
	}
	u, ok := a.Index.At(d.Path, d.Offset(tp.Position))
	return d, a, u, ok, nil
}

// location is the LSP location of n bytes at pos (in any file of the analysis).
func (s *Server) location(a *Analysis, pos src.Pos, n int) protocol.Location {
	doc := s.textOf(a, pos.File)
	start := doc.offsetOf(pos)
	return protocol.Location{URI: uriOf(pos.File), Range: doc.Range(start, start+n)}
}

// hover shows the declaration of the name under the cursor with its type; on a literal or an
// operator, the type of that expression; on a builtin, its signature and meaning.
func (s *Server) hover(p *protocol.HoverParams) (*protocol.Hover, error) {
	d, a, u, ok, err := s.useAt(p.TextDocumentPositionParams)
	if err != nil {
		return nil, err
	}
	if ok {
		r := s.location(a, u.Pos, u.Len).Range
		contents := markdownCode(u.Decl.Signature())
		if doc := docComment(s.textOf(a, u.Decl.Pos.File), u.Decl.Pos); doc != "" {
			contents.Value += "\n\n" + doc
		}
		return &protocol.Hover{Contents: contents, Range: &r}, nil
	}
	off := d.Offset(p.Position)
	if a != nil && a.Index != nil && a.Version == d.Version {
		if e, ok := a.Index.ExprAt(d.Path, off); ok {
			r := d.Range(d.offsetOf(e.Pos), d.offsetOf(e.Pos)+e.Len)
			return &protocol.Hover{Contents: markdownCode(e.Type), Range: &r}, nil
		}
	}
	if name, start := d.identAt(off); name != "" && start > 0 && d.Text[start-1] == '@' {
		if b, ok := builtinDocs[name]; ok {
			r := d.Range(start-1, start+len(name))
			contents := markdownCode(builtinSignature(name))
			contents.Value += "\n\n" + b.doc
			return &protocol.Hover{Contents: contents, Range: &r}, nil
		}
	}
	return nil, nil
}

// docComment is the run of `//` comment lines right above the line of pos, without the slashes.
func docComment(d *Document, pos src.Pos) string {
	var lines []string
	for l := pos.Line - 2; l >= 0 && l < len(d.lineStarts); l-- {
		end := len(d.Text)
		if l+1 < len(d.lineStarts) {
			end = d.lineStarts[l+1] - 1
		}
		line := strings.TrimSpace(d.Text[d.lineStarts[l]:end])
		if !strings.HasPrefix(line, "//") {
			break
		}
		lines = append([]string{strings.TrimSpace(strings.TrimPrefix(line, "//"))}, lines...)
	}
	return strings.Join(lines, "\n")
}

func markdownCode(code string) protocol.MarkupContent {
	return protocol.MarkupContent{Kind: protocol.Markdown, Value: "```cot\n" + code + "\n```"}
}

func (s *Server) definition(p *protocol.DefinitionParams) ([]protocol.Location, error) {
	_, a, u, ok, err := s.useAt(p.TextDocumentPositionParams)
	if err != nil || !ok {
		return nil, err
	}
	return []protocol.Location{s.location(a, u.Decl.Pos, len(u.Decl.Name))}, nil
}

// references lists the uses of the name under the cursor in every file of the project.
func (s *Server) references(p *protocol.ReferenceParams) ([]protocol.Location, error) {
	d, a, u, ok, err := s.useAt(p.TextDocumentPositionParams)
	if err != nil || !ok {
		return nil, err
	}
	out := []protocol.Location{}
	for _, l := range usesAcross(s.involved(d.Path, a, u.Decl), u.Decl) {
		if l.use.Pos == u.Decl.Pos && !p.Context.IncludeDeclaration {
			continue
		}
		out = append(out, s.location(l.a, l.use.Pos, l.use.Len))
	}
	return out, nil
}

// documentHighlight marks every occurrence in this document of the name under the cursor.
func (s *Server) documentHighlight(p *protocol.DocumentHighlightParams) ([]protocol.DocumentHighlight, error) {
	d, a, u, ok, err := s.useAt(p.TextDocumentPositionParams)
	if err != nil || !ok {
		return nil, err
	}
	out := []protocol.DocumentHighlight{}
	for _, use := range a.Index.UsesOf(u.Decl) {
		if use.Pos.File == d.Path {
			out = append(out, protocol.DocumentHighlight{Range: s.location(a, use.Pos, use.Len).Range, Kind: protocol.DocumentHighlightKindText})
		}
	}
	return out, nil
}

func (s *Server) prepareRename(p *protocol.PrepareRenameParams) (*protocol.Range, error) {
	_, a, u, ok, err := s.useAt(p.TextDocumentPositionParams)
	if err != nil || !ok {
		return nil, err
	}
	r := s.location(a, u.Pos, u.Len).Range
	return &r, nil
}

// rename renames the declaration under the cursor and every use of it, in every file of the
// project. It refuses a new name that is not an identifier, renaming the entry point or a
// declaration of the standard library, and a rename that changes what any name denotes (the
// new name captured by, or capturing, another declaration): every program that uses the
// declaration is analysed again renamed and must have no more diagnostics than before (a rename
// may fix a redefinition; one that shadows a name gets lint's W003; one that makes an imported
// name ambiguous gets E0331) and the same number of uses of the renamed declaration (a `_` name
// shadows without a warning).
func (s *Server) rename(p *protocol.RenameParams) (*protocol.WorkspaceEdit, error) {
	d, a, u, ok, err := s.useAt(p.TextDocumentPositionParams)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("there is no name to rename here")
	}
	if !isIdentifier(p.NewName) {
		return nil, fmt.Errorf("cannot rename to %q: not an identifier", p.NewName)
	}
	if u.Decl.Kind == semindex.Function && u.Decl.Name == "main" {
		return nil, fmt.Errorf("cannot rename `main`: it is the program's entry point")
	}
	if isStdName(u.Decl.Pos.File) {
		return nil, fmt.Errorf("cannot rename `%s`: it is declared in the standard library (%s)", u.Decl.Name, u.Decl.Pos.File)
	}
	// A method `m` of `impl T` is the function `T_m` (spec §4.9): its declaration spells `m`,
	// its direct calls `T_m`, its method calls `x.m`. Renaming all three consistently is not
	// built yet, so it is refused rather than done wrongly.
	// So is a free function whose first parameter is `self` (spec §4.2: `fn T_m(self: T)` is
	// called as `x.m()` too), and renaming that parameter would make it an ordinary function.
	doc := s.textOf(a, u.Decl.Pos.File)
	isMethod := u.Decl.Kind == semindex.Function && len(u.Decl.Params) > 0 && u.Decl.Params[0].Name == "self"
	if u.Decl.Kind == semindex.Function && (isMethod || !strings.HasSuffix(strings.TrimRight(doc.Text[:doc.offsetOf(u.Decl.Pos)], " \t"), "fn")) {
		return nil, fmt.Errorf("cannot rename `%s`: renaming a method is not supported yet", u.Decl.Name)
	}
	if u.Decl.Kind == semindex.Parameter && u.Decl.Name == "self" {
		return nil, fmt.Errorf("cannot rename `self`: a first parameter named `self` makes its function a method")
	}
	analyses := s.involved(d.Path, a, u.Decl)
	uses := usesAcross(analyses, u.Decl)
	var files []string
	for _, l := range uses {
		files = append(files, l.use.Pos.File)
	}
	if f := s.stale(files); f != "" {
		return nil, fmt.Errorf("cannot rename `%s` while %s does not parse", u.Decl.Name, f)
	}
	edit := &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{}}
	newTexts := map[string][]byte{}
	byFile := map[string][]located{}
	for _, l := range uses {
		byFile[l.use.Pos.File] = append(byFile[l.use.Pos.File], l)
	}
	for file, fileUses := range byFile {
		doc := s.textOf(fileUses[0].a, file)
		var edits []protocol.TextEdit
		text := []byte(doc.Text)
		sort.Slice(fileUses, func(i, j int) bool { return fileUses[i].use.Pos.Offset > fileUses[j].use.Pos.Offset })
		toks, _ := grammar.Tokenize(file, text)
		for _, l := range fileUses {
			start := doc.offsetOf(l.use.Pos)
			newText := p.NewName
			if shorthandAt(toks, start) {
				newText = u.Decl.Name + ": " + p.NewName // `Point { x }` is `Point { x: x }`
				if u.Decl.Kind == semindex.Field {
					newText = p.NewName + ": " + u.Decl.Name
				}
			}
			edits = append(edits, protocol.TextEdit{Range: doc.Range(start, start+l.use.Len), NewText: newText})
			text = append(text[:start:start], append([]byte(newText), text[start+l.use.Len:]...)...)
		}
		edit.Changes[uriOf(file)] = edits
		newTexts[file] = text
	}
	for _, b := range analyses {
		if err := s.checkRename(b, u.Decl, p.NewName, newTexts); err != nil {
			return nil, err
		}
	}
	return edit, nil
}

// shorthandAt reports whether the identifier token at byte offset off is a field shorthand of a
// colon struct literal (`Point { x, y: 4 }`, safe mode): right after the literal's `{` or a
// comma directly inside it, and followed by a comma or its `}`.
func shorthandAt(toks []lexer.Token, off int) bool {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Pos.Offset >= off })
	if i == 0 || i+1 >= len(toks) || toks[i].Pos.Offset != off {
		return false
	}
	if next := toks[i+1].Value; next != "," && next != "}" {
		return false
	}
	depth := 0
	for j := i - 1; j >= 0; j-- {
		t := toks[j]
		switch {
		case isCloser(t):
			depth++
		case isOpener(t) && depth > 0:
			depth--
		case isOpener(t):
			return t.Type == grammar.TokStructOpen && (j == i-1 || toks[i-1].Value == ",")
		}
	}
	return false
}

// checkRename analyses a's program renamed (newTexts) and compares it with a.
func (s *Server) checkRename(a *Analysis, d *semindex.Decl, newName string, newTexts map[string][]byte) error {
	read := func(path string) ([]byte, error) {
		if t, ok := newTexts[path]; ok {
			return t, nil
		}
		return s.readFile(path)
	}
	b := s.fe.analyze(a.Root, a.Version, a.Library, read)
	if b.Index == nil || countDiags(b) > countDiags(a) {
		return fmt.Errorf("cannot rename `%s` to `%s`: the renamed program would not mean the same (it would have more errors or warnings)", d.Name, newName)
	}
	uses := usesAcross([]*Analysis{a}, d)
	if len(uses) == 0 {
		return nil // this program does not include the declaration's file
	}
	// The declaration moved by the length difference of the renamed uses before it.
	shift := 0
	for _, l := range uses {
		if l.use.Pos.File == d.Pos.File && l.use.Pos.Offset < d.Pos.Offset {
			shift += len(newName) - len(d.Name)
		}
	}
	nu, ok := b.Index.At(d.Pos.File, d.Pos.Offset+shift)
	if !ok || nu.Decl.Name != newName || len(b.Index.UsesOf(nu.Decl)) != len(uses) {
		return fmt.Errorf("cannot rename `%s` to `%s`: another declaration named `%s` would capture or be captured by it", d.Name, newName, newName)
	}
	return nil
}

func countDiags(a *Analysis) int {
	n := 0
	for _, l := range a.Diags {
		n += len(l)
	}
	return n
}

// isIdentifier reports whether s lexes as one identifier (not a keyword or type keyword).
func isIdentifier(s string) bool {
	toks, err := grammar.Tokenize("rename", []byte(s))
	return err == nil && len(toks) >= 1 && toks[0].Type == grammar.TokIdent && toks[0].Value == s
}
