package passes

import (
	"fmt"
	"io/fs"
	"testing"
)

// readFrom reads source files from a map, as the language server reads open documents.
func readFrom(files map[string]string) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		text, ok := files[name]
		if !ok {
			return nil, fmt.Errorf("no file %s: %w", name, fs.ErrNotExist)
		}
		return []byte(text), nil
	}
}

// A program of several files keeps its meaning through every pass: imported functions, globals
// and enums, a helper declared privately by two modules, the embedded std/math.
func TestEveryPassKeepsMeaningImports(t *testing.T) {
	checkEveryPass(t, e2eCase{name: "imports", src: `
import "lib/a.cot"
import "lib/b.cot"
import "std/math"
fn main() i64 {
    println(fromA() + fromB() + limit)
    println(ipow(2, 10))
    if (pick() == Dir.Up) { println("up") }
    return abs(-7)
}`, files: map[string]string{
		"lib/a.cot": `fn helper() i64 { return 1 }
fn fromA() i64 { return helper() }
var limit: i64 = fromA() * 100
enum Dir { Up, Down }`,
		"lib/b.cot": `fn helper() i64 { return 2 }
fn fromB() i64 { return helper() }
fn pick() Dir { return Dir.Up }
import "a.cot"`,
	}}, nil, "")
}
