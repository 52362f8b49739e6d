package passes

// End-to-end case for async / await (parse_async.go, check_types_async.go): it runs in
// TestEndToEnd and, after every pass, in TestEveryPassKeepsMeaning. A smaller version of
// golden/testdata/run/async_basics.txtar. The async method goldens (async_methods*.txtar) are
// read from there, as e2e_errors_test.go reads its goldens.

import "path/filepath"

func init() {
	e2eCases = append(e2eCases, asyncE2ECases...)
	files, _ := filepath.Glob("../golden/testdata/run/async_methods*.txtar")
	for _, file := range files {
		if c := goldenCase(file, filepath.Base(file)); c.src != "" {
			e2eCases = append(e2eCases, c)
		}
	}
}

var asyncE2ECases = []e2eCase{
	{name: "async and await", src: `
const E = error { Bad }

async fn add(a: i64, b: i64) i64 {
    println("adding")
    return a + b
}

async fn check(n: i64) E!i64 {
    if (n < 0) { return error.Bad }
    return n * 2
}

async fn hello() void { println("hello") }

fn twice(n: i64) !i64 {
    const v = try await check(n)
    return v + 1
}

fn main() i64 {
    const fut = add(3, 4)
    println(await fut)
    println(await add(await add(1, 2), 10))
    println(twice(5) catch 0)
    println(await check(-1) catch 7)
    await hello()
    return await fut
}
`, stdout: "adding\n7\nadding\nadding\n13\n11\n7\nhello\n", exit: 7},
}
