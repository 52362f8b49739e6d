package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"cot/backend/arm64"
	"cot/backend/arm64/rt"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/passes"
)

// tablesFor returns the pass tables a compilation for t runs, in order: the front end (unless the
// input is already .wasm), then for arm64-linux the backend.
func tablesFor(t target, fromWasm bool) []*pipeline.Table {
	var tables []*pipeline.Table
	if !fromWasm {
		tables = append(tables, frontEnd())
	}
	if t == targetARM64 {
		tables = append(tables, backEnd())
	}
	return tables
}

// checkPassNames rejects pass names in the debugging flags that name no pass of the compilation.
// A name of the backend, asked for on wasm32, gets a message that says which target runs it.
func checkPassNames(opts *pipeline.Options, tables []*pipeline.Table, t target) error {
	err := opts.CheckNames(tables...)
	if err == nil {
		return nil
	}
	if t == targetWasm32 && opts.CheckNames(frontEnd(), backEnd()) == nil {
		return usagef("a pass named in the debugging flags belongs to the AArch64 backend; add --target=arm64-linux")
	}
	return &usageError{err.Error()}
}

// errStopped reports that --stop-after ended the compilation: there is no artifact.
var errStopped = pipeline.ErrStopped

// compile runs the tables over the input under the invocation's options and returns the final
// artifact's bytes. The input is the source file, or .wasm bytes for `cot aot` and for `cot run`
// of a .wasm file.
func compile(inv *invocation, dumps io.Writer) (_ []byte, err error) {
	prog, tables, _, err := runTables(inv, dumps)
	if err != nil {
		return nil, err
	}
	b, ok := prog.([]byte)
	if !ok {
		return nil, &pipeline.InternalError{Pass: tables[len(tables)-1].Passes[len(tables[len(tables)-1].Passes)-1].Name,
			Msg: fmt.Sprintf("the pipeline ended with %T, not bytes", prog)}
	}
	return b, nil
}

// runTables runs the tables of the invocation over its input and returns the last program (also
// when --stop-after ended the run, with ErrStopped), the tables, and the compilation's context.
func runTables(inv *invocation, dumps io.Writer) (_ any, _ []*pipeline.Table, _ *pipeline.Ctx, err error) {
	fromWasm := inv.fromWasm()
	tables := tablesFor(inv.target, fromWasm)
	if err := checkPassNames(&inv.opts, tables, inv.target); err != nil {
		return nil, nil, nil, err
	}
	var text []byte
	if fromWasm {
		text, err = readModule(inv.file)
	} else {
		text, err = os.ReadFile(inv.file)
	}
	if err != nil {
		if _, ok := err.(*diagnostic); ok {
			return nil, nil, nil, err
		}
		return nil, nil, nil, fmt.Errorf("cannot read input: %w", err)
	}
	ctx := pipeline.NewCtx(string(inv.target))
	if !fromWasm {
		safe, err := projectSafe() // project.go
		if err != nil {
			return nil, nil, nil, err
		}
		ctx.Store[passes.SafeModeKey] = safe
	}
	if inv.tests != nil {
		ctx.Store[passes.TestModeKey] = inv.tests
	}
	if inv.benches != nil {
		ctx.Store[passes.BenchModeKey] = inv.benches
	}
	if inv.cmd == "aot" || inv.cmd == "build" && inv.net {
		// `cot run` hands its sandbox to the runner at run time (COT_DIR/COT_ENV/COT_NET natively).
		cfg := inv.wasi
		cfg.Net = inv.net
		ctx.Store[rt.ConfigKey] = cfg
	}
	var prog any = text
	if !fromWasm {
		f := src.NewFile(inv.file, text)
		ctx.Diags.AddFile(f)
		prog = f
	}
	inv.opts.Out = dumps
	defer inv.opts.WriteTimings(os.Stderr)
	if inv.opts.HTMLFunc != "" {
		defer func() {
			if err == nil || isStopped(err) {
				if htmlErr := writeHTMLView(inv); htmlErr != nil {
					err = htmlErr
				}
			}
		}()
	}
	for i, t := range tables {
		restore := func() {}
		if i == 0 && !fromWasm {
			restore = pipeline.LimitMemory(passes.MemoryBudget(len(text)))
		} else if b, ok := prog.([]byte); ok && t.Name == "arm64" { // the Wasm module it compiles
			restore = pipeline.LimitMemory(arm64.MemoryBudget(len(b)))
		}
		prog, err = t.Run(ctx, prog, &inv.opts)
		restore()
		if err != nil {
			if fromWasm {
				err = moduleError(inv.file, err)
			}
			return prog, tables, ctx, err
		}
	}
	return prog, tables, ctx, nil
}

// writeHTMLView writes the --dump-html page, FUNC.html, into --dump-dir or the current directory.
func writeHTMLView(inv *invocation) error {
	if !inv.opts.HTMLFound() {
		return usagef("--dump-html: no function named %q in the output of any pass", inv.opts.HTMLFunc)
	}
	var page strings.Builder
	if err := inv.opts.WriteHTML(&page, filepath.Base(inv.file)); err != nil {
		return err
	}
	dir := inv.opts.DumpDir
	if dir == "" {
		dir = "."
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	name := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r < ' ' {
			return '_'
		}
		return r
	}, inv.opts.HTMLFunc)
	path := filepath.Join(dir, name+".html")
	if err := writeAtomically(path, []byte(page.String()), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "cot: wrote %s\n", path)
	return nil
}

// writeAtomically writes data to path through a temporary file in the same directory and a
// rename, so readers never see a partial file and a failed write leaves the old state alone.
func writeAtomically(path string, data []byte, mode os.FileMode) (err error) {
	// A rename would replace a device or a directory entry of another kind (-o /dev/null).
	if fi, statErr := os.Stat(path); statErr == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("refusing to replace %s: not a regular file", path)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// isStopped reports whether err is --stop-after ending the run (success, no artifact).
func isStopped(err error) bool { return errors.Is(err, errStopped) }
