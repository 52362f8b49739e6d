package passes

import "testing"

// The runtime's Cot code keeps its meaning through every pass, interpreted and compiled: the
// allocator (@alloc, reuse after @dealloc, @realloc moving contents), @memcpy with overlap,
// integer printing of every width, bool printing and a failed assertion.
func TestEveryPassKeepsMeaningRuntime(t *testing.T) {
	checkEveryPass(t, e2eCase{name: "runtime", src: `
fn put(addr: i64, v: i64) void {
    const p: *i64 = @intToPtr(*i64, addr)
    p.* = v
}
fn get(addr: i64) i64 {
    const p: *i64 = @intToPtr(*i64, addr)
    return p.*
}
fn main() i64 {
    const a = @alloc(40)
    put(a, 11)
    put(a + 32, 22)
    @dealloc(a)
    const b = @alloc(33)
    println(a == b)
    put(b, 5)
    const c = @realloc(b, 5000)
    println(get(c))
    put(c + 8, 6)
    @memcpy(c + 16, c, 16)
    println(get(c + 16) * 10 + get(c + 24))
    const big: u64 = 18446744073709551615
    println(big)
    const small: i8 = -128
    println(small)
    println(-9223372036854775807 - 1)
    eprintln(true)
    @assert_eq(get(c), 6)
    return 0
}`}, nil, "")
}
