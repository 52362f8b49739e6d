package lsp

// Uses of a declaration across the files of a project. An analysis knows the uses in its root
// and in the files the root imports, never in the files that import the root; the uses of a
// declaration of file F are therefore collected from the analyses of F and of every file of the
// project that imports F, directly or not (open documents' current analyses, other files
// analysed for the request). A declaration is identified across analyses by the file and offset
// of its name.

import (
	"sort"

	"cot/internal/semindex"
	"cot/ir/src"
)

// located is one use with the analysis it came from (which has the text of its file).
type located struct {
	a   *Analysis
	use semindex.Use
}

// declKey identifies a declaration in every analysis that includes its file.
type declKey struct {
	file string
	off  int
}

func keyOf(d *semindex.Decl) declKey { return declKey{d.Pos.File, d.Pos.Offset} }

// involved returns the analyses that may use decl, found from the document doc's analysis a:
// a itself, and those of decl's file and of every file of doc's project importing it.
func (s *Server) involved(doc string, a *Analysis, decl *semindex.Decl) []*Analysis {
	out := []*Analysis{a}
	if !decl.TopLevel() {
		return out // a local is used in its function only
	}
	files := append([]string{decl.Pos.File}, s.importers(decl.Pos.File, s.projectDir(doc))...)
	for _, f := range files {
		if f == a.Root || isStdName(f) {
			continue // std modules import no user file: their own uses are in every analysis
		}
		b := s.analyses[f]
		if d := s.docs[f]; b == nil || d == nil || b.Version != d.Version {
			b = s.analyze(f)
		}
		if b.Index != nil {
			out = append(out, b)
		}
	}
	return out
}

// usesAcross returns every use of decl in the analyses, each once, by file and offset.
func usesAcross(analyses []*Analysis, decl *semindex.Decl) []located {
	key := keyOf(decl)
	seen := map[declKey]bool{}
	var out []located
	for _, b := range analyses {
		for _, d := range b.Index.Decls {
			if keyOf(d) != key {
				continue
			}
			for _, u := range b.Index.UsesOf(d) {
				if k := (declKey{u.Pos.File, u.Pos.Offset}); !seen[k] {
					seen[k] = true
					out = append(out, located{b, u})
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return posBefore(out[i].use.Pos, out[j].use.Pos) })
	return out
}

func posBefore(a, b src.Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	return a.Offset < b.Offset
}
