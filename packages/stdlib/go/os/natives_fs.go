// gort standard library: package os (runtime-provided file-system functions).
//
// Body-less declarations implemented by gort's runtime in
// packages/runtime/src/hostfs.ts (see HACKING.md here). Errors come back as
// Linux errno numbers (0 = success). These calls are synchronous host calls:
// one that waits (a slow disk) stalls every goroutine; child processes and
// reads of a pipe or terminal on stdin park instead (natives_proc.go).

package os

// sysStatT is the stat buffer the natives fill: sixteen int64 words in this
// order (times as seconds and nanoseconds since the Unix epoch).
type sysStatT struct {
	Dev, Ino, Nlink, Mode, Uid, Gid, Rdev, Size, Blksize, Blocks  int64
	AtimeSec, AtimeNsec, MtimeSec, MtimeNsec, CtimeSec, CtimeNsec int64
}

// sysStat fills st for name, following symbolic links.
func sysStat(name string, st *sysStatT) (errno int)

// sysLstat fills st for name itself (a symbolic link is not followed).
func sysLstat(name string, st *sysStatT) (errno int)

// sysFstat fills st for the open descriptor fd.
func sysFstat(fd int, st *sysStatT) (errno int)

// sysPread reads up to len(p) bytes at offset off; n == 0 with errno 0 is
// end of file.
func sysPread(fd int, p []byte, off int64) (n int, errno int)

// sysPwrite writes p at offset off (off < 0: at the descriptor's own
// offset, the end for an O_APPEND file).
func sysPwrite(fd int, p []byte, off int64) (n int, errno int)

// sysReadDirent lists the open directory fd (name is the fallback path) in
// the host's order: each entry is a type byte (d f l p s c b ?), the name
// and a NUL byte.
func sysReadDirent(fd int, name string) (ents string, errno int)

func sysChmod(name string, mode uint32) (errno int)
func sysFchmod(fd int, mode uint32) (errno int)

// sysChown changes owner and group; follow == 0 acts on a link itself.
func sysChown(name string, uid, gid int, follow int) (errno int)
func sysFchown(fd int, uid, gid int) (errno int)

// sysUtimes sets the access and modification times (follows links).
func sysUtimes(name string, asec, ansec, msec, mnsec int64) (errno int)

func sysTruncate(name string, size int64) (errno int)
func sysFtruncate(fd int, size int64) (errno int)
func sysFsync(fd int) (errno int)
func sysSymlink(oldname, newname string) (errno int)
func sysLink(oldname, newname string) (errno int)
func sysReadlink(name string) (target string, errno int)
func sysFchdir(fd int) (errno int)

// sysGetid returns the uid (0), euid (1), gid (2) or egid (3); -1 if none.
func sysGetid(which int) int

// sysExecutable returns the path of the host process's executable.
func sysExecutable() string
