// Package lsp is cot's Language Server: JSON-RPC over a byte stream (stdio for `cot lsp`),
// LSP 3.16 methods answered from the front end's own passes.
//
// Framing and messages come from go.lsp.dev/jsonrpc2, the message types from
// go.lsp.dev/protocol; this package holds the document store, the analyses and one file per
// feature: diagnostics (workspace.go); hover, definition, references, highlights and rename
// (navigate.go); symbols; completion and signature help; formatting (layout.go).
//
// Model: every open document is the root of a program. A change re-runs the front end on that
// root (exactly `cot check`'s passes) and on every other open root whose program read the changed
// file, then publishes the diagnostics of every file of those programs. Requests are answered
// from the analysis of the document they name; the connection handles messages one at a time,
// in order, so a request always sees every change sent before it.
package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"cot/internal/semindex"
)

// Server is one language-server session.
type Server struct {
	fe      FrontEnd
	format  Formatter
	version string
	conn    jsonrpc2.Conn

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	exited      chan struct{}
	exitOnce    sync.Once
	docs        map[string]*Document // open documents by path
	analyses    map[string]*Analysis // by root path
	// lastIndex is the last index each root had, kept through syntax errors so completion and
	// signature help still know the names while the user types.
	lastIndex map[string]*semindex.Index

	folders     []string                       // the workspace folders (project.go)
	importCache map[string]cachedImports       // the imports of files on the disk
	graphs      map[string]map[string][]string // importedBy per project, for one message
}

// NewServer returns a server that analyses with fe and formats with format.
func NewServer(fe FrontEnd, format Formatter, version string) *Server {
	return &Server{fe: fe, format: format, version: version, exited: make(chan struct{}),
		docs: map[string]*Document{}, analyses: map[string]*Analysis{}, lastIndex: map[string]*semindex.Index{},
		importCache: map[string]cachedImports{}}
}

// Serve runs the session over rw until the client sends exit or closes the stream. The result is
// the process exit status LSP asks for: 0 after shutdown then exit, 1 otherwise.
func (s *Server) Serve(ctx context.Context, rw io.ReadWriteCloser) int {
	s.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(rw))
	s.conn.Go(ctx, s.handle)
	select {
	case <-s.exited:
		s.conn.Close()
	case <-s.conn.Done():
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutdown {
		return 0
	}
	return 1
}

// handler answers one method: params are decoded into P, and the result R (or error) is sent.
type handler func(s *Server, ctx context.Context, params json.RawMessage) (any, error)

func method[P any, R any](f func(s *Server, p *P) (R, error)) handler {
	return func(s *Server, ctx context.Context, raw json.RawMessage) (any, error) {
		var p P
		if len(raw) > 0 {
			if err := json.Unmarshal(raw, &p); err != nil {
				return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%v", err)
			}
		}
		return f(s, &p)
	}
}

// notification handles a notification (no reply).
func notification[P any](f func(s *Server, ctx context.Context, p *P)) handler {
	return func(s *Server, ctx context.Context, raw json.RawMessage) (any, error) {
		var p P
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, err
		}
		f(s, ctx, &p)
		return nil, nil
	}
}

var handlers = map[string]handler{
	protocol.MethodInitialize:                      method((*Server).initialize),
	protocol.MethodShutdown:                        method(func(s *Server, _ *struct{}) (any, error) { s.shutdown = true; return nil, nil }),
	protocol.MethodTextDocumentDidOpen:             notification((*Server).didOpen),
	protocol.MethodTextDocumentDidChange:           notification((*Server).didChange),
	protocol.MethodTextDocumentDidClose:            notification((*Server).didClose),
	protocol.MethodTextDocumentHover:               method((*Server).hover),
	protocol.MethodTextDocumentDefinition:          method((*Server).definition),
	protocol.MethodTextDocumentReferences:          method((*Server).references),
	protocol.MethodTextDocumentDocumentHighlight:   method((*Server).documentHighlight),
	protocol.MethodWorkspaceSymbol:                 method((*Server).workspaceSymbol),
	protocol.MethodTextDocumentDocumentSymbol:      method((*Server).documentSymbol),
	protocol.MethodTextDocumentCompletion:          method((*Server).completion),
	protocol.MethodTextDocumentPrepareRename:       method((*Server).prepareRename),
	protocol.MethodTextDocumentRename:              method((*Server).rename),
	protocol.MethodTextDocumentFormatting:          method((*Server).formatting),
	protocol.MethodTextDocumentSignatureHelp:       method((*Server).signatureHelp),
	protocol.MethodInitialized:                     notification(func(*Server, context.Context, *json.RawMessage) {}),
	protocol.MethodWorkspaceDidChangeConfiguration: notification(func(*Server, context.Context, *json.RawMessage) {}),
}

// addFolder adds a workspace folder: an absolute directory, cleaned.
func (s *Server) addFolder(dir string) {
	if filepath.IsAbs(dir) {
		s.folders = append(s.folders, filepath.Clean(dir))
	}
}

// errServerNotInitialized is LSP's code for a request before initialize.
const errServerNotInitialized jsonrpc2.Code = -32002

// handle is the connection's handler: it dispatches, and turns a panic in a feature into an
// error reply so one bad request never ends the session.
func (s *Server) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) (err error) {
	_, isCall := req.(*jsonrpc2.Call)
	if req.Method() == protocol.MethodExit {
		s.exitOnce.Do(func() { close(s.exited) })
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.graphs = map[string]map[string][]string{} // the disk may have changed since the last message
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "cot lsp: internal error in %s: %v\n%s", req.Method(), r, debug.Stack())
			if isCall {
				err = reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "cot: internal error in %s: %v", req.Method(), r))
			}
		}
	}()
	h, known := handlers[req.Method()]
	switch {
	case !known && !isCall:
		return nil // $/cancelRequest, $/setTrace and other notifications we do not use
	case !known:
		return reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "method not supported: %s", req.Method()))
	case !s.initialized && req.Method() != protocol.MethodInitialize:
		if !isCall {
			return nil
		}
		return reply(ctx, nil, jsonrpc2.Errorf(errServerNotInitialized, "server not initialized"))
	case s.shutdown && isCall:
		return reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "server is shut down"))
	}
	result, herr := h(s, ctx, req.Params())
	if !isCall {
		return nil
	}
	return reply(ctx, result, herr)
}

func (s *Server) initialize(p *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	if s.initialized {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "initialize sent twice")
	}
	s.initialized = true
	for _, f := range p.WorkspaceFolders {
		s.addFolder(pathOf(protocol.DocumentURI(f.URI)))
	}
	if len(s.folders) == 0 && p.RootURI != "" {
		s.addFolder(pathOf(p.RootURI))
	}
	if len(s.folders) == 0 {
		s.addFolder(p.RootPath)
	}
	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: true,
				Change:    protocol.TextDocumentSyncKindFull,
			},
			HoverProvider:              true,
			DefinitionProvider:         true,
			ReferencesProvider:         true,
			DocumentHighlightProvider:  true,
			DocumentSymbolProvider:     true,
			WorkspaceSymbolProvider:    true,
			CompletionProvider:         &protocol.CompletionOptions{TriggerCharacters: []string{".", "@"}},
			SignatureHelpProvider:      &protocol.SignatureHelpOptions{TriggerCharacters: []string{"(", ","}},
			RenameProvider:             &protocol.RenameOptions{PrepareProvider: true},
			DocumentFormattingProvider: true,
		},
		ServerInfo: &protocol.ServerInfo{Name: "cot", Version: s.version},
	}, nil
}
