package passes

import (
	"strconv"

	"cot/ir/ast"
	"cot/ir/src"
)

// The AST keeps only where a node starts. A diagnostic about a whole call or expression reads
// its end back from the source text, so the caret line underlines all of it (`add(1)` gets
// `^~~~~~`, not `^`). These scanners know just enough of the token syntax to skip strings,
// characters and comments and to balance brackets.

// spanFile returns the source of pos, or nil when it is not known (no span then: a caret).
func spanFile(diags *src.Diagnostics, pos src.Pos) *src.File {
	if diags == nil || !pos.IsValid() {
		return nil
	}
	f := diags.Files[pos.File]
	if f == nil || pos.Offset >= len(f.Text) {
		return nil
	}
	return f
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// skipQuoted returns the offset after the string or character literal opening at i.
func skipQuoted(t []byte, i int) int {
	q := t[i]
	for i++; i < len(t) && t[i] != q && t[i] != '\n'; i++ {
		if t[i] == '\\' {
			i++
		}
	}
	return min(i+1, len(t))
}

// tokenSpan is the span of the token starting at pos: a word, a literal or an operator.
func tokenSpan(diags *src.Diagnostics, pos src.Pos) src.Span {
	f := spanFile(diags, pos)
	if f == nil {
		return src.Span{Pos: pos}
	}
	t, i := f.Text, pos.Offset
	end := i + 1
	switch c := t[i]; {
	case isWordByte(c):
		for end = i; end < len(t) && (isWordByte(t[end]) || t[end] == '.' && end+1 < len(t) && t[end+1] >= '0' && t[end+1] <= '9'); end++ {
		}
	case c == '"' || c == '\'':
		end = skipQuoted(t, i)
	case c == '.' && end < len(t) && (isWordByte(t[end]) || t[end] == '*' || t[end] == '?'):
		for end++; end < len(t) && isWordByte(t[end]) && t[end-1] != '*' && t[end-1] != '?'; end++ {
		}
	case end < len(t) && (t[end] == '=' || t[end] == c && (c == '<' || c == '>' || c == '&' || c == '|' || c == '?' || c == '.')):
		end++
	}
	return src.Span{Pos: pos, End: f.PosAt(end)}
}

// exprSpan is the span of the expression starting at pos: up to the first `,`, `;`, `=>` or
// closing bracket outside brackets, the end of the line outside brackets, or a comment.
// Trailing blanks are not underlined.
func exprSpan(diags *src.Diagnostics, pos src.Pos) src.Span {
	f := spanFile(diags, pos)
	if f == nil {
		return src.Span{Pos: pos}
	}
	end := scanExpr(f.Text, pos.Offset)
	for end > pos.Offset && (f.Text[end-1] == ' ' || f.Text[end-1] == '\t' || f.Text[end-1] == '\r') {
		end--
	}
	if end <= pos.Offset {
		return tokenSpan(diags, pos)
	}
	return src.Span{Pos: pos, End: f.PosAt(end)}
}

func scanExpr(t []byte, i int) int {
	depth := 0
	for i < len(t) {
		c := t[i]
		switch {
		case c == '"' || c == '\'':
			i = skipQuoted(t, i)
			continue
		case c == '/' && i+1 < len(t) && (t[i+1] == '/' || t[i+1] == '*'):
			if depth == 0 {
				return i
			}
			i = skipComment(t, i)
			continue
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth == 0 {
				return i
			}
			depth--
		case depth == 0 && (c == ',' || c == ';' || c == '\n' || c == '=' && i+1 < len(t) && t[i+1] == '>'):
			return i
		}
		i++
	}
	return i
}

func skipComment(t []byte, i int) int {
	if t[i+1] == '/' {
		for i < len(t) && t[i] != '\n' {
			i++
		}
		return i
	}
	for i += 2; i+1 < len(t) && !(t[i] == '*' && t[i+1] == '/'); i++ {
	}
	return min(i+2, len(t))
}

// callSpan is the span of the call starting at pos: its callee and every parenthesised
// argument list that follows it (`max(i64)(1, 2)` whole).
func callSpan(diags *src.Diagnostics, pos src.Pos) src.Span {
	f := spanFile(diags, pos)
	if f == nil {
		return src.Span{Pos: pos}
	}
	t, i := f.Text, pos.Offset
	if t[i] == '.' { // a method call is positioned at its `.`: underline from the name
		i++
		pos = f.PosAt(i)
	}
	for i < len(t) && (isWordByte(t[i]) || t[i] == '.' || t[i] == ' ' || t[i] == '\t') {
		i++
	}
	if i >= len(t) || t[i] != '(' {
		return tokenSpan(diags, pos)
	}
	for i < len(t) && t[i] == '(' {
		i = closeParen(t, i)
	}
	return src.Span{Pos: pos, End: f.PosAt(i)}
}

// closeParen returns the offset after the `)` matching the `(` at i.
func closeParen(t []byte, i int) int { return closeN(t, i+1, 1) }

// closeN returns the offset after the closers of open brackets opened before i.
func closeN(t []byte, i, open int) int {
	for open > 0 && i < len(t) {
		switch c := t[i]; {
		case skips(t, i):
			i = skipNonCode(t, i)
			continue
		case c == '(' || c == '[' || c == '{':
			open++
		case c == ')' || c == ']' || c == '}':
			open--
		}
		i++
	}
	return i
}

// arityError reports a call with the wrong number of arguments, the whole call underlined.
func arityError(diags *src.Diagnostics, pos src.Pos, msg string, want, got int) {
	sp := callSpan(diags, pos)
	label := "expected " + plainCount(want, "argument") + ", found " + strconv.Itoa(got)
	diags.Report(src.Diagnostic{Pos: sp.Pos, End: sp.End, Severity: src.Error, Code: codeTypeMismatch, Msg: msg, Label: label})
}

func plainCount(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// nodeSpan is the span of the expression tree e: from its leftmost to the end of its rightmost
// token (positions of e's nodes in its own file), then past the closing brackets of the
// brackets it opened (`add(1` + `)`, `P { .x = 1` + ` }`).
func nodeSpan(diags *src.Diagnostics, e ast.Expr) src.Span {
	pos := e.Pos()
	f := spanFile(diags, pos)
	if f == nil {
		return src.Span{Pos: pos}
	}
	start, end := pos.Offset, tokenSpan(diags, pos).End.Offset
	ast.Inspect(e, func(n ast.Node) bool {
		p := n.Pos()
		if p.File != pos.File || !p.IsValid() || p.Offset >= len(f.Text) {
			return true
		}
		start = min(start, p.Offset)
		end = max(end, tokenSpan(diags, p).End.Offset)
		return true
	})
	return src.Span{Pos: f.PosAt(start), End: f.PosAt(closeOpened(f.Text, start, end))}
}

// closeOpened extends [start, end) past the closers of the brackets opened inside it.
func closeOpened(t []byte, start, end int) int {
	open := 0
	for i := start; i < end; {
		switch c := t[i]; {
		case skips(t, i):
			i = skipNonCode(t, i)
			continue
		case c == '(' || c == '[' || c == '{':
			open++
		case c == ')' || c == ']' || c == '}':
			open = max(0, open-1)
		}
		i++
	}
	return closeN(t, end, open)
}

// nameSpan is the span of the word name on pos's line at or after pos: a declaration is
// positioned at its keyword (`var x`, `fn f`), a diagnostic about it underlines the name.
// Without the word there, a caret at pos.
func nameSpan(diags *src.Diagnostics, pos src.Pos, name string) src.Span {
	f := spanFile(diags, pos)
	if f == nil || name == "" {
		return src.Span{Pos: pos}
	}
	t := f.Text
	for i := pos.Offset; i+len(name) <= len(t) && t[i] != '\n'; i++ {
		if string(t[i:i+len(name)]) == name && (i == 0 || !isWordByte(t[i-1])) && (i+len(name) == len(t) || !isWordByte(t[i+len(name)])) {
			return src.Span{Pos: f.PosAt(i), End: f.PosAt(i + len(name))}
		}
	}
	return src.Span{Pos: pos}
}

// skips reports whether a string, a character or a comment starts at t[i].
func skips(t []byte, i int) bool {
	c := t[i]
	return c == '"' || c == '\'' || c == '/' && i+1 < len(t) && (t[i+1] == '/' || t[i+1] == '*')
}

// skipNonCode returns the offset after the string, character or comment starting at t[i].
func skipNonCode(t []byte, i int) int {
	if t[i] == '/' {
		return skipComment(t, i)
	}
	return skipQuoted(t, i)
}
