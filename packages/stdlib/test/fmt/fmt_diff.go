//go:build ignore

// Differential test: gort's fmt (built over Go's reflect, os and sync by
// scripts/check.mjs) against Go's fmt on generated (format, operands)
// cases: every verb and flag, widths, precisions, '*', argument indexes,
// bad verbs, missing and extra operands, nested composites, maps (sorted),
// Stringers, errors, GoStringers, Formatters, panicking methods, nil
// receivers, reflect.Value operands, Errorf with %w, Sprint/Sprintln and
// the Append/Fprint variants.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand"
	"os"
	"reflect"
	"strconv"
	"strings"
	"unsafe"

	of "gortstd/fmt"
)

var fails int

func report(what string, got, want string) {
	fails++
	if fails <= 40 {
		fmt.Printf("MISMATCH %s\n  got:  %q\n  want: %q\n", what, got, want)
	}
}

// ---- operand types ----

type Point struct {
	X, Y int
}

type Named int
type NamedStr string
type NamedBytes []byte
type NamedFloat float64
type MyByte byte

type Inner struct {
	A int
	b string
	P *Point
}

type Outer struct {
	Inner
	S   []int
	M   map[string]int
	I   any
	E   error
	F   float64
	Arr [2]bool
}

type Stringer struct{ n int }

func (s Stringer) String() string { return "S<" + strconv.Itoa(s.n) + ">" }

type PtrStringer struct{ n int }

func (s *PtrStringer) String() string { return "PS<" + strconv.Itoa(s.n) + ">" }

type ValStringerNilPtr struct{ n int }

func (s ValStringerNilPtr) String() string { return "V" }

type Err struct{ msg string }

func (e Err) Error() string { return "err:" + e.msg }

type GoStr struct{}

func (GoStr) GoString() string { return "GoStr!" }
func (GoStr) String() string   { return "plain" }

type Panicky struct{ v any }

func (p Panicky) String() string { panic(p.v) }

type PanickyErr struct{}

func (PanickyErr) Error() string { panic(errors.New("boom")) }

// Formatter that reports what State says.
type Fmter struct{ tag string }

func (f Fmter) Format(s fmt.State, verb rune) {
	w, wok := s.Width()
	p, pok := s.Precision()
	// Without the flag the number is stale state of the pooled printer
	// (in Go too), which depends on the pool's history: do not print it.
	if !wok {
		w = -1
	}
	if !pok {
		p = -1
	}
	flags := ""
	for _, c := range "-+# 0" {
		if s.Flag(int(c)) {
			flags += string(c)
		}
	}
	fmt.Fprintf(s, "[%s %c w=%d,%v p=%d,%v f=%q]", f.tag, verb, w, wok, p, pok, flags)
}

// The same for ours: our State interface is a different type.
func (f Fmter) String() string { return "never" }

type Cyclic struct {
	Next *Cyclic
	V    int
}

// ---- random generation ----

var rng *rand.Rand

func randString() string {
	pieces := []string{"", "a", "hello", "Ω", "日本語", "\x00", "\xff", "\t", "\"", "`", "\\", "é", "\u2028", "\U0001F600", " ", "abc def", "\x7f", "🙂x"}
	n := rng.Intn(4)
	s := ""
	for i := 0; i < n; i++ {
		s += pieces[rng.Intn(len(pieces))]
	}
	return s
}

func randFloat() float64 {
	switch rng.Intn(12) {
	case 0:
		return 0
	case 1:
		return math.Copysign(0, -1)
	case 2:
		return math.NaN()
	case 3:
		return math.Inf(1)
	case 4:
		return math.Inf(-1)
	case 5:
		return math.Float64frombits(rng.Uint64())
	case 6:
		return float64(rng.Intn(2000) - 1000)
	case 7:
		return rng.NormFloat64() * math.Pow(10, float64(rng.Intn(40)-20))
	case 8:
		return 1e21
	case 9:
		return 123456.789
	case 10:
		return 5e-324
	}
	return rng.Float64()
}

func randInt() int64 {
	switch rng.Intn(6) {
	case 0:
		return 0
	case 1:
		return math.MinInt64
	case 2:
		return math.MaxInt64
	case 3:
		return int64(rng.Intn(200) - 100)
	case 4:
		return int64(rng.Uint64())
	}
	return int64(rng.Intn(0x110000))
}

var nilPS *PtrStringer
var nilVS *ValStringerNilPtr
var nilPoint *Point
var sharedPoint = &Point{1, 2}
var cyc = &Cyclic{V: 1}

func init() {
	cyc.Next = cyc
}

func randValue(depth int) any {
	k := rng.Intn(48)
	if depth > 2 && k >= 30 {
		k = rng.Intn(30)
	}
	switch k {
	case 0:
		return nil
	case 1:
		return rng.Intn(2) == 1
	case 2:
		return int(randInt())
	case 3:
		return int8(randInt())
	case 4:
		return int16(randInt())
	case 5:
		return int32(randInt())
	case 6:
		return randInt()
	case 7:
		return uint(randInt())
	case 8:
		return uint8(randInt())
	case 9:
		return uint16(randInt())
	case 10:
		return uint32(randInt())
	case 11:
		return uint64(randInt())
	case 12:
		return uintptr(randInt())
	case 13:
		return float32(randFloat())
	case 14:
		return randFloat()
	case 15:
		return complex(float32(randFloat()), float32(randFloat()))
	case 16:
		return complex(randFloat(), randFloat())
	case 17:
		return randString()
	case 18:
		return []byte(randString())
	case 19:
		return Named(randInt())
	case 20:
		return NamedStr(randString())
	case 21:
		return NamedBytes(randString())
	case 22:
		return NamedFloat(randFloat())
	case 23:
		return Stringer{rng.Intn(10)}
	case 24:
		return Err{randString()}
	case 25:
		return GoStr{}
	case 26:
		if depth > 0 {
			return Stringer{26} // Formatters are mapped to ours only at the top level
		}
		return Fmter{"t"}
	case 27:
		return rune(randInt())
	case 28:
		return [3]byte{byte(rng.Intn(256)), 'a', 0}
	case 29:
		return []MyByte{1, 2, 'z'}
	case 30:
		return Point{int(randInt()), rng.Intn(5)}
	case 31:
		return &Point{rng.Intn(9), -1}
	case 32:
		return []any{randValue(depth + 1), randValue(depth + 1)}
	case 33:
		m := map[string]int{}
		for i := rng.Intn(5); i > 0; i-- {
			m[randString()] = rng.Intn(100)
		}
		return m
	case 34:
		m := map[int]any{}
		for i := rng.Intn(5); i > 0; i-- {
			m[rng.Intn(20)-10] = randValue(depth + 1)
		}
		return m
	case 35:
		return map[float64]string{math.NaN(): "nan", 1: "one", math.Inf(-1): "-inf", 0: "zero"}
	case 36:
		return map[any]int{1: 1, "a": 2, 2.5: 3, nil: 4, false: 5, Point{1, 2}: 6}
	case 37:
		return Outer{Inner: Inner{A: 1, b: "x", P: sharedPoint}, S: []int{1, 2}, M: map[string]int{"b": 2, "a": 1}, I: randValue(depth + 1), E: Err{"e"}, F: randFloat()}
	case 38:
		return &Outer{I: nil}
	case 39:
		return []string{randString(), randString()}
	case 40:
		return &PtrStringer{rng.Intn(5)}
	case 41:
		return nilPS
	case 42:
		return nilVS
	case 43:
		return Panicky{randValue(3)}
	case 44:
		return reflect.ValueOf(randValue(depth + 1))
	case 45:
		return []*Point{nilPoint, sharedPoint}
	case 46:
		return cyc
	case 47:
		return PanickyErr{}
	}
	return nil
}

const verbs = "vvvvdsqxXbcoOUeEfFgGtTpw%z!"

func randFormat(nargs int) string {
	var b strings.Builder
	n := 1 + rng.Intn(3)
	for i := 0; i < n; i++ {
		if rng.Intn(3) == 0 {
			b.WriteString([]string{"a", " ", "%%", "é", "x=", "\n"}[rng.Intn(6)])
		}
		b.WriteByte('%')
		for f := rng.Intn(4); f > 0; f-- {
			b.WriteByte("+-# 0"[rng.Intn(5)])
		}
		if rng.Intn(8) == 0 {
			fmt.Fprintf(&b, "[%d]", rng.Intn(nargs+2))
		}
		switch rng.Intn(6) {
		case 0:
			b.WriteString(strconv.Itoa(rng.Intn(25)))
		case 1:
			b.WriteByte('*')
		}
		switch rng.Intn(6) {
		case 0:
			b.WriteString("." + strconv.Itoa(rng.Intn(12)))
		case 1:
			b.WriteString(".*")
		case 2:
			b.WriteString(".")
		}
		if rng.Intn(40) == 0 {
			// a format ending in the middle of a verb
			break
		}
		b.WriteByte(verbs[rng.Intn(len(verbs))])
	}
	if rng.Intn(30) == 0 {
		b.WriteString("%")
	}
	return b.String()
}

// ---- comparison helpers ----

func call(f func() string) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = fmt.Sprintf("PANIC(%v)", r)
		}
	}()
	return f()
}

func compareSprintf(format string, args ...any) {
	got := call(func() string { return of.Sprintf(format, args...) })
	want := call(func() string { return fmt.Sprintf(format, args...) })
	if got != want {
		report(fmt.Sprintf("Sprintf(%q, %#v)", format, args), got, want)
	}
}

// Fmter implements Go's fmt.Formatter; for ours, wrap it so it sees our State.
type FmteR struct{ tag string }

func (f FmteR) Format(s of.State, verb rune) {
	w, wok := s.Width()
	p, pok := s.Precision()
	// Without the flag the number is stale state of the pooled printer
	// (in Go too), which depends on the pool's history: do not print it.
	if !wok {
		w = -1
	}
	if !pok {
		p = -1
	}
	flags := ""
	for _, c := range "-+# 0" {
		if s.Flag(int(c)) {
			flags += string(c)
		}
	}
	of.Fprintf(s, "[%s %c w=%d,%v p=%d,%v f=%q]", f.tag, verb, w, wok, p, pok, flags)
}

// ours maps a Go-side operand to what our fmt must see for the same output.
func ours(v any) any {
	if f, ok := v.(Fmter); ok {
		return FmteR(f)
	}
	return v
}

func compareCase(format string, args []any) {
	oargs := make([]any, len(args))
	for i, a := range args {
		oargs[i] = ours(a)
	}
	got := unmap(call(func() string { return of.Sprintf(format, oargs...) }))
	want := call(func() string { return fmt.Sprintf(format, args...) })
	if got != want {
		report(fmt.Sprintf("Sprintf(%q, %#v)", format, args), got, want)
	}
}

// unmap undoes the renaming of ours: type names of FmteR print as Fmter.
func unmap(s string) string { return strings.ReplaceAll(s, "main.FmteR", "main.Fmter") }

func fixed() {
	vals := []any{
		nil, true, 0, -7, 42, int8(-128), uint8(255), uint64(math.MaxUint64), uintptr(0xdead),
		3.0, -0.5, 1e6, 1e21, 1e-7, 123456.0, 1234567.0, math.NaN(), math.Inf(1), float32(0.1),
		complex(1, -2), complex64(complex(math.NaN(), math.Inf(-1))),
		"", "hi", "日本", "\xff", []byte("hi"), []byte(nil), [2]byte{1, 2}, NamedBytes("x"),
		Point{1, 2}, &Point{3, 4}, nilPoint, []Point{{1, 2}}, []any{1, "a", nil, 2.5},
		map[string]int{"z": 1, "a": 2}, map[string]int(nil), map[Point]string{{2, 1}: "b", {1, 2}: "a"},
		Outer{}, &Outer{S: []int{}}, Stringer{1}, &PtrStringer{2}, nilPS, nilVS, Err{"x"}, error(nil),
		GoStr{}, Panicky{"p"}, Panicky{nil}, Panicky{Err{"inner"}}, PanickyErr{}, Fmter{"f"},
		reflect.ValueOf(7), reflect.Value{}, reflect.ValueOf(Stringer{3}), unsafe.Pointer(nil),
		func() {}, (func())(nil), make(chan int), (chan int)(nil), cyc, Named(5), NamedStr("ns"),
		[]string(nil), []int(nil), [0]int{}, struct{}{}, struct{ a, B any }{}, &[]int{1}, &map[int]int{1: 2},
		'x', rune(0x10FFFF + 1), -1,
	}
	formats := []string{
		"%v", "%+v", "%#v", "%T", "%d", "%s", "%q", "%x", "%X", "%#x", "% x", "%# x", "%o", "%#o", "%O",
		"%b", "%c", "%U", "%#U", "%e", "%E", "%f", "%F", "%g", "%G", "%#g", "%.3g", "%10.3f", "%-10.3f|",
		"%+.3e", "%010.3f", "%-010d|", "%+d", "% d", "%08d", "%.0d", "%5.0d|", "%.5d", "%t", "%p", "%#p",
		"%6s|", "%-6s|", "%.2s", "%06s", "%x %X", "%!", "%z", "%", "%-", "%.", "%[1]d %[1]x", "%[2]d",
		"%[0]d", "%[x]d", "%[1]*d", "%*d", "%-*d|", "%.*d", "%.*f", "%[3]*.[2]*[1]f", "%d %d", "%w",
		"%v %v", "%.1q", "%#q", "%+q", "%#+q", "%10q|", "%5t|", "%#.3x", "%x-%X", "%08.3f", "%+08.3f",
		"% 8.3f", "%#.0f", "%#.0e", "%#v %+v", "%8v|", "%-8v|", "%08v", "%.2v", "%#8x", "%#-8x|",
		"%3c|", "%-4c|", "%08q", "%.0s|", "%#b", "%#X", "%+x", "% X", "%.3x", "%10.4x|", "%x %d %s",
		"%1000001d", "%.1000001d", "%[1]d %d %d", "%[3]d %[1]d", "%#[1]v", "%[2]*[1]d",
	}
	for _, f := range formats {
		for _, v := range vals {
			compareCase(f, []any{v})
		}
		compareCase(f, nil)
		compareCase(f, []any{1, 2})
		compareCase(f, []any{"a", 3, 2.5})
		compareCase(f, []any{5, int8(-3), "x"})
		compareCase(f, []any{uint(4), 2, 1.5})
	}
	// Width/precision from non-int operands.
	for _, w := range []any{int8(5), uint16(3), int64(1 << 40), uint64(1 << 63), -4, "x", nil, 2.0, 1000001, -1000001} {
		compareCase("%*d|", []any{w, 7})
		compareCase("%.*f|", []any{w, 3.14159})
		compareCase("%-*.*s|", []any{w, w, "abcdef"})
	}
}

func printVariants(args []any) {
	oargs := make([]any, len(args))
	for i, a := range args {
		oargs[i] = ours(a)
	}
	if g, w := call(func() string { return of.Sprint(oargs...) }), call(func() string { return fmt.Sprint(args...) }); g != w {
		report(fmt.Sprintf("Sprint(%#v)", args), g, w)
	}
	if g, w := call(func() string { return of.Sprintln(oargs...) }), call(func() string { return fmt.Sprintln(args...) }); g != w {
		report(fmt.Sprintf("Sprintln(%#v)", args), g, w)
	}
	if g, w := call(func() string { return string(of.Append([]byte("pre:"), oargs...)) }), call(func() string { return "pre:" + fmt.Sprint(args...) }); g != w {
		report(fmt.Sprintf("Append(%#v)", args), g, w)
	}
	if g, w := call(func() string { return string(of.Appendln(nil, oargs...)) }), call(func() string { return fmt.Sprintln(args...) }); g != w {
		report(fmt.Sprintf("Appendln(%#v)", args), g, w)
	}
	var gb, wb bytes.Buffer
	gn, gerr := of.Fprint(&gb, oargs...)
	wn, werr := fmt.Fprint(&wb, args...)
	if gb.String() != wb.String() || gn != wn || (gerr == nil) != (werr == nil) {
		report(fmt.Sprintf("Fprint(%#v)", args), gb.String(), wb.String())
	}
}

type failWriter struct{}

func (failWriter) Write(p []byte) (int, error) { return 1, errors.New("short") }

func errorfCases() {
	base := Err{"base"}
	cases := []struct {
		format string
		args   []any
	}{
		{"wrap: %w", []any{base}},
		{"wrap: %v", []any{base}},
		{"two: %w %w", []any{base, base}},
		{"notErr: %w", []any{5}},
		{"nil: %w", []any{nil}},
		{"%w", []any{error(nil)}},
		{"%+w|%-8w|", []any{base, base}},
		{"%d %w", []any{1, base}},
		{"%s", []any{base}},
		{"x %w", []any{Panicky{"p"}}},
		{"fmter %w", []any{Fmter{"e"}}},
	}
	for _, c := range cases {
		oargs := make([]any, len(c.args))
		for i, a := range c.args {
			oargs[i] = ours(a)
		}
		ge := of.Errorf(c.format, oargs...)
		we := fmt.Errorf(c.format, c.args...)
		if unmap(ge.Error()) != we.Error() {
			report("Errorf "+c.format, ge.Error(), we.Error())
		}
		gu, wu := errors.Unwrap(ge), errors.Unwrap(we)
		if (gu == nil) != (wu == nil) || gu != nil && gu.Error() != wu.Error() {
			report("Errorf unwrap "+c.format, fmt.Sprint(gu), fmt.Sprint(wu))
		}
		if errors.Is(ge, base) != errors.Is(we, base) {
			report("Errorf Is "+c.format, fmt.Sprint(errors.Is(ge, base)), fmt.Sprint(errors.Is(we, base)))
		}
	}
	gn, gerr := of.Fprintf(failWriter{}, "abc")
	wn, werr := fmt.Fprintf(failWriter{}, "abc")
	if gn != wn || fmt.Sprint(gerr) != fmt.Sprint(werr) {
		report("Fprintf failing writer", fmt.Sprint(gn, gerr), fmt.Sprint(wn, werr))
	}
}

func main() {
	n := 20000
	if s := os.Getenv("GORTSTD_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	seed := int64(1)
	if s := os.Getenv("GORTSTD_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	rng = rand.New(rand.NewSource(seed))
	fixed()
	errorfCases()
	for i := 0; i < n; i++ {
		nargs := rng.Intn(4)
		args := make([]any, nargs)
		for j := range args {
			args[j] = randValue(0)
		}
		compareCase(randFormat(nargs), args)
		if i%4 == 0 {
			printVariants(args)
		}
	}
	if fails > 0 {
		fmt.Printf("%d mismatches\n", fails)
		os.Exit(1)
	}
	fmt.Printf("fmt: %d random cases ok\n", n)
}
