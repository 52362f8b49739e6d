package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// usage is what one process cost, from its rusage (the figures /usr/bin/time -v prints).
type usage struct {
	Wall, CPU time.Duration // CPU is user + system
	MaxRSSKB  int64
}

// runResult is what one run of a program showed.
type runResult struct {
	exit     int    // exit status; -1 when killed by a signal or stopped by the timeout
	signal   string // the signal that killed it, if one did
	timedOut bool
	stdout   []byte
	stderr   []byte
	files    tree // the work directory after the run
	usage
}

// measured runs argv in dir with exactly env, stdin empty, and measures it; argv0, when set, is
// the program's argv[0] instead of its path. Only a failure to start is an error; how the process
// ended is in the result.
func measured(ctx context.Context, timeout time.Duration, dir string, env []string, argv0 string, argv ...string) (runResult, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	if argv0 != "" {
		cmd.Args[0] = argv0
	}
	cmd.Dir = dir
	cmd.Env = env
	if cmd.Env == nil {
		cmd.Env = []string{}
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	res := runResult{stdout: stdout.Bytes(), stderr: stderr.Bytes()}
	res.Wall = time.Since(start)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return res, fmt.Errorf("%s: %w", argv[0], err)
	}
	if ps := cmd.ProcessState; ps != nil {
		res.exit = ps.ExitCode()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			res.CPU = time.Duration(syscall.TimevalToNsec(ru.Utime) + syscall.TimevalToNsec(ru.Stime))
			res.MaxRSSKB = ru.Maxrss
		}
		if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			res.signal = ws.Signal().String()
		}
	}
	if ctx.Err() != nil {
		res.timedOut = true
		res.exit = -1
	}
	return res, nil
}

// tree is a directory's contents: slash path -> "dir", "file <sha256>" or "symlink <target>".
type tree map[string]string

// snapshot records the directory's contents after a run (modes and times are not compared).
func snapshot(dir string) (tree, error) {
	t := tree{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if rel == "." {
			return nil
		}
		rel = filepath.ToSlash(rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			t[rel] = "symlink " + target
		case d.IsDir():
			t[rel] = "dir"
		case d.Type().IsRegular():
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			t[rel] = "file " + sumBytes(b)
		default:
			t[rel] = "special " + d.Type().String()
		}
		return nil
	})
	return t, err
}
