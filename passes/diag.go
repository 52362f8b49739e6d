package passes

// Diagnostic codes of the front end (spec §15 numbering, extended; wording of decisions.md #29).
const (
	codeTypeMismatch  = "E0300" // type mismatch, wrong number of arguments, invalid operations
	codeUndefined     = "E0301" // undefined identifier
	codeRedefined     = "E0302" // redefined identifier
	codeBreakOutside  = "E0304" // break/continue outside of loop
	codeMissingReturn = "E0305" // missing return
	codeLiteralRange  = "E0306" // integer literal out of range
	codeUnknownLabel  = "E0307" // unknown label
	codeInitCycle     = "E0308" // initialization cycle among globals
	codeNotSupported  = "E9000"
)
