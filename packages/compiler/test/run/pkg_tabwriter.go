// text/tabwriter end to end: column blocks, every flag, escapes, HTML
// filtering, formfeeds, tab padding, write errors; plus io/ioutil and
// runtime/debug basics.
package main

import (
	"errors"
	"fmt"
	"io/ioutil"
	"os"
	"runtime/debug"
	"strings"
	"syscall"
	"text/tabwriter"
)

type failing struct{ left int }

func (f *failing) Write(p []byte) (int, error) {
	if len(p) > f.left {
		n := f.left
		f.left = 0
		return n, errors.New("disk full")
	}
	f.left -= len(p)
	return len(p), nil
}

const text = "name\tsize\tkind\n" +
	"a.go\t120\tfile\n" +
	"internal\t-\tdir\n" +
	"\n" +
	"x\ty\n" +
	"longer name\t7\n" +
	"\tindented\tcell\n" +
	"\t\ttwo deep\n" +
	"日本語\t3\tutf8\n" +
	"esc\xffa\tb\xff\tend\n" +
	"<b>bold</b>\t&amp;\tx\n" +
	"empty\v\vv\n" +
	"more\v\vw\n" +
	"ff\tbreak\fafter\tit\n" +
	"last\tline no newline"

func show(name string, minw, tabw, pad int, padch byte, flags uint) {
	var sb strings.Builder
	w := tabwriter.NewWriter(&sb, minw, tabw, pad, padch, flags)
	fmt.Fprint(w, text)
	err := w.Flush()
	fmt.Printf("== %s (err %v)\n%s\n", name, err, strings.NewReplacer("\t", "→", "\xff", "¤").Replace(sb.String()))
}

func main() {
	show("plain", 0, 8, 1, ' ', 0)
	show("minwidth dots", 10, 8, 2, '.', 0)
	show("tabs", 0, 4, 1, '\t', 0)
	show("tabs align right ignored", 0, 4, 0, '\t', tabwriter.AlignRight)
	show("align right", 0, 8, 1, ' ', tabwriter.AlignRight)
	show("debug", 0, 8, 1, ' ', tabwriter.Debug)
	show("filter html strip escape", 0, 8, 1, '_', tabwriter.FilterHTML|tabwriter.StripEscape)
	show("discard empty", 0, 8, 1, '-', tabwriter.DiscardEmptyColumns|tabwriter.Debug)
	show("tab indent", 0, 8, 1, ' ', tabwriter.TabIndent)

	// Streaming: a one-cell line lets everything before it out at once.
	var sb strings.Builder
	w := tabwriter.NewWriter(&sb, 0, 8, 1, ' ', 0)
	fmt.Fprint(w, "a\tb\nccc\td\n")
	fmt.Printf("buffered %q\n", sb.String())
	fmt.Fprint(w, "single\n")
	fmt.Printf("after one-cell line %q\n", sb.String())

	// Errors: Write reports how much input it consumed.
	w = tabwriter.NewWriter(&failing{left: 5}, 0, 8, 1, ' ', 0)
	n, err := w.Write([]byte("abc\tdef\nline\n"))
	fmt.Println("write:", n, err)
	fmt.Println("flush:", w.Flush())

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		tabwriter.NewWriter(os.Stdout, 0, -1, 0, ' ', 0)
	}()

	// io/ioutil and runtime/debug.
	dir, err := ioutil.TempDir("", "gort-tabwriter-*")
	fmt.Println("tempdir:", err, strings.Contains(dir, "gort-tabwriter-"))
	fmt.Println(ioutil.WriteFile(dir+"/f", []byte("contents"), 0600))
	b, err := ioutil.ReadFile(dir + "/f")
	fmt.Println(string(b), err)
	_, err = ioutil.ReadFile(dir + "/missing")
	fmt.Println(os.IsNotExist(err))
	os.Remove(dir + "/f")
	fmt.Println(os.Remove(dir))
	fmt.Println(debug.SetGCPercent(20), debug.SetGCPercent(100))
	fmt.Println(syscall.Getpagesize())
	fmt.Println(strings.Contains(string(debug.Stack()), "main.main()"))
}
