package main

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

func main() {
	paths := []string{"", ".", "..", "/", "//", "a", "a/", "/a/b/../c/./d/", "a//b", "../../x/y",
		"/../a", "a/../..", "a/b/../../..", "./a/./b/.", "abc.tar.gz", "dir.x/file", "/usr/lib/", "x/..",
		"/a/b/c.d/", ".hidden", "a/b.c/d", "héllo/wörld.txt", "..a/b..", "a/.../b", "//x//y//"}
	for _, p := range paths {
		d, f := path.Split(p)
		fmt.Printf("%q: clean=%q base=%q dir=%q ext=%q split=%q,%q abs=%v\n",
			p, path.Clean(p), path.Base(p), path.Dir(p), path.Ext(p), d, f, path.IsAbs(p))
		if filepath.Clean(p) != path.Clean(p) || filepath.Base(p) != path.Base(p) || filepath.Dir(p) != path.Dir(p) {
			fmt.Println("filepath differs for", p)
		}
	}
	fmt.Printf("%q %q %q %q\n", path.Join(), path.Join("", ""), path.Join("a", "", "b/", "../c"), path.Join("/", "x", ".."))
	fmt.Printf("%q %q\n", filepath.Join("usr", "local", "bin"), filepath.Join("/tmp/", "/x"))
	fmt.Printf("%q %q %q\n", filepath.SplitList(""), filepath.SplitList("/bin:/usr/bin::x"), filepath.VolumeName("/a"))
	fmt.Println(string(filepath.Separator), string(filepath.ListSeparator), filepath.ToSlash("a/b"), filepath.FromSlash("c/d"))

	rels := [][2]string{{"/a/b", "/a/b/c/d"}, {"/a/b/c", "/a/x"}, {"a", "b"}, {".", "a/b"}, {"a/b", "."},
		{"/", "/x/y"}, {"/x", "/"}, {"../a", "b"}, {"a", "../b"}, {"/a", "b"}, {"a/b/", "a/b"},
		{"../..", "../../x"}, {"", "a"}, {"x/y/z", "x/q/../y"}}
	for _, r := range rels {
		rel, err := filepath.Rel(r[0], r[1])
		fmt.Printf("Rel(%q, %q) = %q %v\n", r[0], r[1], rel, err)
	}
	abs, err := filepath.Abs("/x/../y/z")
	fmt.Println(abs, err)
	wdAbs, err := filepath.Abs("some/file")
	fmt.Println(strings.HasSuffix(wdAbs, "/some/file"), filepath.IsAbs(wdAbs), err)

	patterns := []string{"*", "a*", "*.go", "a?c", "[abc]*", "[^abc]x", "[a-z]", "[!a]", "a[", "a\\", "\\*x",
		"*/*", "a/*/c", "[a-]", "[]a]", "[-a]", "[\\]]", "[\\-x]", "*x*y*", "**", "?", "a*b*c", "[é]", "[a-c-e]",
		"*[", "x*[", "[^]", "ab[cd]ef", "*.[ch]", "\\"}
	names := []string{"", "a", "abc", "main.go", "x.c", "ax", "bx", "dx", "a/b", "a/b/c", "*x", "]", "-",
		"xaybz", "é", "aXbYc", "abdef", "a[", "/", "main.h"}
	for _, p := range patterns {
		var sb strings.Builder
		for _, n := range names {
			m, err := path.Match(p, n)
			if err != nil {
				sb.WriteString("E")
			} else if m {
				sb.WriteString("1")
			} else {
				sb.WriteString("0")
			}
			m2, err2 := filepath.Match(p, n)
			if m2 != m || (err == nil) != (err2 == nil) {
				sb.WriteString("!")
			}
		}
		_, err := path.Match(p, "zzz")
		fmt.Printf("%-10q %s %v %v\n", p, sb.String(), err, err == path.ErrBadPattern)
	}
	_, e := filepath.Match("[", "x")
	fmt.Println(e == filepath.ErrBadPattern, e == path.ErrBadPattern)
}
