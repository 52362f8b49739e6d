package main

// Counted runs under qemu-aarch64: every count is the minimum over the repetitions of a run with
// an empty environment, a fixed seed and CPU model, like ../shared/tools/anchors does, so cot's
// and gcc's counts are comparable with the anchors' figures.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

const sysroot = "/usr/aarch64-linux-gnu"

// result is one counted run: executed instructions (all threads), exit status, stdout.
type result struct {
	insns  int64
	exit   int
	stdout []byte
	wall   time.Duration
}

func (r result) out() string {
	s := sha256.Sum256(r.stdout)
	return hex.EncodeToString(s[:6])
}

var insnsRe = regexp.MustCompile(`(?m)^insns: (\d+)$`)

// count runs argv under qemu-aarch64 with plugin lib (libicount.so) in dir, with env (plus
// nothing else) and returns its count; with lib == "" the run is not counted (wall time only).
func count(lib, dir string, env []string, argv ...string) (result, error) {
	log := filepath.Join(dir, fmt.Sprintf(".count-%d.log", time.Now().UnixNano()))
	args := []string{"-i"}
	args = append(args, env...)
	args = append(args, "qemu-aarch64", "-cpu", "max", "-seed", "1", "-L", sysroot)
	if lib != "" {
		args = append(args, "-plugin", lib, "-d", "plugin", "-D", log)
	}
	qemu, err := exec.LookPath("qemu-aarch64")
	if err != nil {
		return result{}, err
	}
	args[len(env)+1] = qemu
	cmd := exec.Command("env", append(args, argv...)...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	r := result{stdout: stdout.Bytes(), wall: time.Since(start)}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		r.exit = ee.ExitCode()
	} else if err != nil {
		return r, err
	}
	if lib == "" {
		return r, nil
	}
	defer os.Remove(log)
	text, err := os.ReadFile(log)
	if err != nil {
		return r, fmt.Errorf("%s: no plugin report (%v); stderr: %.300s", strings.Join(argv, " "), err, stderr.String())
	}
	m := insnsRe.FindSubmatch(text)
	if m == nil {
		return r, fmt.Errorf("%s: no count in %s", strings.Join(argv, " "), log)
	}
	r.insns, _ = strconv.ParseInt(string(m[1]), 10, 64)
	return r, nil
}

// countMin repeats count reps times and keeps the smallest count (and the median wall time).
func countMin(reps int, lib, dir string, env []string, argv ...string) (result, error) {
	var best result
	var walls []time.Duration
	for i := 0; i < reps; i++ {
		r, err := count(lib, dir, env, argv...)
		if err != nil {
			return r, err
		}
		walls = append(walls, r.wall)
		if i == 0 || r.insns < best.insns {
			best = r
		}
	}
	best.wall = median(walls)
	return best, nil
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// run runs a host command, returning its combined output in the error when it fails.
func run(dir string, env []string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = env
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

// anchorsRe reads one engine line of anchors/measure.sh.
var anchorsRe = regexp.MustCompile(`(?m)^engine=(\w+) .* run=(\d+) .* exit=(\d+) out=([0-9a-f]+) `)

type engineRun struct {
	run  int64
	exit int
	out  string
}

// anchors runs ../shared/tools/anchors/measure.sh on a module and returns each engine's run count.
func anchors(tools, wasm string, reps int, args []string) (map[string]engineRun, error) {
	cmd := exec.Command(filepath.Join(tools, "anchors", "measure.sh"), append([]string{wasm}, args...)...)
	cmd.Env = append(os.Environ(), "ANCHORS_REPS="+strconv.Itoa(reps))
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("anchors measure.sh %s: %v\n%s", wasm, err, out)
	}
	res := map[string]engineRun{}
	for _, m := range anchorsRe.FindAllStringSubmatch(string(out), -1) {
		n, _ := strconv.ParseInt(m[2], 10, 64)
		e, _ := strconv.Atoi(m[3])
		res[m[1]] = engineRun{run: n, exit: e, out: m[4]}
	}
	if len(res) != 2 {
		return nil, fmt.Errorf("anchors measure.sh %s: expected two engine lines\n%s", wasm, out)
	}
	return res, nil
}
