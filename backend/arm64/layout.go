package arm64

import (
	"fmt"

	"cot/ir/wasm"
)

// moduleLayout is the data layout of a compiled module, shared by instruction selection and
// linking. The module data block (symbol cot_module_data, base register x25) holds, in 8-byte
// words: every global (imported spectest globals included), then per table its current size and
// its maximum, then the current length of every data segment, then that of every element segment
// (a dropped or applied segment has length 0).
type moduleLayout struct {
	m        *wasm.Module
	funcSyms []string
	typeID   []int // canonical signature id per type index (structurally equal types share it)
	nGlobals int
	tables   []wasm.Table // imported (spectest) tables first
	tableCap []uint32     // element capacity reserved for each table
}

// Symbols of module data.
const (
	moduleDataSym = "cot_module_data"
)

func tableSym(t int) string   { return fmt.Sprintf("cot_table_%d", t) }
func dataSym(d int) string    { return fmt.Sprintf("cot_data_%d", d) }
func elemSym(e int) string    { return fmt.Sprintf("cot_elem_%d", e) }
func funcRefSym(f int) string { return fmt.Sprintf("cot_funcref_%d", f) }

// maxTableCap bounds the capacity reserved for a table without a (small) maximum.
const maxTableCap = 1 << 20

func newModuleLayout(m *wasm.Module) *moduleLayout {
	l := &moduleLayout{m: m, funcSyms: FuncSymbols(m)}
	for i, t := range m.Types {
		id := i
		for j := 0; j < i; j++ {
			if m.Types[j].Equal(t) {
				id = l.typeID[j]
				break
			}
		}
		l.typeID = append(l.typeID, id)
	}
	l.nGlobals = m.NumImported(wasm.ExternGlobal) + len(m.Globals)
	for _, im := range m.Imports {
		if im.Kind == wasm.ExternTable {
			l.tables = append(l.tables, wasm.Table{Elem: im.Table.Elem, Limits: spectestTable})
		}
	}
	l.tables = append(l.tables, m.Tables...)
	for _, t := range l.tables {
		c := uint64(maxTableCap)
		if t.Limits.HasMax && uint64(t.Limits.Max) < c {
			c = uint64(t.Limits.Max)
		}
		if uint64(t.Limits.Min) > c {
			c = uint64(t.Limits.Min)
		}
		l.tableCap = append(l.tableCap, uint32(c))
	}
	return l
}

func (l *moduleLayout) globalOff(i int) int64    { return 8 * int64(i) }
func (l *moduleLayout) tableSizeOff(t int) int64 { return 8*int64(l.nGlobals) + 16*int64(t) }
func (l *moduleLayout) tableMaxOff(t int) int64  { return l.tableSizeOff(t) + 8 }
func (l *moduleLayout) dataLenOff(d int) int64 {
	return 8*int64(l.nGlobals) + 16*int64(len(l.tables)) + 8*int64(d)
}
func (l *moduleLayout) elemLenOff(e int) int64 { return l.dataLenOff(len(l.m.Datas)) + 8*int64(e) }

// size is the size of the module data block in bytes.
func (l *moduleLayout) size() int64 { return l.elemLenOff(len(l.m.Elems)) + 8 }
