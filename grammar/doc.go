// Package grammar is the participle grammar of Cot (spec/language.md §1–§6, §10–§13 with
// spec/decisions.md applied): a hand-written lexer, the CST types, and Parse.
//
// The CST never leaves this package and the `parse` pass (design §2). Every node carries
// Pos (the start of its first token) and EndPos (just past its last token).
//
// API: Parse(filename, src) (*File, error); ParseEach (the same, streaming each declaration); the CST types (File ... Primary); Walk; ExprString
// and TypeString (canonical text, for tests and debugging); Unquote, CharValue, IntValue,
// FloatValue (literal values); NewExpr.TypeArgs/CtorArgs; TestDecl.DisplayName; SimplePrimary;
// Builtins (name -> argument count); EBNF; Tokenize and Definition (the lexer).
//
// Decisions made here (one line each):
//   - The lexer is hand-written (a participle lexer.Definition), because interpolation needs a mode stack.
//   - Newlines are insignificant and parsing is greedy (decisions #1): `x = a` newline `(b)` is a call.
//   - `;` is accepted only where §1.1 lists it; `extern fn` requires it.
//   - `else if` chains are flattened (IfStmt.ElseIfs / IfExpr.ElseIfs) rather than nested.
//   - `&&`, `||`, `!` parse exactly like `and`, `or`, `not` (decisions #2); Op keeps the spelling.
//   - `[T]`, `[K]V`, `Map<K,V>`, `List<T>` parse, then Parse rejects them (E0109) naming List(T)/Map(K, V) (decisions #4).
//   - `?.` parses as a postfix (Suffix.OptField) (decisions #3).
//   - Interpolated strings nest: `"a ${ "b ${c}" } d"` works, and braces inside `${}` are balanced.
//   - Char literals accept `\xHH` too (the original's scanner did not).
//   - An unterminated block comment is an error (E0105), not a silent run to end of file.
//   - An unknown `@name` is a lexical error (E0107); builtin argument counts are left to the checker (Builtins).
//   - `1.` is a float, `1.foo` is `1` `.` `foo`, and a number right after `.` is never a float (`t.0.1`).
//   - Enum variant values are expressions so `-1` parses (decisions #17); the checker wants a literal.
//   - Call and builtin arguments may be types that are not expressions (`@sizeOf([4]i64)`, `f(*T)(x)`).
//   - A struct literal `T{...}` is a postfix suffix on any expression; the checker requires a type.
//   - Safe-mode colon struct literals are recognised by the lexer (TokStructOpen); `for ... in 0..N { x }` is never one.
//   - An `if` in statement position is an IfStmt even as the last statement of a block expression.
//   - A leading `-` is allowed in switch patterns (Pattern.Neg/EndNeg), an extension of §6.12.
//   - `_` is an ordinary identifier in the CST; the parse pass treats the pattern `_` as the wildcard.
//   - Call arguments use Arg (Expr or Type); a bare name is always an Expr, read as a type by the parse pass;
//     a name followed by `!` (`E!T`) is a Type, and `!T` an Expr the parse pass reads as a type where one is wanted.
//   - No backtracking once a token is consumed (UseLookahead(0)); multi-token decisions use (?= ...) groups.
//   - A parse error stops parsing (no recovery): one E0100 per file; E0109/E0110 are all reported.
//   - So broken input is parsed once (linear time): a statement starting with `{`/`if` is never retried
//     as an expression, and the lexer marks the brackets of `new` (TokNewParen, TokNewBrace).
//   - A trailing comma is accepted in every comma-separated list closed by `)`, `]` or `}`.
//   - Nesting is limited (256 bracket levels; E0108) so hostile input cannot overflow the stack.
//   - At run time every rule is compiled by hand from its tags (fast_*.go: declarations in
//     fast_decl*.go) and participle parses nothing; the tags stay the grammar's definition.
//     `-tags cotref` is the reference build in which participle interprets every tag;
//     TestParseResults holds both to one golden.
//   - Tokens are 20 bytes without pointers (token.go); lexer.Tokens are made only for Tokenize,
//     the reference build and the diagnostics of a file that does not parse.
//   - An interpolated string ends with a zero-width StrEnd token, so what follows it is never
//     read as one more part.
//   - A file without declarations is `expected declaration, found end of file` at its end; a
//     UTF-8 byte-order mark at the start is skipped (columns still count its bytes).
package grammar
