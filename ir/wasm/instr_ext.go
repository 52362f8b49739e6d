package wasm

import (
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The list operands of br_table and the typed select live in one process-wide table of
// operand lists, each list once (interned), and an Instr holds its list's number: an Instr then
// holds no pointer, so a function body is memory the collector neither scans nor tracks writes
// into. The table only grows, by the distinct lists a process meets: target lists of br_tables
// and result types of typed selects are few and short (even a large C program compiled to Wasm
// has a few thousand distinct ones), and two instructions with the same list are equal (==).

// extRef numbers an InstrExt in exts; 0 is none (an Instr's zero value).
type extRef uint32

var exts struct {
	sync.RWMutex
	list  []InstrExt        // list[ref-1]
	index map[string]extRef // the key of each list (extKey) to its number
}

// intern returns the number of x's lists, adding them to the table if they are new.
func intern(x InstrExt) extRef {
	key := extKey(x)
	exts.RLock()
	ref, ok := exts.index[key]
	exts.RUnlock()
	if ok {
		return ref
	}
	exts.Lock()
	defer exts.Unlock()
	if ref, ok := exts.index[key]; ok {
		return ref
	}
	if exts.index == nil {
		exts.index = map[string]extRef{}
	}
	// The table's own copies: the caller may reuse its slices.
	exts.list = append(exts.list, InstrExt{Labels: slices.Clone(x.Labels), Types: slices.Clone(x.Types)})
	ref = extRef(len(exts.list))
	exts.index[key] = ref
	return ref
}

// get returns the lists numbered r (none for 0). The caller must not modify them: they are
// shared by every instruction with the same lists.
func (r extRef) get() InstrExt {
	if r == 0 {
		return InstrExt{}
	}
	exts.RLock()
	defer exts.RUnlock()
	return exts.list[r-1]
}

// extKey is x's lists as text: "L" and the labels, or "T" and the types (a nil list and an empty
// one are the same key: BrTable stores an empty list as nil).
func extKey(x InstrExt) string {
	var b strings.Builder
	b.WriteByte('L')
	for _, l := range x.Labels {
		b.WriteString(strconv.FormatUint(uint64(l), 10))
		b.WriteByte(',')
	}
	b.WriteByte('T')
	for _, t := range x.Types {
		b.WriteString(strconv.FormatUint(uint64(t), 10))
		b.WriteByte(',')
	}
	return b.String()
}
