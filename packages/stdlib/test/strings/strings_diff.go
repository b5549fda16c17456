//go:build ignore

// Differential test: gort's strings and bytes against Go's, on random
// strings over a small alphabet with multi-byte, invalid and case-variant
// characters. For bytes, results are compared with their nil-ness and
// capacity. Builder, Buffer, Reader and Replacer run random operation
// sequences.
package main

import (
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"unicode"

	obytes "gortstd/bytes"
	oio "gortstd/io"
	ostrings "gortstd/strings"
	ounicode "gortstd/unicode"
)

var fails int

// norm replaces errors (inside arrays too) by their messages, so that ours
// and Go's distinct error values compare by text.
func norm(v any) any {
	if e, ok := v.(error); ok {
		return "error:" + e.Error()
	}
	switch a := v.(type) {
	case [2]any:
		return [2]any{norm(a[0]), norm(a[1])}
	case [3]any:
		return [3]any{norm(a[0]), norm(a[1]), norm(a[2])}
	}
	return v
}

func check(what string, in any, got, want any) {
	g, w := fmt.Sprintf("%#v", norm(got)), fmt.Sprintf("%#v", norm(want))
	if g != w {
		fails++
		if fails < 30 {
			fmt.Printf("%s(%#v):\n got  %s\n want %s\n", what, in, g, w)
		}
	}
}

// desc describes a byte slice with its nil-ness and capacity.
func desc(b []byte) string {
	if b == nil {
		return "nil"
	}
	return fmt.Sprintf("%q/%d", b, cap(b))
}

func descs(bs [][]byte) string {
	if bs == nil {
		return "nil"
	}
	s := fmt.Sprintf("cap%d[", cap(bs))
	for _, b := range bs {
		s += desc(b) + " "
	}
	return s + "]"
}

func strs(ss []string) string {
	if ss == nil {
		return "nil"
	}
	return fmt.Sprintf("%q/%d", ss, cap(ss))
}

var alphabet = []string{"a", "b", "A", "B", "k", "K", "\u212a", "s", "S", "\u017f", " ", "  ", "\t", "\n", "\u00a0",
	"\u2003", "é", "É", "ß", "ǅ", "Σ", "σ", "ς", "世", "\xff", "\xe2\x82", "\xf0\x9f\x98\x80", "ab", "_", "-", ".",
	"\u0130", "i", "I", "\u0131", "x", "\ufffd", "0", "9"}

func randStr(r *rand.Rand, max int) string {
	n := r.Intn(max + 1)
	var sb strings.Builder
	for i := 0; i < n; i++ {
		sb.WriteString(alphabet[r.Intn(len(alphabet))])
	}
	return sb.String()
}

func randShort(r *rand.Rand) string {
	if r.Intn(5) == 0 {
		return ""
	}
	return randStr(r, 2)
}

type pred struct {
	name string
	f, g func(rune) bool
}

func main() {
	n, _ := strconv.Atoi(os.Getenv("GORTSTD_N"))
	if n == 0 {
		n = 20000
	}
	r := rand.New(rand.NewSource(4))
	preds := []pred{
		{"IsSpace", ounicode.IsSpace, unicode.IsSpace},
		{"IsUpper", ounicode.IsUpper, unicode.IsUpper},
		{"isA", func(c rune) bool { return c == 'a' || c == '\ufffd' }, func(c rune) bool { return c == 'a' || c == '\ufffd' }},
	}
	mappers := []struct {
		name string
		f, g func(rune) rune
	}{
		{"ToUpper", ounicode.ToUpper, unicode.ToUpper},
		{"drop-a", func(c rune) rune {
			if c == 'a' {
				return -1
			}
			return c
		}, func(c rune) rune {
			if c == 'a' {
				return -1
			}
			return c
		}},
		{"identity", func(c rune) rune { return c }, func(c rune) rune { return c }},
		{"widen", func(c rune) rune {
			if c < 0x80 {
				return c + 0x4e00
			}
			return c
		}, func(c rune) rune {
			if c < 0x80 {
				return c + 0x4e00
			}
			return c
		}},
		{"invalid", func(c rune) rune { return c + 0x110000 }, func(c rune) rune { return c + 0x110000 }},
	}
	for iter := 0; iter < n; iter++ {
		s, t := randStr(r, 8), randShort(r)
		if r.Intn(4) == 0 {
			t = s[r.Intn(len(s)+1):]
			t = t[:r.Intn(len(t)+1)]
		}
		b, bt := []byte(s), []byte(t)
		k := r.Intn(6) - 2
		rn := []rune(s + "a\ufffd\u212a")[r.Intn(len([]rune(s))+3)]
		if r.Intn(10) == 0 {
			rn = rune(r.Intn(0x110010)) - 2
		}
		in := [2]string{s, t}
		// strings
		check("Compare", in, ostrings.Compare(s, t), strings.Compare(s, t))
		check("Contains", in, ostrings.Contains(s, t), strings.Contains(s, t))
		check("ContainsAny", in, ostrings.ContainsAny(s, t), strings.ContainsAny(s, t))
		check("ContainsRune", in, ostrings.ContainsRune(s, rn), strings.ContainsRune(s, rn))
		check("Count", in, ostrings.Count(s, t), strings.Count(s, t))
		a1, a2, a3 := ostrings.Cut(s, t)
		b1, b2, b3 := strings.Cut(s, t)
		check("Cut", in, [3]any{a1, a2, a3}, [3]any{b1, b2, b3})
		check("EqualFold", in, ostrings.EqualFold(s, t), strings.EqualFold(s, t))
		u := strings.ToUpper(s)
		check("EqualFold upper", in, ostrings.EqualFold(s, u), strings.EqualFold(s, u))
		check("Fields", in, strs(ostrings.Fields(s)), strs(strings.Fields(s)))
		check("HasPrefix", in, ostrings.HasPrefix(s, t), strings.HasPrefix(s, t))
		check("HasSuffix", in, ostrings.HasSuffix(s, t), strings.HasSuffix(s, t))
		check("Index", in, ostrings.Index(s, t), strings.Index(s, t))
		check("IndexAny", in, ostrings.IndexAny(s, t), strings.IndexAny(s, t))
		check("IndexByte", in, ostrings.IndexByte(s, 'a'), strings.IndexByte(s, 'a'))
		check("IndexRune", in, ostrings.IndexRune(s, rn), strings.IndexRune(s, rn))
		check("LastIndex", in, ostrings.LastIndex(s, t), strings.LastIndex(s, t))
		check("LastIndexAny", in, ostrings.LastIndexAny(s, t), strings.LastIndexAny(s, t))
		check("LastIndexByte", in, ostrings.LastIndexByte(s, 'b'), strings.LastIndexByte(s, 'b'))
		for _, p := range preds {
			check("IndexFunc "+p.name, in, ostrings.IndexFunc(s, p.f), strings.IndexFunc(s, p.g))
			check("LastIndexFunc "+p.name, in, ostrings.LastIndexFunc(s, p.f), strings.LastIndexFunc(s, p.g))
			check("TrimFunc "+p.name, in, ostrings.TrimFunc(s, p.f), strings.TrimFunc(s, p.g))
			check("TrimLeftFunc "+p.name, in, ostrings.TrimLeftFunc(s, p.f), strings.TrimLeftFunc(s, p.g))
			check("TrimRightFunc "+p.name, in, ostrings.TrimRightFunc(s, p.f), strings.TrimRightFunc(s, p.g))
			check("FieldsFunc "+p.name, in, strs(ostrings.FieldsFunc(s, p.f)), strs(strings.FieldsFunc(s, p.g)))
			check("b.IndexFunc "+p.name, in, obytes.IndexFunc(b, p.f), bytes.IndexFunc(b, p.g))
			check("b.LastIndexFunc "+p.name, in, obytes.LastIndexFunc(b, p.f), bytes.LastIndexFunc(b, p.g))
			check("b.TrimFunc "+p.name, in, desc(obytes.TrimFunc(b, p.f)), desc(bytes.TrimFunc(b, p.g)))
			check("b.TrimLeftFunc "+p.name, in, desc(obytes.TrimLeftFunc(b, p.f)), desc(bytes.TrimLeftFunc(b, p.g)))
			check("b.TrimRightFunc "+p.name, in, desc(obytes.TrimRightFunc(b, p.f)), desc(bytes.TrimRightFunc(b, p.g)))
			check("b.FieldsFunc "+p.name, in, descs(obytes.FieldsFunc(b, p.f)), descs(bytes.FieldsFunc(b, p.g)))
		}
		for _, m := range mappers {
			check("Map "+m.name, in, ostrings.Map(m.f, s), strings.Map(m.g, s))
			check("b.Map "+m.name, in, desc(obytes.Map(m.f, b)), desc(bytes.Map(m.g, b)))
		}
		check("Repeat", in, ostrings.Repeat(t, k+2), strings.Repeat(t, k+2))
		check("Replace", [3]any{s, t, k}, ostrings.Replace(s, t, "<>", k), strings.Replace(s, t, "<>", k))
		check("ReplaceAll", in, ostrings.ReplaceAll(s, t, "ab"), strings.ReplaceAll(s, t, "ab"))
		check("Split", in, strs(ostrings.Split(s, t)), strs(strings.Split(s, t)))
		check("SplitAfter", in, strs(ostrings.SplitAfter(s, t)), strs(strings.SplitAfter(s, t)))
		check("SplitN", [3]any{s, t, k}, strs(ostrings.SplitN(s, t, k)), strs(strings.SplitN(s, t, k)))
		check("SplitAfterN", [3]any{s, t, k}, strs(ostrings.SplitAfterN(s, t, k)), strs(strings.SplitAfterN(s, t, k)))
		check("Title", in, ostrings.Title(s), strings.Title(s))
		check("ToLower", in, ostrings.ToLower(s), strings.ToLower(s))
		check("ToUpper", in, ostrings.ToUpper(s), strings.ToUpper(s))
		check("ToTitle", in, ostrings.ToTitle(s), strings.ToTitle(s))
		check("ToUpperSpecial", in, ostrings.ToUpperSpecial(ounicode.TurkishCase, s), strings.ToUpperSpecial(unicode.TurkishCase, s))
		check("ToLowerSpecial", in, ostrings.ToLowerSpecial(ounicode.TurkishCase, s), strings.ToLowerSpecial(unicode.TurkishCase, s))
		check("ToValidUTF8", in, ostrings.ToValidUTF8(s, t), strings.ToValidUTF8(s, t))
		check("Trim", in, ostrings.Trim(s, t), strings.Trim(s, t))
		check("TrimLeft", in, ostrings.TrimLeft(s, t), strings.TrimLeft(s, t))
		check("TrimRight", in, ostrings.TrimRight(s, t), strings.TrimRight(s, t))
		check("TrimPrefix", in, ostrings.TrimPrefix(s, t), strings.TrimPrefix(s, t))
		check("TrimSuffix", in, ostrings.TrimSuffix(s, t), strings.TrimSuffix(s, t))
		check("TrimSpace", in, ostrings.TrimSpace(s), strings.TrimSpace(s))
		parts := strings.Split(s, " ")
		check("Join", in, ostrings.Join(parts, t), strings.Join(parts, t))
		check("Clone", in, ostrings.Clone(s), strings.Clone(s))
		// bytes
		check("b.Equal", in, obytes.Equal(b, bt), bytes.Equal(b, bt))
		check("b.Compare", in, obytes.Compare(b, bt), bytes.Compare(b, bt))
		check("b.Contains", in, obytes.Contains(b, bt), bytes.Contains(b, bt))
		check("b.ContainsAny", in, obytes.ContainsAny(b, t), bytes.ContainsAny(b, t))
		check("b.ContainsRune", in, obytes.ContainsRune(b, rn), bytes.ContainsRune(b, rn))
		check("b.Count", in, obytes.Count(b, bt), bytes.Count(b, bt))
		c1, c2, c3 := obytes.Cut(b, bt)
		d1, d2, d3 := bytes.Cut(b, bt)
		check("b.Cut", in, [3]any{desc(c1), desc(c2), c3}, [3]any{desc(d1), desc(d2), d3})
		check("b.EqualFold", in, obytes.EqualFold(b, bt), bytes.EqualFold(b, bt))
		check("b.EqualFold upper", in, obytes.EqualFold(b, []byte(u)), bytes.EqualFold(b, []byte(u)))
		check("b.Fields", in, descs(obytes.Fields(b)), descs(bytes.Fields(b)))
		check("b.HasPrefix", in, obytes.HasPrefix(b, bt), bytes.HasPrefix(b, bt))
		check("b.HasSuffix", in, obytes.HasSuffix(b, bt), bytes.HasSuffix(b, bt))
		check("b.Index", in, obytes.Index(b, bt), bytes.Index(b, bt))
		check("b.IndexAny", in, obytes.IndexAny(b, t), bytes.IndexAny(b, t))
		check("b.IndexByte", in, obytes.IndexByte(b, 'a'), bytes.IndexByte(b, 'a'))
		check("b.IndexRune", in, obytes.IndexRune(b, rn), bytes.IndexRune(b, rn))
		check("b.LastIndex", in, obytes.LastIndex(b, bt), bytes.LastIndex(b, bt))
		check("b.LastIndexAny", in, obytes.LastIndexAny(b, t), bytes.LastIndexAny(b, t))
		check("b.LastIndexByte", in, obytes.LastIndexByte(b, 'b'), bytes.LastIndexByte(b, 'b'))
		check("b.Repeat", in, desc(obytes.Repeat(bt, k+2)), desc(bytes.Repeat(bt, k+2)))
		check("b.Replace", [3]any{s, t, k}, desc(obytes.Replace(b, bt, []byte("<>"), k)), desc(bytes.Replace(b, bt, []byte("<>"), k)))
		check("b.ReplaceAll", in, desc(obytes.ReplaceAll(b, bt, nil)), desc(bytes.ReplaceAll(b, bt, nil)))
		check("b.Runes", in, obytes.Runes(b), bytes.Runes(b))
		check("b.Split", in, descs(obytes.Split(b, bt)), descs(bytes.Split(b, bt)))
		check("b.SplitAfter", in, descs(obytes.SplitAfter(b, bt)), descs(bytes.SplitAfter(b, bt)))
		check("b.SplitN", [3]any{s, t, k}, descs(obytes.SplitN(b, bt, k)), descs(bytes.SplitN(b, bt, k)))
		check("b.SplitAfterN", [3]any{s, t, k}, descs(obytes.SplitAfterN(b, bt, k)), descs(bytes.SplitAfterN(b, bt, k)))
		check("b.Title", in, desc(obytes.Title(b)), desc(bytes.Title(b)))
		check("b.ToLower", in, desc(obytes.ToLower(b)), desc(bytes.ToLower(b)))
		check("b.ToUpper", in, desc(obytes.ToUpper(b)), desc(bytes.ToUpper(b)))
		check("b.ToTitle", in, desc(obytes.ToTitle(b)), desc(bytes.ToTitle(b)))
		check("b.ToUpperSpecial", in, desc(obytes.ToUpperSpecial(ounicode.TurkishCase, b)), desc(bytes.ToUpperSpecial(unicode.TurkishCase, b)))
		check("b.ToValidUTF8", in, desc(obytes.ToValidUTF8(b, bt)), desc(bytes.ToValidUTF8(b, bt)))
		check("b.Trim", in, desc(obytes.Trim(b, t)), desc(bytes.Trim(b, t)))
		check("b.TrimLeft", in, desc(obytes.TrimLeft(b, t)), desc(bytes.TrimLeft(b, t)))
		check("b.TrimRight", in, desc(obytes.TrimRight(b, t)), desc(bytes.TrimRight(b, t)))
		check("b.TrimPrefix", in, desc(obytes.TrimPrefix(b, bt)), desc(bytes.TrimPrefix(b, bt)))
		check("b.TrimSuffix", in, desc(obytes.TrimSuffix(b, bt)), desc(bytes.TrimSuffix(b, bt)))
		check("b.TrimSpace", in, desc(obytes.TrimSpace(b)), desc(bytes.TrimSpace(b)))
		bparts := bytes.Split(b, []byte(" "))
		check("b.Join", in, desc(obytes.Join(bparts, bt)), desc(bytes.Join(bparts, bt)))
		check("b.Join1", in, desc(obytes.Join(bparts[:1], bt)), desc(bytes.Join(bparts[:1], bt)))
		check("b.Join0", in, desc(obytes.Join(nil, bt)), desc(bytes.Join(nil, bt)))
		// nil inputs
		check("b.Trim nil", in, desc(obytes.Trim(nil, t)), desc(bytes.Trim(nil, t)))
		check("b.TrimRight empty", in, desc(obytes.TrimRight([]byte{}, t)), desc(bytes.TrimRight([]byte{}, t)))

		if iter%4 == 0 {
			replacerCase(r)
			builderCase(r)
			bufferCase(r)
			readerCase(r)
		}
	}
	catch := func(f func()) (s string) {
		defer func() { s = fmt.Sprint(recover()) }()
		f()
		return
	}
	check("Repeat panic", 0, catch(func() { ostrings.Repeat("x", -1) }), catch(func() { strings.Repeat("x", -1) }))
	check("Repeat overflow", 0, catch(func() { ostrings.Repeat("xx", 1<<62) }), catch(func() { strings.Repeat("xx", 1<<62) }))
	check("b.Repeat panic", 0, catch(func() { obytes.Repeat([]byte("x"), -1) }), catch(func() { bytes.Repeat([]byte("x"), -1) }))
	check("NewReplacer odd", 0, catch(func() { ostrings.NewReplacer("a") }), catch(func() { strings.NewReplacer("a") }))
	check("Builder copy", 0, catch(func() {
		var b ostrings.Builder
		b.WriteString("x")
		c := b
		c.WriteString("y")
	}), catch(func() {
		var b strings.Builder
		b.WriteString("x")
		c := b
		c.WriteString("y")
	}))
	check("Builder.Grow neg", 0, catch(func() { var b ostrings.Builder; b.Grow(-1) }), catch(func() { var b strings.Builder; b.Grow(-1) }))
	check("Buffer.Truncate", 0, catch(func() { var b obytes.Buffer; b.Truncate(3) }), catch(func() { var b bytes.Buffer; b.Truncate(3) }))
	check("Buffer nil String", 0, (*obytes.Buffer)(nil).String(), (*bytes.Buffer)(nil).String())
	if fails > 0 {
		fmt.Printf("FAIL strings/bytes: %d mismatches\n", fails)
		os.Exit(1)
	}
	fmt.Println("ok strings/bytes")
}

func replacerCase(r *rand.Rand) {
	var args []string
	for i := r.Intn(4); i > 0; i-- {
		old := randShort(r)
		if r.Intn(3) == 0 && old != "" {
			old = old[:1]
		}
		nw := randShort(r)
		if r.Intn(3) == 0 && nw != "" {
			nw = nw[:1]
		}
		args = append(args, old, nw)
	}
	s := randStr(r, 8)
	got := ostrings.NewReplacer(args...).Replace(s)
	want := strings.NewReplacer(args...).Replace(s)
	check("Replacer", [2]any{args, s}, got, want)
	var w1, w2 bytes.Buffer
	n1, _ := ostrings.NewReplacer(args...).WriteString(&w1, s)
	n2, _ := strings.NewReplacer(args...).WriteString(&w2, s)
	check("Replacer.WriteString", [2]any{args, s}, [2]any{n1, w1.String()}, [2]any{n2, w2.String()})
}

func builderCase(r *rand.Rand) {
	var a ostrings.Builder
	var b strings.Builder
	var log []string
	for i := r.Intn(12); i > 0; i-- {
		switch r.Intn(6) {
		case 0:
			k := r.Intn(100)
			a.Grow(k)
			b.Grow(k)
			log = append(log, fmt.Sprint("Grow", k))
		case 1:
			s := randStr(r, 20)
			x, _ := a.WriteString(s)
			y, _ := b.WriteString(s)
			check("Builder.WriteString", log, x, y)
			log = append(log, "WriteString")
		case 2:
			c := rune(r.Intn(0x300)) * rune(r.Intn(3)+1)
			x, _ := a.WriteRune(c)
			y, _ := b.WriteRune(c)
			check("Builder.WriteRune", log, x, y)
			log = append(log, "WriteRune")
		case 3:
			a.WriteByte('z')
			b.WriteByte('z')
			log = append(log, "WriteByte")
		case 4:
			p := []byte(randStr(r, 70))
			a.Write(p)
			b.Write(p)
			log = append(log, "Write")
		case 5:
			if r.Intn(3) == 0 {
				a.Reset()
				b.Reset()
				log = append(log, "Reset")
			}
		}
		check("Builder state", log, [3]any{a.String(), a.Len(), a.Cap()}, [3]any{b.String(), b.Len(), b.Cap()})
	}
}

func bufferCase(r *rand.Rand) {
	var init []byte
	if r.Intn(2) == 0 {
		init = []byte(randStr(r, 10))
	}
	a, b := obytes.NewBuffer(append([]byte(nil), init...)), bytes.NewBuffer(append([]byte(nil), init...))
	if r.Intn(4) == 0 {
		a, b = new(obytes.Buffer), new(bytes.Buffer)
	}
	var log []string
	for i := r.Intn(20); i > 0; i-- {
		op := r.Intn(16)
		log = append(log, fmt.Sprint(op))
		var x, y any
		switch op {
		case 0:
			k := r.Intn(300)
			a.Grow(k)
			b.Grow(k)
		case 1:
			s := randStr(r, 40)
			n1, e1 := a.WriteString(s)
			n2, e2 := b.WriteString(s)
			x, y = [2]any{n1, e1}, [2]any{n2, e2}
		case 2:
			c := rune(r.Intn(0x300)) * rune(r.Intn(3)+1)
			n1, _ := a.WriteRune(c)
			n2, _ := b.WriteRune(c)
			x, y = n1, n2
		case 3:
			p := make([]byte, r.Intn(10))
			q := make([]byte, len(p))
			n1, e1 := a.Read(p)
			n2, e2 := b.Read(q)
			x, y = [3]any{n1, e1, string(p)}, [3]any{n2, e2, string(q)}
		case 4:
			c1, e1 := a.ReadByte()
			c2, e2 := b.ReadByte()
			x, y = [2]any{c1, e1}, [2]any{c2, e2}
		case 5:
			r1, s1, e1 := a.ReadRune()
			r2, s2, e2 := b.ReadRune()
			x, y = [3]any{r1, s1, e1}, [3]any{r2, s2, e2}
		case 6:
			x, y = fmt.Sprint(a.UnreadRune()), fmt.Sprint(b.UnreadRune())
		case 7:
			x, y = fmt.Sprint(a.UnreadByte()), fmt.Sprint(b.UnreadByte())
		case 8:
			l1, e1 := a.ReadBytes('a')
			l2, e2 := b.ReadBytes('a')
			x, y = [2]any{desc(l1), e1}, [2]any{desc(l2), e2}
		case 9:
			l1, e1 := a.ReadString(' ')
			l2, e2 := b.ReadString(' ')
			x, y = [2]any{l1, e1}, [2]any{l2, e2}
		case 10:
			k := r.Intn(5)
			x, y = string(a.Next(k)), string(b.Next(k))
		case 11:
			if k := r.Intn(a.Len() + 1); k <= b.Len() {
				a.Truncate(k)
				b.Truncate(k)
			}
		case 12:
			s := randStr(r, 300)
			n1, e1 := a.ReadFrom(ostrings.NewReader(s))
			n2, e2 := b.ReadFrom(strings.NewReader(s))
			x, y = [2]any{n1, e1}, [2]any{n2, e2}
		case 13:
			var w1, w2 strings.Builder
			n1, e1 := a.WriteTo(&w1)
			n2, e2 := b.WriteTo(&w2)
			x, y = [3]any{n1, e1, w1.String()}, [3]any{n2, e2, w2.String()}
		case 14:
			p := []byte(randStr(r, 100))
			a.Write(p)
			b.Write(p)
		case 15:
			a.WriteByte('q')
			b.WriteByte('q')
		}
		check("Buffer op", log, x, y)
		check("Buffer state", log, [3]any{a.String(), a.Len(), a.Cap()}, [3]any{b.String(), b.Len(), b.Cap()})
	}
}

type rdr interface {
	io.Reader
	io.ReaderAt
	io.ByteScanner
	io.RuneScanner
	io.Seeker
	Len() int
	Size() int64
}

func readerCase(r *rand.Rand) {
	s := randStr(r, 10)
	pairs := [][2]rdr{{ostrings.NewReader(s), strings.NewReader(s)}, {obytes.NewReader([]byte(s)), bytes.NewReader([]byte(s))}}
	for _, p := range pairs {
		a, b := p[0], p[1]
		var log []string
		for i := r.Intn(15); i > 0; i-- {
			op := r.Intn(8)
			log = append(log, fmt.Sprint(op))
			var x, y any
			switch op {
			case 0:
				q1, q2 := make([]byte, r.Intn(5)), make([]byte, 0)
				q2 = make([]byte, len(q1))
				n1, e1 := a.Read(q1)
				n2, e2 := b.Read(q2)
				x, y = [3]any{n1, e1, string(q1)}, [3]any{n2, e2, string(q2)}
			case 1:
				q1 := make([]byte, r.Intn(5))
				q2 := make([]byte, len(q1))
				off := int64(r.Intn(14) - 2)
				n1, e1 := a.ReadAt(q1, off)
				n2, e2 := b.ReadAt(q2, off)
				x, y = [3]any{n1, e1, string(q1)}, [3]any{n2, e2, string(q2)}
			case 2:
				c1, e1 := a.ReadByte()
				c2, e2 := b.ReadByte()
				x, y = [2]any{c1, e1}, [2]any{c2, e2}
			case 3:
				x, y = fmt.Sprint(a.UnreadByte()), fmt.Sprint(b.UnreadByte())
			case 4:
				r1, s1, e1 := a.ReadRune()
				r2, s2, e2 := b.ReadRune()
				x, y = [3]any{r1, s1, e1}, [3]any{r2, s2, e2}
			case 5:
				x, y = fmt.Sprint(a.UnreadRune()), fmt.Sprint(b.UnreadRune())
			case 6:
				off, wh := int64(r.Intn(16)-4), r.Intn(4)
				n1, e1 := a.Seek(off, wh)
				n2, e2 := b.Seek(off, wh)
				x, y = [2]any{n1, e1}, [2]any{n2, e2}
			case 7:
				var w1, w2 strings.Builder
				n1, e1 := a.(interface {
					WriteTo(oio.Writer) (int64, error)
				}).WriteTo(&w1)
				n2, e2 := b.(io.WriterTo).WriteTo(&w2)
				x, y = [3]any{n1, e1, w1.String()}, [3]any{n2, e2, w2.String()}
			}
			check(fmt.Sprintf("%T op", b), log, x, y)
			check(fmt.Sprintf("%T state", b), log, [2]any{a.Len(), a.Size()}, [2]any{b.Len(), b.Size()})
		}
	}
}
