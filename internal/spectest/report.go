package spectest

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// Required lists the spec files that must stay at (and ratchet up from) their baseline.
var Required = strings.Fields(`i32 i64 f32 f64 f32_cmp f64_cmp f32_bitwise f64_bitwise conversions
	int_exprs int_literals float_exprs float_literals float_misc float_memory address align
	endianness load store memory memory_grow memory_size memory_trap memory_redundancy memory_copy
	memory_fill memory_init block br br_if br_table loop if call call_indirect func func_ptrs fac
	forward labels left-to-right local_get local_set local_tee global nop return select stack switch
	traps unreachable unwind data elem start`)

// IsRequired reports whether the file (name without .wast) is in Required.
func IsRequired(name string) bool {
	for _, r := range Required {
		if r == name {
			return true
		}
	}
	return false
}

// Counts are the passed assertions of a file by group, as recorded in the baseline.
type Counts struct{ Exec, Reject, Link int }

func (r *FileResult) Counts() Counts { return Counts{r.ExecPass, r.RejectPass, r.LinkPass} }

// Below reports in which groups c has fewer passes than base.
func (c Counts) Below(base Counts) []string {
	var worse []string
	if c.Exec < base.Exec {
		worse = append(worse, fmt.Sprintf("exec %d < %d", c.Exec, base.Exec))
	}
	if c.Reject < base.Reject {
		worse = append(worse, fmt.Sprintf("rejected %d < %d", c.Reject, base.Reject))
	}
	if c.Link < base.Link {
		worse = append(worse, fmt.Sprintf("link %d < %d", c.Link, base.Link))
	}
	return worse
}

// Baseline is the committed per-file pass counts and the executor they were measured with.
type Baseline struct {
	Executor string
	Files    map[string]Counts
}

// ReadBaseline parses the baseline file; a missing file is an empty baseline.
func ReadBaseline(path string) (*Baseline, error) {
	b := &Baseline{Files: map[string]Counts{}}
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return b, nil
	} else if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if exe, ok := strings.CutPrefix(line, "# executor:"); ok {
			b.Executor = strings.TrimSpace(exe)
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 4 {
			return nil, fmt.Errorf("%s:%d: want `file exec rejected link`", path, n)
		}
		var nums [3]int
		for i := range nums {
			if nums[i], err = strconv.Atoi(fields[i+1]); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, n, err)
			}
		}
		b.Files[fields[0]] = Counts{nums[0], nums[1], nums[2]}
	}
	return b, sc.Err()
}

// WriteBaseline writes the baseline file, files sorted by name.
func WriteBaseline(path string, b *Baseline) error {
	var sb strings.Builder
	sb.WriteString("# Spec-test baseline: assertions passed per file (exec = return/trap/exhaustion/action,\n")
	sb.WriteString("# rejected = assert_invalid/assert_malformed of binary modules, link = unlinkable/uninstantiable).\n")
	sb.WriteString("# TestSpec fails when a required file, or the total, drops below it. Rewrite with\n")
	sb.WriteString("#   go test ./golden -run TestSpec -update\n")
	fmt.Fprintf(&sb, "# executor: %s\n", b.Executor)
	names := make([]string, 0, len(b.Files))
	for n := range b.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := b.Files[n]
		fmt.Fprintf(&sb, "%s %d %d %d\n", n, c.Exec, c.Reject, c.Link)
	}
	return os.WriteFile(path, []byte(sb.String()), 0o644)
}

// Total sums the baseline's counts.
func (b *Baseline) Total() int {
	t := 0
	for _, c := range b.Files {
		t += c.Exec + c.Reject + c.Link
	}
	return t
}

// WriteTable prints the per-file table and the totals.
func WriteTable(w io.Writer, results []*FileResult) {
	sort.Slice(results, func(i, j int) bool { return results[i].Name < results[j].Name })
	fmt.Fprintf(w, "%-26s %4s %13s %13s %9s %6s %6s %6s %8s\n", "file", "req", "exec", "rejected", "link", "left", "text", "runs", "seconds")
	var tot FileResult
	for _, r := range results {
		req := ""
		if IsRequired(r.Name) {
			req = "*"
		}
		fmt.Fprintf(w, "%-26s %4s %13s %13s %9s %6d %6d %6d %8.1f\n", r.Name, req,
			ratio(r.ExecPass, r.ExecTotal), ratio(r.RejectPass, r.RejectTotal), ratio(r.LinkPass, r.LinkTotal),
			len(r.LeftOut), r.TextModules, r.Runs, r.Duration.Seconds())
		tot.ExecPass += r.ExecPass
		tot.ExecTotal += r.ExecTotal
		tot.RejectPass += r.RejectPass
		tot.RejectTotal += r.RejectTotal
		tot.LinkPass += r.LinkPass
		tot.LinkTotal += r.LinkTotal
		tot.TextModules += r.TextModules
		tot.Runs += r.Runs
		tot.Duration += r.Duration
		tot.LeftOut = append(tot.LeftOut, r.LeftOut...)
	}
	fmt.Fprintf(w, "%-26s %4s %13s %13s %9s %6d %6d %6d %8.1f\n", "TOTAL", "",
		ratio(tot.ExecPass, tot.ExecTotal), ratio(tot.RejectPass, tot.RejectTotal), ratio(tot.LinkPass, tot.LinkTotal),
		len(tot.LeftOut), tot.TextModules, tot.Runs, tot.Duration.Seconds())
	fmt.Fprintf(w, "passed %d of %d in scope: %s (target 95%%)\n", tot.Passed(), tot.Total(), percent(tot.Passed(), tot.Total()))
	byCategory := map[string]int{}
	for _, l := range tot.LeftOut {
		byCategory[l.Category]++
	}
	categories := make([]string, 0, len(byCategory))
	for c := range byCategory {
		categories = append(categories, c)
	}
	sort.Strings(categories)
	fmt.Fprintf(w, "left out %d commands (-v lists each):\n", len(tot.LeftOut))
	for _, c := range categories {
		fmt.Fprintf(w, "  %5d  %s\n", byCategory[c], c)
	}
	fmt.Fprintf(w, "out of scope: %d assert_malformed on text (`module quote`) modules\n", tot.TextModules)
}

func ratio(pass, total int) string { return fmt.Sprintf("%d/%d", pass, total) }

func percent(pass, total int) string {
	if total == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f%%", 100*float64(pass)/float64(total))
}

// CostHint estimates how long a .wast file takes to run natively, from its text: every trap
// assertion is a process run and every module a compile and a run. Running the costly files
// first packs the parallel runs better.
func CostHint(wastText string) int {
	return strings.Count(wastText, "(assert_trap") + strings.Count(wastText, "(assert_exhaustion") +
		strings.Count(wastText, "(module")
}
