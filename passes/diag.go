package passes

// Diagnostic codes of the front end (spec §15 numbering, extended; wording of decisions.md #29).
const (
	codeTypeMismatch  = "E300" // type mismatch, wrong number of arguments, invalid operations
	codeUndefined     = "E301" // undefined identifier
	codeRedefined     = "E302" // redefined identifier
	codeBreakOutside  = "E304" // break/continue outside of loop
	codeMissingReturn = "E305" // missing return
	codeLiteralRange  = "E306" // integer literal out of range
	codeUnknownLabel  = "E307" // unknown label
	codeInitCycle     = "E308" // initialization cycle among globals
	codeNotSupported  = "E9000"
)
