package ast

import (
	"sync"
	"sync/atomic"

	"cot/ir/src"
)

// At is the source position every node embeds, held compactly: 16 bytes and no pointer, where a
// src.Pos is 40 bytes with a string. Every tree of the front end is mostly positions, so this
// takes about a fifth off every program the passes hold and build, and the collector has one
// pointer less per node to trace. The file's name is interned in a table of the process (a
// compilation names a handful of files); offsets, lines and columns fit in 32 bits (the parser
// refuses nothing that large anyway: a 2 GB source file is not compiled on this machine).
type At struct {
	file              uint32 // index in fileNames; 0 is no file (the zero position)
	offset, line, col int32
}

// AtOf returns the At of p.
func AtOf(p src.Pos) At {
	return At{file: fileIndex(p.File), offset: int32(p.Offset), line: int32(p.Line), col: int32(p.Col)}
}

// In returns the position at offset, line and col in a's file: a converter that makes many
// positions in one file interns its name once (AtOf) instead of once a position.
func (a At) In(offset, line, col int) At {
	return At{file: a.file, offset: int32(offset), line: int32(line), col: int32(col)}
}

// Pos returns the position as a src.Pos.
func (a At) Pos() src.Pos {
	if a.file == 0 && a.line == 0 && a.offset == 0 && a.col == 0 {
		return src.Pos{}
	}
	return src.Pos{File: (*fileNames.Load())[a.file], Offset: int(a.offset), Line: int(a.line), Col: int(a.col)}
}

// fileNames is the intern table of file names, index 0 the empty name. It only grows: a reader
// loads the current slice without a lock, a new name is added by copying it under fileMu.
var (
	fileNames atomic.Pointer[[]string]
	fileMu    sync.Mutex
	fileIDs   = map[string]uint32{"": 0}
	lastFile  atomic.Pointer[internedFile] // the last name interned: nearly every lookup
)

type internedFile struct {
	name string
	id   uint32
}

func init() { fileNames.Store(&[]string{""}) }

// fileIndex interns name.
func fileIndex(name string) uint32 {
	if name == "" {
		return 0
	}
	if l := lastFile.Load(); l != nil && l.name == name {
		return l.id
	}
	fileMu.Lock()
	defer fileMu.Unlock()
	id, ok := fileIDs[name]
	if !ok {
		names := append((*fileNames.Load())[:len(*fileNames.Load()):len(*fileNames.Load())], name)
		id = uint32(len(names) - 1)
		fileIDs[name] = id
		fileNames.Store(&names)
	}
	lastFile.Store(&internedFile{name, id})
	return id
}
