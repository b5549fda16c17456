// gort standard library: package syscall (errno values only, for now).

// Package syscall holds the host error numbers that os reports. gort's
// host calls (issue 6) return Linux errno values, so the numbering and
// texts are Linux's, as Go prints them on linux/amd64.
package syscall

import "internal/oserror"

// An Errno is an unsigned number describing an error condition.
type Errno uintptr

const (
	EPERM        Errno = 1
	ENOENT       Errno = 2
	ESRCH        Errno = 3
	EINTR        Errno = 4
	EIO          Errno = 5
	ENXIO        Errno = 6
	E2BIG        Errno = 7
	ENOEXEC      Errno = 8
	EBADF        Errno = 9
	ECHILD       Errno = 10
	EAGAIN       Errno = 11
	ENOMEM       Errno = 12
	EACCES       Errno = 13
	EFAULT       Errno = 14
	EBUSY        Errno = 16
	EEXIST       Errno = 17
	EXDEV        Errno = 18
	ENODEV       Errno = 19
	ENOTDIR      Errno = 20
	EISDIR       Errno = 21
	EINVAL       Errno = 22
	ENFILE       Errno = 23
	EMFILE       Errno = 24
	ENOTTY       Errno = 25
	EFBIG        Errno = 27
	ENOSPC       Errno = 28
	ESPIPE       Errno = 29
	EROFS        Errno = 30
	EMLINK       Errno = 31
	EPIPE        Errno = 32
	ERANGE       Errno = 34
	ENAMETOOLONG Errno = 36
	ENOSYS       Errno = 38
	ENOTEMPTY    Errno = 39
	ELOOP        Errno = 40
	EDESTADDRREQ Errno = 89
	EMSGSIZE     Errno = 90
	ENOTSUP      Errno = 95
	EOPNOTSUPP   Errno = 95
	EADDRINUSE    Errno = 98
	EADDRNOTAVAIL Errno = 99
	ENETDOWN      Errno = 100
	ENETUNREACH   Errno = 101
	ECONNABORTED  Errno = 103
	ECONNRESET    Errno = 104
	ENOTCONN      Errno = 107
	ETIMEDOUT    Errno = 110
	ECONNREFUSED Errno = 111
	EHOSTUNREACH  Errno = 113
	EWOULDBLOCK  Errno = EAGAIN
)

var errnoText = map[Errno]string{
	EPERM:        "operation not permitted",
	ENOENT:       "no such file or directory",
	ESRCH:        "no such process",
	EINTR:        "interrupted system call",
	EIO:          "input/output error",
	ENXIO:        "no such device or address",
	E2BIG:        "argument list too long",
	ENOEXEC:      "exec format error",
	EBADF:        "bad file descriptor",
	ECHILD:       "no child processes",
	EAGAIN:       "resource temporarily unavailable",
	ENOMEM:       "cannot allocate memory",
	EACCES:       "permission denied",
	EFAULT:       "bad address",
	EBUSY:        "device or resource busy",
	EEXIST:       "file exists",
	EXDEV:        "invalid cross-device link",
	ENODEV:       "no such device",
	ENOTDIR:      "not a directory",
	EISDIR:       "is a directory",
	EINVAL:       "invalid argument",
	ENFILE:       "too many open files in system",
	EMFILE:       "too many open files",
	ENOTTY:       "inappropriate ioctl for device",
	EFBIG:        "file too large",
	ENOSPC:       "no space left on device",
	ESPIPE:       "illegal seek",
	EROFS:        "read-only file system",
	EMLINK:       "too many links",
	EPIPE:        "broken pipe",
	ERANGE:       "numerical result out of range",
	ENAMETOOLONG: "file name too long",
	ENOSYS:       "function not implemented",
	ENOTEMPTY:    "directory not empty",
	ELOOP:        "too many levels of symbolic links",
	EDESTADDRREQ: "destination address required",
	EMSGSIZE:     "message too long",
	ENOTSUP:      "operation not supported",
	EADDRINUSE:    "address already in use",
	EADDRNOTAVAIL: "cannot assign requested address",
	ENETDOWN:      "network is down",
	ENETUNREACH:   "network is unreachable",
	ECONNABORTED:  "software caused connection abort",
	ECONNRESET:    "connection reset by peer",
	ENOTCONN:      "transport endpoint is not connected",
	ETIMEDOUT:    "connection timed out",
	ECONNREFUSED: "connection refused",
	EHOSTUNREACH:  "no route to host",
}

func (e Errno) Error() string {
	if s, ok := errnoText[e]; ok {
		return s
	}
	return "errno " + itoa(int(e))
}

// Is lets errors.Is match an Errno against the portable os errors.
func (e Errno) Is(target error) bool {
	switch target {
	case oserror.ErrPermission:
		return e == EACCES || e == EPERM
	case oserror.ErrExist:
		return e == EEXIST || e == ENOTEMPTY
	case oserror.ErrNotExist:
		return e == ENOENT
	}
	return false
}

func (e Errno) Temporary() bool {
	return e == EINTR || e == EMFILE || e == ENFILE || e.Timeout()
}

func (e Errno) Timeout() bool {
	return e == EAGAIN || e == ETIMEDOUT
}

func itoa(v int) string {
	if v < 0 {
		return "-" + uitoa(uint(-v))
	}
	return uitoa(uint(v))
}

func uitoa(v uint) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return string(b[i:])
}
