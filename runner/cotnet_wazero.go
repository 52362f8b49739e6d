package runner

import (
	"context"
	"sort"

	"cot/runtime"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

// NetModule is the import module of the sockets and epoll (cotnet.go).
const NetModule = runtime.NetModule

// importsNet reports whether the module imports a function of the `cot` module.
func importsNet(m wazero.CompiledModule) bool {
	for _, f := range m.ImportedFunctions() {
		if mod, _, _ := f.Import(); mod == NetModule {
			return true
		}
	}
	return false
}

// instantiateNetWazero defines the `cot` module on rt as host functions over net.
func instantiateNetWazero(ctx context.Context, rt wazero.Runtime, net *netHost) error {
	b := rt.NewHostModuleBuilder(NetModule)
	names := make([]string, 0, len(NetFuncs))
	for name := range NetFuncs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		params := make([]api.ValueType, NetFuncs[name])
		for i := range params {
			params[i] = api.ValueTypeI64
		}
		b.NewFunctionBuilder().WithGoModuleFunction(api.GoModuleFunc(func(ctx context.Context, m api.Module, stack []uint64) {
			net.mem = func(off, n int64) ([]byte, bool) {
				if off < 0 || n < 0 || off+n > int64(m.Memory().Size()) {
					return nil, false
				}
				return m.Memory().Read(uint32(off), uint32(n))
			}
			args := make([]int64, len(params))
			for i := range args {
				args[i] = int64(stack[i])
			}
			stack[0] = uint64(net.call(name, args))
		}), params, []api.ValueType{api.ValueTypeI64}).Export(name)
	}
	_, err := b.Instantiate(ctx)
	return err
}
