package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// An input puts one file or directory into a fresh work directory before a run; both sides of a
// comparison get the same inputs.
type input interface {
	place(w *workspace, dir string) error
}

// workspace is what inputs are taken from.
type workspace struct {
	testdata string            // realworld/testdata
	pkg      string            // the program's fetched package tree ("" when it has none)
	goroot   string            // the local Go toolchain's GOROOT
	refDirs  map[string]string // program name -> work directory of its finished reference run
}

// testdata copies realworld/testdata/src to dst.
type testdata struct{ src, dst string }

// packageFile copies a file of the program's fetched package to dst.
type packageFile struct{ src, dst string }

// packageTree copies a directory of the program's fetched package, whole, to the same path.
type packageTree struct{ dir string }

// gorootFile copies a file of the local Go toolchain to dst.
type gorootFile struct{ src, dst string }

// outputOf copies a file that another program's reference run wrote (that program runs first).
type outputOf struct{ program, src, dst string }

// generated writes the bytes a function makes.
type generated struct {
	dst  string
	make func() []byte
}

// emptyDir makes a directory.
type emptyDir struct{ path string }

func (in testdata) place(w *workspace, dir string) error {
	return copyFile(filepath.Join(w.testdata, in.src), filepath.Join(dir, in.dst))
}

func (in packageFile) place(w *workspace, dir string) error {
	if w.pkg == "" {
		return fmt.Errorf("%s: the program has no package tree", in.src)
	}
	return copyFile(filepath.Join(w.pkg, in.src), filepath.Join(dir, in.dst))
}

func (in packageTree) place(w *workspace, dir string) error {
	if w.pkg == "" {
		return fmt.Errorf("%s: the program has no package tree", in.dir)
	}
	root := filepath.Join(w.pkg, in.dir)
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(w.pkg, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		return copyFile(path, filepath.Join(dir, rel))
	})
}

func (in gorootFile) place(w *workspace, dir string) error {
	return copyFile(filepath.Join(w.goroot, in.src), filepath.Join(dir, in.dst))
}

func (in outputOf) place(w *workspace, dir string) error {
	ref, ok := w.refDirs[in.program]
	if !ok {
		return fmt.Errorf("needs %s from a reference run of %s, which did not run first", in.src, in.program)
	}
	return copyFile(filepath.Join(ref, in.src), filepath.Join(dir, in.dst))
}

func (in generated) place(w *workspace, dir string) error {
	path := filepath.Join(dir, in.dst)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, in.make(), 0o644)
}

func (in emptyDir) place(w *workspace, dir string) error {
	return os.MkdirAll(filepath.Join(dir, in.path), 0o755)
}

// gorootFiles copies GOROOT/srcDir/NAME to dstDir/NAME for each name, renaming ".input" (the Go
// printer's test inputs) to ".go" so that gofmt takes them.
func gorootFiles(srcDir, dstDir string, names ...string) []input {
	var ins []input
	for _, name := range names {
		dst := strings.TrimSuffix(name, ".input")
		if dst != name {
			dst += ".go"
		}
		ins = append(ins, gorootFile{filepath.Join(srcDir, name), filepath.Join(dstDir, dst)})
	}
	return ins
}

// prepare makes dir, empty, and places the program's inputs in it.
func prepare(w *workspace, p *program, dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, in := range p.in {
		if err := in.place(w, dir); err != nil {
			return fmt.Errorf("%s: input: %w", p.name, err)
		}
	}
	return nil
}

// copyFile copies the regular file src to dst (mode 0644), making dst's directory.
func copyFile(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
