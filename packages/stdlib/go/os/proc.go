// gort standard library: package os (process: arguments, exit, environment).

package os

import "syscall"

// Args hold the command-line arguments, starting with the program name.
var Args []string

func init() {
	Args = runtime_args()
}

// Exit causes the current program to exit with the given status code
// (0 success, non-zero error). Deferred functions are not run.
func Exit(code int) {
	runtime_exit(code)
}

// The environment: a copy of the process's initial environment kept in
// order (Environ returns it in that order). Lookups find the first entry
// for a key, as Go's syscall package does on Unix.
var (
	envs     []string
	envIndex map[string]int
	envReady bool
)

func loadEnv() {
	if envReady {
		return
	}
	envReady = true
	envs = runtime_envs()
	envIndex = make(map[string]int)
	for i, kv := range envs {
		for j := 0; j < len(kv); j++ {
			if kv[j] == '=' {
				if _, ok := envIndex[kv[:j]]; !ok {
					envIndex[kv[:j]] = i
				}
				break
			}
		}
	}
}

// Getenv retrieves the value of the environment variable named by key
// ("" when it is not present).
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}

// LookupEnv retrieves the value of the environment variable named by key
// and reports whether it is present.
func LookupEnv(key string) (string, bool) {
	loadEnv()
	i, ok := envIndex[key]
	if !ok {
		return "", false
	}
	kv := envs[i]
	return kv[len(key)+1:], true
}

// Setenv sets the value of the environment variable named by key.
func Setenv(key, value string) error {
	if len(key) == 0 {
		return NewSyscallError("setenv", syscall.EINVAL)
	}
	for i := 0; i < len(key); i++ {
		if key[i] == '=' || key[i] == 0 {
			return NewSyscallError("setenv", syscall.EINVAL)
		}
	}
	for i := 0; i < len(value); i++ {
		if value[i] == 0 {
			return NewSyscallError("setenv", syscall.EINVAL)
		}
	}
	loadEnv()
	kv := key + "=" + value
	if i, ok := envIndex[key]; ok {
		envs[i] = kv
	} else {
		envIndex[key] = len(envs)
		envs = append(envs, kv)
	}
	return nil
}

// Unsetenv unsets a single environment variable.
func Unsetenv(key string) error {
	loadEnv()
	if _, ok := envIndex[key]; !ok {
		return nil
	}
	kept := envs[:0]
	for _, kv := range envs {
		if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
			continue
		}
		kept = append(kept, kv)
	}
	envs = kept
	reindexEnv()
	return nil
}

func reindexEnv() {
	envIndex = make(map[string]int)
	for i, kv := range envs {
		for j := 0; j < len(kv); j++ {
			if kv[j] == '=' {
				if _, ok := envIndex[kv[:j]]; !ok {
					envIndex[kv[:j]] = i
				}
				break
			}
		}
	}
}

// Clearenv deletes all environment variables.
func Clearenv() {
	loadEnv()
	envs = nil
	envIndex = make(map[string]int)
}

// Environ returns a copy of the environment as "key=value" strings.
func Environ() []string {
	loadEnv()
	out := make([]string, 0, len(envs))
	for _, kv := range envs {
		out = append(out, kv)
	}
	return out
}

// Expand replaces ${var} or $var in s using mapping.
func Expand(s string, mapping func(string) string) string {
	var buf []byte
	i := 0
	for j := 0; j < len(s); j++ {
		if s[j] == '$' && j+1 < len(s) {
			if buf == nil {
				buf = make([]byte, 0, 2*len(s))
			}
			buf = append(buf, s[i:j]...)
			name, w := shellVarName(s[j+1:])
			if name == "" && w > 0 {
				// Bad syntax: eat the characters.
			} else if name == "" {
				buf = append(buf, s[j])
			} else {
				buf = append(buf, mapping(name)...)
			}
			j += w
			i = j + 1
		}
	}
	if buf == nil {
		return s
	}
	return string(buf) + s[i:]
}

// ExpandEnv replaces ${var} or $var in s with environment values.
func ExpandEnv(s string) string { return Expand(s, Getenv) }

func isShellSpecialVar(c byte) bool {
	switch c {
	case '*', '#', '$', '@', '!', '?', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}

func isAlphaNum(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// shellVarName returns the variable name at the start of s (after '$')
// and the bytes it used.
func shellVarName(s string) (string, int) {
	switch {
	case s[0] == '{':
		if len(s) > 2 && isShellSpecialVar(s[1]) && s[2] == '}' {
			return s[1:2], 3
		}
		for i := 1; i < len(s); i++ {
			if s[i] == '}' {
				if i == 1 {
					return "", 2 // "${}" is bad syntax
				}
				return s[1:i], i + 1
			}
		}
		return "", 1 // no closing brace
	case isShellSpecialVar(s[0]):
		return s[0:1], 1
	}
	var i int
	for i = 0; i < len(s) && isAlphaNum(s[i]); i++ {
	}
	return s[:i], i
}
