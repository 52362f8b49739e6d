package runner

// confinedFS is a preopened host directory for wazero that no path leaves. wazero's own DirFS
// refuses a path that climbs above the preopen lexically (`../x`: EPERM, before the FS is asked)
// and an absolute symlink target at creation, but it hands every other path to the host kernel,
// which follows symlinks wherever they point: `link -> /etc` made `link/passwd` readable.
//
// confinedFS resolves every path itself, one component at a time under the preopen, like the
// native runtime (docs/decisions.md, "path resolution") and wasmtime's cap-std: a symlink is read
// and its target spliced into the rest of the path (at most 40 of them, else ELOOP), `..` pops
// the components resolved so far, and a target that is absolute or climbs above the preopen is
// refused with EPERM — the errno wazero already gives a lexical escape (wazero's FS interface has
// no ENOTCAPABLE, which wasmtime and the native runtime return). Symlinks inside the preopen keep
// working. The resolved path names no symlink, and DirFS then works on it with O_NOFOLLOW.
//
// A WASI preview 1 guest runs one thread, so it cannot change a path between the check and the
// use; another host process could (openat2's RESOLVE_BENEATH would close that too, but wazero
// offers no way to wrap a host fd as one of its files).

import (
	"io/fs"
	"strings"

	experimentalsys "github.com/tetratelabs/wazero/experimental/sys"
	"github.com/tetratelabs/wazero/experimental/sysfs"
	"github.com/tetratelabs/wazero/sys"
)

// maxSymlinks bounds the symlinks followed in one path (Linux's limit).
const maxSymlinks = 40

type confinedFS struct {
	dir experimentalsys.FS // sysfs.DirFS of the host directory: does the work on resolved paths
}

func newConfinedFS(hostDir string) experimentalsys.FS {
	return &confinedFS{dir: sysfs.DirFS(hostDir)}
}

// resolve turns p (relative to the preopen, as wazero passes it) into an equivalent path with no
// symlink in it, or an errno. The last component is followed only when followLast is set; a
// trailing slash always follows it, as in POSIX.
func (c *confinedFS) resolve(p string, followLast bool) (string, experimentalsys.Errno) {
	trailingSlash := strings.HasSuffix(p, "/")
	followLast = followLast || trailingSlash
	pending := splitPath(p)
	var done []string
	links := 0
	for len(pending) > 0 {
		name := pending[0]
		pending = pending[1:]
		switch name {
		case "..":
			if len(done) == 0 {
				return "", experimentalsys.EPERM
			}
			done = done[:len(done)-1]
			continue
		}
		cur := joinPath(append(done, name))
		last := len(pending) == 0
		if last && !followLast {
			done = append(done, name)
			break
		}
		st, errno := c.dir.Lstat(cur)
		switch {
		case errno == experimentalsys.ENOENT && last:
			done = append(done, name) // to be created
			continue
		case errno != 0:
			return "", errno
		case st.Mode&fs.ModeSymlink == 0:
			done = append(done, name)
			continue
		}
		if links++; links > maxSymlinks {
			return "", experimentalsys.ELOOP
		}
		target, errno := c.dir.Readlink(cur)
		if errno != 0 {
			return "", errno
		}
		if strings.HasPrefix(target, "/") {
			return "", experimentalsys.EPERM
		}
		pending = append(splitPath(target), pending...)
	}
	out := joinPath(done)
	if trailingSlash && out != "." {
		out += "/"
	}
	return out, 0
}

// splitPath returns the components of p, without empty ones and ".".
func splitPath(p string) []string {
	var parts []string
	for _, s := range strings.Split(p, "/") {
		if s != "" && s != "." {
			parts = append(parts, s)
		}
	}
	return parts
}

func joinPath(parts []string) string {
	if len(parts) == 0 {
		return "."
	}
	return strings.Join(parts, "/")
}

func (c *confinedFS) OpenFile(p string, flag experimentalsys.Oflag, perm fs.FileMode) (experimentalsys.File, experimentalsys.Errno) {
	// O_CREAT|O_EXCL never follows a final symlink (it fails with EEXIST); O_NOFOLLOW neither.
	follow := flag&experimentalsys.O_NOFOLLOW == 0 &&
		flag&(experimentalsys.O_CREAT|experimentalsys.O_EXCL) != experimentalsys.O_CREAT|experimentalsys.O_EXCL
	r, errno := c.resolve(p, follow)
	if errno != 0 {
		return nil, errno
	}
	return c.dir.OpenFile(r, flag|experimentalsys.O_NOFOLLOW, perm)
}

func (c *confinedFS) Lstat(p string) (sys.Stat_t, experimentalsys.Errno) {
	r, errno := c.resolve(p, false)
	if errno != 0 {
		return sys.Stat_t{}, errno
	}
	return c.dir.Lstat(r)
}

func (c *confinedFS) Stat(p string) (sys.Stat_t, experimentalsys.Errno) {
	r, errno := c.resolve(p, true)
	if errno != 0 {
		return sys.Stat_t{}, errno
	}
	return c.dir.Lstat(r) // r names no symlink
}

// at resolves p (following its last component or not) and applies op to the result.
func (c *confinedFS) at(p string, followLast bool, op func(string) experimentalsys.Errno) experimentalsys.Errno {
	r, errno := c.resolve(p, followLast)
	if errno != 0 {
		return errno
	}
	return op(r)
}

// at2 is at for the two paths of rename and link, neither of which follows its last component.
func (c *confinedFS) at2(from, to string, op func(string, string) experimentalsys.Errno) experimentalsys.Errno {
	rf, errno := c.resolve(from, false)
	if errno != 0 {
		return errno
	}
	rt, errno := c.resolve(to, false)
	if errno != 0 {
		return errno
	}
	return op(rf, rt)
}

func (c *confinedFS) Mkdir(p string, perm fs.FileMode) experimentalsys.Errno {
	return c.at(p, false, func(r string) experimentalsys.Errno { return c.dir.Mkdir(r, perm) })
}

func (c *confinedFS) Chmod(p string, perm fs.FileMode) experimentalsys.Errno {
	return c.at(p, true, func(r string) experimentalsys.Errno { return c.dir.Chmod(r, perm) })
}

func (c *confinedFS) Rename(from, to string) experimentalsys.Errno {
	return c.at2(from, to, c.dir.Rename)
}

func (c *confinedFS) Rmdir(p string) experimentalsys.Errno {
	return c.at(p, false, c.dir.Rmdir)
}

func (c *confinedFS) Unlink(p string) experimentalsys.Errno {
	return c.at(p, false, c.dir.Unlink)
}

func (c *confinedFS) Link(oldPath, newPath string) experimentalsys.Errno {
	return c.at2(oldPath, newPath, c.dir.Link)
}

// Symlink stores target as written (it is resolved, and confined, when the link is used); an
// absolute target is refused by DirFS.
func (c *confinedFS) Symlink(target, linkName string) experimentalsys.Errno {
	return c.at(linkName, false, func(r string) experimentalsys.Errno { return c.dir.Symlink(target, r) })
}

// Readlink does not reveal an absolute target, which names a host path outside the preopen
// (wasmtime refuses it too).
func (c *confinedFS) Readlink(p string) (string, experimentalsys.Errno) {
	r, errno := c.resolve(p, false)
	if errno != 0 {
		return "", errno
	}
	target, errno := c.dir.Readlink(r)
	if errno == 0 && strings.HasPrefix(target, "/") {
		return "", experimentalsys.EPERM
	}
	return target, errno
}

func (c *confinedFS) Utimens(p string, atim, mtim int64) experimentalsys.Errno {
	return c.at(p, true, func(r string) experimentalsys.Errno { return c.dir.Utimens(r, atim, mtim) })
}
