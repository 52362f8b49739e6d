package pipeline

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/pmezard/go-difflib/difflib"
)

// The --dump-html view: one self-contained page showing one function after every pass, side by
// side in columns headed by the pass name and its languages, with the lines each pass changed
// highlighted (Go's GOSSAFUNC ssa.html is the model). Run records a column after each pass;
// WriteHTML renders them. Line differences come from difflib's sequence matcher, computed only
// between columns of the same IR family (a lowering to another family changes every line).

// htmlColumn is the text of the function after one pass.
type htmlColumn struct {
	pass, in, out string
	family        *Family
	lines         []string
}

// binaryLines is how much of a byte-level artifact's hex dump a column shows.
const binaryLines = 48

func (o *Options) recordHTML(p Pass, prog any) {
	var sb strings.Builder
	p.Out.Family.Print(&sb, prog, o.HTMLFunc)
	lines := strings.Split(strings.TrimRight(sb.String(), "\n"), "\n")
	if p.Out.Family == Binary && len(lines) > binaryLines {
		more := len(lines) - binaryLines
		lines = append(lines[:binaryLines:binaryLines], fmt.Sprintf(";; … %d more lines", more))
	}
	o.htmlColumns = append(o.htmlColumns, htmlColumn{p.Name, p.In.Name, p.Out.Name, p.Out.Family, lines})
}

// HTMLFound reports whether the function of --dump-html appeared in the text of any pass.
func (o *Options) HTMLFound() bool {
	for _, c := range o.htmlColumns {
		if c.family != Binary && strings.Contains(strings.Join(c.lines, "\n"), o.HTMLFunc) {
			return true
		}
	}
	return false
}

// changedLines marks the lines of cur that are not matched in prev.
func changedLines(prev, cur []string) []bool {
	changed := make([]bool, len(cur))
	for i := range changed {
		changed[i] = true
	}
	m := difflib.NewMatcherWithJunk(prev, cur, false, nil)
	for _, b := range m.GetMatchingBlocks() {
		for k := 0; k < b.Size; k++ {
			changed[b.B+k] = false
		}
	}
	return changed
}

// WriteHTML writes the page of the recorded columns; title names the compilation.
func (o *Options) WriteHTML(w io.Writer, title string) error {
	var sb strings.Builder
	fmt.Fprintf(&sb, htmlHead, html.EscapeString(title), html.EscapeString(title), html.EscapeString(o.HTMLFunc))
	for i, c := range o.htmlColumns {
		var changed []bool
		diffable := i > 0 && o.htmlColumns[i-1].family == c.family && c.family != Binary
		if diffable {
			changed = changedLines(o.htmlColumns[i-1].lines, c.lines)
		}
		n := 0
		for _, ch := range changed {
			if ch {
				n++
			}
		}
		class, note := "col", "new language"
		switch {
		case c.family == Binary:
			class, note = "col collapsed", "bytes (click to show)"
		case diffable && n == 0:
			class, note = "col collapsed", "unchanged"
		case diffable:
			note = fmt.Sprintf("%d lines changed", n)
		}
		fmt.Fprintf(&sb, "<div class=%q data-pass=%q>\n<div class=\"head\" onclick=\"toggle(this)\"><b>%s</b><br><span>%s &rarr; %s</span><br><i>%s</i></div>\n<pre>",
			class, c.pass, html.EscapeString(c.pass), html.EscapeString(c.in), html.EscapeString(c.out), note)
		for j, l := range c.lines {
			if changed != nil && changed[j] {
				fmt.Fprintf(&sb, "<span class=\"changed\">%s</span>\n", html.EscapeString(l))
			} else {
				fmt.Fprintf(&sb, "%s\n", html.EscapeString(l))
			}
		}
		sb.WriteString("</pre>\n</div>\n")
	}
	sb.WriteString(htmlTail)
	_, err := io.WriteString(w, sb.String())
	return err
}

const htmlHead = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>%s</title>
<style>
body { margin: 0; font-family: sans-serif; font-size: 13px; }
h1 { font-size: 15px; margin: 8px; }
#cols { display: flex; align-items: flex-start; }
.col { flex: none; border-right: 1px solid #999; min-width: 8em; max-width: 60em; }
.col.collapsed { min-width: 0; }
.head { background: #2457a6; color: #fff; padding: 4px 6px; cursor: pointer; position: sticky; top: 0; }
.head i { color: #cdd9ee; font-style: normal; font-size: 11px; }
pre { margin: 0; padding: 4px 6px; font-size: 12px; line-height: 1.3; overflow-x: auto; }
.changed { background: #ffe680; display: inline-block; min-width: 100%%; }
.collapsed pre { display: none; }
.collapsed .head { writing-mode: vertical-rl; min-width: 0; }
</style>
<script>
function toggle(h) { h.parentElement.classList.toggle("collapsed"); }
</script>
</head>
<body>
<h1>%s: function <code>%s</code> after every pass (click a header to fold its column; changed lines are yellow)</h1>
<div id="cols">
`

const htmlTail = `</div>
</body>
</html>
`
