// io/fs over os.DirFS: ValidPath, Open/Stat/ReadFile/ReadDir, Sub, Glob,
// WalkDir (with SkipDir), FileInfoToDirEntry and the error values.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

func check(err error) {
	if err != nil {
		panic(err)
	}
}

func main() {
	d, err := os.MkdirTemp("", "osiofs")
	check(err)
	defer os.RemoveAll(d)
	for _, p := range []string{"a", "a/b", "a/b/c", "x", "x/skip"} {
		check(os.Mkdir(d+"/"+p, 0755))
	}
	for _, p := range []string{"top.txt", "a/one.go", "a/two.go", "a/b/three.txt", "a/b/c/four.go", "x/skip/hidden.go"} {
		check(os.WriteFile(d+"/"+p, []byte("file "+p+"\n"), 0644))
	}

	for _, p := range []string{".", "a/b", "/a", "a/", "a//b", "a/./b", "a/../b", "..", "", "a\xffb"} {
		fmt.Printf("ValidPath(%q) = %v\n", p, fs.ValidPath(p))
	}

	fsys := os.DirFS(d)
	data, err := fs.ReadFile(fsys, "a/b/three.txt")
	fmt.Printf("%q %v\n", data, err)
	_, err = fs.ReadFile(fsys, "nope.txt")
	fmt.Println(errors.Is(err, fs.ErrNotExist))
	_, err = fsys.Open("../etc")
	fmt.Println(err)
	_, err = fs.Stat(fsys, "/abs")
	fmt.Println(err)
	info, err := fs.Stat(fsys, "a/one.go")
	fmt.Println(info.Name(), info.Size(), info.IsDir(), err)

	ents, err := fs.ReadDir(fsys, "a")
	for _, e := range ents {
		fmt.Println(" ", e.Name(), e.IsDir(), e.Type())
	}
	fmt.Println(err)

	sub, err := fs.Sub(fsys, "a/b")
	check(err)
	data, err = fs.ReadFile(sub, "c/four.go")
	fmt.Printf("%q %v\n", data, err)
	_, err = fs.ReadFile(sub, "missing")
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, pe.Err)
	_, err = fs.Sub(fsys, "../x")
	fmt.Println(err)

	for _, pat := range []string{"*.txt", "a/*.go", "*/*", "a/*/*.txt", "a/[", "none*", "top.txt"} {
		m, err := fs.Glob(fsys, pat)
		fmt.Printf("Glob(%q) = %q %v\n", pat, m, err)
	}
	m, err := fs.Glob(sub, "*/*.go")
	fmt.Printf("sub Glob = %q %v\n", m, err)

	err = fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Name() == "skip" {
			fmt.Println("skip", path)
			return fs.SkipDir
		}
		fmt.Println("walk", path, d.IsDir())
		return nil
	})
	fmt.Println("WalkDir:", err)
	err = fs.WalkDir(fsys, "a/b", func(path string, d fs.DirEntry, err error) error {
		fmt.Println("walk", path)
		if path == "a/b/c/four.go" {
			return errors.New("stop here")
		}
		return nil
	})
	fmt.Println("WalkDir:", err)
	err = fs.WalkDir(fsys, "missing", func(path string, d fs.DirEntry, err error) error {
		fmt.Println("walk", path, d == nil, errors.Is(err, fs.ErrNotExist))
		return err
	})
	fmt.Println(errors.Is(err, fs.ErrNotExist))

	info, _ = os.Stat(d + "/a")
	de := fs.FileInfoToDirEntry(info)
	fmt.Println(de.Name(), de.IsDir(), de.Type())
	fmt.Println(fs.FileInfoToDirEntry(nil) == nil)

	f, err := fsys.Open("a")
	check(err)
	rd, ok := f.(fs.ReadDirFile)
	fmt.Println(ok)
	list, err := rd.ReadDir(-1)
	fmt.Println(len(list), err)
	f.Close()

	fmt.Println(fs.ErrNotExist, fs.ErrExist, fs.ErrPermission, fs.ErrClosed, fs.ErrInvalid, fs.SkipDir)
	fmt.Println(fs.ModeDir|fs.ModeSymlink|0755, fs.FileMode(0644), fs.ModeNamedPipe|fs.ModeSetuid|0700)
}
