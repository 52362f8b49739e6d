package main

// The benchmark programs: C sources in c/, each built with clang --target=wasm32-wasi -O2 (the
// module cot, Cranelift and wazero compile) and with aarch64-linux-gnu-gcc -O2 -static (the native
// reference). Args are the full run's; FastArgs a short run for the test suite.

type program struct {
	Name     string
	Sources  []string // c/NAME.c, plus library sources
	Includes []string
	Args     []string
	FastArgs []string
	// Lib names a Debian source package fetched by fetch-src.sh; Sources and Includes of the
	// form "@/path" are relative to its source tree.
	Lib string
	// Prepare is a shell command run once in Lib's source tree before the build, for sources
	// the package generates (SQLite's amalgamation needs tclsh).
	Prepare string
	Flags   []string // for clang and gcc alike
	// Want is text gcc's output must contain (and gcc must exit 0), so that a run failing alike
	// on every target is no pass.
	Want string
	// Diverges names the engines (wasmtime, wazero) known to run the module wrongly, with why:
	// their output must differ from gcc's (so that the entry goes once the engine is fixed) and
	// their counts are not shown. cot's output must always be gcc's.
	Diverges map[string]string
}

var programs = []program{
	{Name: "hash", Args: []string{"4"}, FastArgs: []string{"1"}},
	{Name: "nbody", Args: []string{"100000"}, FastArgs: []string{"2000"}},
	{Name: "sort", Args: []string{"4"}, FastArgs: []string{"1"}},
	{Name: "strings", Args: []string{"4"}, FastArgs: []string{"1"}},
	{Name: "interp", Args: []string{"20000"}, FastArgs: []string{"2000"}},
	{Name: "memops", Args: []string{"4"}, FastArgs: []string{"1"}},
	{Name: "zlib", Lib: "zlib", Args: []string{"2"}, FastArgs: []string{"1"}, Includes: []string{"@"},
		Sources: []string{"@/adler32.c", "@/crc32.c", "@/deflate.c", "@/inflate.c", "@/inftrees.c",
			"@/inffast.c", "@/trees.c", "@/zutil.c", "@/compress.c", "@/uncompr.c"}},
	// SQLite 3 as one 8.6 MB C file (the amalgamation, generated from Debian's sqlite3 source
	// package), on an in-memory database behind the driver's own file-less VFS (SQLITE_OS_OTHER):
	// the same C on every target, and deterministic.
	{Name: "sqlite", Lib: "sqlite3", Args: []string{"4"}, FastArgs: []string{"1"}, Includes: []string{"@"},
		Prepare: "./configure --disable-tcl >/dev/null && make sqlite3.c >/dev/null",
		Sources: []string{"@/sqlite3.c"},
		Flags: []string{"-DSQLITE_OS_OTHER=1", "-DSQLITE_THREADSAFE=0", "-DSQLITE_OMIT_LOAD_EXTENSION",
			"-DSQLITE_TEMP_STORE=3", "-DSQLITE_ENABLE_FTS5", "-DSQLITE_ENABLE_RTREE", "-DSQLITE_ENABLE_MATH_FUNCTIONS"},
		Want: "-- integrity\nok\n",
		Diverges: map[string]string{"wazero": "v1.12.0's arm64 optimizing compiler traps (out of bounds memory access) in " +
			"sqlite3Fts5HashWrite; its interpreter on arm64 and its compiler on amd64 print gcc's output"}},
}
