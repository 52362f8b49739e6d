package main

import (
	"fmt"
	"strings"
	"time"
)

// renderTable prints the outcomes as a Markdown table with its legend.
func renderTable(outcomes []*outcome) string {
	var b strings.Builder
	b.WriteString("| program | source | .wasm | cot aot wall | cot aot CPU | cot peak RSS | native run | reference run | native / reference | result |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n")
	anyCached := false
	for _, o := range outcomes {
		compile, compileCPU, rss := "—", "—", "—"
		if o.comp != nil {
			compile, compileCPU, rss = seconds(o.comp.Wall), seconds(o.comp.CPU), megabytes(o.comp.MaxRSSKB*1024)
			if o.comp.cached {
				compile += "*"
				anyCached = true
			}
		}
		nativeRun, refRun, ratio := "—", "—", "—"
		if o.ref != nil {
			refRun = seconds(o.ref.CPU)
		}
		if o.native != nil {
			nativeRun = seconds(o.native.CPU)
			if o.ref != nil && o.ref.CPU > 0 {
				ratio = fmt.Sprintf("%.2f×", float64(o.native.CPU)/float64(o.ref.CPU))
			}
		}
		size := "—"
		if o.wasmBytes > 0 {
			size = megabytes(o.wasmBytes)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", o.p.name, cell(o.p.src.String()),
			size, compile, compileCPU, rss, nativeRun, refRun, ratio, cell(o.result()))
	}
	b.WriteString("\ncot aot: wall time, user+system CPU time and peak resident memory of `cot aot MODULE -o OUT` (default flags). " +
		"Runs: user+system CPU seconds of the whole qemu-aarch64 process, native executable vs. " +
		"realworld/refrun (wasmtime, module compiled beforehand) under the same emulator, work directory, " +
		"arguments and environment; both include start-up (refrun's, loading wasmtime and the compiled module, " +
		"is about 0.25 s under qemu, which dominates the smallest programs).\n")
	if anyCached {
		b.WriteString("* measured when this cot binary first compiled this module (cached output).\n")
	}
	return b.String()
}

// result is the row's verdict: the status, why, and whether it is an expected failure.
func (o *outcome) result() string {
	s := string(o.status)
	if o.detail != "" {
		s += ": " + o.detail
	}
	if o.expected {
		s = "expected failure — " + s
	}
	return s
}

// summaryLine is the suite's closing line: passes, and failures that are not expected (the
// problems), then the expected failures and programs not run, counted apart.
func summaryLine(outcomes []*outcome, problems int) string {
	passed, expected, notRun := 0, 0, 0
	for _, o := range outcomes {
		switch {
		case o.passed():
			passed++
		case o.expected:
			expected++
		case o.status == statusNotRun:
			notRun++
		}
	}
	return fmt.Sprintf("realworld: %d expected failures (realworld/expected-failures.txt), %d not run\nrealworld: %d passed, %d failed",
		expected, notRun, passed, problems)
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
