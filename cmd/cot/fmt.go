package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"cot/internal/format"
)

// fmtFiles implements `cot fmt [-w|--write] [--check] FILES|DIRS` (language.md §16.7): each
// file in the canonical layout of internal/format on stdout, or rewritten in place (-w; only a
// file that changes is written, atomically), or, with --check, the names of the files that are
// not formatted (exit 1 if any). Directories are walked for *.cot files (directories whose name
// starts with `.` are skipped). A file that does not parse gets its diagnostics, is left
// untouched, and makes the exit status 1; the other files are still processed. The path `-`
// alone formats stdin to stdout (for editors), its diagnostics named <stdin>.
func fmtFiles(inv *invocation, stdin io.Reader, stdout, stderr io.Writer) int {
	if inv.out != "" {
		return report(stderr, usagef("fmt: -o makes no sense: use -w to rewrite the files"))
	}
	if inv.write && inv.check {
		return report(stderr, usagef("fmt: use either -w or --check"))
	}
	if len(inv.files) == 1 && inv.files[0] == "-" {
		if inv.write || inv.check {
			return report(stderr, usagef("fmt: -w and --check need files, not stdin"))
		}
		text, err := io.ReadAll(stdin)
		if err != nil {
			return report(stderr, fmt.Errorf("cannot read stdin: %w", err))
		}
		return fmtText(inv, "<stdin>", text, stdout, stderr)
	}
	files, err := cotFiles(inv.files)
	if err != nil {
		return report(stderr, err)
	}
	status := exitOK
	for _, path := range files {
		if s := fmtFile(inv, path, stdout, stderr); s > status {
			status = s
		}
	}
	return status
}

func fmtFile(inv *invocation, path string, stdout, stderr io.Writer) int {
	text, err := os.ReadFile(path)
	if err != nil {
		return report(stderr, fmt.Errorf("cannot read %s: %w", path, errors.Unwrap(err)))
	}
	return fmtText(inv, path, text, stdout, stderr)
}

// fmtText formats the text of path and prints it, writes it back, or checks it, as inv asks.
func fmtText(inv *invocation, path string, text []byte, stdout, stderr io.Writer) int {
	out, err := format.Source(path, text)
	var ie *format.InternalError
	switch {
	case errors.As(err, &ie):
		fmt.Fprintf(stderr, "cot: %s\n", ie)
		return exitInternal
	case err != nil:
		return report(stderr, err)
	}
	switch {
	case inv.check:
		if !bytes.Equal(out, text) {
			fmt.Fprintln(stdout, path)
			return exitUser
		}
	case inv.write:
		if bytes.Equal(out, text) {
			return exitOK
		}
		fi, err := os.Stat(path)
		if err != nil {
			return report(stderr, err)
		}
		if err := writeAtomically(path, out, fi.Mode().Perm()); err != nil {
			return report(stderr, fmt.Errorf("cannot write %s: %w", path, err))
		}
	default:
		stdout.Write(out)
	}
	return exitOK
}

// cotFiles expands the paths of the command line: a directory stands for the *.cot files under
// it (sorted, hidden directories skipped), a file for itself whatever its name.
func cotFiles(paths []string) ([]string, error) {
	var files []string
	for _, path := range paths {
		fi, err := os.Stat(path)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", path, errors.Unwrap(err))
		}
		if !fi.IsDir() {
			files = append(files, path)
			continue
		}
		var found []string
		err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && p != path && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && strings.HasSuffix(p, ".cot") {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("cannot walk %s: %w", path, err)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, nil
}
