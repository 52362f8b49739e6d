//go:build cgo

package runner

import (
	"sort"

	"github.com/bytecodealliance/wasmtime-go/v25"
)

// defineNetWasmtime defines the `cot` module (cotnet.go) in linker when module imports it; the
// returned host holds the program's sockets until the caller closes it.
func defineNetWasmtime(linker *wasmtime.Linker, module *wasmtime.Module, allowed bool) (*netHost, error) {
	uses := false
	for _, im := range module.Imports() {
		uses = uses || im.Module() == NetModule
	}
	if !uses {
		return nil, nil
	}
	net := &netHost{allowed: allowed}
	names := make([]string, 0, len(NetFuncs))
	for name := range NetFuncs {
		names = append(names, name)
	}
	sort.Strings(names)
	i64 := wasmtime.NewValType(wasmtime.KindI64)
	for _, name := range names {
		params := make([]*wasmtime.ValType, NetFuncs[name])
		for i := range params {
			params[i] = i64
		}
		ty := wasmtime.NewFuncType(params, []*wasmtime.ValType{i64})
		err := linker.FuncNew(NetModule, name, ty, func(c *wasmtime.Caller, vals []wasmtime.Val) ([]wasmtime.Val, *wasmtime.Trap) {
			net.mem = func(off, n int64) ([]byte, bool) {
				ext := c.GetExport("memory")
				if ext == nil || ext.Memory() == nil {
					return nil, false
				}
				data := ext.Memory().UnsafeData(c)
				if off < 0 || n < 0 || off+n > int64(len(data)) {
					return nil, false
				}
				return data[off : off+n], true
			}
			args := make([]int64, len(vals))
			for i, v := range vals {
				args[i] = v.I64()
			}
			return []wasmtime.Val{wasmtime.ValI64(net.call(name, args))}, nil
		})
		if err != nil {
			return nil, err
		}
	}
	return net, nil
}
