//go:build ignore

// Differential test: gort's text/tabwriter against Go's on fixed and
// random texts, every flag combination, random layout parameters, random
// Write chunking, and writers that fail or write short.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"text/tabwriter"

	otab "gortstd/text/tabwriter"
)

var fails int

func check(what string, got, want any) {
	g, w := fmt.Sprintf("%q", fmt.Sprint(got)), fmt.Sprintf("%q", fmt.Sprint(want))
	if g != w {
		fails++
		if fails < 20 {
			fmt.Printf("%s:\n got  %s\n want %s\n", what, g, w)
		}
	}
}

// limited fails (or writes short) after budget bytes.
type limited struct {
	buf    bytes.Buffer
	budget int
	short  bool
}

var errFull = errors.New("full")

func (l *limited) Write(p []byte) (int, error) {
	if len(p) <= l.budget {
		l.budget -= len(p)
		return l.buf.Write(p)
	}
	n := l.budget
	l.budget = 0
	l.buf.Write(p[:n])
	if l.short {
		return n, nil
	}
	return n, errFull
}

type params struct {
	minw, tabw, pad int
	padch           byte
	flags           uint
}

// run writes text in the given chunk sizes through a Writer and returns
// the output and a log of Write/Flush results.
func run(ours bool, p params, text string, chunks []int, budget int, short bool) (res string, logs string) {
	out := &limited{budget: budget, short: short}
	var log bytes.Buffer
	defer func() {
		if e := recover(); e != nil {
			res, logs = out.buf.String(), log.String()+fmt.Sprint(" PANIC ", e)
		}
	}()
	write := func(b []byte) (int, error) { return 0, nil }
	flush := func() error { return nil }
	if ours {
		w := otab.NewWriter(out, p.minw, p.tabw, p.pad, p.padch, p.flags)
		write, flush = w.Write, w.Flush
	} else {
		w := tabwriter.NewWriter(out, p.minw, p.tabw, p.pad, p.padch, p.flags)
		write, flush = w.Write, w.Flush
	}
	rest := []byte(text)
	for _, c := range chunks {
		if c > len(rest) {
			c = len(rest)
		}
		n, err := write(rest[:c])
		fmt.Fprintf(&log, "W%d:%d:%v ", c, n, err)
		rest = rest[c:]
	}
	n, err := write(rest)
	fmt.Fprintf(&log, "W%d:%d:%v ", len(rest), n, err)
	fmt.Fprintf(&log, "F:%v ", flush())
	n, err = write([]byte("x\ty\n"))
	fmt.Fprintf(&log, "W:%d:%v F:%v", n, err, flush())
	return out.buf.String(), log.String()
}

var alphabet = []string{"a", "bb", "ccc", "é", "日本", "\t", "\t", "\t", "\v", "\n", "\n", "\f", "\xff", "<b>", "</b>", "&amp;", "&", "<", ">", ";", " ", "\x00"}

func randText(r *rand.Rand) string {
	var b bytes.Buffer
	n := r.Intn(60)
	for i := 0; i < n; i++ {
		b.WriteString(alphabet[r.Intn(len(alphabet))])
	}
	return b.String()
}

var fixed = []string{
	"", "a", "a\n", "a\tb\n", "a\tb\tc\naa\tbbb\tc\n\nx\ty\n",
	"\ta\n\t\tb\n\tc\n", "a\v\vb\n\v\vc\n", "a\t\tb\naaa\t\tbb\n",
	"x\xffa\tb\xffy\tz\n", "<b>bold</b>\t&lt;x&gt;\tend\nq\tr\ts\n",
	"a\tb\fc\td\n", "1\t2\t3\n11\t22\n111\t222\t333\t444\n",
	"unterminated\tcells\tat end", "\xffunfinished escape\tx",
	"\n\n\t\n", "a\t\n\tb\n", "日本\t語\nx\ty\n",
}

func main() {
	n, _ := strconv.Atoi(os.Getenv("GORTSTD_N"))
	if n == 0 {
		n = 2000
	}
	r := rand.New(rand.NewSource(1))
	pads := []byte{' ', '.', '\t', '-'}
	for _, text := range fixed {
		for flags := uint(0); flags < 64; flags++ {
			for _, pc := range pads {
				p := params{0, 8, 1, pc, flags}
				g, gl := run(true, p, text, nil, 1<<30, false)
				w, wl := run(false, p, text, nil, 1<<30, false)
				what := fmt.Sprintf("fixed %q %+v", text, p)
				check(what, g, w)
				check(what+" log", gl, wl)
			}
		}
	}
	for i := 0; i < n; i++ {
		text := randText(r)
		p := params{r.Intn(6), r.Intn(5), r.Intn(4), pads[r.Intn(len(pads))], uint(r.Intn(64))}
		var chunks []int
		for k := r.Intn(5); k > 0; k-- {
			chunks = append(chunks, r.Intn(12))
		}
		budget := 1 << 30
		if r.Intn(4) == 0 {
			budget = r.Intn(80)
		}
		short := r.Intn(2) == 0
		g, gl := run(true, p, text, chunks, budget, short)
		w, wl := run(false, p, text, chunks, budget, short)
		what := fmt.Sprintf("random %q %+v chunks %v budget %d short %v", text, p, chunks, budget, short)
		check(what, g, w)
		check(what+" log", gl, wl)
	}
	// Init's argument check.
	func() {
		defer func() { check("negative panic", recover(), "negative minwidth, tabwidth, or padding") }()
		otab.NewWriter(os.Stdout, -1, 0, 0, ' ', 0)
	}()
	if fails > 0 {
		fmt.Printf("%d failures\n", fails)
		os.Exit(1)
	}
	fmt.Println("tabwriter: ok")
}
