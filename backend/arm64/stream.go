package arm64

import (
	"cot/backend/arm64/obj"
	encwasm "cot/backend/wasm"
	"cot/ir/pipeline"
)

// The backend streams its per-function passes, translate to encode-instructions (see
// ir/pipeline/stream.go): each defined function goes through all of them before its IR is
// dropped, on as many workers as there are cores, and only its machine code and relocations are
// kept for link. A last unit compiles the backend's own functions (module init, main, helpers).
var stream = &pipeline.Stream{
	First: "translate",
	Last:  "encode-instructions",
	Units: func(ctx *pipeline.Ctx, prog any) []any {
		lazy := prog.(*encwasm.Lazy)
		m := lazy.M
		layout := newModuleLayout(m)
		units := make([]any, 0, len(m.Funcs)+1)
		for i := range m.Funcs {
			units = append(units, &funcUnit{index: i, layout: layout, size: lazy.BodySize(i)})
		}
		return append(units, &funcUnit{index: -1, layout: layout})
	},
	// The largest bodies first: the last function a worker starts is then a small one.
	Cost: func(unit any) int { return unit.(*funcUnit).size },
	Join: func(ctx *pipeline.Ctx, prog any, outs []any) (any, error) {
		p := &ObjProgram{Layout: outs[len(outs)-1].(*ObjProgram).Layout}
		n := 0
		for _, o := range outs {
			n += len(o.(*ObjProgram).Syms)
		}
		p.Syms = make([]obj.Symbol, 0, n)
		for _, o := range outs {
			p.Syms = append(p.Syms, o.(*ObjProgram).Syms...)
		}
		return p, nil
	},
}

// funcUnit is one unit of the stream: defined function index (imports not counted), or -1 for
// the backend's own functions; layout is the module's, shared by all units (read only).
type funcUnit struct {
	index  int
	layout *moduleLayout
	size   int // the body's size in bytes (0 for the backend's own functions)
}

// unitOf returns the unit a streamed pass works on, or nil when it sees the whole program.
func unitOf(ctx *pipeline.Ctx) *funcUnit {
	u, _ := ctx.Unit.(*funcUnit)
	return u
}
