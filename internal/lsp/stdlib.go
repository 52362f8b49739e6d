package lsp

// The standard library's files in the editor. The front end names an std module "std/NAME.cot"
// and reads it from the copy embedded in cot (package std), so there is no file an editor could
// open. Definition, references and diagnostics need a URI an editor opens without help, so the
// server writes a read-only copy of each module it names to
//
//	<user cache dir>/cot/std/<first 16 hex digits of the text's SHA-256>/NAME.cot
//
// ($XDG_CACHE_HOME or ~/.cache on Linux), and maps that path back to "std/NAME.cot" when the
// editor opens it: the document is then the module itself, analysed as a library. The hash keeps
// two cot versions with different modules from sharing a copy. When no cache directory can be
// written, os.TempDir() is used instead.

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"

	"cot/std"
)

func isStdName(name string) bool {
	return strings.HasPrefix(name, "std/") && strings.HasSuffix(name, ".cot") && !strings.Contains(name[4:], "/")
}

// stdModule is NAME of "std/NAME.cot".
func stdModule(name string) string {
	return strings.TrimSuffix(strings.TrimPrefix(name, "std/"), ".cot")
}

// stdRoot is the directory the copies of the modules go under.
func stdRoot(base string) string { return filepath.Join(base, "cot", "std") }

func stdBases() []string {
	var out []string
	if dir, err := os.UserCacheDir(); err == nil {
		out = append(out, dir)
	}
	return append(out, os.TempDir())
}

// stdPath writes (once) the copy of std module name ("std/NAME.cot") and returns its path, or ""
// when the module does not exist or no copy can be written.
func stdPath(name string) string {
	text, err := std.Read(stdModule(name))
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(text)
	for _, base := range stdBases() {
		dir := filepath.Join(stdRoot(base), hex.EncodeToString(sum[:8]))
		path := filepath.Join(dir, stdModule(name)+".cot")
		if old, err := os.ReadFile(path); err == nil && string(old) == string(text) {
			return path
		}
		if os.MkdirAll(dir, 0o755) != nil {
			continue
		}
		tmp, err := os.CreateTemp(dir, ".module-*")
		if err != nil {
			continue
		}
		_, werr := tmp.Write(text)
		cerr := tmp.Close()
		if werr == nil && cerr == nil && os.Chmod(tmp.Name(), 0o444) == nil && os.Rename(tmp.Name(), path) == nil {
			return path
		}
		os.Remove(tmp.Name())
	}
	return ""
}

// stdNameOf maps the path of a copy stdPath wrote back to the module's name.
func stdNameOf(path string) (string, bool) {
	for _, base := range stdBases() {
		rel, err := filepath.Rel(stdRoot(base), path)
		if err != nil {
			continue
		}
		parts := strings.Split(rel, string(filepath.Separator))
		if len(parts) == 2 && parts[0] != ".." && strings.HasSuffix(parts[1], ".cot") {
			name := "std/" + parts[1]
			if _, err := std.Read(stdModule(name)); err == nil {
				return name, true
			}
		}
	}
	return "", false
}
