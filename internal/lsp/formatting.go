package lsp

import (
	"errors"
	"path/filepath"
	"strings"

	"go.lsp.dev/protocol"
)

// formatting formats the whole document with the server's Formatter and answers one edit that
// replaces the text (none when it is already formatted). A file the formatter refuses gets an
// error reply, which editors show; the document is left alone.
func (s *Server) formatting(p *protocol.DocumentFormattingParams) ([]protocol.TextEdit, error) {
	d, _, err := s.docAt(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	out, err := s.format(d.Path, []byte(d.Text))
	if err != nil {
		// cot fmt's error is the file's syntax errors, snippets and all, which the diagnostics
		// already show: the reply (an editor's one-line message) says why in its first line.
		msg, _, _ := strings.Cut(err.Error(), "\n")
		if !strings.HasPrefix(msg, "cannot format") {
			msg = "cannot format " + filepath.Base(d.Path) + ": " + strings.TrimPrefix(msg, d.Path+":")
		}
		return nil, errors.New(msg)
	}
	if string(out) == d.Text {
		return []protocol.TextEdit{}, nil
	}
	return []protocol.TextEdit{{Range: d.Range(0, len(d.Text)), NewText: string(out)}}, nil
}
