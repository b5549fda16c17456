// gort standard library: package syscall (page size).

package syscall

// Getpagesize returns the host page size that Go reports on linux/amd64,
// the platform gort presents (runtime.GOOS/GOARCH): 4096 bytes.
func Getpagesize() int { return 4096 }
