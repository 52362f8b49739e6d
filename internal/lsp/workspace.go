package lsp

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"sort"
	"strings"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"cot/internal/lint"
	"cot/ir/src"
	"cot/std"
)

func (s *Server) didOpen(ctx context.Context, p *protocol.DidOpenTextDocumentParams) {
	d := newDocument(p.TextDocument.URI, p.TextDocument.Version, p.TextDocument.Text)
	s.docs[d.Path] = d
	s.changed(ctx, d.Path)
}

// didChange takes the last full-text change (the server asks for full sync).
func (s *Server) didChange(ctx context.Context, p *protocol.DidChangeTextDocumentParams) {
	d := s.docs[pathOf(p.TextDocument.URI)]
	if d == nil || len(p.ContentChanges) == 0 {
		return
	}
	d.Version = p.TextDocument.Version
	d.setText(p.ContentChanges[len(p.ContentChanges)-1].Text)
	s.changed(ctx, d.Path)
}

// didClose forgets the document and its program, and clears its diagnostics.
func (s *Server) didClose(ctx context.Context, p *protocol.DidCloseTextDocumentParams) {
	path := pathOf(p.TextDocument.URI)
	delete(s.docs, path)
	delete(s.analyses, path)
	delete(s.lastIndex, path)
	s.publish(ctx, path, nil, nil)
	s.changed(ctx, path) // importers now read the file from disk
}

// readFile is the front end's view of a file: the open document's text, else the embedded std
// module, else the disk, where only a regular file is read (a FIFO would block the server), with
// the words of the front end's own reader.
func (s *Server) readFile(path string) ([]byte, error) {
	if d := s.docs[path]; d != nil {
		return []byte(d.Text), nil
	}
	if isStdName(path) {
		return std.Read(stdModule(path))
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, errors.New("no file " + path)
	case err != nil:
		return nil, err
	case fi.IsDir():
		return nil, errors.New(path + " is a directory")
	case !fi.Mode().IsRegular():
		return nil, errors.New(path + " is not a regular file")
	}
	return os.ReadFile(path)
}

// analyze analyses the program rooted at root as it is now, except that an imported open
// document that does not parse is read as it was when it last parsed.
func (s *Server) analyze(root string) *Analysis {
	version := int32(0)
	if d := s.docs[root]; d != nil {
		version = d.Version
	}
	read := func(path string) ([]byte, error) {
		if d := s.docs[path]; d != nil && path != root && d.parsed != nil {
			return []byte(*d.parsed), nil
		}
		return s.readFile(path)
	}
	a := s.fe.analyze(root, version, s.isLibrary(root), read)
	if d := s.docs[root]; d != nil && !hasSyntaxError(a.Diags[root]) {
		text := d.Text
		d.parsed = &text
	}
	return a
}

// hasSyntaxError reports whether a file's diagnostics include a syntax error (E01xx).
func hasSyntaxError(diags []src.Diagnostic) bool {
	for _, d := range diags {
		if strings.HasPrefix(d.Code, "E01") {
			return true
		}
	}
	return false
}

// stale returns an open document among files whose text differs from the one analyses of other
// files read (it does not parse now), or "".
func (s *Server) stale(files []string) string {
	for _, f := range files {
		if d := s.docs[f]; d != nil && d.parsed != nil && *d.parsed != d.Text {
			return f
		}
	}
	return ""
}

// changed re-analyses every open root whose program read path (path itself if open), and every
// open document that became or stopped being a library (an import was added or removed), and
// publishes the diagnostics of every file of those programs that is not open itself.
func (s *Server) changed(ctx context.Context, path string) {
	var roots []string
	for root, a := range s.analyses {
		if _, reads := a.Files[path]; (reads || a.Library != s.isLibrary(root)) && root != path {
			roots = append(roots, root)
		}
	}
	sort.Strings(roots)
	if s.docs[path] != nil {
		roots = append([]string{path}, roots...)
	}
	for _, root := range roots {
		a := s.analyze(root)
		s.analyses[root] = a
		if a.Index != nil {
			s.lastIndex[root] = a.Index
		}
		if a.Err != nil {
			s.showError(ctx, a.Err.Error())
		}
		// An imported file that is open itself publishes from its own analysis, so its
		// diagnostics never alternate between two programs' views of it.
		files := make([]string, 0, len(a.Files))
		for f := range a.Files {
			if f == root || s.docs[f] == nil {
				files = append(files, f)
			}
		}
		sort.Strings(files)
		for _, f := range files {
			s.publish(ctx, f, a, a.Diags[f])
		}
	}
}

// publish sends the diagnostics of file (an empty list clears them).
func (s *Server) publish(ctx context.Context, file string, a *Analysis, diags []src.Diagnostic) {
	params := &protocol.PublishDiagnosticsParams{URI: uriOf(file), Diagnostics: []protocol.Diagnostic{}}
	if d := s.docs[file]; d != nil {
		params.Version = uint32(d.Version)
	}
	if len(diags) > 0 {
		doc := s.textOf(a, file)
		for _, d := range diags {
			params.Diagnostics = append(params.Diagnostics, s.toLSPDiagnostic(a, doc, d))
		}
	}
	s.notify(ctx, protocol.MethodTextDocumentPublishDiagnostics, params)
}

// textOf returns file as a Document for position conversion: the open document, else the text
// the analysis read.
func (s *Server) textOf(a *Analysis, file string) *Document {
	if d := s.docs[file]; d != nil {
		return d
	}
	if a != nil && a.Files[file] != nil {
		return newDocument(uriOf(file), 0, string(a.Files[file].Text))
	}
	text, _ := os.ReadFile(file)
	return newDocument(uriOf(file), 0, string(text))
}

// toLSPDiagnostic maps a front-end diagnostic (1-based line, byte column) to an LSP one
// (0-based line, UTF-16 columns): its span, or the token at its position when it has none; its
// help lines after the message; its notes (`first defined here`) as related information.
func (s *Server) toLSPDiagnostic(a *Analysis, doc *Document, d src.Diagnostic) protocol.Diagnostic {
	start, end := s.diagRange(a, doc, src.Span{Pos: d.Pos, End: d.End})
	sev := protocol.DiagnosticSeverityError
	switch d.Severity {
	case src.Warning:
		sev = protocol.DiagnosticSeverityWarning
	case src.Note:
		sev = protocol.DiagnosticSeverityInformation
	}
	msg := d.Msg
	for _, h := range d.Help {
		msg += "\nhelp: " + h
	}
	out := protocol.Diagnostic{Range: doc.Range(start, end), Severity: sev, Code: d.Code, Source: "cot", Message: msg}
	if d.Code == lint.CodeUnusedLocal || d.Code == lint.CodeUnusedParam {
		out.Tags = []protocol.DiagnosticTag{protocol.DiagnosticTagUnnecessary} // editors fade the name
	}
	for _, n := range d.Notes {
		if !n.Span.Pos.IsValid() {
			continue
		}
		ndoc := s.textOf(a, n.Span.Pos.File)
		nstart, nend := s.diagRange(a, ndoc, n.Span)
		out.RelatedInformation = append(out.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: uriOf(n.Span.Pos.File), Range: ndoc.Range(nstart, nend)}, Message: n.Text})
	}
	return out
}

// diagRange is the byte range a diagnostic (or note) underlines in doc: its span when it has one;
// else the declared name when it points at a declaration (the front end positions those at
// their keyword: `var x` underlines x); else the token at its position.
func (s *Server) diagRange(a *Analysis, doc *Document, sp src.Span) (start, end int) {
	start = doc.offsetOf(sp.Pos)
	if sp.End.IsValid() && sp.End.File == sp.Pos.File && sp.End.Offset > sp.Pos.Offset {
		return start, max(start, doc.offsetOf(sp.End))
	}
	if a != nil && a.Index != nil {
		if d, ok := a.Index.DeclaredAt(sp.Pos.File, sp.Pos.Offset); ok && d.Pos.File == sp.Pos.File {
			start = doc.offsetOf(d.Pos)
			return start, start + len(d.Name)
		}
	}
	return start, doc.wordEnd(start)
}

func (s *Server) notify(ctx context.Context, method string, params any) {
	if err := s.conn.Notify(ctx, method, params); err != nil {
		// The client is gone; the read loop will end the session.
		return
	}
}

// showError tells the user about a compiler bug met while analysing (window/showMessage).
func (s *Server) showError(ctx context.Context, msg string) {
	s.notify(ctx, protocol.MethodWindowShowMessage, &protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: "cot: " + msg})
}

// docAt returns the open document of a request and its analysis.
func (s *Server) docAt(u protocol.DocumentURI) (*Document, *Analysis, error) {
	path := pathOf(u)
	d := s.docs[path]
	if d == nil {
		return nil, nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "document not open: %s", u)
	}
	return d, s.analyses[path], nil
}
