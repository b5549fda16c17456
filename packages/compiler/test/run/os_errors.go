// Error texts and classification of host file errors, the environment
// helpers (Expand, UserCacheDir, UserConfigDir), and os.Exit's status with
// output already written.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

var dir string

func show(what string, err error) {
	s := "<nil>"
	if err != nil {
		s = strings.ReplaceAll(err.Error(), dir, "$D")
	}
	fmt.Printf("%-10s %s | exist=%v notexist=%v perm=%v\n", what, s, os.IsExist(err), os.IsNotExist(err), os.IsPermission(err))
}

func main() {
	d, err := os.MkdirTemp("", "oserrors")
	if err != nil {
		panic(err)
	}
	dir = d
	defer os.RemoveAll(d)
	os.WriteFile(d+"/f", []byte("data"), 0644)
	os.Mkdir(d+"/dir", 0755)
	os.WriteFile(d+"/dir/in", nil, 0644)

	_, err = os.Open(d + "/nope")
	show("open", err)
	_, err = os.Stat(d + "/nope")
	show("stat", err)
	_, err = os.Lstat(d + "/nope/x")
	show("lstat", err)
	_, err = os.Stat(d + "/f/x")
	show("stat-f/x", err)
	_, err = os.ReadDir(d + "/nope")
	show("readdir", err)
	_, err = os.ReadDir(d + "/f")
	show("readdir-f", err)
	show("mkdir", os.Mkdir(d+"/dir", 0755))
	show("mkdirall", os.MkdirAll(d+"/f/sub", 0755))
	show("remove", os.Remove(d+"/dir"))
	show("remove-no", os.Remove(d+"/nope"))
	show("rename", os.Rename(d+"/nope", d+"/other"))
	show("symlink", os.Symlink("f", d+"/dir"))
	show("link", os.Link(d+"/nope", d+"/l2"))
	_, err = os.Readlink(d + "/f")
	show("readlink", err)
	_, err = os.OpenFile(d+"/dir", os.O_WRONLY, 0)
	show("open-dir-w", err)
	_, err = os.OpenFile(d+"/f", os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0644)
	show("excl", err)
	show("truncate", os.Truncate(d+"/nope", 0))
	show("chmod", os.Chmod(d+"/nope", 0644))
	show("chdir", os.Chdir(d+"/f"))

	f, _ := os.Open(d + "/dir")
	_, err = f.Read(make([]byte, 4))
	show("read-dir", err)
	f.Close()
	f, _ = os.Open(d + "/f")
	_, err = f.Write([]byte("x"))
	show("write-ro", err)
	show("close", f.Close())
	show("close2", f.Close())
	_, err = f.Read(make([]byte, 4))
	show("read-closed", err)
	_, err = f.Stat()
	show("stat-closed", err)
	_, err = f.ReadDir(-1)
	show("rd-closed", err)

	var le *os.LinkError
	err = os.Rename(d+"/nope", d+"/other")
	fmt.Println(errors.As(err, &le), le.Op, errors.Is(err, fs.ErrNotExist))
	var pe *fs.PathError
	_, err = os.Open(d + "/nope")
	fmt.Println(errors.As(err, &pe), pe.Op, pe.Err, errors.Is(err, os.ErrNotExist))

	os.Clearenv()
	os.Setenv("A", "1")
	os.Setenv("LONG_NAME", "two")
	fmt.Println(os.ExpandEnv("$A-${LONG_NAME}-$MISSING-${A}x-$$-${}"))
	fmt.Println(os.Expand("hello $who, ${n}", func(k string) string { return "<" + k + ">" }))
	_, err = os.UserCacheDir()
	fmt.Println(err)
	_, err = os.UserConfigDir()
	fmt.Println(err)
	_, err = os.UserHomeDir()
	fmt.Println(err)
	os.Setenv("HOME", "/home/gopher")
	fmt.Println(os.UserCacheDir())
	fmt.Println(os.UserConfigDir())
	os.Setenv("XDG_CACHE_HOME", "/xdg/cache")
	os.Setenv("XDG_CONFIG_HOME", "/xdg/config")
	fmt.Println(os.UserCacheDir())
	fmt.Println(os.UserConfigDir())
	exe, err := os.Executable()
	fmt.Println(exe != "", err)
	fmt.Println(os.Getuid() == os.Geteuid(), os.Getgid() == os.Getegid(), os.Getpagesize())

	os.RemoveAll(d)
	fmt.Println("exiting")
	os.Exit(3)
}
