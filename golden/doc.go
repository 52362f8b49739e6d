// Package golden holds cot's golden and differential tests; the tests live in _test.go files and
// the cases under testdata/<kind>/. `go test ./golden -update` rewrites the expected sections.
package golden
