// gort standard library: package os/exec (runtime-provided functions).

package exec

// sysStart starts the program at path with argv, env and working directory
// dir (current when "") and returns at once, the child running. fdN is the
// child's descriptor N: >= 0 an inherited descriptor, -1 the null device,
// -2 a pipe whose handle is returned in hN, and fd2 == -3 the same stream as
// fd 1 (combined output, delivered through h1). errno != 0 when it could not
// be started. Parks until the host has spawned the child.
// Implemented in packages/runtime/src/hostproc.ts.
func sysStart(path string, argv, env []string, dir string, fd0, fd1, fd2 int) (pid, h0, h1, h2, errno int)

// sysPipeRead reads from the child's output pipe h, parking until data or
// end of file (n == 0, errno == 0) arrives.
func sysPipeRead(h int, b []byte) (n, errno int)

// sysPipeWrite writes b to the child's input pipe h, parking until the host
// has taken every byte (EPIPE once the child closed its input).
func sysPipeWrite(h int, b []byte) (n, errno int)

// sysPipeClose closes our end of pipe h.
func sysPipeClose(h int) (errno int)
