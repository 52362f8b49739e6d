module cot

go 1.26.0

require (
	github.com/alecthomas/participle/v2 v2.1.4
	github.com/bytecodealliance/wasmtime-go/v25 v25.0.0
	github.com/rogpeppe/go-internal v1.16.0
	github.com/tetratelabs/wazero v1.12.0
	golang.org/x/arch v0.33.0
	golang.org/x/tools v0.52.0
)

require (
	github.com/pmezard/go-difflib v1.0.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
)
