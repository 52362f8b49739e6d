package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// expect is what the reference's run of a program must show. A workload that fails on the
// reference too would compare "identical" and prove nothing, so the suite checks it first.
type expect struct {
	exit   int               // exit status (0 unless set)
	stdout []string          // substrings of stdout
	files  []string          // files the run must leave in the work directory
	same   map[string]string // file -> realworld/testdata file it must equal byte for byte
}

// checkReference says how the reference's run misses p.want, or "" when it does not.
func checkReference(p *program, ref runResult, testdataDir string) string {
	switch {
	case ref.timedOut:
		return "timed out"
	case ref.signal != "":
		return "killed by " + ref.signal
	case ref.exit != p.want.exit:
		return fmt.Sprintf("exit status %d, want %d: %s", ref.exit, p.want.exit, firstLine(ref.stderr))
	}
	for _, s := range p.want.stdout {
		if !bytes.Contains(ref.stdout, []byte(s)) {
			return fmt.Sprintf("stdout lacks %q", s)
		}
	}
	for _, f := range p.want.files {
		if !strings.HasPrefix(ref.files[f], "file ") {
			return "wrote no " + f
		}
	}
	for f, golden := range p.want.same {
		want, err := os.ReadFile(filepath.Join(testdataDir, golden))
		if err != nil {
			return err.Error()
		}
		if sum := sumBytes(want); ref.files[f] != "file "+sum {
			return fmt.Sprintf("%s differs from testdata/%s", f, golden)
		}
	}
	return ""
}

// differences lists how the native run differs from the reference's: exit status, stdout, files
// (stderr is not compared: runtimes word their own errors differently). Empty means identical.
func differences(native, ref runResult) []string {
	var d []string
	switch {
	case native.timedOut:
		d = append(d, "native timed out")
	case native.signal != "":
		d = append(d, "native killed by "+native.signal)
	case native.exit != ref.exit:
		msg := fmt.Sprintf("exit %d vs %d", native.exit, ref.exit)
		if line := lastLine(native.stderr); line != "" {
			msg += " (" + line + ")"
		}
		d = append(d, msg)
	}
	if !bytes.Equal(native.stdout, ref.stdout) {
		d = append(d, "stdout "+firstDifference(native.stdout, ref.stdout))
	}
	if files := treeDifferences(native.files, ref.files); len(files) > 0 {
		d = append(d, "files "+summarize(files, 3))
	}
	return d
}

// firstDifference says where two outputs part: "differs at line L" or which one is a prefix.
func firstDifference(a, b []byte) string {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	line := bytes.Count(a[:i], []byte("\n")) + 1
	switch {
	case len(a) == 0:
		return fmt.Sprintf("is empty (the reference's: %d bytes)", len(b))
	case i == len(a):
		return fmt.Sprintf("is a prefix of the reference's (%d of %d bytes)", len(a), len(b))
	case i == len(b):
		return fmt.Sprintf("has %d bytes more than the reference's", len(a)-len(b))
	}
	return fmt.Sprintf("differs at line %d", line)
}

// treeDifferences lists the paths whose entries differ, sorted: "x (missing)", "y (extra)", "z".
func treeDifferences(native, ref tree) []string {
	var d []string
	for path, want := range ref {
		got, ok := native[path]
		switch {
		case !ok:
			d = append(d, path+" (missing)")
		case got != want:
			d = append(d, path)
		}
	}
	for path := range native {
		if _, ok := ref[path]; !ok {
			d = append(d, path+" (extra)")
		}
	}
	sort.Strings(d)
	return d
}

// summarize joins the first n items and counts the rest.
func summarize(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s (+%d more)", strings.Join(items[:n], ", "), len(items)-n)
}

// lastLine is the last non-blank line of b.
func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
