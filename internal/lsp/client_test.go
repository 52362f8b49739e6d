package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"cot/ir/pipeline"
	"cot/passes"
)

// testClient is the client end of a server connected through an in-memory pipe: it speaks the
// same framed JSON-RPC an editor speaks on the server's stdin and stdout.
type testClient struct {
	t     *testing.T
	conn  jsonrpc2.Conn
	srv   *Server
	diags chan protocol.PublishDiagnosticsParams
	shown chan protocol.ShowMessageParams
	exit  chan int
	dir   string
}

// lastCheck is the last check-* pass of the front end, as cmd/cot computes it.
func lastCheck() string {
	last := ""
	for _, p := range passes.Table().Passes {
		if strings.HasPrefix(p.Name, "check-") {
			last = p.Name
		}
	}
	return last
}

func newTestClient(t *testing.T) *testClient {
	t.Helper()
	return newTestClientWith(t, FrontEnd{Table: passes.Table, LastCheck: lastCheck(),
		Library: func(ctx *pipeline.Ctx) { ctx.Store[passes.TestModeKey] = &passes.TestMode{} }})
}

// newTestClientWith connects a client to a server over the front end fe.
func newTestClientWith(t *testing.T, fe FrontEnd) *testClient {
	t.Helper()
	serverSide, clientSide := net.Pipe()
	srv := NewServer(fe, Layout, "test")
	c := &testClient{t: t, diags: make(chan protocol.PublishDiagnosticsParams, 100),
		shown: make(chan protocol.ShowMessageParams, 10), exit: make(chan int, 1), dir: t.TempDir()}
	c.srv = srv
	go func() { c.exit <- srv.Serve(context.Background(), serverSide) }()
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(clientSide))
	c.conn.Go(context.Background(), func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		switch req.Method() {
		case protocol.MethodTextDocumentPublishDiagnostics:
			var p protocol.PublishDiagnosticsParams
			if err := json.Unmarshal(req.Params(), &p); err != nil {
				t.Errorf("publishDiagnostics: %v", err)
			}
			c.diags <- p
		case protocol.MethodWindowShowMessage:
			var p protocol.ShowMessageParams
			json.Unmarshal(req.Params(), &p)
			c.shown <- p
		}
		return reply(ctx, nil, nil)
	})
	t.Cleanup(func() { c.conn.Close() })
	return c
}

// initialized returns a client that has done the initialize handshake.
func initialized(t *testing.T) *testClient {
	c := newTestClient(t)
	var res protocol.InitializeResult
	c.mustCall(protocol.MethodInitialize, &protocol.InitializeParams{}, &res)
	c.notify(protocol.MethodInitialized, &protocol.InitializedParams{})
	return c
}

func (c *testClient) call(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := c.conn.Call(ctx, method, params, result)
	return err
}

func (c *testClient) mustCall(method string, params, result any) {
	c.t.Helper()
	if err := c.call(method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// errCode returns the JSON-RPC error code of err, or 0.
func errCode(err error) jsonrpc2.Code {
	var e *jsonrpc2.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// file writes name into the client's project directory and returns its URI.
func (c *testClient) file(name, text string) protocol.DocumentURI {
	c.t.Helper()
	path := filepath.Join(c.dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		c.t.Fatal(err)
	}
	return uriOf(path)
}

// open sends didOpen and returns the diagnostics published for the document.
func (c *testClient) open(u protocol.DocumentURI, text string) []protocol.Diagnostic {
	c.t.Helper()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{
		TextDocument: protocol.TextDocumentItem{URI: u, LanguageID: "cot", Version: 1, Text: text}})
	return c.waitDiags(u)
}

func (c *testClient) change(u protocol.DocumentURI, version int32, text string) []protocol.Diagnostic {
	c.t.Helper()
	c.notify(protocol.MethodTextDocumentDidChange, &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: text}}})
	return c.waitDiags(u)
}

// waitDiags returns the next diagnostics published for u.
func (c *testClient) waitDiags(u protocol.DocumentURI) []protocol.Diagnostic {
	c.t.Helper()
	for {
		select {
		case p := <-c.diags:
			if p.URI == u {
				return p.Diagnostics
			}
		case <-time.After(30 * time.Second):
			c.t.Fatalf("no diagnostics published for %s", u)
		}
	}
}

// at is a text-document position: 0-based line and UTF-16 column.
func at(u protocol.DocumentURI, line, col uint32) protocol.TextDocumentPositionParams {
	return protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Position: protocol.Position{Line: line, Character: col}}
}

func rng(l1, c1, l2, c2 uint32) protocol.Range {
	return protocol.Range{Start: protocol.Position{Line: l1, Character: c1}, End: protocol.Position{Line: l2, Character: c2}}
}
