// An outside program: the Lua 5.4 interpreter (Debian's lua5.4 source package, fetched by
// ../fetch-src.sh) running a script of table, string, pattern-matching, closure, integer and
// floating-point work, built as one unit from Lua's own sources (like upstream's onelua.c) with
// the base, string, table, math and utf8 libraries.
//
// wasm32-wasi (clang 14) has no setjmp/longjmp, which Lua's error recovery (error, pcall,
// coroutine.yield) is built on: here a raised error prints its message and exits with status 2
// on every target alike, and the script raises none. glibc's <setjmp.h>, which the wasm build
// would find first and cannot use, is kept out by its include guard; the native build needs it
// no more than the wasm one.
// Argument: scale (default 2).
#include <stdio.h>
#include <stdlib.h>

#define _SETJMP_H 1
struct lua_State;
static _Noreturn void lua_fatal(struct lua_State *L);
#define LUAI_THROW(L, c) lua_fatal(L)
#define LUAI_TRY(L, c, a) { a }
#define luai_jmpbuf int
// Lua's hook mask is a sig_atomic_t for signal handlers; wasm32-wasi has no <signal.h>.
#define l_signalT int
// table.sort's pivots are randomised by the clock unless told otherwise (Lua's ltablib.c names ~0
// as the choice for no randomness): the order of equal elements must not vary between runs.
#define l_randomizePivot() (~0u)
// The seed of string hashes: by default the clock and addresses, which would make the counted
// instructions vary from run to run; fixed, every run is the same.
#define luai_makeseed(L) 0x2026u

#include "lprefix.h"
#include "lzio.c"
#include "lctype.c"
#include "lopcodes.c"
#include "lmem.c"
#include "lundump.c"
#include "ldump.c"
#include "lstate.c"
#include "lgc.c"
#include "llex.c"
#include "lcode.c"
#include "lparser.c"
#include "ldebug.c"
#include "lfunc.c"
#include "lobject.c"
#include "ltm.c"
#include "lstring.c"
#include "ltable.c"
#include "ldo.c"
#include "lvm.c"
#include "lapi.c"
#include "lauxlib.c"
#include "lbaselib.c"
#include "lmathlib.c"
#include "lstrlib.c"
#include "ltablib.c"
#include "lutf8lib.c"

static _Noreturn void lua_fatal(lua_State *L) {
  const char *msg = lua_tostring(L, -1);
  printf("lua error: %s\n", msg ? msg : "(not a string)");
  exit(2);
}

static const char *script =
    "local n = ...\n"
    "math.randomseed(42)\n"
    // integers: a sieve and a recursive function
    "local function sieve(m)\n"
    "  local comp, count = {}, 0\n"
    "  for i = 2, m do\n"
    "    if not comp[i] then count = count + 1; for j = i * i, m, i do comp[j] = true end end\n"
    "  end\n"
    "  return count\n"
    "end\n"
    "local function fib(k) if k < 2 then return k end return fib(k - 1) + fib(k - 2) end\n"
    "print('primes', sieve(20000 * n), 'fib', fib(18 + n))\n"
    // 64-bit integer arithmetic, shifts and wrap-around
    "local h = 0x9E3779B97F4A7C15\n"
    "for i = 1, 5000 * n do h = (h ~ (h >> 29)) * 0xBF58476D1CE4E5B9 + i; h = h ~ (h << 7) end\n"
    "print('mix', string.format('%016x', h), h // 7, h % 1000, math.ult(h, 1))\n"
    // floats: a series, trigonometry, formatting
    "local s = 0.0\n"
    "for i = 1, 20000 * n do s = s + 1 / (i * i) end\n"
    "print('zeta2', string.format('%.12f', s), math.sqrt(6 * s), math.sin(1.5) * math.exp(0.5))\n"
    "print('floats', 7 / 2, 7 // 2, 7.5 // 2, -7 % 3, 2^53 + 1, math.tointeger(3.0), 1e300 * 1e10, math.pi)\n"
    // tables: objects with metatables, sorting, concatenation
    "local Point = {}\n"
    "Point.__index = Point\n"
    "Point.__add = function(a, b) return setmetatable({x = a.x + b.x, y = a.y + b.y}, Point) end\n"
    "Point.__lt = function(a, b) return a.x * a.x + a.y * a.y < b.x * b.x + b.y * b.y end\n"
    "local pts = {}\n"
    "for i = 1, 3000 * n do pts[i] = setmetatable({x = math.random(-1000, 1000), y = math.random(-1000, 1000)}, Point) end\n"
    "table.sort(pts)\n"
    "local acc = setmetatable({x = 0, y = 0}, Point)\n"
    "for _, p in ipairs(pts) do acc = acc + p end\n"
    "print('points', pts[1].x, pts[1].y, pts[#pts].x, pts[#pts].y, acc.x, acc.y)\n"
    // strings: building, patterns, gsub with a function, formatting
    "local words = {}\n"
    "for i = 1, 2000 * n do words[#words + 1] = string.format('w%d_%x', i % 97, i * 31) end\n"
    "local text = table.concat(words, ' ')\n"
    "local count, total = 0, 0\n"
    "for a, b in text:gmatch('w(%d+)_(%x+)') do count = count + 1; total = total + tonumber(a) + tonumber(b, 16) % 13 end\n"
    "local replaced, k = text:gsub('w(%d)(%d)_', function(x, y) return y .. x end)\n"
    "print('strings', #text, count, total, k, #replaced, replaced:sub(1, 40))\n"
    "print('find', text:find('w5_', 1, true), text:find('%d+_ff'), ('%5.1f|%-5s|%q'):format(3.14159, 'ab', 'a\\nb'))\n"
    // word frequencies, printed in a sorted order (never in the hash table's own)
    "local freq = {}\n"
    "for w in text:gmatch('w(%d+)') do freq[w] = (freq[w] or 0) + 1 end\n"
    "local keys = {}\n"
    "for key in pairs(freq) do keys[#keys + 1] = key end\n"
    "table.sort(keys, function(a, b) if freq[a] ~= freq[b] then return freq[a] > freq[b] end return a < b end)\n"
    "print('freq', #keys, keys[1], freq[keys[1]], keys[#keys], freq[keys[#keys]])\n"
    // closures and varargs
    "local function counter() local c = 0; return function(...) c = c + select('#', ...); return c end end\n"
    "local f = counter()\n"
    "for i = 1, 1000 * n do f(i, i, i) end\n"
    "print('closure', f(), utf8.char(72, 228, 8364, 128512), utf8.len('h\\u{E4}\\u{20AC}'))\n"
    "print('gc', collectgarbage('count') > 0, string.rep('ab', 3, ','), tostring(nil), tostring(1/0), math.maxinteger + 1 == math.mininteger)\n";

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 2;
  lua_State *L = luaL_newstate();
  luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
  luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
  luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
  luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
  luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
  lua_settop(L, 0);
  if (luaL_loadstring(L, script) != LUA_OK) {
    printf("load: %s\n", lua_tostring(L, -1));
    return 1;
  }
  lua_pushinteger(L, scale);
  lua_call(L, 1, 0);
  lua_close(L);
  return 0;
}
