package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	root, err := os.MkdirTemp("", "walk")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(root)
	files := []string{"a.txt", "b.go", "sub/c.go", "sub/d.txt", "sub/deep/e.go", "skip/f.go", "z/y/x.md"}
	for _, f := range files {
		p := filepath.Join(root, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(f), 0o644)
	}
	os.Symlink("sub/deep", filepath.Join(root, "link"))
	os.Symlink(filepath.Join(root, "sub"), filepath.Join(root, "abslink"))
	rel := func(p string) string {
		r, _ := filepath.Rel(root, p)
		return r
	}

	fmt.Println("WalkDir:")
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "skip" {
			return filepath.SkipDir
		}
		fmt.Printf("  %-14s dir=%v symlink=%v\n", rel(p), d.IsDir(), d.Type()&fs.ModeSymlink != 0)
		return nil
	})
	fmt.Println("  err:", err)

	fmt.Println("Walk:")
	var goFiles []string
	err = filepath.Walk(root, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.Name() == "d.txt" {
			return filepath.SkipDir // skips the rest of sub/
		}
		if !info.IsDir() && filepath.Ext(p) == ".go" {
			goFiles = append(goFiles, rel(p))
		}
		if !info.IsDir() && info.Mode().IsRegular() {
			fmt.Printf("  %-14s %d bytes\n", rel(p), info.Size())
		}
		return nil
	})
	fmt.Println("  go files:", goFiles, err)
	stop := errors.New("stop")
	n := 0
	err = filepath.Walk(root, func(p string, info fs.FileInfo, err error) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	fmt.Println("stopped:", n, err == stop)
	err = filepath.WalkDir(filepath.Join(root, "missing"), func(p string, d fs.DirEntry, err error) error {
		fmt.Println("  callback:", rel(p), d == nil, errors.Is(err, fs.ErrNotExist))
		return err
	})
	fmt.Println("missing:", errors.Is(err, fs.ErrNotExist))

	for _, pat := range []string{"*.go", "*/*.go", "sub/*", "*/*/*.go", "[ab].*", "nomatch*", "sub/deep/e.go", "sub/none.go"} {
		m, err := filepath.Glob(filepath.Join(root, pat))
		for i := range m {
			m[i] = rel(m[i])
		}
		fmt.Printf("Glob(%s) = %v %v\n", pat, m, err)
	}
	_, err = filepath.Glob("[")
	fmt.Println(err)

	for _, p := range []string{"link/e.go", "abslink/deep", "sub/../link", "link/../c.go", "a.txt/x", "nope"} {
		r, err := filepath.EvalSymlinks(filepath.Join(root, p))
		if err != nil {
			fmt.Printf("EvalSymlinks(%s): error %v\n", p, strings.Replace(err.Error(), root, "ROOT", 1))
			continue
		}
		real, _ := filepath.EvalSymlinks(root)
		r2, _ := filepath.Rel(real, r)
		fmt.Printf("EvalSymlinks(%s) = %s\n", p, r2)
	}
}
