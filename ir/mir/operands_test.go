package mir

import (
	"slices"
	"testing"
)

// TestDefsUsesInAgrees checks DefsUsesIn against DefsUses for every operation, so that an
// operation or form added to DefsUses that DefsUsesIn would read differently fails here.
func TestDefsUsesInAgrees(t *testing.T) {
	for op := Op(0); op < numOps; op++ {
		in := &Instr{Op: op, Rd: FirstVirtual + 1, Rn: FirstVirtual + 2, Rm: FirstVirtual + 3, Ra: FirstVirtual + 4,
			Uses: []Reg{0, 1}, Defs: []Reg{V(0)}}
		wantD, wantU := in.DefsUses()
		var buf OperandBuf
		gotD, gotU := in.DefsUsesIn(&buf)
		if !slices.Equal(gotD, wantD) || !slices.Equal(gotU, wantU) {
			t.Errorf("%s (op %d): DefsUsesIn = %v, %v; DefsUses = %v, %v", op.Name(), op, gotD, gotU, wantD, wantU)
		}
		if len(gotD) > 0 && len(gotU) > 0 && cap(gotD) > len(gotD) && &gotD[:cap(gotD)][len(gotD)] == &gotU[0] {
			t.Errorf("%s: appending to the definitions overwrites the uses", op.Name())
		}
	}
}
