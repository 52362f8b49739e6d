package grammar

import (
	"strconv"
	"strings"
)

// Unquote returns the bytes a string or char literal segment denotes: it strips the delimiters
// (`"`, `'`, a leading `}` or a trailing `${` of an interpolation segment) and processes the
// escapes of §1.4 (`\n \t \r \\ \" \' \0 \xHH`; a backslash before any other byte yields that
// byte). The lexer has already rejected malformed escapes.
func Unquote(raw string) string {
	s := raw
	switch {
	case strings.HasPrefix(s, "\""), strings.HasPrefix(s, "}"), strings.HasPrefix(s, "'"):
		s = s[1:]
	}
	switch {
	case strings.HasSuffix(s, "${"):
		s = s[:len(s)-2]
	case strings.HasSuffix(s, "\""), strings.HasSuffix(s, "'"):
		s = s[:len(s)-1]
	}
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch e := s[i]; e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '0':
			b.WriteByte(0)
		case 'x':
			if i+2 < len(s)+0 && i+2 <= len(s)-1 {
				if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
					b.WriteByte(byte(v))
					i += 2
					continue
				}
			}
			b.WriteByte('x')
		default:
			b.WriteByte(e)
		}
	}
	return b.String()
}

// CharValue returns the byte of a char literal such as `'A'` or `'\n'` (§1.4).
func CharValue(raw string) byte {
	s := Unquote(raw)
	if len(s) == 0 {
		return 0
	}
	return s[0]
}

// IntValue returns the value of an integer literal (§1.4: decimal, 0x, 0o, 0b, `_` separators).
// It fails when the value does not fit in 64 bits; whether it fits the literal's type is for
// the checker (decisions #6).
func IntValue(raw string) (uint64, error) {
	s := strings.ReplaceAll(raw, "_", "")
	base := 10
	if len(s) > 2 && s[0] == '0' {
		switch s[1] | 0x20 {
		case 'x':
			base, s = 16, s[2:]
		case 'o':
			base, s = 8, s[2:]
		case 'b':
			base, s = 2, s[2:]
		}
	}
	return strconv.ParseUint(s, base, 64)
}

// FloatValue returns the value of a float literal (`1.5`, `1.`, `1e9`, `2_000.5`).
func FloatValue(raw string) (float64, error) {
	return strconv.ParseFloat(strings.ReplaceAll(raw, "_", ""), 64)
}
