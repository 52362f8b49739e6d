package progen

import (
	"fmt"
)

// heapPrelude declares the heap object type of the ARC statements: a chain of objects whose
// destructor prints, so the order in which objects die shows in the output.
const heapPrelude = `struct Obj { id: i64, val: i64, child: *Obj }

fn Obj_deinit(self: *Obj) void {
    println("free ${self.id}")
}

fn mkObj(id: i64, v: i64) *Obj {
    var o = new Obj { id: id, val: v, child: null }
    return o
}

fn dig_Obj(o: *Obj) i64 {
    var h: i64 = 17
    var p = o
    while (p != null) {
        h = h * 31 + p.id * 7 + p.val
        p = p.child
    }
    return h
}

`

// tObj is *Obj, the type of the heap chain locals.
var tObj = pointerType{&structType{name: "Obj"}}

// newObj is a fresh object: `new Obj { … }` (its child fresh too, at times) or mkObj(…). Child
// links only ever point to fresh objects, so the objects form trees: no cycle leaks or loops.
func (g *gen) newObj(d int) string {
	g.n++
	id := g.n
	switch {
	case g.chance(0.3):
		return fmt.Sprintf("mkObj(%d, %s)", id, g.expr(tI64, d-1))
	case d > 0 && g.chance(0.3):
		return fmt.Sprintf("new Obj { id: %d, val: %s, child: %s }", id, g.expr(tI64, d-1), g.newObj(d-1))
	}
	return fmt.Sprintf("new Obj { id: %d, val: %s, child: null }", id, g.expr(tI64, d-1))
}

// objLocals are the *Obj locals in scope (mutable ones only when mut).
func (g *gen) objLocals(mut bool) []local {
	var out []local
	for _, l := range g.scope {
		if same(l.t, tObj) && (l.mut || !mut) {
			out = append(out, l)
		}
	}
	return out
}

// heapStmt declares, reassigns, links or mutates heap objects: the ARC rules of spec §9.4 (owning
// locals, copies retain, assignment releases the old value, field stores, objects dying at block
// exits and returns) with destructors printing.
func (g *gen) heapStmt(indent int) {
	objs := g.objLocals(true)
	switch k := g.pick(8); {
	case k < 2 || len(objs) == 0:
		name := g.fresh("o")
		init := g.newObj(2)
		if all := g.objLocals(false); len(all) > 0 && g.chance(0.3) {
			init = all[g.pick(len(all))].name // a second owner: retained
		}
		g.line(indent, "var %s: *Obj = %s", name, init)
		g.scope = append(g.scope, local{name, tObj, true})
	case k == 2:
		o := objs[g.pick(len(objs))]
		src := g.newObj(1)
		if all := g.objLocals(false); g.chance(0.4) {
			src = all[g.pick(len(all))].name
		}
		g.line(indent, "%s = %s", o.name, src)
	case k == 3:
		o := objs[g.pick(len(objs))]
		if g.chance(0.3) {
			g.line(indent, "%s.child = null", o.name)
		} else {
			g.line(indent, "%s.child = %s", o.name, g.newObj(1))
		}
	case k == 4:
		o := objs[g.pick(len(objs))]
		g.line(indent, "if (%s.child != null) { %s = %s.child }", o.name, o.name, o.name)
	case k == 5:
		o := objs[g.pick(len(objs))]
		g.line(indent, "%s.val += %s", o.name, g.expr(tI64, 2))
	case k == 6:
		o := objs[g.pick(len(objs))]
		g.line(indent, "trace = trace * 13 + dig_Obj(%s)", o.name)
	default:
		g.line(indent, "println(dig_Obj(%s))", g.newObj(1)) // a temporary dies after its use
	}
}

// heapDecl makes a generated struct a heap object type too: a `new` of it is a *S local, which
// the places and pointer parameters already use; half of them get a destructor that prints.
func (g *gen) heapDecl(indent int) {
	if len(g.structs) == 0 {
		g.heapStmt(indent)
		return
	}
	s := g.structs[g.pick(len(g.structs))]
	name := g.fresh("h")
	g.line(indent, "var %s = new %s", name, g.literal(s, 2)) // `new S { .a = x }` is accepted
	g.scope = append(g.scope, local{name, pointerType{s}, true})
}

// destructors writes a deinit for about half of the generated structs: stack locals of those
// types initialised with a literal are deinitialised at their block's exit (spec §9.6), heap
// objects when they die.
func (g *gen) destructors() {
	for _, s := range g.structs {
		if g.chance(0.5) {
			fmt.Fprintf(&g.decls, "impl %s {\n    fn deinit(self: *%s) void { println(\"deinit %s ${self.id}\") }\n}\n", s.name, s.name, s.name)
		}
	}
}
