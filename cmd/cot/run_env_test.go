package main

import (
	"reflect"
	"testing"
)

// `cot run --target=arm64` passes its environment through the native sandbox by naming every
// variable in COT_ENV (a COT_ENV of its own is replaced).
func TestPassEnvironment(t *testing.T) {
	got := passEnvironment([]string{"A=1", "B=x=y", "COT_ENV=HOME", "=odd", "C="})
	want := []string{"A=1", "B=x=y", "=odd", "C=", "COT_ENV=A;B;C"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
