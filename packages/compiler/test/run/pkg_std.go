package main

// Exercises gort's standard library through the compiler: strconv, strings, sort, errors,
// unicode, container/list and container/ring (one program: each fmt-linking program costs a compile).

import (
	"container/list"
	"container/ring"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

func strconvMain() {
	fmt.Println(strconv.Itoa(-123), strconv.FormatInt(255, 16), strconv.FormatUint(1<<63, 2))
	fmt.Println(strconv.Quote("hé\n\x00"), strconv.QuoteToASCII("日本"), strconv.QuoteRune('☺'))
	for _, s := range []string{"42", "-9223372036854775808", "9223372036854775808", "0x1f", "abc", ""} {
		n, err := strconv.ParseInt(s, 0, 64)
		fmt.Println(n, err)
	}
	for _, s := range []string{"3.14", "1e400", "-0", "inf", "0x1p-2", "1_000.5", "nan"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println(f, err)
	}
	for _, f := range []float64{0, 1.0 / 3, 1e21, 123456789, 5e-324, -2.5} {
		fmt.Println(strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'e', 3, 64), strconv.FormatFloat(f, 'f', 2, 32))
	}
	b, err := strconv.ParseBool("true")
	fmt.Println(b, err)
	u, err := strconv.Unquote(`"a\tb"`)
	fmt.Println(u, err)
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	fmt.Println(string(strconv.AppendInt([]byte("n="), 77, 10)))
}

func stringsMain() {
	s := "Hello, World, Go"
	fmt.Println(strings.ToUpper(s), strings.ToLower(s), strings.Title("go lang"))
	fmt.Println(strings.Split(s, ", "), len(strings.Fields("  a b\tc\n")), strings.Join([]string{"x", "y"}, "-"))
	fmt.Println(strings.Contains(s, "World"), strings.Index(s, "o"), strings.LastIndex(s, "o"), strings.Count(s, "o"))
	fmt.Println(strings.Replace(s, "o", "0", 2), strings.ReplaceAll(s, ", ", "|"), strings.Repeat("ab", 3))
	fmt.Println(strings.TrimSpace("  x  "), strings.Trim("xxhixx", "x"), strings.TrimPrefix(s, "Hello"), strings.TrimSuffix(s, "Go"))
	fmt.Println(strings.HasPrefix(s, "He"), strings.HasSuffix(s, "Go"), strings.EqualFold("Go", "GO"), strings.Compare("a", "b"))
	var b strings.Builder
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&b, "%d;", i)
	}
	b.WriteByte('!')
	b.WriteRune('é')
	fmt.Println(b.String(), b.Len())
	r := strings.NewReplacer("a", "1", "b", "2")
	fmt.Println(r.Replace("abcab"))
	fmt.Println(strings.Map(func(r rune) rune { return r + 1 }, "HAL"), strings.IndexFunc("abc1", func(r rune) bool { return r >= '0' && r <= '9' }))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(strings.SplitN("a,b,c,d", ",", 2), before, after, found)
	rd := strings.NewReader("reader")
	buf := make([]byte, 3)
	n, _ := rd.Read(buf)
	fmt.Println(n, string(buf), rd.Len())
}

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

type myErr struct{ code int }

func (e *myErr) Error() string { return fmt.Sprint("code ", e.code) }

func sortMain() {
	xs := []int{5, 2, 8, 1, 9, 3, 7, 3}
	sort.Ints(xs)
	fmt.Println(xs, sort.IntsAreSorted(xs), sort.SearchInts(xs, 7))
	ss := []string{"pear", "fig", "banana", "kiwi"}
	sort.Strings(ss)
	fmt.Println(ss)
	sort.Sort(byLen(ss))
	fmt.Println(ss)
	sort.Stable(sort.Reverse(byLen(ss)))
	fmt.Println(ss)
	people := []struct {
		name string
		age  int
	}{{"a", 30}, {"b", 25}, {"c", 30}, {"d", 20}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].age < people[j].age })
	fmt.Println(people)
	fs := []float64{2.5, -1, 3}
	sort.Float64s(fs)
	fmt.Println(fs, sort.Search(100, func(i int) bool { return i*i >= 50 }))
	base := errors.New("base")
	wrapped := fmt.Errorf("ctx: %w", base)
	fmt.Println(errors.Is(wrapped, base), errors.Is(base, wrapped))
	var me *myErr
	err := fmt.Errorf("outer: %w", &myErr{42})
	fmt.Println(errors.As(err, &me), me.code, err)
}

func unicodeMain() {
	for _, r := range []rune{'a', 'Z', '5', ' ', '\n', 'é', 'Σ', 'ß', '世', '٣', '_', '!', 0x1F600, 'ǅ', 0x10FFFF} {
		println(r, unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsNumber(r), unicode.IsSpace(r), unicode.IsUpper(r), unicode.IsLower(r))
		println(unicode.IsPunct(r), unicode.IsPrint(r), unicode.IsGraphic(r), unicode.IsControl(r), unicode.IsTitle(r), unicode.IsSymbol(r))
		println(unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r), unicode.SimpleFold(r), unicode.Is(unicode.Han, r), unicode.In(r, unicode.Greek, unicode.Latin))
	}
	println(unicode.MaxRune, unicode.ReplacementChar, unicode.Version)
}

func containersMain() {
	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	l.MoveToBack(e1)
	l.MoveToFront(e4)
	for e := l.Front(); e != nil; e = e.Next() {
		print(e.Value.(int), " ")
	}
	println(l.Len())
	l.Remove(e4)
	for e := l.Back(); e != nil; e = e.Prev() {
		print(e.Value.(int), " ")
	}
	println(l.Len())
	r := ring.New(5)
	for i := 0; i < r.Len(); i++ {
		r.Value = i * i
		r = r.Next()
	}
	r.Do(func(p any) { print(p.(int), " ") })
	println()
	r.Unlink(2)
	r.Do(func(p any) { print(p.(int), " ") })
	println(r.Len())
}

func main() {
	strconvMain()
	stringsMain()
	sortMain()
	unicodeMain()
	containersMain()
}
