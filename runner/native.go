package runner

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
)

// QemuPath returns how to run an AArch64 program on this host: "" on an arm64 Linux host (run it
// directly), else the path of qemu-aarch64, or an error that says how to install it.
func QemuPath() (string, error) {
	if runtime.GOARCH == "arm64" && runtime.GOOS == "linux" {
		return "", nil
	}
	path, err := exec.LookPath("qemu-aarch64")
	if err != nil {
		return "", errors.New("qemu-aarch64 not found on PATH; install it with: apt-get install qemu-user")
	}
	return path, nil
}

// RunNative runs the AArch64 Linux ELF at elfPath: directly on an arm64 Linux host, else under
// qemu-aarch64. The program prints its own trap line; Result.Trap is recovered from it.
func RunNative(ctx context.Context, elfPath string, cfg Config) (Result, error) {
	qemu, err := QemuPath()
	if err != nil {
		return Result{}, err
	}
	abs, err := filepath.Abs(elfPath)
	if err != nil {
		return Result{}, err
	}
	dir, err := cfg.dir()
	if err != nil {
		return Result{}, err
	}
	argv := cfg.argv(elfPath)
	var cmd *exec.Cmd
	if qemu == "" {
		cmd = exec.CommandContext(ctx, abs, argv[1:]...)
		cmd.Args[0] = argv[0]
	} else {
		// -0 sets the program's argv[0] so it sees the same arguments as on real hardware.
		cmd = exec.CommandContext(ctx, qemu, append([]string{"-0", argv[0], abs}, argv[1:]...)...)
	}
	cmd.Dir = dir
	cmd.Env, err = cfg.nativeEnv()
	if err != nil {
		return Result{}, err
	}
	cmd.Stdin = cfg.Stdin
	stdout := &output{fwd: cfg.Stdout}
	stderr := &output{fwd: cfg.Stderr}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	err = cmd.Run()
	var res Result
	var exit *exec.ExitError
	switch {
	case err == nil:
	case ctx.Err() != nil:
		return Result{}, fmt.Errorf("native: %w", ctx.Err())
	case errors.As(err, &exit):
		res.ExitCode = exit.ExitCode()
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			// A native crash is a backend bug, never a Wasm trap: report it as such.
			return Result{}, fmt.Errorf("native: %s killed by signal: %v", elfPath, ws.Signal())
		}
	default:
		return Result{}, fmt.Errorf("native: %w", err)
	}
	res.Stdout = stdout.buf.Bytes()
	res.Stderr = stderr.buf.Bytes()
	res.Trap = TrapFromStderr(res.Stderr, res.ExitCode)
	return res, nil
}

// The host variables through which the runtime of a `cot aot` executable takes its sandbox at
// run time (backend/arm64/rt's EnvDirs and EnvEnv; docs/decisions.md, "run-time override").
const (
	envCotDir = "COT_DIR"
	envCotEnv = "COT_ENV"
	envCotNet = "COT_NET" // "1" grants the network (Config.Net; backend/arm64/rt/cot_net.go)
)

// nativeEnv is the host environment of a native program: Config.Env, whose names COT_ENV lists
// so that they pass through the sandbox, and COT_DIR listing the preopens as HOST::GUEST (without
// Preopens the runtime's default, the working directory as "/", stands). A COT_ENV or COT_DIR of
// Config.Env is dropped: the runtime reads the first, which must be ours. COT_NET says whether
// the program may use the network, always (so Config.Env cannot grant it).
func (cfg *Config) nativeEnv() ([]string, error) {
	var env, names []string
	for _, kv := range cfg.Env {
		name, _, _ := strings.Cut(kv, "=")
		if name == envCotEnv || name == envCotDir || name == envCotNet {
			continue
		}
		env = append(env, kv)
		if name != "" && !strings.ContainsAny(name, ";\x00") {
			names = append(names, name)
		}
	}
	env = append(env, envCotEnv+"="+strings.Join(names, ";"))
	net := "0"
	if cfg.Net {
		net = "1"
	}
	env = append(env, envCotNet+"="+net)
	if cfg.Preopens != nil {
		preopens, err := cfg.preopens()
		if err != nil {
			return nil, err
		}
		var dirs []string
		for _, p := range preopens {
			dirs = append(dirs, p.Host+"::"+p.Guest)
		}
		env = append(env, envCotDir+"="+strings.Join(dirs, ";"))
	}
	return env, nil
}
