// Files on the host: Stat/Lstat/File.Stat (names, sizes, modes), directory
// reading in all its forms, Seek/ReadAt/WriteAt/Truncate/Chmod, O_APPEND,
// links, Chtimes, SameFile. Everything lives in a MkdirTemp directory whose
// path is never printed.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"time"
)

func check(err error) {
	if err != nil {
		panic(err)
	}
}

func main() {
	d, err := os.MkdirTemp("", "osfiles")
	check(err)
	defer os.RemoveAll(d)

	check(os.WriteFile(d+"/a.txt", []byte("hello world"), 0644))
	check(os.Mkdir(d+"/sub", 0755))
	check(os.WriteFile(d+"/sub/b", nil, 0600))
	check(os.MkdirAll(d+"/sub/deep/er", 0700))
	// fixed modes whatever the umask
	check(os.Chmod(d+"/a.txt", 0644))
	check(os.Chmod(d+"/sub", 0755))

	fi, err := os.Stat(d + "/a.txt")
	fmt.Println(fi.Name(), fi.Size(), fi.Mode(), fi.IsDir(), fi.Mode().IsRegular(), err)
	fi, _ = os.Stat(d + "/sub/")
	fmt.Println(fi.Name(), fi.Mode(), fi.IsDir(), fi.Mode().Perm())
	fmt.Printf("%o %v\n", fi.Mode().Perm(), fi.Mode().Type() == os.ModeDir)

	// links
	check(os.Symlink("a.txt", d+"/link"))
	fi, _ = os.Lstat(d + "/link")
	fmt.Println(fi.Name(), fi.Mode(), fi.Mode()&os.ModeSymlink != 0, fi.Size())
	fi, _ = os.Stat(d + "/link")
	fmt.Println(fi.Name(), fi.Mode(), fi.Size())
	t, err := os.Readlink(d + "/link")
	fmt.Println(t, err)
	check(os.Link(d+"/a.txt", d+"/hard"))
	f1, _ := os.Stat(d + "/a.txt")
	f2, _ := os.Stat(d + "/hard")
	f3, _ := os.Stat(d + "/sub/b")
	fmt.Println(os.SameFile(f1, f2), os.SameFile(f1, f3))

	// os.ReadDir: sorted, with types; Info on demand
	ents, err := os.ReadDir(d)
	fmt.Println(len(ents), err)
	for _, e := range ents {
		info, _ := e.Info()
		fmt.Println(" ", e.Name(), e.IsDir(), e.Type(), info.Mode())
	}

	// File.Readdirnames / Readdir / ReadDir in chunks (directory order: sort to print)
	f, err := os.Open(d)
	check(err)
	var names []string
	for {
		part, err := f.Readdirnames(2)
		names = append(names, part...)
		if err == io.EOF {
			fmt.Println("EOF after", len(names), len(part))
			break
		}
		check(err)
	}
	sort.Strings(names)
	fmt.Println(names)
	rest, err := f.ReadDir(-1)
	fmt.Println(len(rest), rest != nil, err)
	_, err = f.Seek(0, io.SeekStart)
	fmt.Println(err)
	infos, err := f.Readdir(0)
	sort.Slice(infos, func(i, j int) bool { return infos[i].Name() < infos[j].Name() })
	for _, fi := range infos {
		fmt.Println(" ", fi.Name(), fi.Mode(), fi.IsDir())
	}
	f.Close()

	// Seek, Read, ReadAt, WriteAt, Truncate, Chmod on an open file
	f, err = os.OpenFile(d+"/a.txt", os.O_RDWR, 0)
	check(err)
	pos, err := f.Seek(6, io.SeekStart)
	fmt.Println(pos, err)
	buf := make([]byte, 5)
	n, err := f.Read(buf)
	fmt.Println(n, err, string(buf[:n]))
	n, err = f.Read(buf)
	fmt.Println(n, err)
	pos, _ = f.Seek(-5, io.SeekEnd)
	fmt.Println(pos)
	pos, _ = f.Seek(2, io.SeekCurrent)
	fmt.Println(pos)
	_, err = f.Seek(-100, io.SeekCurrent)
	fmt.Println(err != nil)
	n, err = f.WriteAt([]byte("W"), 6)
	fmt.Println(n, err)
	n, err = f.ReadAt(buf, 6)
	fmt.Println(n, err, string(buf))
	n, err = f.ReadAt(buf, 8)
	fmt.Println(n, err, string(buf[:n]))
	_, err = f.ReadAt(buf, -1)
	pe := err.(*os.PathError)
	fmt.Println(pe.Op, pe.Err)
	f.Seek(0, io.SeekStart)
	f.Write([]byte("J"))
	check(f.Truncate(5))
	fi, _ = f.Stat()
	fmt.Println(fi.Name(), fi.Size())
	check(f.Chmod(0600))
	check(f.Sync())
	fi, _ = os.Stat(d + "/a.txt")
	fmt.Println(fi.Mode())
	check(f.Close())
	b, _ := os.ReadFile(d + "/a.txt")
	fmt.Printf("%q\n", b)

	// O_APPEND
	f, err = os.OpenFile(d+"/a.txt", os.O_WRONLY|os.O_APPEND, 0)
	check(err)
	f.Write([]byte("+1"))
	f.WriteString("+2")
	pos, _ = f.Seek(0, io.SeekCurrent)
	fmt.Println(pos)
	_, err = f.WriteAt([]byte("x"), 0)
	fmt.Println(err)
	f.Close()
	b, _ = os.ReadFile(d + "/a.txt")
	fmt.Printf("%q\n", b)

	// Truncate, Chmod, Chtimes by name
	check(os.Truncate(d+"/a.txt", 3))
	check(os.Chmod(d+"/a.txt", 0640))
	mt := time.Unix(1000000000, 0)
	check(os.Chtimes(d+"/a.txt", mt, mt))
	fi, _ = os.Stat(d + "/a.txt")
	fmt.Println(fi.Size(), fi.Mode(), fi.ModTime().Unix(), fi.ModTime().Equal(mt))

	// Rename and Remove
	check(os.Rename(d+"/a.txt", d+"/c.txt"))
	_, err = os.Stat(d + "/a.txt")
	fmt.Println(os.IsNotExist(err))
	check(os.Remove(d + "/c.txt"))
	check(os.Remove(d + "/link"))
	ents, _ = os.ReadDir(d)
	for _, e := range ents {
		fmt.Print(e.Name(), " ")
	}
	fmt.Println()
}
