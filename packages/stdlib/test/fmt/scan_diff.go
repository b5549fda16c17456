//go:build ignore

// Differential test: gort's fmt scanning (Sscan, Sscanln, Sscanf, Fscan
// over a plain reader) against Go's on generated inputs and formats.
package main

import (
	"fmt"
	"math/rand"
	"os"
	"reflect"
	"strconv"
	"strings"

	of "gortstd/fmt"
)

var fails int

type reader struct{ s string }

func (r *reader) Read(b []byte) (int, error) {
	if r.s == "" {
		return 0, fmt.Errorf("EOF-ish")
	}
	n := copy(b[:1], r.s) // one byte at a time
	r.s = r.s[n:]
	return n, nil
}

type named int

// Custom scanners (one per fmt: the ScanState types differ); the names
// have the same length so that %#v output lines up, and "wordO" is shown
// as "wordG".
type wordG struct{ s string }

func (w *wordG) Scan(st fmt.ScanState, verb rune) error {
	wid, ok := st.Width()
	tok, err := st.Token(true, func(r rune) bool { return r != ',' && r != ' ' && r != '\n' })
	w.s = fmt.Sprintf("%c|%d,%v|%s", verb, wid, ok, tok)
	if err != nil {
		return err
	}
	if r, _, err := st.ReadRune(); err == nil {
		w.s += "+" + string(r)
		st.UnreadRune()
	}
	return nil
}

type wordO struct{ s string }

func (w *wordO) Scan(st of.ScanState, verb rune) error {
	wid, ok := st.Width()
	tok, err := st.Token(true, func(r rune) bool { return r != ',' && r != ' ' && r != '\n' })
	w.s = fmt.Sprintf("%c|%d,%v|%s", verb, wid, ok, tok)
	if err != nil {
		return err
	}
	if r, _, err := st.ReadRune(); err == nil {
		w.s += "+" + string(r)
		st.UnreadRune()
	}
	return nil
}

// targets returns fresh pointers of the kinds to scan into.
func targets(kinds []int, ours bool) []any {
	out := make([]any, len(kinds))
	for i, k := range kinds {
		switch k {
		case 0:
			out[i] = new(int)
		case 1:
			out[i] = new(int8)
		case 2:
			out[i] = new(uint8)
		case 3:
			out[i] = new(float64)
		case 4:
			out[i] = new(string)
		case 5:
			out[i] = new(bool)
		case 6:
			out[i] = new(complex128)
		case 7:
			out[i] = new([]byte)
		case 8:
			out[i] = new(uint64)
		case 9:
			out[i] = new(float32)
		case 10:
			out[i] = new(named)
		case 11:
			out[i] = new(rune)
		case 12:
			if ours {
				out[i] = new(wordO)
			} else {
				out[i] = new(wordG)
			}
		}
	}
	return out
}

func show(n int, err error, args []any) string {
	var b strings.Builder
	fmt.Fprintf(&b, "n=%d err=%v", n, err)
	for _, a := range args {
		fmt.Fprintf(&b, " %#v", reflect.ValueOf(a).Elem().Interface())
	}
	return b.String()
}

func safe(f func() string) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = fmt.Sprint("PANIC ", r)
		}
	}()
	return f()
}

var tokens = []string{
	"0", "1", "-1", "+5", "127", "128", "-129", "255", "256", "0x1f", "0b101", "0o17", "017", "1_000",
	"3.5", "-2e10", "1e400", "0x1p-2", "NaN", "inf", "-Inf", "true", "false", "T", "F", "tru", "abc",
	"héllo", "\"quoted\\n\"", "`raw`", "(1+2i)", "3-4i", "1+i", "ff", "xyz", "9223372036854775808",
	"18446744073709551615", "'x'", "%", "",
}

var seps = []string{" ", "  ", "\n", " \n ", "\t", ",", ", ", "\r\n"}

var formats = []string{
	"%d", "%d %d", "%d,%d", "%v %v", "%s", "%s %s", "%q", "%x", "%X", "%o", "%b", "%c", "%c%c",
	"%5s", "%3d%d", "%f", "%g %e", "%t", "%v", "%d\n%d", "%d %%", "x%d", "%2c", "%U", "%s\n",
	"%d %", "%d %d %d", "%v,%v", " %d", "%d ", "%.2f", "%5v", "%s,%3s", "%v\n",
}

func main() {
	n := 20000
	if s := os.Getenv("GORTSTD_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	seed := int64(3)
	if s := os.Getenv("GORTSTD_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	rng := rand.New(rand.NewSource(seed))
	for i := 0; i < n; i++ {
		nt := 1 + rng.Intn(3)
		parts := make([]string, 0, 2*nt)
		for j := 0; j < nt; j++ {
			if j > 0 || rng.Intn(4) == 0 {
				parts = append(parts, seps[rng.Intn(len(seps))])
			}
			parts = append(parts, tokens[rng.Intn(len(tokens))])
		}
		if rng.Intn(4) == 0 {
			parts = append(parts, seps[rng.Intn(len(seps))])
		}
		input := strings.Join(parts, "")
		nk := rng.Intn(4)
		kinds := make([]int, nk)
		for j := range kinds {
			kinds[j] = rng.Intn(13)
		}
		mode := rng.Intn(4)
		format := formats[rng.Intn(len(formats))]
		ga, wa := targets(kinds, true), targets(kinds, false)
		var got, want string
		switch mode {
		case 0:
			got = safe(func() string { n, err := of.Sscan(input, ga...); return show(n, err, ga) })
			want = safe(func() string { n, err := fmt.Sscan(input, wa...); return show(n, err, wa) })
		case 1:
			got = safe(func() string { n, err := of.Sscanln(input, ga...); return show(n, err, ga) })
			want = safe(func() string { n, err := fmt.Sscanln(input, wa...); return show(n, err, wa) })
		case 2:
			got = safe(func() string { n, err := of.Sscanf(input, format, ga...); return show(n, err, ga) })
			want = safe(func() string { n, err := fmt.Sscanf(input, format, wa...); return show(n, err, wa) })
		case 3:
			got = safe(func() string { n, err := of.Fscan(&reader{input}, ga...); return show(n, err, ga) })
			want = safe(func() string { n, err := fmt.Fscan(&reader{input}, wa...); return show(n, err, wa) })
		}
		got = strings.ReplaceAll(got, "main.wordO", "main.wordG")
		if got != want {
			fails++
			if fails <= 30 {
				fmt.Printf("MISMATCH mode=%d input=%q format=%q kinds=%v\n  got:  %s\n  want: %s\n", mode, input, format, kinds, got, want)
			}
		}
	}
	if fails > 0 {
		fmt.Printf("%d mismatches\n", fails)
		os.Exit(1)
	}
	fmt.Printf("scan: %d cases ok\n", n)
}
