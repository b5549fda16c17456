// gort standard library: package os (reading directories).

package os

import (
	"io"
	"io/fs"
	"sort"
	"syscall"
)

// A DirEntry is an entry read from a directory (ReadDir, File.ReadDir).
type DirEntry = fs.DirEntry

// dirInfo holds a directory's entries while a File reads them: the host
// lists the whole directory on the first read (in its own order, as
// getdents(2) would), later calls continue from pos.
type dirInfo struct {
	ents []dirent
	pos  int
}

type dirent struct {
	name string
	typ  byte // the host's type byte: d f l p s c b ?
}

// readdirent lists f's directory on the first call.
func (f *File) loadDir() error {
	if f.dirinfo != nil {
		return nil
	}
	packed, errno := sysReadDirent(f.fd, f.name)
	if errno != 0 {
		return &PathError{Op: "readdirent", Path: f.name, Err: syscall.Errno(errno)}
	}
	d := &dirInfo{}
	start := 1
	for i := 0; i < len(packed); i++ {
		if packed[i] == 0 {
			d.ents = append(d.ents, dirent{name: packed[start:i], typ: packed[start-1]})
			start = i + 2
		}
	}
	f.dirinfo = d
	return nil
}

// nextEntries returns up to n (all when n <= 0) of f's unread entries;
// io.EOF when n > 0 and none are left.
func (f *File) nextEntries(n int) ([]dirent, error) {
	if f.closed {
		return nil, &PathError{Op: "readdirent", Path: f.name, Err: errFileClosing}
	}
	if err := f.loadDir(); err != nil {
		return nil, err
	}
	d := f.dirinfo
	rest := d.ents[d.pos:]
	if n > 0 {
		if len(rest) == 0 {
			return nil, io.EOF
		}
		if n < len(rest) {
			rest = rest[:n]
		}
	}
	d.pos += len(rest)
	return rest, nil
}

func typeOf(b byte) FileMode {
	switch b {
	case 'd':
		return ModeDir
	case 'l':
		return ModeSymlink
	case 'p':
		return ModeNamedPipe
	case 's':
		return ModeSocket
	case 'c':
		return ModeDevice | ModeCharDevice
	case 'b':
		return ModeDevice
	}
	return 0
}

// unixDirent is the DirEntry of a host directory entry; Info is an Lstat
// made on demand.
type unixDirent struct {
	parent string
	name   string
	typ    FileMode
	info   FileInfo
}

func (d *unixDirent) Name() string   { return d.name }
func (d *unixDirent) IsDir() bool    { return d.typ.IsDir() }
func (d *unixDirent) Type() FileMode { return d.typ }

func (d *unixDirent) Info() (FileInfo, error) {
	if d.info != nil {
		return d.info, nil
	}
	return Lstat(d.parent + "/" + d.name)
}

// ReadDir reads the directory's next n entries (all remaining ones when
// n <= 0) in directory order. With n > 0 it returns io.EOF once the
// directory is exhausted.
func (f *File) ReadDir(n int) ([]DirEntry, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	ents, err := f.nextEntries(n)
	out := make([]DirEntry, 0, len(ents))
	for _, e := range ents {
		de := &unixDirent{parent: f.name, name: e.name, typ: typeOf(e.typ)}
		if e.typ == '?' {
			// the host did not say: ask, as Go does for DT_UNKNOWN
			info, err := Lstat(f.name + "/" + e.name)
			if IsNotExist(err) {
				continue
			}
			if err != nil {
				return out, err
			}
			de.info = info
			de.typ = info.Mode().Type()
		}
		out = append(out, de)
	}
	return out, err
}

// Readdir reads the next n entries' FileInfos (Lstat of each; all remaining
// entries when n <= 0). Entries that vanish before their Lstat are skipped.
func (f *File) Readdir(n int) ([]FileInfo, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	ents, err := f.nextEntries(n)
	out := make([]FileInfo, 0, len(ents))
	for _, e := range ents {
		info, err := Lstat(f.name + "/" + e.name)
		if IsNotExist(err) {
			continue
		}
		if err != nil {
			return out, err
		}
		out = append(out, info)
	}
	return out, err
}

// Readdirnames reads the next n entry names (all remaining when n <= 0).
func (f *File) Readdirnames(n int) (names []string, err error) {
	if f == nil {
		return nil, ErrInvalid
	}
	ents, err := f.nextEntries(n)
	names = make([]string, 0, len(ents))
	for _, e := range ents {
		names = append(names, e.name)
	}
	return names, err
}

// ReadDir reads the named directory and returns its entries sorted by file
// name.
func ReadDir(name string) ([]DirEntry, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dirs, err := f.ReadDir(-1)
	sort.Sort(byName(dirs))
	return dirs, err
}

// byName sorts entries by name. (sort.Sort rather than sort.Slice: the same
// comparisons and swaps, without reflection, which is slow under gort.)
type byName []DirEntry

func (b byName) Len() int           { return len(b) }
func (b byName) Less(i, j int) bool { return b[i].Name() < b[j].Name() }
func (b byName) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }
