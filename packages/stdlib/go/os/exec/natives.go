// gort standard library: package os/exec (runtime-provided functions).

package exec

// sysRun runs the program at path with argv, env and working directory dir
// (current when "") to completion and returns what it wrote. mode bits:
// 1 capture standard output, 2 capture standard error, 4 both are one
// stream (returned in out, in the child's own interleaving), 8 feed stdin as
// its standard input. stdinFd >= 0 gives the child that descriptor as its
// standard input instead; otherwise it reads /dev/null. timeoutMs > 0 kills
// the child with SIGKILL after that many milliseconds. status is the exit
// code (sig != 0: the signal that ended it); errno != 0 when it could not
// be started. The host keeps the status until os.Process.Wait collects it.
// Implemented in packages/runtime/src/hostfs.ts; the whole runtime waits
// while the child runs.
func sysRun(path string, argv, env []string, dir string, stdinFd int, stdin []byte, mode int, timeoutMs int64) (out, errOut []byte, pid, status, sig, errno int)
