package lsp

import (
	"fmt"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"cot/grammar"
)

// Formatter returns the formatted text of a file, or an error when it will not format it.
type Formatter func(path string, text []byte) ([]byte, error)

// Layout is the formatter `cot lsp` uses until `cot fmt` exists (issue 11 item 1). The grammar
// has no whole-file printer (grammar/format.go prints expressions only, fully parenthesised, and
// the lexer drops comments), so reprinting from the tree would delete every comment. Layout
// therefore changes whitespace between lines only, and keeps every token and comment:
//
//   - a line is indented 4 spaces per open bracket line: brackets opened on one line count once
//     (`f(a, fn() {` indents its body one level), and closing brackets that begin a line close
//     before it is indented;
//   - trailing whitespace is removed, runs of blank lines become one, the file starts with its
//     first non-blank line and ends with exactly one newline;
//   - lines that continue a block comment are kept as they are.
//
// It refuses a file that does not lex (it cannot know where strings and comments are), and it
// checks its own output: the tokens and the comment texts must be the same as the input's, or it
// refuses rather than risk a change of meaning.
func Layout(path string, text []byte) ([]byte, error) {
	toks, err := grammar.Tokenize(path, text)
	if err != nil {
		return nil, fmt.Errorf("cannot format %s: %v", path, err)
	}
	src := string(text)
	for _, t := range toks {
		if t.Type != lexer.EOF && !strings.HasPrefix(src[t.Pos.Offset:], t.Value) {
			return nil, fmt.Errorf("cannot format %s: token %q does not match the text at offset %d", path, t.Value, t.Pos.Offset)
		}
	}
	out := layoutLines(src, toks)
	if err := sameProgram(path, text, []byte(out)); err != nil {
		return nil, err
	}
	return []byte(out), nil
}

// lineState is one source line's place in the token stream.
type lineState struct {
	inComment bool // the line starts inside a block comment
	indent    int
}

func layoutLines(src string, toks []lexer.Token) string {
	lines := strings.Split(src, "\n")
	states := make([]lineState, len(lines))
	// Block comments: the lines after the one a block comment starts on, up to its end line.
	for _, c := range comments(src, toks) {
		if !strings.HasPrefix(c.text, "/*") {
			continue
		}
		first := strings.Count(src[:c.start], "\n")
		last := first + strings.Count(c.text, "\n")
		for l := first + 1; l <= last; l++ {
			states[l].inComment = true
		}
	}
	// Indentation: a stack of the lines brackets were opened on. A line's indentation is the
	// number of distinct lines on the stack once the closing brackets that begin it are popped.
	var open []int
	ti, lineStart := 0, 0
	for l := range lines {
		lineEnd := lineStart + len(lines[l])
		onLine := func() bool { return ti < len(toks) && toks[ti].Type != lexer.EOF && toks[ti].Pos.Offset < lineEnd }
		for ; onLine() && isCloser(toks[ti]) && toks[ti].Type != grammar.TokStrMid; ti++ {
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
		states[l].indent = distinctLines(open)
		for ; onLine(); ti++ {
			t := toks[ti]
			if isCloser(t) && len(open) > 0 {
				open = open[:len(open)-1]
			}
			if isOpener(t) || t.Type == grammar.TokStrMid { // `}text${` closes one interpolation, opens the next
				open = append(open, l)
			}
		}
		lineStart = lineEnd + 1
	}
	var b strings.Builder
	blank := 0
	started := false
	for l, line := range lines {
		if states[l].inComment {
			b.WriteString(line + "\n")
			started = true
			continue
		}
		content := strings.TrimSpace(line)
		if content == "" {
			blank++
			continue
		}
		if blank > 0 && started {
			b.WriteString("\n")
		}
		blank = 0
		started = true
		b.WriteString(strings.Repeat("    ", states[l].indent) + content + "\n")
	}
	return b.String()
}

// distinctLines counts the distinct lines in a stack of bracket lines (non-decreasing).
func distinctLines(open []int) int {
	count, last := 0, -1
	for _, ol := range open {
		if ol != last {
			count++
			last = ol
		}
	}
	return count
}

func isOpener(t lexer.Token) bool {
	switch t.Type {
	case grammar.TokStructOpen, grammar.TokNewParen, grammar.TokNewBrace, grammar.TokStrHead:
		return true
	case grammar.TokPunct, grammar.TokKeyword:
		return t.Value == "(" || t.Value == "[" || t.Value == "{"
	}
	return false
}

func isCloser(t lexer.Token) bool {
	switch t.Type {
	case grammar.TokStrTail, grammar.TokStrMid:
		return true
	case grammar.TokPunct, grammar.TokKeyword:
		return t.Value == ")" || t.Value == "]" || t.Value == "}"
	}
	return false
}

// comment is one comment of a file: its offset and text.
type comment struct {
	start int
	text  string
}

// comments finds the comments in the gaps between tokens.
func comments(src string, toks []lexer.Token) []comment {
	var out []comment
	prevEnd := 0
	scan := func(from, to int) {
		for i := from; i < to-1; i++ {
			switch src[i : i+2] {
			case "//":
				end := strings.IndexByte(src[i:to], '\n')
				if end < 0 {
					end = to - i
				}
				out = append(out, comment{i, src[i : i+end]})
				i += end
			case "/*":
				end := strings.Index(src[i+2:to], "*/")
				if end < 0 {
					end = to - i - 4
				}
				out = append(out, comment{i, src[i : i+2+end+2]})
				i += 2 + end + 1
			}
		}
	}
	for _, t := range toks {
		scan(prevEnd, t.Pos.Offset)
		prevEnd = t.Pos.Offset + len(t.Value)
	}
	scan(prevEnd, len(src))
	return out
}

// sameProgram checks that after differs from before in whitespace outside tokens only.
func sameProgram(path string, before, after []byte) error {
	t1, _ := grammar.Tokenize(path, before)
	t2, err := grammar.Tokenize(path, after)
	if err != nil || len(t1) != len(t2) {
		return fmt.Errorf("cannot format %s: the layout would change its tokens (a formatter bug)", path)
	}
	for i := range t1 {
		if t1[i].Type != t2[i].Type || t1[i].Value != t2[i].Value {
			return fmt.Errorf("cannot format %s: the layout would change token %q (a formatter bug)", path, t1[i].Value)
		}
	}
	c1, c2 := comments(string(before), t1), comments(string(after), t2)
	if len(c1) != len(c2) {
		return fmt.Errorf("cannot format %s: the layout would change its comments (a formatter bug)", path)
	}
	for i := range c1 {
		if strings.Join(strings.Fields(c1[i].text), " ") != strings.Join(strings.Fields(c2[i].text), " ") {
			return fmt.Errorf("cannot format %s: the layout would change a comment (a formatter bug)", path)
		}
	}
	return nil
}
