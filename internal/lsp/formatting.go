package lsp

import (
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
		return nil, err
	}
	if string(out) == d.Text {
		return []protocol.TextEdit{}, nil
	}
	return []protocol.TextEdit{{Range: d.Range(0, len(d.Text)), NewText: string(out)}}, nil
}
