package main

import (
	"fmt"
	"io"
	"os"
	"syscall"

	"cot/backend/wasm"
)

// readModule reads the .wasm input of `cot aot` without ever holding more than a module can be
// (backend/wasm.MaxModuleSize, wasmparser's 1 GiB): only a regular file is read — /dev/zero, a
// FIFO or a terminal would be read forever or block — and one larger than the limit is refused
// from its size, before a byte is read. The open does not block on a FIFO (O_NONBLOCK), and the
// checks look at the opened file, not at the name.
func readModule(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &diagnostic{fmt.Sprintf("%s: error[E0502]: not a regular file (%s): a module is read from a file", path, fileKind(st.Mode()))}
	}
	if st.Size() > wasm.MaxModuleSize {
		return nil, tooLarge(path, st.Size())
	}
	b, err := io.ReadAll(io.LimitReader(f, wasm.MaxModuleSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > wasm.MaxModuleSize { // the file grew while it was read
		return nil, tooLarge(path, int64(len(b)))
	}
	return b, nil
}

func tooLarge(path string, size int64) error {
	return &diagnostic{fmt.Sprintf("%s: error[E0502]: %d bytes is larger than a Wasm module can be (the limit is %d bytes, 1 GiB)", path, size, wasm.MaxModuleSize)}
}

// fileKind names the kind of a file that is not a regular one.
func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a block device"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
}
