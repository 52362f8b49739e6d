package main

import "testing"

// TestPassNamesUnique: `cot build --target=arm64-linux` runs both tables, so a pass name must
// name one pass across them, or --dump-after and --stop-after would be ambiguous.
func TestPassNamesUnique(t *testing.T) {
	seen := map[string]string{}
	for _, tb := range []struct {
		name  string
		names []string
	}{{"front end", frontEnd().Names()}, {"arm64", backEnd().Names()}} {
		for _, n := range tb.names {
			if other, dup := seen[n]; dup {
				t.Errorf("pass %q is in both the %s and the %s table", n, other, tb.name)
			}
			seen[n] = tb.name
		}
		if err := frontEnd().Check(); err != nil {
			t.Error(err)
		}
		if err := backEnd().Check(); err != nil {
			t.Error(err)
		}
	}
}
